// Runs a measurement on two servers in turn, A B B A A B B A…, so
// that whatever else the machine is doing falls on both alike.

/** `runs` measurements in all, half on each of `a` and `b`, in that order. */
export async function alternate<S, R>(
  runs: number,
  [a, b]: [S, S],
  measure: (server: S) => Promise<R>,
) {
  const results = new Map<S, R[]>([
    [a, []],
    [b, []],
  ]);
  for (let run = 0; run < runs; run++) {
    const server = [a, b, b, a][run % 4]!;
    results.get(server)!.push(await measure(server));
  }
  return results;
}
