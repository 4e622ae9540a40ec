// Reads accolades tables from their header: the columns the header names, in its order (Year, Award/Ceremony,
// Date of ceremony, Category, Recipient(s)/Nominee(s)/Subject, Result, Ref., Notes), rows as tab- or pipe-
// separated cells or as one space-joined line, typed cells peeled from both ends (result, ref markers, date,
// award body, quoted work, person list). Row-spanned cells that the text leaves out are carried down
// (award body, date, year) or resolved by src/extract/rules.ts (recipients), each a recorded decision.
import type { Accolade, CreditRole, Diagnostic } from '../facts/model.js';
import { DAY_DATE_PATTERN, MONTH_PATTERN, parseDate } from './dates.js';
import { diag, type Read } from './diagnostics.js';
import { evidence, normalise, stripMarkers, type ArticleLine } from './lines.js';
import { resolveRow, type RuleRow } from './rules.js';

type Column = 'year' | 'body' | 'date' | 'category' | 'recipient' | 'result' | 'ref' | 'other';

const HEADER_TERMS: ReadonlyArray<readonly [RegExp, Column]> = [
  [/^(?:Year|Years)/i, 'year'],
  [/^Date(?:s)?(?: of (?:ceremony|award|event))?/i, 'date'],
  [/^(?:Awards?|Ceremony|Ceremonies|Festival|Organi[sz]ation|Association|Award or festival|Awarding body|Event)/i, 'body'],
  [/^(?:Category|Categories|Award category)/i, 'category'],
  [/^(?:Recipient\(s\) and nominee\(s\)|Recipients? and nominees?|Recipients?(?:\(s\))?|Nominees?(?:\(s\))?|Subject|Nominated work|Work|Honoree\(s\)|Winner\(s\)|Name)/i, 'recipient'],
  [/^(?:Results?|Outcome|Status)/i, 'result'],
  [/^(?:Refs?\.?|References?|Sources?|Citations?)(?=\s|$|\|)/i, 'ref'],
  [/^(?:Notes?|Comments?|Details)/i, 'other'],
];

/** Reads a header line into its columns, or undefined when it is not an accolades header. */
export function readHeader(text: string): Column[] | undefined {
  const t = normalise(text.replace(/[|\t]/g, ' ')).replace(/^!\s*/, '');
  if (t.length > 140) return undefined;
  const columns: Column[] = [];
  let rest = t;
  while (rest !== '') {
    const term = HEADER_TERMS.map(([re, col]) => [re.exec(rest), col] as const).find(([m]) => m !== null);
    if (!term) return undefined;
    const [m, col] = term;
    columns.push(col);
    rest = rest.slice((m as RegExpExecArray)[0].length).replace(/^[\s!]+/, '');
  }
  const has = (c: Column) => columns.includes(c);
  return has('category') && has('result') && (has('body') || has('year')) && columns.length >= 3 ? columns : undefined;
}

/** Results as tables write them, mapped to the model's closed set. */
const RESULT_WORDS = '(?:Won|Win|Winner|Nominated|Nominee|Nomination|Runner-up|Runner up|Pending|Shortlisted|Honou?rable mention|\\d+(?:st|nd|rd|th) [Pp]lace)';
const RESULT_AT_END = new RegExp(`(?:^|\\s)(${RESULT_WORDS})$`);
const RESULT_ANYWHERE = new RegExp(`(?:^|\\s)(${RESULT_WORDS})(?=\\s|$|\\[)`, 'g');

function normaliseResult(word: string): { result: string; placement?: number } | undefined {
  if (/^(?:Won|Win|Winner)$/.test(word)) return { result: 'Won' };
  if (/^(?:Nominated|Nominee|Nomination)$/.test(word)) return { result: 'Nominated' };
  if (/^Runner[- ]up$/.test(word)) return { result: 'Runner-up', placement: 2 };
  if (word === 'Pending' || word === 'Shortlisted') return { result: word };
  const place = /^(\d+)(st|nd|rd|th) [Pp]lace$/.exec(word);
  if (place) return { result: `${place[1]}${place[2]} Place`, placement: Number(place[1]) };
  return undefined;
}

