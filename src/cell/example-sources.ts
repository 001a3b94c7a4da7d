// The TypeScript sources of the example modules, for code a reader
// edits: the file around an edited region, and the modules it imports.
// Each file is its own small chunk, fetched only when an edit needs it
// (tests are left out: they are not something a demo imports). The
// extra query keeps these apart from the build-time copies that
// src/snippets/sources.ts reads, which would otherwise pull every file
// into this one chunk.

const files = import.meta.glob<string>(['/examples/**/*.ts', '!/examples/**/*.test.ts'], {
  query: '?raw&edit',
  import: 'default',
});

/** The source of examples/<path>, or undefined when there is none. */
export function exampleSource(path: string): Promise<string | undefined> {
  return files[`/examples/${path}`]?.() ?? Promise.resolve(undefined);
}
