import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generatedTypes, TYPES_FILE } from '../../scripts/openapi-types.ts';

test('notes-api.d.ts is what openapi-typescript makes of the description now', async () => {
  // If this fails, the description changed: run `npm run openapi-types`.
  expect(readFileSync(TYPES_FILE, 'utf8')).toBe(await generatedTypes());
});
