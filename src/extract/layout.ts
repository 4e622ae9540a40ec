// Layout detection: finds the parts of a film article wherever the rendering puts them — the page title, the
// infobox (by the shape of its rows), the prose paragraphs and their runs, the lead, the revision line —
// for the seed's WIKI 2 page, Wikipedia's own, the mobile site (lead before the infobox), markdown, mirrors
// and bare text without header or footer. Only input with no infobox anywhere is rejected (NO_INFOBOX).
import { FilmkgError } from '../errors.js';
import type { Diagnostic } from '../facts/model.js';
import { diag } from './diagnostics.js';
import { labelOf } from './infobox-labels.js';
import type { ArticleLine } from './lines.js';

export type LayoutProfile = 'wiki2' | 'wikipedia' | 'mobile' | 'markdown' | 'mirror' | 'plain';

/** The article cut into the parts the readers read. */
export interface ArticleLayout {
  readonly profile: LayoutProfile;
  /** The page title: a markdown `#` heading, the line before "From Wikipedia…", the infobox's title line, or the lead's subject. */
  readonly title: ArticleLine | undefined;
  /** Infobox lines, from its title line (when it has one) to its last value line. */
  readonly infobox: readonly ArticleLine[];
  /** Prose paragraphs (one line each), in order, outside the infobox, header, footer and video block. */
  readonly paragraphs: readonly ArticleLine[];
  /** The lead: the run of paragraphs that opens the article ("X is a 1995 American drama film …"). */
  readonly lead: readonly ArticleLine[];
  /** Paragraphs grouped into runs: a heading, the infobox, or two or more blank lines end a run. */
  readonly runs: ReadonlyArray<readonly ArticleLine[]>;
  /** Lines of the unrelated "YouTube Encyclopedic" video block, which nothing reads. */
  readonly videoBlock: readonly ArticleLine[];
  /** "This page was last edited on …", when the page has it. */
  readonly revision: ArticleLine | undefined;
  /** Section headings found (markdown `##`, or a known heading word alone on its line). */
  readonly headings: readonly ArticleLine[];
  /** Lines before the article starts (site banners) and after it ends (site footers): nothing reads them. */
  readonly chrome: ReadonlySet<number>;
  readonly diagnostics: Diagnostic[];
}

const FROM_WIKIPEDIA = /^From Wikipedia,? the free encyclopedia$/i;
const WIKI2 = /\bWIKI 2\b/;
const VIDEO_BLOCK = /^YouTube Encyclopedic$/;
const LAST_EDITED = /^(?:This page was )?last edited on \d/i;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;
/** Section headings of film articles, alone on their line (mobile and mirror renderings keep them). */
const HEADING_WORDS =
  /^(?:Plot|Synopsis|Premise|Summary|Cast|Voice cast|Production|Development|Pre-production|Casting|Filming|Principal photography|Post-production|Music|Soundtrack|Track listing|Release|Marketing|Home media|Reception|Box office|Critical response|Critical reception|Accolades|Awards|Awards and nominations|Legacy|Sequel|Sequels|Remake|See also|Notes|References|Citations|Further reading|External links|Bibliography|Sources|Themes|Analysis|Historical accuracy|Controversy|Contents)$/i;
/** Lines of mirror and reader chrome after the article (never facts). */
const FOOTER = /^(?:Retrieved from\b|This article is issued from Wikipedia|Text is available under the Creative Commons|Basis of this page is in Wikipedia|Categories?:|Hidden categories:|Privacy policy|About Wikipedia|Disclaimers|Content is available under)/i;
/** The lead's opening sentence: "Title (…) is a 1995 American drama film". */
const LEAD_SENTENCE = /^.{1,200}? (?:is|was) (?:an?|the) (?:[^.]{0,160}?\b)?(?:film|movie|documentary|feature|picture|short|anime|serial|cartoon)\b/i;

/** True for lines that are part of a list (bullets, indented numbers, numbered notes). */
export function isListLine(line: ArticleLine): boolean {
  return /^\s*[•*-]\s/.test(line.raw) || /^\s+\d+\. \^/.test(line.raw) || /^\s*\d+\.\s*\^/.test(line.raw) || /^\s{2,}\S/.test(line.raw);
}

/** A prose paragraph: a long line of sentences, not a list item, table row or heading. */
export function isParagraph(line: ArticleLine): boolean {
  if (line.text === '' || isListLine(line) || line.raw.includes('\t') || /^\|/.test(line.text)) return false;
  const row = labelOf(line);
  if (row?.known && row.form !== 'space') return false;
  // Prose ends a sentence (markers may follow); a value line such as "79 minutes (8 reels) (times vary)" does not.
  const core = line.text.replace(/(?:\[[^\]]+\])+$/, '');
  return line.text.length >= 40 && /(?:[.!?:"”]|[.!?]["”)])$/.test(core) && / \w+ \w+ \w+ /.test(line.text);
}

