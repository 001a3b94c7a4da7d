import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needs } from '../../tests/support/needs.ts';
import { rawRequest } from '../../tests/support/raw-http.ts';
import { hello } from './hello-server.ts';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(hello);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test.each([
  ['GET', '/hello'],
  ['DELETE', '/nothing'],
  ['POST', '/a/b?c=d'],
])('%s %s: 200 and a line of text, whatever was asked', async (method, path) => {
  const response = await rawRequest(base, method, path);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(response.body).toBe(`Hello! You sent ${method} ${path}\n`);
  expect(response.headers['content-length']).toBe(String(response.body.length));
});

/** Why the page's commands cannot run here, or null. */
function whyNcIsMissing() {
  try {
    execFileSync('sh', ['-c', 'command -v nc'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'nc is not installed (apt-get install netcat-openbsd)';
  }
}

// The commands under "Run it at home" on docs/rest/http-exchange, exactly as
// the page shows them, but on a free port instead of 8080.
needs(whyNcIsMissing()).describe("the page's commands", () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const page = readFileSync(`${root}docs/rest/http-exchange.mdx`, 'utf8');
  const section = page.split('## Run it at home')[1]?.split('\n## ')[0] ?? '';
  const commands = [...section.matchAll(/```sh[^\n]*\n([^`]+)```/g)].map((m) => m[1]!.trim());
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill();
  });

  test('start the server, then send it a request with nc', async () => {
    expect(commands).toHaveLength(2);
    const [serve, ask] = commands as [string, string];
    expect(serve).toBe('node examples/rest/hello-server.ts');
    // `node` is the Node that runs the tests (24): one that runs .ts.
    const path = `${dirname(process.execPath)}:${process.env['PATH']}`;
    child = spawn('sh', ['-c', `exec ${serve}`], {
      cwd: root,
      env: { ...process.env, PATH: path, PORT: '0' },
    });
    const port = await new Promise<string>((resolve, reject) => {
      let output = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    expect(ask).toContain(' 8080');
    const reply = execFileSync('sh', ['-c', ask.replace(' 8080', ` ${port}`)], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(reply).toMatch(
      /^HTTP\/1\.1 200 OK\r\ncontent-type: text\/plain; charset=utf-8\r\ncontent-length: 27\r\nDate: [^\r]+\r\nConnection: close\r\n\r\nHello! You sent GET \/hello\n$/,
    );
  });
});
