import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { hex, type IP, ipString, ipv4, parseIP, to4 } from './ip.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
/** Go's netip test helper Mk128(hi, lo): 16 bytes from two hex halves. */
const mk128 = (hi: string, lo: string) =>
  Uint8Array.from(Buffer.from(hi.padStart(16, '0') + lo.padStart(16, '0'), 'hex'));

// Current Go's own table, from src/net/ip_test.go (parseIPTests), with
// Go's IP{...} and IPv4(...) written as bytes(...) and ipv4(...).
const parseIPTests: [string, IP | null][] = [
  ['127.0.1.2', ipv4(127, 0, 1, 2)],
  ['127.0.0.1', ipv4(127, 0, 0, 1)],
  ['::ffff:127.1.2.3', ipv4(127, 1, 2, 3)],
  ['::ffff:7f01:0203', ipv4(127, 1, 2, 3)],
  ['0:0:0:0:0000:ffff:127.1.2.3', ipv4(127, 1, 2, 3)],
  ['0:0:0:0::ffff:127.1.2.3', ipv4(127, 1, 2, 3)],

  [
    '2001:4860:0:2001::68',
    bytes(0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68),
  ],
  [
    '2001:4860:0000:2001:0000:0000:0000:0068',
    bytes(0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68),
  ],

  ['-0.0.0.0', null],
  ['0.-1.0.0', null],
  ['0.0.-2.0', null],
  ['0.0.0.-3', null],
  ['127.0.0.256', null],
  ['abc', null],
  ['123:', null],
  ['fe80::1%lo0', null],
  ['fe80::1%911', null],
  ['', null],
  // 6 zeroes in one group
  ['0:0:0:0:000000:ffff:127.1.2.3', null],
  // 5 zeroes in one group edge case
  ['0:0:0:0:00000:ffff:127.1.2.3', null],
  ['a1:a2:a3:a4::b1:b2:b3:b4', null], // Issue 6628
  ['127.001.002.003', null],
  ['::ffff:127.001.002.003', null],
  ['123.000.000.000', null],
  ['1.2..4', null],
  ['0123.0.0.1', null],
];

// Current Go's TestParseAddr (src/net/netip/netip_test.go), as ParseIP
// answers it: ParseIP is ParseAddr's 16 bytes, and nil for an error
// or for an address with a zone.
const parseAddrTests: [string, IP | null][] = [
  ['0.0.0.0', ipv4(0, 0, 0, 0)],
  ['192.168.140.255', ipv4(192, 168, 140, 255)],
  ['010.000.015.001', null],
  ['000001.00000002.00000003.000000004', null],
  ['::ffff:1.2.03.4', null],
  ['::ffff:1.2.3.z', null],
  ['::', mk128('0', '0')],
  ['::1', mk128('0', '1')],
  ['fd7a:115c:a1e0:ab12:4843:cd96:626b:430b', mk128('fd7a115ca1e0ab12', '4843cd96626b430b')],
  ['fd7a:115c::626b:430b', mk128('fd7a115c00000000', '00000000626b430b')],
  ['fd7a:115c:a1e0:ab12:4843:cd96::', mk128('fd7a115ca1e0ab12', '4843cd9600000000')],
  ['fd7a:115c:a1e0:ab12:4843:cd96:626b::', mk128('fd7a115ca1e0ab12', '4843cd96626b0000')],
  ['fd7a:115c:a1e0::4843:cd96:626b:430b', mk128('fd7a115ca1e00000', '4843cd96626b430b')],
  ['::ffff:192.168.140.255', ipv4(192, 168, 140, 255)],
  // ParseAddr keeps these zones; ParseIP refuses them.
  ['fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0', null],
  ['1:2::ffff:192.168.140.255%eth1', null],
  ['::ffff:192.168.140.255%eth1', null],
  ['FD9E:1A04:F01D::1', mk128('fd9e1a04f01d0000', '1')],
  // invalidIPs
  ...[
    '',
    'bad',
    '1234',
    '1.2.3.4%eth0',
    '.1.2.3',
    '1.2.3.',
    '1..2.3',
    '1.2.3.4.5',
    '0300.0250.0214.0377',
    '0xc0.0xa8.0x8c.0xff',
    '192.168.12345',
    '127.0.1',
    '192.1234567',
    '127.1',
    '192.168.300.1',
    '192.168.0.1.5.6',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4::5:6:7:8',
    'fe801::1',
    'fe80:tail:scal:e::',
    'fe80::1%',
    'ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255',
    'ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255',
    '::ffff:192.168.140.bad',
    'fe80::1::1',
    'fe80:1?:1',
    'fe80:',
    '0:0:0:0:0:ffff:0:00000',
    '0:0:0:0:00000:ffff:127.1.2.3',
  ].map((text): [string, null] => [text, null]),
];

