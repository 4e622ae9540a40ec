// Metadata assumed for an article with no metadata.json beside it: from the file's name and text, never the clock.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDayDate } from './extract/dates.js';
import type { FilmMetadata } from './extract/index.js';
import { layout } from './extract/layout.js';
import { toLines } from './extract/lines.js';
import { readLead } from './extract/prose.js';

/**
 * Metadata assumed for an article with no metadata.json beside it. Everything comes from the file's
 * name and text, never from the clock, so the same file gives the same facts.
 */
export function assumedMetadata(article: string, text: string): { meta: FilmMetadata; note: string } {
  // When the text is no article at all, extraction fails with the precise error; these fall back quietly.
  let title: string | undefined;
  let retrieved: string | undefined;
  try {
    const lines = toLines(text, article);
    const parts = layout(lines, article);
    title = cleanTitle(parts.title?.text ?? '') ?? readLead(parts.lead).subject;
    const revised = /last edited on (\d{1,2}) ([A-Z][a-z]+) (\d{4})/.exec(parts.revision?.text ?? '');
    const month = revised ? MONTHS.indexOf(revised[2] as string) + 1 : 0;
    const candidate = revised && month > 0 ? `${revised[3]}-${String(month).padStart(2, '0')}-${(revised[1] as string).padStart(2, '0')}` : undefined;
    // The revision date stands for the retrieval date only when it is a real date; otherwise it is unknown.
    if (candidate && parseDayDate(candidate)) retrieved = candidate;
  } catch {
    // extractFacts reports it.
  }
  const fileName = path.basename(article).replace(/\.[^.]*$/, '');
  const slug = slugify(title ?? '') || slugify(fileName) || 'film';
  const meta: FilmMetadata = {
    slug,
    title: title ?? fileName,
    url: pathToFileURL(article).href,
    licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
    attribution: 'Wikipedia contributors (assumed: no metadata.json was found beside the article).',
    ...(retrieved !== undefined ? { retrieved } : {}),
  };
  const note =
    `no metadata.json beside ${article}; assumed slug "${meta.slug}" and title "${meta.title}" (${title ? "the article's title line" : 'the file name'}), ` +
    `url ${meta.url}, licence ${meta.licence.name}, retrieved ${retrieved === undefined ? 'unknown' : `${retrieved} (the revision date)`}, no curation`;
  return { meta, note };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A page heading as a title: "Parasite (2019 film)" → "Parasite", "= Oppenheimer (film) =" → "Oppenheimer". */
function cleanTitle(text: string): string | undefined {
  const t = text.replace(/^[#=\s]+|[=\s]+$/g, '').replace(/\s*\((?:\d{4} )?(?:\w+ )?film\)$/i, '').trim();
  return t === '' ? undefined : t;
}

/** "La última ronda" → "la-ultima-ronda". */
function slugify(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