/** Words that end an award body's name ("Academy Awards", "Cannes Film Festival", "New York Film Critics Circle"). */
const BODY_END = /^(?:Awards?|Festival|(?:\S+\/)?Fest|Prizes?|Circle|Association|Society|Guild|Academy|Critics|Oscars|Globes|Gala|Union|Institute|Council|Board|Review|Foundation|Ceremony|Show|Choice|BAFTA|Césars?|Goyas?|Filmfare|IIFA)$/;

const DATE_AT_START = new RegExp(`^(${DAY_DATE_PATTERN}|${MONTH_PATTERN} \\d{4}|\\d{4}-\\d{2}-\\d{2})(?=\\s|$)`);
const YEAR_AT_START = /^(\d{4})(?:\s*\((?:\d+(?:st|nd|rd|th))\))?(?=\s|$)/;

/** Words that make a category (`Best Actor in a Leading Role`), never a person's name. */
const CATEGORY_WORDS = new Set(
  ('best outstanding top most favorite favourite excellence achievement actor actress actors actresses director directing direction directorial picture film films feature movie screenplay writing writer script story cinematography editing editor score music musical song songs soundtrack design designer effects sound mixing editing makeup hairstyling costume costumes production art visual performance performer role leading lead supporting male female debut newcomer breakthrough ensemble cast comedy drama thriller horror animated animation documentary foreign international language english adapted original motion award awards prize jury audience grand golden silver bronze special mention ten international independent first new young voice villain hero choice critics people\'s picture original based material previously produced published released year lyricist lyrics playback singer vocalist cinematographer composer producer producers star rising feature-length short shell lion bear palm leopard globe horse camera achievement technical artistic contribution body work career lifetime honorary sci-fi science fiction fantasy action adventure family romance romantic crime mystery western war animated asian european american british french german italian spanish japanese korean indian african world dramatic actor/actress kids children teen make-up recording dialogue dialogues choreography stunts release wide limited lifetime media video decoration set music-director re-recording mixer scoring picture documentary independent newcomer emerging discovery')
    .split(' '),
);
/** A category word, singular or plural ("Pictures", "Effects"). */
function isCategoryWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[,:;]$/, '');
  return CATEGORY_WORDS.has(w) || (w.endsWith('s') && CATEGORY_WORDS.has(w.slice(0, -1)));
}
const NAME_TOKEN = /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*|[\p{Lu}]\.|(?:de|van|von|da|del|der|di|du|la|le|bin|al|el|dos|das|y)|Jr\.?|Sr\.?|II|III)$/u;
const PARTICLE = /^(?:de|van|von|da|del|der|di|du|la|le|bin|al|el|dos|das|y)$/;

/** Parses a whole cell as a list of names "A", "A and B", "A, B and C", "A & B"; undefined when it is not one. */
export function parseNameList(text: string): string[] | undefined {
  // Credits with their parts: "Art Direction: Harold Vance; Set Decoration: Emil Rourke" → the names.
  const t = text.split(/;\s*/).map((p) => p.replace(/^[\p{Lu}][\p{L} -]*:\s+/u, '')).join(', ').trim();
  if (t === '') return undefined;
  const parts = t.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+/);
  const names: string[] = [];
  for (const p of parts) {
    const tokens = p.split(' ').filter(Boolean);
    if (tokens.length === 0 || tokens.length > 5) return undefined;
    if (!tokens.every((w) => NAME_TOKEN.test(w))) return undefined;
    if (PARTICLE.test(tokens[0] as string) || PARTICLE.test(tokens[tokens.length - 1] as string)) return undefined;
    if (tokens.some(isCategoryWord)) return undefined;
    names.push(tokens.join(' '));
  }
  return names;
}

interface Segment {
  category: string;
  recipients: string[];
  work?: string;
  film: boolean;
  byShape: boolean;
  ambiguous: boolean;
}

