// A table of what parseIP makes of some telling inputs, run in your
// browser with the same module the tests check against Go.

import type { DemoIO } from '../demo-io.ts';
import { hex, ipString, parseIP, to4 } from './ip.ts';

/** Inputs that each show one rule of Go's ParseIP. */
export const INPUTS = [
  '192.0.2.1',
  '::ffff:192.0.2.1',
  '2001:0DB8:0000:0000:0000:0000:0000:0001',
  '2001:db8:0:1:0:0:0:1',
  '2001:db8::00001',
  '::',
  '127.001.002.003',
  'fe80::1%eth0',
  '[::1]',
  'localhost',
];

// #region run
/** Parses each input; shows its text, To4 and bytes. */
export async function run(io: DemoIO): Promise<void> {
  const rows = INPUTS.map((input) => {
    const ip = parseIP(input);
    if (ip === null) {
      return { input, ipString: '', to4: '', bytes: 'null' };
    }
    const four = to4(ip);
    return {
      input,
      ipString: ipString(ip),
      to4: four ? hex(four) : 'null',
      // The 16 bytes, even for IPv4, in groups of two bytes.
      bytes: hex(ip).replace(/(.{4})(?!$)/g, '$1 '),
    };
  });
  io.show('table', rows);
  const parsed = rows.filter((row) => row.bytes !== 'null').length;
  io.log(`${parsed} of ${rows.length} inputs are IP addresses`);
}
// #endregion run
