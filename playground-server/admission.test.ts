import { expect, test } from 'vitest';
import { Admission } from './admission.ts';

test('each key is capped on its own', () => {
  const admission = new Admission({ perKey: 2 });
  admission.take('ada');
  expect(admission.refusal('ada')).toBeUndefined();
  admission.take('ada');
  expect(admission.refusal('ada')).toBe('per-key');
  expect(admission.refusal('bob')).toBeUndefined();
  expect(admission.heldBy('ada')).toBe(2);
  expect(admission.held).toBe(2);
});

test('the cap in all holds across keys', () => {
  const admission = new Admission({ perKey: 2, total: 3 });
  for (const key of ['ada', 'bob', 'cy']) admission.take(key);
  expect(admission.refusal('dee')).toBe('total');
  // Over both caps, the key's own is named: it is the one to act on.
  admission.take('ada');
  expect(admission.refusal('ada')).toBe('per-key');
});

test('giving back frees the place, once however often it is called', () => {
  const admission = new Admission({ perKey: 1, total: 1 });
  const give = admission.take('ada');
  give();
  give();
  expect(admission.held).toBe(0);
  expect(admission.heldBy('ada')).toBe(0);
  expect(admission.refusal('ada')).toBeUndefined();
  admission.take('bob');
  expect(admission.refusal('ada')).toBe('total');
});

test('a thousand takes and gives in any order leave nothing counted', () => {
  const admission = new Admission({ perKey: Number.POSITIVE_INFINITY });
  const gives = Array.from({ length: 1000 }, (_, i) => admission.take(`client ${i % 7}`));
  expect(admission.held).toBe(1000);
  for (let i = gives.length - 1; i >= 0; i -= 2) gives[i]?.();
  for (let i = 0; i < gives.length; i += 2) gives[i]?.();
  expect(admission.held).toBe(0);
  for (let i = 0; i < 7; i++) expect(admission.heldBy(`client ${i}`)).toBe(0);
});
