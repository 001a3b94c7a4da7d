// Runs a measurement on servers in turn, sweeping forward then back
// (A B B A A B… for two, A B C C B A… for three), so that whatever
// else the machine is doing falls on all alike.

/** `runs` measurements in all, shared among `servers` in that order. */
export async function alternate<S, R>(
  runs: number,
  servers: S[],
  measure: (server: S) => Promise<R>,
) {
  const results = new Map<S, R[]>(servers.map((server) => [server, []]));
  const sweep = [...servers, ...servers.toReversed()];
  for (let run = 0; run < runs; run++) {
    const server = sweep[run % sweep.length]!;
    results.get(server)!.push(await measure(server));
  }
  return results;
}