// Cases Go's table leaves out: the edges of each rule.
const moreParseTests: [string, IP | null][] = [
  ['0.0.0.0', ipv4(0, 0, 0, 0)],
  ['255.255.255.255', ipv4(255, 255, 255, 255)],
  ['::', new Uint8Array(16)],
  ['::1', bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)],
  ['1::', bytes(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)],
  ['::1.2.3.4', bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4)],
  ['1:2:3:4:5:6:1.2.3.4', bytes(0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4)],
  ['FFFF::Ab', bytes(0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xab)],
  ['::0001', bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)],
  ['::00001', null],
  ['1.2.3', null],
  ['1.2.3.4.5', null],
  ['1.2.3.4 ', null],
  [' 1.2.3.4', null],
  ['1.2.3.4:80', null],
  ['[::1]', null],
  ['::1:', null],
  [':1::2', null],
  [':::', null],
  ['1::2::3', null],
  ['1:2:3:4:5:6:7:8:9', null],
  ['1:2:3:4:5:6:7', null],
  ['1:2:3:4:5:6:7::8', null],
  ['1:2:3:4:5:6:7:8::', null],
  ['::10000', null],
  ['1.2.3.4::', null],
  ['ab:1.2.3.4::', null],
  ['1:2:3:4:5:1.2.3.4', null],
  ['1:2:3:4:5:6::1.2.3.4', null],
  ['::1.2.3.4:5', null],
  ['１.２.３.４', null],
  ['g::1', null],
];

describe('parseIP', () => {
  test.each(parseIPTests)('net.ParseIP table: %j', (input, want) => {
    expect(parseIP(input)).toEqual(want);
  });

  test.each(parseAddrTests)('netip.ParseAddr table: %j', (input, want) => {
    expect(parseIP(input)).toEqual(want);
  });

  test.each(moreParseTests)('edge: %j', (input, want) => {
    expect(parseIP(input)).toEqual(want);
  });

  test('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        const ip = parseIP(text);
        expect(ip === null || ip.length === 16).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});

// Go's ipStringTests (same file), less its error column.
const ipStringTests: [IP | null, string][] = [
  // IPv4 address
  [bytes(192, 0, 2, 1), '192.0.2.1'],
  [bytes(0, 0, 0, 0), '0.0.0.0'],
  // IPv4-mapped IPv6 address
  [bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1), '192.0.2.1'],
  [bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0), '0.0.0.0'],
  // IPv6 address
  [bytes(0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0x1, 0x23, 0, 0x12, 0, 0x1), '2001:db8::123:12:1'],
  [bytes(0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1), '2001:db8::1'],
  [bytes(0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0x1, 0, 0, 0, 0x1, 0, 0, 0, 0x1), '2001:db8:0:1:0:1:0:1'],
  [bytes(0x20, 0x1, 0xd, 0xb8, 0, 0x1, 0, 0, 0, 0x1, 0, 0, 0, 0x1, 0, 0), '2001:db8:1:0:1:0:1:0'],
  [bytes(0x20, 0x1, 0, 0, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0x1), '2001::1:0:0:1'],
  [bytes(0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0), '2001:db8:0:0:1::'],
  [bytes(0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0x1), '2001:db8::1:0:0:1'],
  [bytes(0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0xa, 0, 0xb, 0, 0xc, 0, 0xd), '2001:db8::a:b:c:d'],
  [new Uint8Array(16), '::'],
  // IP wildcard equivalent address in Dial/Listen API
  [null, '<nil>'],
  // Opaque byte sequence
  [bytes(0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef), '?0123456789abcdef'],
];

