// A page that names a missing region must fail `astro build`, with a
// message that names the file and the region. This builds a small copy
// of the site whose one page is the broken one.

import { expect, test } from 'vitest';
import { buildSiteWith } from '../support/fixture-site.ts';

test('a Snippet naming a missing region fails the build, naming both', () => {
  const site = buildSiteWith({
    'broken.mdx': [
      '---',
      'title: Broken',
      '---',
      "import Snippet from '../src/components/Snippet.astro';",
      '',
      '<Snippet src="websocket/echo-server.ts" region="no-such-region" />',
      '',
    ].join('\n'),
  });
  try {
    expect(site.status).not.toBe(0);
    expect(site.output).toContain(
      'Snippet region "no-such-region" not found in examples/websocket/echo-server.ts',
    );
  } finally {
    site.remove();
  }
}, 120_000);