/**
 * The heading a line is: a markdown heading, or a known heading word alone on its line that is not the first
 * half of a two-line infobox label ("Production" / "companies"): a heading is followed by a blank line, prose or a list.
 */
function headingOf(line: ArticleLine, next?: ArticleLine): string | undefined {
  const md = MARKDOWN_HEADING.exec(line.text);
  if (md) return (md[2] as string).replace(/\[edit\]$/i, '').trim();
  const bare = line.text.replace(/\s*\[edit\]$/i, '').replace(/^\*\*(.+)\*\*$/, '$1');
  if (!HEADING_WORDS.test(bare)) return undefined;
  // "Box office" over "$612,000", "Production" over "companies": an infobox label, not a heading. A heading is
  // followed by a blank line, prose, a list or another heading.
  if (next && next.text !== '' && !isParagraph(next) && !isListLine(next) && !MARKDOWN_HEADING.test(next.text) && !HEADING_WORDS.test(next.text)) return undefined;
  return bare;
}

/** The infobox: the run of lines with the most infobox labels (at least two, as DBpedia asks of a template). */
function findInfobox(lines: readonly ArticleLine[], from: number): { start: number; end: number; labels: number } | undefined {
  let best: { start: number; end: number; labels: number } | undefined;
  let i = from;
  while (i < lines.length) {
    if (!labelOf(lines[i] as ArticleLine)?.known) {
      i++;
      continue;
    }
    // A cluster: label lines whose gaps hold values (bullets, continuation lines), at most one blank line between rows.
    let last = i;
    let labels = 0;
    let j = i;
    let blanks = 0;
    while (j < lines.length) {
      const l = lines[j] as ArticleLine;
      if (l.text === '') {
        if (++blanks > 1) break;
        j++;
        continue;
      }
      if (isParagraph(l) || headingOf(l, lines[j + 1])) break;
      const label = labelOf(l);
      if (label) {
        if (label.known) labels++;
        last = j;
      } else if (blanks > 0) break;
      else last = j;
      blanks = 0;
      j++;
    }
    if (labels >= 2 && (!best || labels > best.labels)) best = { start: i, end: last, labels };
    i = j + 1;
  }
  return best;
}