// RFC 5952 section 4's rules, each from text as a person might type it.
const canonicalTests: [string, string][] = [
  ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'], // 4.1
  ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'], // 4.2.1
  ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // 4.2.2
  ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // 4.2.3, longest
  ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // 4.2.3, first
  ['2001:DB8::AbCd', '2001:db8::abcd'], // 4.3
  ['0:0:0:0:0:0:0:0', '::'],
  ['::ffff:192.0.2.1', '192.0.2.1'],
  ['::192.0.2.1', '::c000:201'],
  ['1:0:0:0:0:0:0:0', '1::'],
];

describe('ipString', () => {
  test.each(ipStringTests)('Go table: %o → %s', (ip, want) => {
    expect(ipString(ip)).toBe(want);
  });

  test.each(canonicalTests)('RFC 5952: %s → %s', (input, want) => {
    expect(ipString(parseIP(input))).toBe(want);
  });

  test('parsing the text of any 16 bytes gives the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (ip) => {
        expect(parseIP(ipString(ip))).toEqual(ip);
      }),
      { numRuns: 2_000 },
    );
  });
});

test('to4 takes the last 4 bytes of a mapped address, and only those', () => {
  const mapped = parseIP('192.0.2.1')!;
  expect(to4(mapped)).toEqual(bytes(192, 0, 2, 1));
  // Like Go's slice, it is a view of the same memory.
  expect(to4(mapped)!.buffer).toBe(mapped.buffer);
  expect(to4(bytes(10, 0, 0, 1))).toEqual(bytes(10, 0, 0, 1));
  expect(to4(parseIP('::192.0.2.1')!)).toBeNull();
  expect(to4(parseIP('2001:db8::1')!)).toBeNull();
  expect(to4(bytes(1, 2, 3))).toBeNull();
  expect(hex(to4(mapped)!)).toBe('c0000201');
});

/** Text that looks like an address, often almost, sometimes not. */
const addressLike = fc
  .array(
    fc.constantFrom(
      '0',
      '1',
      '7',
      '9',
      '00',
      '01',
      '10',
      '127',
      '255',
      '256',
      '0255',
      'a',
      'F',
      'ff',
      'ffff',
      'FFFF',
      '10000',
      '0000000',
      'g',
      '.',
      '.',
      ':',
      ':',
      '::',
      '%',
      '-',
      ' ',
      '[',
      ']',
      '1.2.3.4',
      '::ffff:',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** Text built like an address: hex groups, maybe "::", maybe IPv4. */
const octet = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 255 }).map(String), weight: 9 },
  fc.constantFrom('256', '00', '01', '-1', ''),
);
const dotted = fc.array(octet, { minLength: 3, maxLength: 5 }).map((octets) => octets.join('.'));
const group = fc
  .tuple(
    fc.constantFrom('', '', '', '0', '00'),
    fc.oneof({ arbitrary: fc.integer({ min: 0, max: 0xffff }), weight: 9 }, fc.constant(0x10000)),
    fc.boolean(),
  )
  .map(([zeros, value, upper]) => {
    const digits = zeros + value.toString(16);
    return upper ? digits.toUpperCase() : digits;
  });
