// The site's pages are the MDX files under the top-level docs/ folder.
// Starlight's own docsLoader reads only src/content/docs, so the docs
// collection uses Astro's glob loader with Starlight's schema.
import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
};
