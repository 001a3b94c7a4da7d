// The notes API's TypeScript types, generated from its OpenAPI
// description (examples/rest/openapi.ts) by openapi-typescript, into
// examples/rest/notes-api.d.ts. `npm run openapi-types` rewrites the
// file; examples/rest/notes-api.test.ts fails when it is stale, so the
// types a client is written against are always the description's.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { OPENAPI } from '../examples/rest/openapi.ts';

export const TYPES_FILE = fileURLToPath(
  new URL('../examples/rest/notes-api.d.ts', import.meta.url),
);

/** The file's text, as openapi-typescript makes it from the description. */
export async function generatedTypes(): Promise<string> {
  const ast = await openapiTS(structuredClone(OPENAPI) as never);
  const header =
    '// Generated from examples/rest/openapi.ts by `npm run openapi-types`\n' +
    '// (openapi-typescript); do not edit.\n\n';
  return header + astToString(ast);
}

if (import.meta.main) {
  writeFileSync(TYPES_FILE, await generatedTypes());
}