/** Splits "category [recipient cell]" — a song cell `"Title" – Writer and Writer`, a person list, the film's title, or nothing. */
function splitCategory(text: string, ctx: AccoladeContext, knownCategory?: string): Segment | undefined {
  const t = text.replace(/\s*\((?:for|as) [^)]*\)$/, '').trim();
  if (knownCategory !== undefined && t.startsWith(`${knownCategory} `)) {
    const cell = t.slice(knownCategory.length + 1);
    if (ctx.title !== undefined && cell === ctx.title) return { category: knownCategory, recipients: [], film: true, byShape: false, ambiguous: false };
    const quoted = /^["“]([^"”]+)["”]\s*(?:(?:[–—-]|by|performed by)\s*(.*))?$/.exec(cell);
    const people = quoted ? parseNameList((quoted[2] ?? '').replace(/^(?:music and lyrics by|music by|lyrics by|written by)\s+/i, '')) : parseNameList(cell);
    if (quoted) return { category: knownCategory, work: quoted[1] as string, recipients: people ?? [], film: false, byShape: (people ?? []).some((n) => !ctx.known.has(n)), ambiguous: false };
    if (people) return { category: knownCategory, recipients: people, film: false, byShape: people.some((n) => !ctx.known.has(n)), ambiguous: false };
    // A cell that is no list of names (a group, a role): kept whole, by shape.
    return { category: knownCategory, recipients: [cell], film: false, byShape: !ctx.known.has(cell), ambiguous: false };
  }
  const quoted = /^(.*?)\s*["“]([^"”]+)["”]\s*(?:(?:[–—-]|by|performed by)\s*(.*))?$/.exec(t);
  if (quoted) {
    const people = quoted[3] ? parseNameList((quoted[3] as string).replace(/^(?:music and lyrics by|music by|lyrics by|written by)\s+/i, '')) : [];
    return { category: (quoted[1] as string).trim(), work: quoted[2] as string, recipients: people ?? [], film: false, byShape: (people ?? []).some((n) => !ctx.known.has(n)), ambiguous: people === undefined };
  }
  const title = ctx.title;
  if (title && t.endsWith(` ${title}`) && t.length > title.length + 1) return { category: t.slice(0, t.length - title.length - 1).trim(), recipients: [], film: true, byShape: false, ambiguous: false };
  const tokens = t.split(' ');
  let best: { k: number; cost: number; names: string[] } | undefined;
  let tie = false;
  for (let k = 1; k < tokens.length; k++) {
    const names = parseNameList(tokens.slice(k).join(' '));
    if (!names) continue;
    const last = (tokens[k - 1] as string).replace(/[)–—-]$/, '');
    if (/^(?:and|or|of|in|a|an|the|for|by|–|—|-|to|with)$/i.test(last)) continue;
    let cost = isCategoryWord(last) || /[)]$/.test(tokens[k - 1] as string) ? 0 : 2;
    for (const n of names) {
      const words = n.split(' ').length;
      if (ctx.known.has(n)) cost -= 2;
      else if (words === 1) cost += 2;
      if (words > 3) cost += 1;
    }
    if (!best || cost < best.cost) {
      best = { k, cost, names };
      tie = false;
    } else if (cost === best.cost) tie = true;
  }
  // No split leaves a category that ends like one: the row has no recipient cell.
  if (!best || best.cost >= 2) return { category: t, recipients: [], film: false, byShape: false, ambiguous: false };
  return { category: tokens.slice(0, best.k).join(' '), recipients: best.names, film: false, byShape: best.names.some((n) => !ctx.known.has(n)), ambiguous: tie };
}

/** What the accolades reader is told about the rest of the article. */
export interface AccoladeContext {
  /** Names found elsewhere (infobox, cast, soundtrack): tie-breakers between segmentations, never required. */
  readonly known: ReadonlySet<string>;
  /** The film's title, which a recipient cell may name (the row is then the film's). */
  readonly title: string | undefined;
  /** People credited in the infobox per role, for the role rule. */
  readonly credits: (role: CreditRole) => string[];
}

interface RawRow {
  line: ArticleLine;
  year?: string;
  body?: string;
  date?: string;
  segment: Segment;
  result: { result: string; placement?: number };
}

/** Splits a row into cells when the rendering kept them (tabs, pipes); undefined for a space-joined row. */
function explicitCells(raw: string): string[] | undefined {
  if (raw.includes('\t')) return raw.split('\t').map((c) => normalise(c));
  const pipe = /^\s*\|?(.*?)\|?\s*$/.exec(raw);
  if (raw.includes(' | ') || /^\s*\|.*\|\s*$/.test(raw)) return (pipe?.[1] ?? raw).split('|').map((c) => normalise(c));
  return undefined;
}

