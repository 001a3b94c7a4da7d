import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReplayBuffer } from './replay-buffer.ts';

/** A buffer holding messages "m1" … "mN". */
function filled(capacity: number, count: number) {
  const buffer = new ReplayBuffer(capacity);
  for (let i = 0; i < count; i++) buffer.append((seq) => `m${seq}`);
  return buffer;
}

describe('ReplayBuffer', () => {
  test('numbers messages from 1 and hands each back', () => {
    const buffer = new ReplayBuffer(3);
    expect(buffer.latest).toBe(0);
    expect(buffer.append((seq) => `m${seq}`)).toBe('m1');
    expect(buffer.append((seq) => `m${seq}`)).toBe('m2');
    expect(buffer.latest).toBe(2);
    expect(buffer.oldest).toBe(1);
  });

  test('a reader within the buffer gets exactly what came after its seq', () => {
    const buffer = filled(5, 8);
    expect(buffer.oldest).toBe(4);
    expect(buffer.after(5)).toEqual({ kind: 'replay', messages: ['m6', 'm7', 'm8'] });
    // The one before the oldest kept is still a clean resume.
    expect(buffer.after(3)).toEqual({
      kind: 'replay',
      messages: ['m4', 'm5', 'm6', 'm7', 'm8'],
    });
    expect(buffer.after(8)).toEqual({ kind: 'replay', messages: [] });
  });

  test('a reader older than the buffer gets a gap and what is kept', () => {
    const buffer = filled(5, 8);
    expect(buffer.after(2)).toEqual({
      kind: 'gap',
      reason: 'expired',
      resume: 4,
      messages: ['m4', 'm5', 'm6', 'm7', 'm8'],
    });
    expect(buffer.after(0)).toMatchObject({ kind: 'gap', reason: 'expired', resume: 4 });
  });

  test('a seq the stream never reached is an unknown gap, resuming live', () => {
    expect(filled(5, 8).after(9)).toEqual({
      kind: 'gap',
      reason: 'unknown',
      resume: 9,
      messages: [],
    });
  });

  test('with no room, only a reader at the latest seq resumes cleanly', () => {
    const buffer = filled(0, 4);
    expect(buffer.oldest).toBe(5);
    expect(buffer.after(4)).toEqual({ kind: 'replay', messages: [] });
    expect(buffer.after(3)).toEqual({ kind: 'gap', reason: 'expired', resume: 5, messages: [] });
  });

  test('property: what a reader gets, then the live stream, is every seq after since once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 250 }),
        (capacity, count, since) => {
          const buffer = filled(capacity, count);
          const resume = buffer.after(since);
          const live = [count + 1, count + 2];
          const got = [...resume.messages.map((m) => Number(m.slice(1))), ...live];
          const first = resume.kind === 'gap' ? resume.resume : since + 1;
          // Contiguous from where it says it resumes, with no duplicate.
          expect(got).toEqual(Array.from({ length: got.length }, (_, i) => first + i));
          if (resume.kind === 'replay') expect(first).toBe(since + 1);
          else if (resume.reason === 'expired') expect(first).toBeGreaterThan(since + 1);
          else expect(since).toBeGreaterThan(count);
          expect(resume.messages.length).toBeLessThanOrEqual(capacity);
        },
      ),
    );
  });
});