const structured = fc
  .tuple(fc.array(group, { maxLength: 9 }), fc.option(fc.nat(9)), fc.option(dotted))
  .map(([groups, gap, v4]) => {
    const parts = v4 === null ? groups : [...groups.slice(0, 6), v4];
    if (gap === null) return parts.join(':');
    const at = Math.min(gap, parts.length);
    const head = parts.slice(0, at).join(':');
    return `${head}::${parts.slice(at).join(':')}`;
  });

/**
 * What Go before 1.21 answered, when its ParseIP had a parser of its
 * own: an IPv6 group could have any number of leading zeros as long as
 * its value fitted in 16 bits. Stripping those zeros gives that answer
 * from the current rule; dotted IPv4 and zones are left alone.
 */
function parseIPBeforeGo121(text: string): IP | null {
  return parseIP(text.replace(/(^|:)0+([0-9a-fA-F]{1,4})(?=:|$)/g, '$1$2'));
}

/** One input as examples/go/parse-ip.go prints it. */
function describe16(ip: IP | null) {
  if (ip === null) return 'nil nil <nil>';
  const v4 = to4(ip);
  return `${hex(ip)} ${v4 ? hex(v4) : 'nil'} ${ipString(ip)}`;
}

/** Every fixed input above; the Go test adds generated ones. */
const tableInputs = [...parseIPTests, ...parseAddrTests, ...moreParseTests]
  .map(([text]) => text)
  .concat(canonicalTests.map(([text]) => text));

test('Go before 1.21 answers differently only for groups of 5+ digits', () => {
  const differing = tableInputs.filter(
    (text) => describe16(parseIPBeforeGo121(text)) !== describe16(parseIP(text)),
  );
  // Each was an address to old Go, and is refused now.
  expect(differing).toEqual([
    '0:0:0:0:000000:ffff:127.1.2.3',
    '0:0:0:0:00000:ffff:127.1.2.3',
    '0:0:0:0:0:ffff:0:00000',
    '0:0:0:0:00000:ffff:127.1.2.3',
    '::00001',
  ]);
  expect(parseIPBeforeGo121('0:0:0:0:000000:ffff:127.1.2.3')).toEqual(ipv4(127, 1, 2, 3));
  expect(parseIPBeforeGo121('::00001')).toEqual(parseIP('::1'));
  // A value over 16 bits was refused then too.
  expect(parseIPBeforeGo121('::10000')).toBeNull();
});

// #region against-go
const noGo = whyGoIsMissing('go');
// The installed Go's version decides which rule it follows: Debian's
// Go 1.19 has the old parser, and each input where the two rules
// differ is expected to get the old answer, by name.
const goVersion = noGo ? '' : execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
const [, minor = '0'] = /^go1\.(\d+)/.exec(goVersion) ?? [];
const oldGo = Number(minor) < 21;
needs(noGo).test(
  `agrees with ${goVersion || 'Go'} on 3,000 inputs${oldGo ? ', by the pre-1.21 rule where the rules differ' : ''}`,
  () => {
    // Go's tables, our edge cases, and thousands of near misses.
    const inputs = [
      ...tableInputs,
      ...fc.sample(fc.oneof(addressLike, structured), {
        numRuns: 3_000,
        seed: 4,
      }),
    ];
    // examples/go/parse-ip.go prints one line per input.
    const go = execFileSync(buildGo('parse-ip.go'), {
      input: `${inputs.join('\n')}\n`,
      encoding: 'utf8',
    });
    const current = inputs.map((text) => describe16(parseIP(text)));
    const before121 = inputs.map((text) => describe16(parseIPBeforeGo121(text)));
    const differ = inputs.filter((_, i) => current[i] !== before121[i]);
    // The inputs exercise the difference, whichever Go is installed.
    expect(differ.length).toBeGreaterThan(50);
    expect(go.trimEnd().split('\n')).toEqual(oldGo ? before121 : current);
  },
  60_000,
);
// #endregion against-go