/** Finds the article's parts; throws NO_INFOBOX when there is no film infobox anywhere. */
export function layout(lines: readonly ArticleLine[], file: string): ArticleLayout {
  const diagnostics: Diagnostic[] = [];
  const chrome = new Set<number>();
  const fromIndex = lines.findIndex((l) => FROM_WIKIPEDIA.test(l.text));
  const mdTitle = lines.findIndex((l) => /^#\s+\S/.test(l.text));
  const isWiki2 = lines.slice(0, 12).some((l) => WIKI2.test(l.text));
  // The page starts at its title: lines before it are a site's banner.
  let pageStart = 0;
  let pageTitle: ArticleLine | undefined;
  if (fromIndex >= 1) {
    let t = fromIndex - 1;
    while (t > 0 && (lines[t]?.text ?? '') === '') t--;
    pageTitle = lines[t];
    pageStart = t;
  } else if (mdTitle >= 0) {
    pageTitle = lines[mdTitle];
    pageStart = mdTitle;
  }
  for (let k = 0; k < pageStart; k++) chrome.add((lines[k] as ArticleLine).no);

  const box = findInfobox(lines, pageStart);
  if (!box) {
    const at = lines.find((l) => l.text !== '') ?? (lines[0] as ArticleLine);
    throw new FilmkgError('NO_INFOBOX', 'the text has no film infobox', {
      place: { file, line: at.no },
      expected: 'a film article: an infobox with labelled rows such as "Directed by", "Starring", "Release date", "Running time" (glued, tab-, pipe- or colon-separated)',
      found: at.text.slice(0, 120),
    });
  }
  // The infobox's own head: its title line and the poster and caption lines just above the first row.
  let start = box.start;
  let headLines = 0;
  while (start > pageStart && headLines < 3) {
    const prev = lines[start - 1] as ArticleLine;
    const row = labelOf(prev);
    // A table rendering's head rows ("Battleship Potemkin | |", "---|---|") belong to the box; rows with values do not.
    if (prev.text === '' || isParagraph(prev) || headingOf(prev, lines[start]) || (row && (row.known || row.value !== '')) || chrome.has(prev.no) || FROM_WIKIPEDIA.test(prev.text)) break;
    start--;
    headLines++;
  }
  // The rows' values run on after the last label: bullets and continuation lines up to a blank line.
  let end = box.end;
  while (end + 1 < lines.length) {
    const next = lines[end + 1] as ArticleLine;
    if (next.text === '' || isParagraph(next) || headingOf(next, lines[end + 2])) break;
    end++;
  }
  const infobox = lines.slice(start, end + 1);
  const inBox = new Set(infobox.map((l) => l.no));

  // Footer: the revision line and the site lines around it end the article.
  const revisionIndex = lines.findIndex((l, k) => k > end && LAST_EDITED.test(l.text));
  const revision = revisionIndex >= 0 ? lines[revisionIndex] : undefined;
  const footerStart = revisionIndex >= 0 ? revisionIndex : lines.findIndex((l, k) => k > end && FOOTER.test(l.text));
  if (footerStart >= 0) for (let k = footerStart; k < lines.length; k++) chrome.add((lines[k] as ArticleLine).no);

  const videoStart = lines.findIndex((l) => VIDEO_BLOCK.test(l.text));
  const videoBlock: ArticleLine[] = [];
  if (videoStart >= 0) {
    for (let k = videoStart; k < lines.length; k++) {
      const l = lines[k] as ArticleLine;
      if (k > videoStart && l.text !== '' && !isListLine(l)) break;
      videoBlock.push(l);
    }
  }
  const skip = new Set([...videoBlock.map((l) => l.no), ...chrome, ...inBox]);
  const headings = lines.filter((l) => !skip.has(l.no) && headingOf(l, lines[l.no]) !== undefined);
  const headingNos = new Set(headings.map((l) => l.no));
  const paragraphs = lines.filter((l) => !skip.has(l.no) && !headingNos.has(l.no) && isParagraph(l) && !FOOTER.test(l.text));

  // Runs: consecutive paragraphs one blank line apart, unbroken by a heading or the infobox.
  const runs: ArticleLine[][] = [];
  let previous: ArticleLine | undefined;
  for (const p of paragraphs) {
    const run = runs[runs.length - 1];
    const between = previous ? lines.slice(previous.no, p.no - 1) : [];
    const joined = run && previous && between.length <= 1 && between.every((l) => l.text === '' && !skip.has(l.no) && !headingNos.has(l.no));
    if (joined && run) run.push(p);
    else runs.push([p]);
    previous = p;
  }
  // The lead: the run holding the first "X is a … film" sentence; else the first run after the page start.
  const leadRun = runs.find((run) => LEAD_SENTENCE.test(run[0]?.text ?? '')) ?? runs.find((run) => LEAD_SENTENCE.test(run.map((p) => p.text).join(' '))) ?? runs[0] ?? [];
  const leadIndex = runs.indexOf(leadRun);
  // Paragraphs before the lead are banner text (the WIKI 2 extension's pitch, a mirror's blurb): not the article.
  const before = leadIndex > 0 ? runs.slice(0, leadIndex).flat() : [];
  for (const p of before) if (!pageTitle || p.no < pageTitle.no || p.no < (infobox[0]?.no ?? 0)) chrome.add(p.no);
  const keptRuns = runs.filter((run) => run.every((p) => !chrome.has(p.no)));
  const keptParagraphs = keptRuns.flat();

  const leadFirst = leadRun[0];
  const profile: LayoutProfile = isWiki2 ? 'wiki2' : fromIndex >= 0 ? 'wikipedia' : mdTitle >= 0 ? 'markdown' : leadFirst && leadFirst.no < (infobox[0]?.no ?? 0) ? 'mobile' : footerStart >= 0 || pageStart > 0 ? 'mirror' : 'plain';
  if (!revision) {
    const at = lines[lines.length - 1] as ArticleLine;
    diagnostics.push(diag('layout:no-revision', 'info', at, 'no "This page was last edited on …" line: the revision is unknown', ['"This page was last edited on D Month YYYY, at HH:MM"']));
  }
  if (!leadFirst || !LEAD_SENTENCE.test(leadFirst.text)) {
    const at = leadFirst ?? (infobox[infobox.length - 1] as ArticleLine);
    diagnostics.push(diag('layout:no-lead', 'warning', at, 'no lead sentence "X is a YEAR … film" was found', ['a paragraph opening "Title is a 1995 American drama film …"']));
  }
  return { profile, title: pageTitle, infobox, paragraphs: keptParagraphs, lead: leadRun, runs: keptRuns, videoBlock, revision, headings, chrome, diagnostics };
}

/** The heading text of a heading line, or undefined. */
export function headingText(line: ArticleLine, next?: ArticleLine): string | undefined {
  return headingOf(line, next);
}
