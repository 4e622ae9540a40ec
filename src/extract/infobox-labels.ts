// The infobox's row labels: which labels filmkg maps (and to what), and how a line is read as "label + value"
// in every rendering: glued (`Directed byMike Figgis`), alone on its line, tab-, pipe- or colon-separated,
// markdown tables and bold labels, or a label, a space and the value.

/** What an infobox row is about. */
export type FieldKey =
  | 'director'
  | 'screenwriter'
  | 'story'
  | 'basedOn'
  | 'producer'
  | 'starring'
  | 'narrator'
  | 'cinematographer'
  | 'editor'
  | 'composer'
  | 'productionCompany'
  | 'distributor'
  | 'releases'
  | 'runningTime'
  | 'countries'
  | 'languages'
  | 'budget'
  | 'boxOffice';

/** Labels as film infoboxes write them, with the field each fills. Longest first is not needed: matching takes the longest. */
export const LABELS: ReadonlyArray<readonly [string, FieldKey]> = [
  ['Directed by', 'director'],
  ['Written by', 'screenwriter'],
  ['Screenplay by', 'screenwriter'],
  ['Teleplay by', 'screenwriter'],
  ['Story by', 'story'],
  ['Stories by', 'story'],
  ['Based on', 'basedOn'],
  ['Produced by', 'producer'],
  ['Starring', 'starring'],
  ['Voices of', 'starring'],
  ['Narrated by', 'narrator'],
  ['Cinematography', 'cinematographer'],
  ['Edited by', 'editor'],
  ['Editing by', 'editor'],
  ['Music by', 'composer'],
  ['Production company', 'productionCompany'],
  ['Production companies', 'productionCompany'],
  ['Distributed by', 'distributor'],
  ['Release date', 'releases'],
  ['Release dates', 'releases'],
  ['Running time', 'runningTime'],
  ['Country', 'countries'],
  ['Countries', 'countries'],
  ['Language', 'languages'],
  ['Languages', 'languages'],
  ['Budget', 'budget'],
  ['Box office', 'boxOffice'],
];

/**
 * The template's own parameter names, as some mirrors print them ("- Director: X", "Runtime | 180 minutes"): read
 * only with an explicit separator (colon, tab, pipe), since "Music" alone is also a section heading.
 */
const TEMPLATE_LABELS: ReadonlyArray<readonly [string, FieldKey]> = [
  ['Director', 'director'], ['Directors', 'director'], ['Screenplay', 'screenwriter'], ['Writer', 'screenwriter'], ['Writers', 'screenwriter'],
  ['Story', 'story'], ['Producer', 'producer'], ['Producers', 'producer'], ['Narrator', 'narrator'], ['Editing', 'editor'], ['Editor', 'editor'],
  ['Music', 'composer'], ['Studio', 'productionCompany'], ['Studios', 'productionCompany'], ['Distributor', 'distributor'], ['Distributors', 'distributor'],
  ['Released', 'releases'], ['Runtime', 'runningTime'], ['Gross', 'boxOffice'], ['Cast', 'starring'],
];

/** Labels of film infoboxes that filmkg keeps as they are (unknownInfoboxFields) without mapping them. */
const OTHER_LABELS = [
  'Color process', 'Animation by', 'Layouts by', 'Backgrounds by', 'Executive producer', 'Executive producers', 'Production design',
  'Hangul', 'Hanja', 'Revised Romanization', 'McCune–Reischauer', 'Kanji', 'Hepburn', 'Traditional', 'Simplified', 'Hanyu Pinyin',
  'Original title', 'Also known as', 'Release', 'Country of origin', 'Original language', 'Created by', 'Presented by',
];

const ALL = [...LABELS.map(([label]) => label), ...OTHER_LABELS].sort((a, b) => b.length - a.length);
/** Each label of ALL with its lower-case form, in ALL's order. */
const ALL_CASES = ALL.map((label) => [label, label.toLowerCase()] as const);
/** The first label of ALL (the longest) with each lower-case form. */
const EXACT = new Map<string, string>();
for (const [label, lower] of ALL_CASES) if (!EXACT.has(lower)) EXACT.set(lower, label);
const KEY_OF = new Map<string, FieldKey>(LABELS.map(([l, k]) => [l.toLowerCase(), k]));
const TEMPLATE_KEY_OF = new Map<string, FieldKey>(TEMPLATE_LABELS.map(([l, k]) => [l.toLowerCase(), k]));

/** A line read as an infobox row: its label, the field it fills (when known), and the value text on the line. */
export interface LabelMatch {
  readonly label: string;
  readonly key: FieldKey | undefined;
  /** True for the labels of LABELS and OTHER_LABELS. */
  readonly known: boolean;
  /** The value written on the same line (normalised spaces, tabs kept out), '' when the label stands alone. */
  readonly value: string;
  readonly form: 'glued' | 'alone' | 'tab' | 'pipe' | 'colon' | 'space' | 'table';
}

const ODD_SPACES = /[\u00a0\u2002-\u200a\u202f\u205f\u3000]/g;
const clean = (s: string) => s.replace(ODD_SPACES, ' ').replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim();

