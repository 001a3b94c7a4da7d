// IP addresses as Go's net package sees them: bytes, not text.
//
// Go's `net.IP` is a `[]byte`, and `net.ParseIP` returns 16 of them
// for IPv4 and IPv6 alike: an IPv4 address becomes the IPv4-mapped
// IPv6 address ::ffff:a.b.c.d. This module keeps those semantics in
// TypeScript, with no I/O, so the page can run it in your browser.
// It follows current Go, whose ParseIP calls netip.ParseAddr and
// refuses an address with a zone (Go 1.21 and later).

// #region type
/** An IP address: 16 bytes, or 4 for what to4 returns. */
export type IP = Uint8Array;

/** The first 12 bytes of every IPv4-mapped IPv6 address. */
const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Go's net.IPv4(a, b, c, d): an IPv4 address in its 16-byte form. */
export function ipv4(a: number, b: number, c: number, d: number): IP {
  return new Uint8Array([...V4_IN_V6_PREFIX, a, b, c, d]);
}
// #endregion type

// #region parse
/**
 * Go's net.ParseIP: dotted IPv4, IPv6, or IPv6 ending in dotted
 * IPv4, always as 16 bytes; null for anything else. Never throws.
 */
export function parseIP(text: string): IP | null {
  // The first separator decides the family, as in Go.
  for (const char of text) {
    if (char === '.') return parseIPv4(text);
    if (char === ':') return parseIPv6(text);
  }
  return null;
}
// #endregion parse

// #region ipv4
/** Four decimal octets, 0 to 255, with no leading zeros. */
function parseIPv4(text: string): IP | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    // Go refuses "010": is it ten, or eight as in C's inet_aton?
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    octets.push(octet);
  }
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  return ipv4(a, b, c, d);
}
// #endregion ipv4

// #region ipv6
/** Eight hex groups; "::" stands for one run of zero groups. */
function parseIPv6(text: string): IP | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const last = halves.length - 1;
  // Only the last group of all may be dotted IPv4.
  const head = groupsOf(halves[0] ?? '', last === 0);
  const tail = last === 1 ? groupsOf(halves[1] ?? '', true) : [];
  if (head === null || tail === null) return null;
  const missing = 16 - head.length - tail.length;
  // Without "::" every group must be there; with it, at least one
  // group must be missing, or the "::" would stand for nothing.
  if (halves.length === 1 ? missing !== 0 : missing < 2) return null;
  const ip = new Uint8Array(16);
  ip.set(head, 0);
  ip.set(tail, 16 - tail.length);
  return ip;
}

/** The bytes of colon-separated hex groups, maybe ending in IPv4. */
function groupsOf(text: string, v4Last: boolean): number[] | null {
  if (text === '') return [];
  const bytes: number[] = [];
  const groups = text.split(':');
  for (const [index, group] of groups.entries()) {
    if (v4Last && index === groups.length - 1 && group.includes('.')) {
      const v4 = parseIPv4(group);
      if (v4 === null) return null;
      bytes.push(...v4.subarray(12));
    } else {
      // One to four hex digits (RFC 4291 §2.2), so "000ff" is
      // refused, as Go has refused it since 1.21.
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
      const value = parseInt(group, 16);
      bytes.push(value >> 8, value & 0xff);
    }
  }
  return bytes;
}
// #endregion ipv6

// #region to4
/** Go's IP.To4: the 4 bytes of an IPv4 address, else null. */
export function to4(ip: IP): IP | null {
  if (ip.length === 4) return ip;
  const mapped =
    ip.length === 16 && V4_IN_V6_PREFIX.every((byte, i) => ip[i] === byte);
  // Like Go's slice, the result shares the address's memory.
  return mapped ? ip.subarray(12) : null;
}
// #endregion to4

// #region string
/**
 * Go's IP.String: dotted quad for IPv4 (mapped or not), else the
 * RFC 5952 form: lowercase hex, no leading zeros, and "::" for the
 * first longest run of two or more zero groups.
 */
export function ipString(ip: IP | null): string {
  if (ip === null || ip.length === 0) return '<nil>';
  const v4 = to4(ip);
  if (v4 !== null) return v4.join('.');
  if (ip.length !== 16) return `?${hex(ip)}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) {
    groups.push(((ip[i] ?? 0) << 8) | (ip[i + 1] ?? 0));
  }
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; i++) {
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    // Strictly longer, so the first of two equal runs wins.
    if (end - i > best.length) best = { start: i, length: end - i };
    i = Math.max(i, end);
  }
  const text = groups.map((group) => group.toString(16));
  if (best.length < 2) return text.join(':');
  const before = text.slice(0, best.start).join(':');
  const after = text.slice(best.start + best.length).join(':');
  return `${before}::${after}`;
}
// #endregion string

/** Bytes as lowercase hex, two digits each. */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
