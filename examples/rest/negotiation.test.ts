import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { negotiate, parseAccept, qualityOf } from './negotiation.ts';

const OFFERED = ['application/json', 'text/html', 'application/xml', 'text/plain'];

describe('parseAccept', () => {
  test('reads types, subtypes and weights, in lower case', () => {
    expect(parseAccept('Text/HTML;q=0.8, */*;q=0.1, application/json')).toEqual([
      { type: 'text', subtype: 'html', q: 0.8 },
      { type: '*', subtype: '*', q: 0.1 },
      { type: 'application', subtype: 'json', q: 1 },
    ]);
  });

  test('ignores parameters other than q', () => {
    expect(parseAccept('text/html;level=1;charset=utf-8;q=0.5')).toEqual([
      { type: 'text', subtype: 'html', q: 0.5 },
    ]);
  });

  test.each([
    'html',
    'text/',
    '/html',
    'text/html/extra',
    '*/html',
    'text/html;q=2',
    'text/html;q=0.1234',
    'text/html;q=-1',
    'text/html;q=',
    'te xt/html',
  ])('leaves out a member that does not parse: %j', (member) => {
    expect(parseAccept(`${member}, text/plain`)).toEqual([
      { type: 'text', subtype: 'plain', q: 1 },
    ]);
  });
});

describe('negotiate', () => {
  test.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['text/html', 'text/html'],
    ['TEXT/PLAIN', 'text/plain'],
    ['text/*', 'text/html'],
    ['text/*;q=0.2, text/plain', 'text/plain'],
    ['text/html;q=0.5, application/xml', 'application/xml'],
    ['application/xml;q=0.9, text/html;q=0.9', 'text/html'],
    ['*/*;q=0.1, text/plain;q=0.2', 'text/plain'],
    ['application/json;q=0, */*', 'text/html'],
    // What a browser sends when it navigates: HTML wins.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['image/png', null],
    ['text/html;q=0, application/*;q=0, */*', 'text/plain'],
    ['*/*;q=0', null],
    ['garbage', null],
  ])('Accept: %j → %s', (accept, chosen) => {
    expect(negotiate(accept, OFFERED)).toBe(chosen);
  });

  test('the most specific range decides, whatever its order', () => {
    const ranges = parseAccept('text/html;q=0.3, text/*;q=0.9, */*;q=0.1');
    expect(qualityOf('text/html', ranges)).toBe(0.3);
    expect(qualityOf('text/plain', ranges)).toBe(0.9);
    expect(qualityOf('application/json', ranges)).toBe(0.1);
  });

  test('any string is answered with an offer or null, never a throw', () => {
    // Strings made mostly of the characters Accept is built from,
    // so that most of them get deep into the parser.
    const acceptish = fc.stringMatching(/^[texthmlpaicjson/*;=q.0-9, \t"]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(acceptish, fc.string()), (accept) => {
        const chosen = negotiate(accept, OFFERED);
        expect(chosen === null || OFFERED.includes(chosen)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
