// The glossary of the Chinese edition: each term as the English pages
// write it and as the Chinese pages do, with the page that explains it.
// One file per part of the course under src/i18n/glossary/.

export interface Term {
  en: string;
  zh: string;
  /** The id of the page that explains the term, e.g. "websocket/frames". */
  page: string;
}

const parts = import.meta.glob<Term[]>('./glossary/*.json', { eager: true, import: 'default' });

export function glossary(): Term[] {
  return Object.values(parts)
    .flat()
    .sort((a, b) => a.en.localeCompare(b.en, 'en', { sensitivity: 'base' }));
}