/** Peels the leading cells the header puts before the category (year, award body, date), in the header's order. */
function peelLeading(text: string, columns: readonly Column[], knownBodies: ReadonlySet<string>): { rest: string; year?: string; body?: string; date?: string } {
  let rest = text;
  const out: { year?: string; body?: string; date?: string } = {};
  for (const col of columns.slice(0, columns.indexOf('category'))) {
    if (col === 'year') {
      const m = YEAR_AT_START.exec(rest);
      if (m) {
        out.year = m[1] as string;
        rest = rest.slice(m[0].length).trim();
      }
    } else if (col === 'date') {
      const m = DATE_AT_START.exec(rest);
      if (m) {
        out.date = m[1] as string;
        rest = rest.slice(m[0].length).trim();
      } else {
        const y = YEAR_AT_START.exec(rest);
        if (y && !out.year) {
          out.date = y[1] as string;
          rest = rest.slice(y[0].length).trim();
        }
      }
    } else if (col === 'body') {
      const known = [...knownBodies].filter((b) => rest.startsWith(`${b} `)).sort((a, b) => b.length - a.length)[0];
      if (known) {
        out.body = known;
        rest = rest.slice(known.length).trim();
        continue;
      }
      const words = rest.split(' ');
      for (let end = words.length - 1; end >= 1; end--) {
        if (BODY_END.test((words[end - 1] as string).replace(/[,:]$/, ''))) {
          const category = words.slice(end).join(' ');
          // "… Festival Aurora Award Sigrun Havdal": what follows a body is a category, never a bare list of names.
          if (category !== '' && !/^(?:Award|Awards)\b/.test(category) && parseNameList(category) === undefined) {
            out.body = words.slice(0, end).join(' ');
            rest = category;
            break;
          }
        }
      }
      // A body without such a word before a category that opens like one: "Nordic Panorama Best Nordic Documentary".
      const opener = out.body === undefined ? /^((?:[\p{Lu}][\p{L}'’.\/&-]*\s){1,6}?)(?=(?:Best|Outstanding|Most|Favou?rite|Top|Special|Grand|Jury|Audience)\b)/u.exec(rest) : null;
      if (opener && !(opener[1] as string).trim().split(' ').some(isCategoryWord)) {
        out.body = (opener[1] as string).trim();
        rest = rest.slice(opener[0].length);
      }
    }
  }
  return { rest, ...out };
}

/** The accolades tables of an article (each from its header to the next blank line), read row by row. */
export function readAccolades(lines: readonly ArticleLine[], ctx: AccoladeContext): Read<Accolade[]> {
  const diagnostics: Diagnostic[] = [];
  const out: Accolade[] = [];
  const ruleRows: RuleRow[] = [];
  for (let h = 0; h < lines.length; h++) {
    const header = lines[h] as ArticleLine;
    const columns = readHeader(header.text);
    if (!columns) continue;
    const tableRows: RuleRow[] = [];
    let carried: { year?: string; body?: string; bodyLine?: number; date?: string } = {};
    const knownBodies = new Set<string>();
    let i = h + 1;
    for (; i < lines.length; i++) {
      const line = lines[i] as ArticleLine;
      if (line.text === '' || readHeader(line.text)) break;
      if (/^\s*\|?\s*:?-{3,}/.test(line.raw)) continue;
      const row = readRow(line, columns, knownBodies, ctx, diagnostics);
      if (!row) continue;
      // Carry spanned cells down: a cell of a column to the left that changes ends the carry of those to its right.
      if (row.year !== undefined) carried = { year: row.year };
      if (row.body !== undefined) {
        carried = { ...(carried.year !== undefined ? { year: carried.year } : {}), body: row.body, bodyLine: line.no, ...(columns.indexOf('date') < columns.indexOf('body') && carried.date !== undefined ? { date: carried.date } : {}) };
        knownBodies.add(row.body);
      }
      if (row.date !== undefined) carried.date = row.date;
      if (carried.body === undefined) {
        diagnostics.push(diag('accolades:no-body', 'error', line, 'the first row of the table names no award body; row skipped', ['a row starting with an award body such as "Academy Awards"']));
        continue;
      }
      // A row that is only a recipient cell (or a song cell) shares the category cell of the row above, spanned.
      const above = out[out.length - 1];
      if (above && row.body === undefined && (row.segment.category === '' || (row.segment.recipients.length === 0 && !row.segment.film && parseNameList(row.segment.category) !== undefined))) {
        const names = row.segment.category === '' ? row.segment.recipients : (parseNameList(row.segment.category) as string[]);
        row.segment = { ...row.segment, category: above.category, recipients: names, byShape: names.some((n) => !ctx.known.has(n)) };
        diagnostics.push(diag('accolades:category-spanned', 'info', line, `the row has no category cell: the category "${above.category}" of the row above spans into it`, ['a category cell']));
      }
      const dateText = row.date ?? carried.date ?? row.year ?? carried.year;
      const date = dateText !== undefined ? parseDate(dateText) : undefined;
      const seg = row.segment;
      const accolade: Accolade = {
        row: out.length + 1,
        body: carried.body,
        category: seg.category,
        recipients: seg.recipients,
        recipientSource: seg.film ? 'film' : seg.recipients.length > 0 ? 'named' : 'needs-review',
        result: row.result.result,
        ...(row.result.placement !== undefined ? { placement: row.result.placement } : {}),
        ...(date ? { date } : {}),
        ...(seg.work ? { work: seg.work } : {}),
        bodyOnRow: row.body !== undefined,
        evidence: evidence(line),
      };
      const path = `accolades[${out.length}]`;
      if (seg.byShape) diagnostics.push(diag('accolades:name-by-shape', 'warning', line, `recipient(s) ${seg.recipients.join(', ')} read by the shape of the cell (a name list), not found elsewhere in the article`, ['a recipient named elsewhere in the article'], { path: `${path}.recipients` }));
      if (seg.ambiguous) diagnostics.push(diag('accolades:ambiguous-cells', 'warning', line, `the category and recipient cells split more than one way; read as "${seg.category}" | "${seg.recipients.join(', ')}"`, ['cells that split one way'], { path }));
      const ruleRow: RuleRow = { accolade, hasCell: seg.film || seg.recipients.length > 0, ...(seg.recipients.length > 0 ? { writtenOn: line.no } : {}) };
      out.push(accolade);
      tableRows.push(ruleRow);
    }
    if (tableRows.length === 0) diagnostics.push(diag('accolades:no-rows', 'error', header, 'the accolades table has a header but no readable rows', ['rows "<award> <category> [<recipient>] <result>" after the header']));
    ruleRows.push(...tableRows);
    // Rows without a recipient cell: the rules, in table order (a decided span can span on).
    tableRows.forEach((r, k) => {
      if (r.hasCell) return;
      const res = resolveRow(r, tableRows[k - 1], ctx.credits);
      const index = out.indexOf(r.accolade);
      const line = lines[r.accolade.evidence.line - 1] as ArticleLine;
      if (res.kind === 'decided') {
        Object.assign(r.accolade, { recipients: res.recipients, recipientSource: res.source, decision: res.decision });
        diagnostics.push(diag(`span:${res.decision.rules?.join('-') ?? 'rule'}`.replace('film-category', 'film-level') as Diagnostic['code'], 'warning', line, `recipient decided by rule: ${res.decision.reason}`, ['a recipient cell on the row'], { path: `accolades[${index}].recipients` }));
      } else {
        Object.assign(r.accolade, { recipientSource: 'needs-review', ...(res.candidates.length > 0 ? { candidates: res.candidates } : {}) });
        diagnostics.push(diag('span:unresolved', 'warning', line, `needs review: ${res.reason}`, ['a recipient cell on the row', 'a curation decision'], { path: `accolades[${index}].recipients` }));
      }
    });
    h = i - 1;
  }
  return { value: out, diagnostics };
}

/**
 * A row whose cells the rendering kept apart (tabs, pipes): cells typed from both ends — the result, then the leading
 * year or date, then the body, category and recipient cells by position; a spanned cell is simply absent. With two
 * cells left, they are body + category when the second is no list of names, else category + recipient.
 */
function typedCells(all: readonly string[], columns: readonly Column[], result: { result: string }, knownBodies: ReadonlySet<string>, ctx: AccoladeContext): Omit<RawRow, 'line' | 'result'> | undefined {
  const cells = all.map((c) => stripMarkers(c).replace(/(?:\s*\[[a-z]\])+$/, '').trim());
  const r = cells.findIndex((c) => normaliseResult(c)?.result === result.result);
  if (r < 0) return undefined;
  const before = cells.slice(0, r);
  const out: { year?: string; body?: string; date?: string } = {};
  while (before.length > 0 && before[0] === '') before.shift();
  if (/^\d{4}$/.test(before[0] ?? '') && (columns.includes('year') || columns.includes('date'))) {
    if (columns.includes('year')) out.year = before.shift() as string;
    else out.date = before.shift() as string;
  }
  if (before[0] !== undefined && DATE_AT_START.test(before[0]) && columns.includes('date')) out.date = before.shift() as string;
  // Empty cells inside the row are cells the table leaves blank (a film-level row's recipient): kept as absent.
  const filled = before.filter((c) => c !== '');
  let body: string | undefined;
  let category: string | undefined;
  let recipient = '';
  if (filled.length >= 3) [body, category, recipient] = [filled[0], filled[1], filled.slice(2).join(', ')];
  else if (filled.length === 2) {
    const [a, b] = filled as [string, string];
    const bIsNames = parseNameList(b) !== undefined || (ctx.title !== undefined && b === ctx.title) || /^["“]/.test(b);
    const aIsBody = knownBodies.has(a) || BODY_END.test(a.split(' ').pop() ?? '');
    if (aIsBody && !bIsNames) [body, category] = [a, b];
    else if (bIsNames) [category, recipient] = [a, b];
    else [body, category] = [a, b];
  } else if (filled.length === 1) category = filled[0];
  if (category === undefined) return undefined;
  const segment = recipient === '' ? { category, recipients: [], film: false, byShape: false, ambiguous: false } : (splitCategory(`${category} ${recipient}`, ctx, category) as Segment);
  return { ...(out.year !== undefined ? { year: out.year } : {}), ...(body !== undefined ? { body } : {}), ...(out.date !== undefined ? { date: out.date } : {}), segment };
}

function readRow(line: ArticleLine, columns: readonly Column[], knownBodies: ReadonlySet<string>, ctx: AccoladeContext, diagnostics: Diagnostic[]): RawRow | undefined {
  const cells = explicitCells(line.raw);
  const flat = cells ? cells.filter((c) => c !== '').join(' ') : line.text;
  // The result: the last result word followed only by what the header puts after the result column (refs, notes).
  const afterResult = columns.slice(columns.indexOf('result') + 1);
  const matches = [...flat.matchAll(RESULT_ANYWHERE)];
  let chosen: RegExpMatchArray | undefined;
  for (const m of matches.reverse()) {
    const tail = flat.slice((m.index ?? 0) + m[0].length).trim();
    const tailOk = tail === '' || /^(?:\[[\da-z]+\]\s*)+$/.test(tail) || afterResult.includes('other');
    if (tailOk) {
      chosen = m;
      break;
    }
  }
  if (!chosen && RESULT_AT_END.test(stripMarkers(flat))) chosen = RESULT_AT_END.exec(stripMarkers(flat)) ?? undefined;
  if (!chosen) {
    diagnostics.push(diag('accolades:no-result', 'error', line, 'the row has no result (Won, Nominated, Runner-up, Nth Place…); row skipped', ['a row ending with Won, Nominated, Runner-up, Nth Place, Pending or Shortlisted']));
    return undefined;
  }
  const result = normaliseResult(chosen[1] as string) as { result: string; placement?: number };
  const before = stripMarkers(flat.slice(0, chosen.index ?? 0)).replace(/(?:\s*\[[a-z]\])+$/, '').trim();
  const tail = flat.slice((chosen.index ?? 0) + chosen[0].length).trim();
  if (tail !== '' && !/^(?:\[[\da-z]+\]\s*)+$/.test(tail)) {
    diagnostics.push(diag('accolades:extra-cell', 'info', line, `text after the result kept out of the row: "${tail}"`, ['nothing after the result but ref markers'], {}));
  }
  const typed = cells ? typedCells(cells, columns, result, knownBodies, ctx) : undefined;
  if (typed) return { line, ...typed, result };
  const lead = peelLeading(before, columns, knownBodies);
  if (lead.rest === '') {
    diagnostics.push(diag('accolades:no-category', 'error', line, 'the row has no category; row skipped', ['"<award> <category> [<recipient>] <result>"']));
    return undefined;
  }
  const segment = splitCategory(lead.rest, ctx);
  if (!segment) return undefined;
  return { line, ...(lead.year !== undefined ? { year: lead.year } : {}), ...(lead.body !== undefined ? { body: lead.body } : {}), ...(lead.date !== undefined ? { date: lead.date } : {}), segment, result };
}
