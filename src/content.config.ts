// The site's pages are the MDX files under the top-level docs/ folder.
// Starlight's own docsLoader reads only src/content/docs, so the docs
// collection uses Astro's glob loader with Starlight's schema.
// The i18n collection is Starlight's UI strings plus the site's own
// (src/content/i18n/<lang>.json, keys "wirebook.…"), read with
// Astro.locals.t. Every key of en.json is required in every language,
// so a string missing from zh-CN.json fails the build, and a key not in
// en.json is a type error where t() is called.
import { defineCollection } from 'astro:content';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import en from './content/i18n/en.json';

const uiStrings = Object.fromEntries(
  Object.keys(en).map((key) => [key, z.string().min(1)]),
) as Record<keyof typeof en, z.ZodString>;

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
  i18n: defineCollection({
    loader: i18nLoader(),
    schema: i18nSchema({ extend: z.object(uiStrings) }),
  }),
};
