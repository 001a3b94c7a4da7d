import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Demo } from '../../examples/demo-io.ts';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import en from '../content/i18n/en.json';
import { stringsUnder } from '../i18n/ui-strings.ts';
import { sources } from '../snippets/sources.ts';
import { editableSource, withEdits } from './edited-source.ts';
import { CodeError, type LinkHost, linkModules, stripTypes } from './link-modules.ts';

/** Publishes as data: URLs, which Node imports like the page's blob: URLs. */
function hostOf(files: Record<string, string>) {
  const published: string[] = [];
  const host: LinkHost = {
    strings: stringsUnder(en, 'cell'),
    load: async (path) => files[path],
    publish(code, path) {
      published.push(path);
      return `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    },
  };
  return { host, published };
}

const catchError = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('it linked'),
    (error: unknown) => error as CodeError,
  );

test('types are stripped and every line stays where it was', () => {
  const code = [
    "import type { DemoIO } from '../demo-io.ts';",
    'export async function run(io: DemoIO): Promise<void> {',
    '  const n = 1 as number satisfies number;',
    '  io.log(n!);',
    '}',
  ].join('\n');
  const js = stripTypes(code, 'a.ts');
  expect(js.split('\n')).toHaveLength(5);
  expect(js.split('\n')[1]).toBe('export async function run(io) {');
  expect(js).not.toMatch(/DemoIO|number|!/);
});

test('a syntax error says where it is', () => {
  let error: unknown;
  try {
    stripTypes('const a = 1;\nlet b = { a: 1 ;\n', 'websocket/x.ts');
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CodeError);
  expect(error).toMatchObject({
    code: 'WB_CODE_ERROR',
    file: 'websocket/x.ts',
    line: 2,
    column: 16,
    message: 'Unexpected token, expected ","',
  });
});

test('imports of example modules are linked once each; type-only ones vanish', async () => {
  const { host, published } = hostOf({
    'lib/shared.ts': 'export const base: number = 40;\n',
    'lib/add.ts':
      "import { base } from './shared.ts';\nexport const add = (n: number) => base + n;\n",
    'lib/types.ts': 'export interface Nothing {}\n',
  });
  const entry = [
    "import type { Nothing } from '../lib/types.ts';",
    "import { add } from '../lib/add.ts';",
    "import { base } from '../lib/shared.ts';",
    'export const answer = add(2);',
    "export const later = () => import('../lib/shared.ts');",
    'export const same = base;',
  ].join('\n');
  const linked = await linkModules('parts/entry.ts', entry, host);
  expect(published).toEqual(['lib/shared.ts', 'lib/add.ts', 'parts/entry.ts']);
  expect(linked.urls).toHaveLength(3);
  const module = await import(linked.url);
  expect(module.answer).toBe(42);
  expect(module.same).toBe(40);
  expect((await module.later()).base).toBe(40);
});

test('what the page cannot load is refused at its line', async () => {
  const { host } = hostOf({
    'a/one.ts': "import { two } from './two.ts';\nexport const one = two;\n",
    'a/two.ts': "import { one } from './one.ts';\nexport const two = () => one;\n",
  });
  const cases: [string, string][] = [
    [
      "\nimport { WebSocketServer } from 'ws';\nnew WebSocketServer();",
      '"ws" is a package or a built-in module; code edited on the page can import only other files under examples/',
    ],
    [
      "\nimport { x } from './missing.ts';\nx();",
      '"./missing.ts" names examples/a/missing.ts, which does not exist',
    ],
    [
      "\nimport { x } from '../../src/demos.ts';\nx();",
      '"../../src/demos.ts" is not a .ts file under examples/',
    ],
    ['\nawait import(name);', 'import() needs a string literal here, so it can be resolved'],
  ];
  for (const [code, message] of cases) {
    const error = await catchError(linkModules('a/entry.ts', code, host));
    expect(error).toMatchObject({ message, file: 'a/entry.ts', line: 2 });
  }
  const cycle = await catchError(
    linkModules('a/entry.ts', "import { one } from './one.ts';\none;", host),
  );
  expect(cycle.message).toBe('an import cycle runs through examples/a/one.ts');
});

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test("an edited echo client, linked as the page links it, echoes the reader's text", async () => {
  const file = 'websocket/echo-client.ts';
  const source = editableSource(file, sources[file]!, 'run');
  const edited = source.original.replace("'hello, wire'", "'hello, edit'");
  expect(edited).not.toBe(source.original);
  const { host } = hostOf(sources);
  const linked = await linkModules(file, withEdits(source, edited), host);
  const { run } = (await import(linked.url)) as { run: Demo };
  const result = await runInNode(run, server.url);
  expect(result.text).toContain('received hello, edit');
  expect(result.ok).toBe(true);
});
