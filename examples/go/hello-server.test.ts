// Go's smallest server next to Node's: the same request, byte for
// byte, gets the same status, the same body and the same fields.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildGo, type GoProgram, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { openSocket } from '../../tests/support/raw-http.ts';
import { hello } from '../rest/hello-server.ts';

const withGo = needs(whyGoIsMissing('go'));
/** Sends `request` raw; resolves to the answer, split into its parts. */
async function exchange(base: string, request: string) {
  const { socket, received } = await openSocket(base);
  socket.write(request);
  await new Promise((resolve) => socket.once('close', resolve));
  const [head = '', body] = received().split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const fields = Object.fromEntries(
    lines.map((line) => {
      const [name = '', ...value] = line.split(':');
      return [name.toLowerCase(), value.join(':').trim()];
    }),
  );
  return { statusLine, fields, body };
}

withGo.describe('the smallest server in Go and in Node', () => {
  let go: GoProgram;
  let node: Server;
  let nodeBase: string;

  beforeAll(async () => {
    go = await startGo(buildGo('hello-server.go'), ['-addr', '127.0.0.1:0']);
    node = createServer(hello);
    await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
    nodeBase = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    go?.stop();
    await new Promise((resolve) => node?.close(resolve));
  });

  test.each(['GET /hello HTTP/1.1', 'DELETE /nothing HTTP/1.1'])(
    '%s: the same answer from both',
    async (requestLine) => {
      const request = `${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
      const fromGo = await exchange(`http://${go.address}`, request);
      const fromNode = await exchange(nodeBase, request);
      expect(fromGo.statusLine).toBe('HTTP/1.1 200 OK');
      expect(fromNode.statusLine).toBe(fromGo.statusLine);
      expect(fromNode.body).toBe(fromGo.body);
      expect(fromGo.body).toBe(`Hello! You sent ${requestLine.replace(' HTTP/1.1', '')}\n`);
      // Field names differ in case only (Go writes Content-Type, we
      // wrote content-type); they are case-insensitive (RFC 9110, 5.1).
      expect(Object.keys(fromNode.fields).sort()).toEqual(Object.keys(fromGo.fields).sort());
      const { date: _goDate, ...goFields } = fromGo.fields;
      const { date: _nodeDate, ...nodeFields } = fromNode.fields;
      expect(nodeFields).toEqual(goFields);
    },
  );
});
