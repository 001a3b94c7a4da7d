// Benchmarks that hold thousands of sockets need as many file
// descriptors in every process that holds them.

import type { Child } from './processes.ts';
import { OPEN_FILES } from './processes.ts';

/**
 * Fails with what to do when `child` may not open `needed` files
 * (the shell that started it could not raise `ulimit -n` enough).
 */
export async function requireOpenFiles(child: Child, name: string, needed: number) {
  const { openFiles } = await child.request<{ openFiles: number | null }>(
    name === 'load generator' ? { cmd: 'open-files' } : { probe: 'memory' },
  );
  if (openFiles !== null && openFiles < needed) {
    throw new Error(
      `the ${name} may open only ${openFiles} files (ulimit -n), and this benchmark ` +
        `needs ${needed}; raising it to ${OPEN_FILES} failed. Raise the hard limit ` +
        '(`ulimit -Hn`, or LimitNOFILE for a service) and run it again.',
    );
  }
}
