// @ts-check
// Expressive Code's settings for every code block, fenced or <Code>.

import { defineEcConfig } from '@astrojs/starlight/expressive-code';

/**
 * A code block wider than its column scrolls sideways, and a scrolling
 * region must take keyboard focus (WCAG 2.1.1). Expressive Code's script
 * adds the tabindex only once a block has been laid out, and the site
 * lays out off-screen blocks only when a reader nears them
 * (content-visibility in wirebook.css), so a reader tabbing ahead, and
 * axe, could meet a block that scrolls but takes no focus. Every block
 * is focusable from the start instead; the script takes the tabindex
 * away from each block that turns out not to scroll.
 * @returns {import('@astrojs/starlight/expressive-code').ExpressiveCodePlugin}
 */
function focusableCodeBlocks() {
  return {
    name: 'focusable code blocks',
    hooks: {
      postprocessRenderedBlock({ renderData }) {
        /** @param {import('hast').Element} node */
        const focusPre = (node) => {
          if (node.tagName === 'pre') node.properties.tabindex = 0;
          for (const child of node.children) if (child.type === 'element') focusPre(child);
        };
        focusPre(renderData.blockAst);
      },
    },
  };
}

export default defineEcConfig({ plugins: [focusableCodeBlocks()] });
