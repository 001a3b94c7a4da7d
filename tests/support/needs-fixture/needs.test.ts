// Run by tests/needs.test.ts, locally and as under CI; not by `npm test`.

import { test } from 'vitest';
import { needs } from '../needs.ts';

const withGizmo = needs('gizmo is not installed (apt-get install gizmo)');

withGizmo.test('a test that needs gizmo', () => {});

withGizmo.describe('tests that need gizmo', () => {
  test('one of them', () => {});
});

needs(null).test('a test whose tool is here', () => {});
