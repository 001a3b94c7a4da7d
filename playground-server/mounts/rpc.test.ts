import { createServer, type AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { startTestServer } from '../../tests/support/playground.ts';

test('/healthz says which ports speak JSON-RPC over TCP', async () => {
  const server = await startTestServer();
  try {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.rpc).toEqual({
      tcpPort: expect.any(Number),
      goPort: expect.any(Number),
    });
    expect(health.rpc.tcpPort).not.toBe(health.rpc.goPort);
  } finally {
    await server.close();
  }
});

test('a TCP port already taken stops the start, naming its setting', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const { port } = taken.address() as AddressInfo;
  try {
    await expect(startTestServer({ rpcGoPort: port })).rejects.toThrow(
      new RegExp(`^RPC_GO_PORT=${port}: .*EADDRINUSE.*; set RPC_GO_PORT to another port`),
    );
  } finally {
    taken.close();
  }
});
