// Finds the parts of a plain-text Wikipedia film article: title, infobox, prose paragraphs, tables, lists, revision line.
// Section headings are mostly missing from this format, so blocks are found by their own shape.
import { FilmkgError } from '../errors.js';
import type { ArticleLine } from './lines.js';

/** The article cut into the parts the extractors read. */
export interface ArticleLayout {
  /** The article's title line (the line before "From Wikipedia, the free encyclopedia"). */
  readonly title: ArticleLine;
  /** Infobox lines, from its title line to the line before the first blank line. */
  readonly infobox: readonly ArticleLine[];
  /** Prose paragraphs after the infobox (one line each), in order, without the video block. */
  readonly paragraphs: readonly ArticleLine[];
  /** The lead: the first run of paragraphs. */
  readonly lead: readonly ArticleLine[];
  /**
   * Paragraphs grouped into runs: paragraphs one blank line apart belong to one run; the format
   * drops section headings but leaves two or more blank lines where they were.
   */
  readonly runs: ReadonlyArray<readonly ArticleLine[]>;
  /** Lines of the unrelated "YouTube Encyclopedic" video block, which nothing reads. */
  readonly videoBlock: readonly ArticleLine[];
  /** "This page was last edited on …" */
  readonly revision: ArticleLine | undefined;
}

const FROM_WIKIPEDIA = /^From Wikipedia, the free encyclopedia$/;
const VIDEO_BLOCK = /^YouTube Encyclopedic$/;
const BULLET = /^\s+•/;
const NUMBERED = /^\s+\d+\. \^/;
const LAST_EDITED = /^This page was last edited on /;

/** True for lines that are part of a list (bullets, indented numbers, numbered notes). */
export function isListLine(line: ArticleLine): boolean {
  return BULLET.test(line.raw) || NUMBERED.test(line.raw) || /^\s{2,}\S/.test(line.raw);
}

/** Finds the article's parts; throws NO_INFOBOX when there is no infobox after the title. */
export function layout(lines: readonly ArticleLine[], file: string): ArticleLayout {
  const fromIndex = lines.findIndex((l) => FROM_WIKIPEDIA.test(l.text));
  if (fromIndex < 1) {
    throw new FilmkgError('NO_INFOBOX', 'no "From Wikipedia, the free encyclopedia" line before the infobox', {
      place: { file, line: 1 },
      expected: 'the article title, then "From Wikipedia, the free encyclopedia", then the infobox',
    });
  }
  let t = fromIndex - 1;
  while (t > 0 && (lines[t]?.text ?? '') === '') t--;
  const title = lines[t] as ArticleLine;

  let start = fromIndex + 1;
  while (start < lines.length && lines[start]?.text === '') start++;
  let end = start;
  while (end < lines.length && lines[end]?.text !== '') end++;
  const infobox = lines.slice(start, end);
  const infoboxOk = infobox.length >= 2 && infobox.slice(1).some((l) => /^(Directed by|Written by|Screenplay by|Produced by|Starring|Release dates?|Running time)/.test(l.text));
  if (!infoboxOk) {
    const at = lines[start] ?? lines[fromIndex] ?? title;
    throw new FilmkgError('NO_INFOBOX', 'the article has no film infobox', {
      place: { file, line: at.no },
      expected: 'an infobox after the title: the film title, then labelled rows such as "Directed by…", "Release dates", "Running time"',
      found: at.text,
    });
  }

  const rest = lines.slice(end);
  const videoStart = rest.findIndex((l) => VIDEO_BLOCK.test(l.text));
  const videoBlock: ArticleLine[] = [];
  const skip = new Set<number>();
  if (videoStart >= 0) {
    for (let i = videoStart; i < rest.length; i++) {
      const l = rest[i] as ArticleLine;
      if (i > videoStart && l.text !== '' && !isListLine(l)) break;
      videoBlock.push(l);
      skip.add(l.no);
    }
  }
  const revision = lines.find((l) => LAST_EDITED.test(l.text));
  const paragraphs = rest.filter((l) => !skip.has(l.no) && isParagraph(l));
  const runs: ArticleLine[][] = [];
  for (const p of paragraphs) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && p.no === prev.no + 2) run.push(p);
    else runs.push([p]);
  }
  const lead = runs[0] ?? [];
  return { title, infobox, paragraphs, lead, runs, videoBlock, revision };
}

/** A prose paragraph: a long line of sentences, not a list item, table row or heading. */
function isParagraph(line: ArticleLine): boolean {
  if (line.text === '' || isListLine(line)) return false;
  return line.text.length >= 40 && /[.!?:"”)\]]$/.test(line.text) && / \w+ \w+ \w+ /.test(line.text);
}