/** The known label `text` starts with, case kept (so "LanguageSpanish" is "Language", not "Languages" + "panish"). */
function knownPrefix(text: string): string | undefined {
  return ALL_CASES.find(([label, lower]) => text.startsWith(label) || text.startsWith(lower))?.[0];
}

function exactKnown(text: string): string | undefined {
  return EXACT.get(text.replace(/:$/, '').trim().toLowerCase());
}

function match(label: string, value: string, form: LabelMatch['form']): LabelMatch {
  const known = exactKnown(label);
  const name = known ?? label.replace(/:$/, '').trim();
  const template = known === undefined && form !== 'glued' && form !== 'space' && form !== 'alone' ? TEMPLATE_KEY_OF.get(name.toLowerCase()) : undefined;
  return { label: name, key: KEY_OF.get(name.toLowerCase()) ?? template, known: known !== undefined || template !== undefined, value: clean(value), form };
}

/** A short capitalised label such as "Color process" (at most five words, no sentence punctuation). */
const LABEL_LIKE = /^[\p{Lu}][\p{L}()'’/ -]{1,40}$/u;

/** Reads `raw` as an infobox row, or undefined when the line is no row (a value line, a bullet, prose). */
export function labelOf(line: { readonly raw: string; readonly text: string }): LabelMatch | undefined {
  const raw = line.raw.replace(ODD_SPACES, ' ');
  if (line.text === '' || /^\s*[•·]/.test(raw) || /\.(?:jpe?g|png|gif|svg|webp|tiff?)$/i.test(line.text)) return undefined;
  // Markdown table row "| Directed by | Mike Figgis |"; "| --- | --- |" and "| | value |" are not rows.
  const table = /^\s*\|(.*)\|\s*$/.exec(raw);
  if (table) {
    const cells = (table[1] as string).split('|').map((c) => c.trim());
    if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return undefined;
    const head = (cells[0] ?? '').replace(/^\*\*(.*)\*\*$/, '$1');
    if (head === '' || !LABEL_LIKE.test(head)) return undefined;
    return match(head, cells.slice(1).filter((c) => c !== '').join(', '), 'table');
  }
  const text = raw.replace(/^\s*[-*]\s+(?=\*\*|[\p{Lu}][\p{L} ()]{1,30}?:\s)/u, '').trim();
  // **Directed by**: Mike Figgis, **Directed by:** Mike Figgis
  const bold = /^\*\*(.+?)\*\*\s*:?\s*(.*)$/.exec(text);
  if (bold) {
    const label = (bold[1] as string).replace(/:$/, '');
    if (LABEL_LIKE.test(label)) return match(label, bold[2] as string, 'colon');
  }
  const tab = /^([^\t]+?)\t+(.*)$/.exec(text);
  if (tab && LABEL_LIKE.test((tab[1] as string).trim())) return match((tab[1] as string).trim(), (tab[2] as string).replace(/\t+/g, ', '), 'tab');
  if (/^[\s|:-]+$/.test(text)) return undefined;
  const pipe = /^([^|]+?)\s*\|\s*(.*)$/.exec(text);
  if (pipe && LABEL_LIKE.test((pipe[1] as string).trim())) {
    const cells = (pipe[2] as string).split('|').map((c) => c.trim()).filter((c) => c !== '');
    return match((pipe[1] as string).trim(), cells.join(', '), 'pipe');
  }
  const colon = /^([\p{Lu}][\p{L} ()]{1,30}?):\s+(.*)$/u.exec(text);
  if (colon && (exactKnown(colon[1] as string) || TEMPLATE_KEY_OF.has((colon[1] as string).toLowerCase()))) return match(colon[1] as string, colon[2] as string, 'colon');
  const known = knownPrefix(text);
  if (known) {
    const rest = text.slice(known.length);
    if (rest.trim() === '') return match(known, '', 'alone');
    // "Countries" is not "Country" + "ies": a glued value starts with a capital, a digit, a sign or a quote.
    // A glued value usually starts with a capital, a digit, a sign or a quote; a lower-case one ("Budgetunknown") is kept
    // too ("Countries" is matched whole before "Country", so no label swallows a longer one).
    if (/^[\p{Lu}\d$£€¥₹"“'(]/u.test(rest) || /^\p{Ll}/u.test(rest)) return match(known, rest, 'glued');
    if (/^ \S/.test(rest) && text.length <= 120 && (!/[.!?]$/.test(text) || text.length <= 40)) return match(known, rest, 'space');
    if (/^:\s*\S/.test(rest)) return match(known, rest.replace(/^:\s*/, ''), 'colon');
    return undefined;
  }
  // An unknown label glued to its value: "Color processTechnicolor" (a capitalised label, then lower-case words).
  const glued = /^([\p{Lu}][\p{Ll}]+(?: [\p{Ll}]+){0,3})([\p{Lu}\d$£€¥₹].*)$/u.exec(text);
  if (glued && (glued[1] as string).length >= 4 && !/^(?:Mac|Van|Von|Della|Dela)$/.test(glued[1] as string)) return match(glued[1] as string, glued[2] as string, 'glued');
  return undefined;
}
