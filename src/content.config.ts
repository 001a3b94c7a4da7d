// The site's pages are the MDX files under the top-level docs/ folder.
// Starlight's own docsLoader reads only src/content/docs, so the docs
// collection uses Astro's glob loader with Starlight's schema.
import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        // On a Chinese page: the git blob hash (git hash-object) of the
        // English page it was translated from. When the English file no
        // longer hashes to it, the page says so (scripts/translations.ts).
        translatedFrom: z
          .string()
          .regex(/^[0-9a-f]{40}$/)
          .optional(),
      }),
    }),
  }),
};
