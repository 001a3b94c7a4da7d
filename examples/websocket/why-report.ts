// The end of the "Why WebSocket" comparison (why-client.ts): what
// each transport cost, as the server counted it on its sockets, and
// how late each heard the events, drawn as a chart and a table.

import type { DemoIO } from '../demo-io.ts';

const LABELS: Record<string, string> = {
  'short-poll': 'short polling',
  'long-poll': 'long polling',
  sse: 'Server-Sent Events',
  websocket: 'WebSocket',
};

interface Count {
  requests: number;
  bytesIn: number;
  bytesOut: number;
}

// #region report
/** Asks the server what each way cost; charts it beside the delays. */
export async function report(
  io: DemoIO,
  query: string,
  delays: Map<string, number[]>,
) {
  const response = await fetch(io.url(`/why/report?${query}`), {
    signal: io.signal,
  });
  const { events, transports } = (await response.json()) as {
    events: number;
    transports: Record<string, Count>;
  };
  io.log(`the server made ${events} events; each way heard:`);
  const rows = Object.entries(transports).map(([name, count]) => {
    const heard = [...delays.get(name)!].sort((a, b) => a - b);
    return {
      transport: LABELS[name] ?? name,
      events: heard.length,
      requests: count.requests,
      'bytes up': count.bytesIn,
      'bytes down': count.bytesOut,
      'median delay (ms)': heard[Math.floor(heard.length / 2)] ?? 0,
      'worst delay (ms)': heard.at(-1) ?? 0,
    };
  });
  type Row = (typeof rows)[0];
  const bars = (label: string, value: (row: Row) => number) => ({
    label,
    bars: rows.map((row) => ({
      label: row.transport,
      value: value(row),
    })),
  });
  io.show('bars', {
    title: `${events} events, four ways`,
    groups: [
      bars('requests', (r) => r.requests),
      bars('bytes on the wire', (r) => r['bytes up'] + r['bytes down']),
      bars('median delay (ms)', (r) => r['median delay (ms)']),
    ],
  });
  io.show('table', rows);
}
// #endregion report
