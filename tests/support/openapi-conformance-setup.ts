// The unit project's setup (vitest.config.ts): every request a test
// file makes with fetch or rawRequest is recorded, and once the file's
// tests are done, each answer of the notes API among them must be one
// its OpenAPI description documents (openapi-conformance.ts).

import { afterAll, expect } from 'vitest';
import { nonConformance, recordingFetch, takeRecorded } from './openapi-conformance.ts';

globalThis.fetch = recordingFetch(globalThis.fetch);

afterAll(() => {
  const errors = takeRecorded().flatMap(nonConformance);
  expect(errors, 'answers the OpenAPI description does not document').toEqual([]);
});
