import { type AddressInfo, createServer } from 'node:net';
import { expect, test, vi } from 'vitest';
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

test('a visitor calling `explode` at will cannot flood the log', async () => {
  const server = await startTestServer({ rpcErrorLogsPerMinute: 5 });
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const batch = Array.from({ length: 50 }, (_, id) => ({
      jsonrpc: '2.0',
      method: 'explode',
      id,
    }));
    const response = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    const answers = await response.json();
    // Every caller still gets its -32603; only the log holds back.
    expect(answers).toHaveLength(50);
    for (const answer of answers) expect(answer.error.code).toBe(-32603);
    const lines = logged.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^rpc: explode failed: TypeError: cannot read 'x' of undefined/);
  } finally {
    logged.mockRestore();
    await server.close();
  }
});
