// gRPC's errors, deadlines and metadata as a page sees them, over the
// Connect protocol: each failure is one of gRPC's status codes, which
// every gRPC library in every language names the same way.

import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-web';
import type { DemoIO } from '../demo-io.ts';
import { Arith, Clock } from './gen/arith_pb.ts';

/** A code's name as the protocols write it: invalid_argument. */
export const codeName = (code: Code) =>
  Code[code].replace(
    /[A-Z]/g,
    (c, at: number) => (at ? '_' : '') + c.toLowerCase(),
  );

/** Runs `call`, expected to fail; logs its error's code and message. */
async function show(io: DemoIO, what: string, call: Promise<unknown>) {
  try {
    await call;
    io.log(what, '→ answered');
  } catch (error) {
    const { code, rawMessage } = ConnectError.from(error);
    io.log(what, '✗', `${codeName(code)}: ${rawMessage}`);
  }
}

// #region run
/** Errors as gRPC codes, deadlines and metadata, over Connect. */
export async function run(io: DemoIO): Promise<void> {
  const transport = createConnectTransport({ baseUrl: io.url('/connect') });
  const arith = createClient(Arith, transport);
  const clock = createClient(Clock, transport);
  const { signal } = io;
  await show(io, 'Divide 1 / 0', arith.divide({ a: 1, b: 0 }, { signal }));
  await show(
    io,
    'Multiply 2³⁰ × 4',
    arith.multiply({ a: 2 ** 30, b: 4 }, { signal }),
  );
  // The deadline travels as a header (connect-timeout-ms, or gRPC's
  // grpc-timeout); client and server both give up when it passes.
  const sleep = clock.sleep({ ms: 1_000 }, { signal, timeoutMs: 200 });
  await show(io, 'Sleep 1000 ms, deadline 200 ms', sleep);
  // Metadata: headers go out with the call and come back with the
  // answer; trailers come after the last message of a stream.
  await arith.multiply(
    { a: 6, b: 7 },
    {
      signal,
      headers: { 'x-request-id': 'page-42' },
      onHeader: (h) => io.log('x-request-id came back:', h.get('x-request-id')),
    },
  );
  const ticks = clock.ticks(
    { every: 50, count: 3 },
    {
      signal,
      onTrailer: (t) => io.log('trailer x-ticks-sent:', t.get('x-ticks-sent')),
    },
  );
  for await (const tick of ticks) io.log(`tick ${tick.n} of ${tick.of}`);
}
// #endregion run
