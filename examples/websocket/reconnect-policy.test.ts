import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type BackoffOptions, fullJitter, ReconnectPolicy, verdict } from './reconnect-policy.ts';

const options: BackoffOptions = { baseMs: 100, capMs: 10_000, healthyMs: 5_000, laterMs: 30_000 };
/** The random source at its top: each wait is its ceiling. */
const highest = () => 1;

describe('fullJitter', () => {
  test('its ceiling doubles from base each attempt, up to the cap', () => {
    const ceilings = Array.from({ length: 10 }, (_, attempt) =>
      fullJitter(attempt, options, highest),
    );
    expect(ceilings).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000]);
    expect(fullJitter(3, options, () => 0)).toBe(0);
    expect(fullJitter(3, options, () => 0.25)).toBe(200);
  });

  test('property: a wait is always within [0, min(cap, base · 2^attempt)]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 600_000 }),
        // Math.random's range: 0 included, 1 not.
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, capMs, draw) => {
          const wait = fullJitter(attempt, { baseMs, capMs }, () => draw);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThan(Math.min(capMs, baseMs * 2 ** attempt) + 1e-9);
          expect(wait).toBeLessThanOrEqual(capMs);
        },
      ),
    );
  });

  test('the same draws give the same waits, and different draws spread them', () => {
    const draws = [0.1, 0.9, 0.5];
    const waits = draws.map((d) => fullJitter(6, options, () => d));
    expect(waits).toEqual([640, 5760, 3200]);
  });
});

describe('verdict: whether a close code is worth coming back for', () => {
  test.each([
    [1000, 'retry'],
    [1001, 'retry'],
    [1006, 'retry'],
    [1011, 'retry'],
    [1012, 'retry'],
    [1013, 'later'],
    [1002, 'give-up'],
    [1003, 'give-up'],
    [1007, 'give-up'],
    [1008, 'give-up'],
    [1009, 'give-up'],
    [1010, 'give-up'],
    [3000, 'retry'],
    [4000, 'give-up'],
    [4401, 'give-up'],
    [4999, 'give-up'],
  ])('%i: %s', (code, expected) => {
    expect(verdict(code)).toBe(expected);
  });
});

describe('ReconnectPolicy', () => {
  test('drops one after another back off further each time, to the cap', () => {
    const policy = new ReconnectPolicy(options, highest);
    const waits: (number | null)[] = [];
    let now = 0;
    for (let i = 0; i < 9; i++) {
      policy.opened(now);
      now += 300; // up briefly, then dropped
      waits.push(policy.closed(1006, now));
    }
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
  });

  test('a failed attempt that never opened counts as one more attempt', () => {
    const policy = new ReconnectPolicy(options, highest);
    expect([policy.closed(1006, 0), policy.closed(1006, 50)]).toEqual([100, 200]);
  });

  test('a connection that stayed up healthyMs starts the count over', () => {
    const policy = new ReconnectPolicy(options, highest);
    for (const at of [0, 1_000, 2_000]) {
      policy.opened(at);
      policy.closed(1006, at + 10);
    }
    expect(policy.attempt).toBe(3);
    policy.opened(10_000);
    expect(policy.closed(1006, 15_000)).toBe(100);
    expect(policy.attempt).toBe(1);
  });

  test('1013 waits laterMs more; a hopeless code stops', () => {
    const policy = new ReconnectPolicy(options, highest);
    expect(policy.closed(1013, 0)).toBe(30_100);
    expect(policy.closed(1008, 0)).toBeNull();
    expect(policy.closed(4001, 0)).toBeNull();
  });

  test('property: any run of closes gets null for hopeless codes and a bounded wait otherwise', () => {
    const close = fc.record({
      code: fc.oneof(
        fc.constantFrom(1000, 1001, 1002, 1003, 1006, 1007, 1008, 1011, 1013),
        fc.integer({ min: 3000, max: 4999 }),
      ),
      upFor: fc.integer({ min: 0, max: 20_000 }),
      draw: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(close, { maxLength: 40 }), (closes) => {
        let draw = 0;
        const policy = new ReconnectPolicy(options, () => draw);
        let now = 0;
        for (const c of closes) {
          draw = c.draw;
          policy.opened(now);
          now += c.upFor;
          const wait = policy.closed(c.code, now);
          const said = verdict(c.code);
          if (said === 'give-up') {
            expect(wait).toBeNull();
            continue;
          }
          const floor = said === 'later' ? options.laterMs : 0;
          expect(wait).toBeGreaterThanOrEqual(floor);
          expect(wait).toBeLessThanOrEqual(floor + options.capMs);
        }
      }),
    );
  });
});
