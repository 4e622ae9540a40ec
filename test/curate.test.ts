// The curate stage: the curation file's schema, each kind of decision, and decisions that target nothing (errors naming the entry).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCuration, namesOfKind } from '../src/curate/apply.js';
import { parseCuration, type Curation, type CurationEntry } from '../src/curate/curation.js';
import { FilmkgError } from '../src/errors.js';
import { extractFacts } from '../src/pipeline.js';
import { toLines } from '../src/extract/lines.js';
import { FILMS_DIR } from '../src/paths.js';
import { WIKIDATA_ITEMS } from '../src/vocab.js';

const DIR = path.join(FILMS_DIR, 'leaving-las-vegas');
const TEXT = readFileSync(path.join(DIR, 'article.txt'), 'utf8');
const META = JSON.parse(readFileSync(path.join(DIR, 'metadata.json'), 'utf8'));
const LINES = toLines(TEXT, 'article.txt');
const FACTS = extractFacts(TEXT, META, 'article.txt');
const BUNDLED = parseCuration(readFileSync(path.join(DIR, 'curation.json'), 'utf8'), 'curation.json');

function apply(...decisions: CurationEntry[]) {
  return applyCuration(FACTS, { decisions } satisfies Curation, LINES, 'curation.json');
}

function errorOf(fn: () => unknown): FilmkgError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FilmkgError) return e;
    throw e;
  }
  throw new Error('expected a FilmkgError');
}

const FILM_LEVEL: CurationEntry = { kind: 'accolade-film-level', id: 'dfw-best-picture', reason: 'a film category', accolade: { line: 114, body: 'Dallas-Fort Worth Film Critics Association Awards', category: 'Best Picture' } };
const SPANNED: CurationEntry = { kind: 'accolade-spanned-recipient', id: 'oscar-director', reason: 'spanned from line 94', accolade: { line: 95, body: 'Academy Awards', category: 'Best Director' }, recipients: ['Mike Figgis'], fromLine: 94 };

describe('parseCuration', () => {
  it('rejects text that is not JSON, naming the file', () => {
    const e = errorOf(() => parseCuration('{ decisions: [', 'c.json'));
    expect(e.code).toBe('BAD_CURATION');
    expect(e.place).toEqual({ file: 'c.json' });
  });
  it('rejects an entry without a reason, naming its path', () => {
    const e = errorOf(() => parseCuration(JSON.stringify({ decisions: [{ kind: 'accolade-film-level', id: 'x', accolade: { line: 1, body: 'A', category: 'B' } }] }), 'c.json'));
    expect(e.code).toBe('BAD_CURATION');
    expect(e.place).toEqual({ file: 'c.json', path: 'decisions[0].reason' });
  });
  it('rejects an unknown kind and an id that is not kebab-case', () => {
    expect(errorOf(() => parseCuration(JSON.stringify({ decisions: [{ kind: 'guess', id: 'x', reason: 'r' }] }), 'c.json')).place.path).toBe('decisions[0].kind');
    expect(errorOf(() => parseCuration(JSON.stringify({ decisions: [{ ...FILM_LEVEL, id: 'Not Kebab' }] }), 'c.json')).place.path).toBe('decisions[0].id');
  });
  it('rejects two decisions with the same id', () => {
    const e = errorOf(() => parseCuration(JSON.stringify({ decisions: [FILM_LEVEL, FILM_LEVEL] }), 'c.json'));
    expect(e.place.path).toBe('decisions');
    expect(e.message).toMatch(/unique/);
  });
});

describe('applyCuration', () => {
  it('decides a film-level row and a spanned recipient, recording the decision, without changing its input', () => {
    const before = JSON.stringify(FACTS);
    const out = apply(FILM_LEVEL, SPANNED);
    expect(JSON.stringify(FACTS)).toBe(before);
    expect(out.accolades.find((a) => a.evidence.line === 114)).toMatchObject({ recipients: [], recipientSource: 'film', decision: { id: 'dfw-best-picture', reason: 'a film category' } });
    expect(out.accolades.find((a) => a.evidence.line === 95)).toMatchObject({ recipients: ['Mike Figgis'], recipientSource: 'spanned', decision: { id: 'oscar-director' } });
  });

  it('adds a credit with evidence read from the line it names', () => {
    const out = apply({ kind: 'credit', id: 'music', reason: 'prose', role: 'composer', person: 'Mike Figgis', line: 74, text: 'composing his own score.[5][11]' });
    expect(out.credits.at(-1)).toEqual({
      role: 'composer',
      person: 'Mike Figgis',
      evidence: { line: 74, endLine: 74, text: 'composing his own score.[5][11]', refs: [5, 11], notes: [] },
      decision: { id: 'music', reason: 'prose' },
    });
  });

  it('adds an external id for an entity the facts name', () => {
    const out = apply({ kind: 'external-id', id: 'cage', reason: 'confirmed', entity: 'person', name: 'Nicolas Cage', wikidata: 'Q42869' });
    expect(out.externalIds).toEqual([{ kind: 'person', name: 'Nicolas Cage', wikidata: 'Q42869', decision: { id: 'cage', reason: 'confirmed' } }]);
  });

  it('names a music performer a group (an organisation) without an identifier', () => {
    const out = apply({ kind: 'external-id', id: 'group', reason: 'a plural name', entity: 'organisation', name: 'The Palladinos' });
    expect(out.externalIds).toEqual([{ kind: 'organisation', name: 'The Palladinos', decision: { id: 'group', reason: 'a plural name' } }]);
  });

  const BAD: Array<{ name: string; entries: CurationEntry[]; message: RegExp }> = [
    { name: 'a row on a line with no accolade', entries: [{ ...FILM_LEVEL, accolade: { ...FILM_LEVEL.accolade, line: 40 } }], message: /"dfw-best-picture": no accolade row on line 40/ },
    { name: 'a row whose body or category differs', entries: [{ ...FILM_LEVEL, accolade: { ...FILM_LEVEL.accolade, category: 'Best Film' } }], message: /is not the one reviewed; expected Dallas-Fort Worth .*: Best Film; got ".*: Best Picture"/ },
    { name: 'a row that already names its recipient', entries: [{ ...FILM_LEVEL, accolade: { line: 92, body: '20/20 Awards', category: 'Best Actor' } }], message: /is not one without a recipient cell/ },
    { name: 'a row decided twice', entries: [FILM_LEVEL, { ...FILM_LEVEL, id: 'again' }], message: /"again": the row is not one without a recipient cell/ },
    { name: 'a spanning line that does not name the recipient', entries: [{ ...SPANNED, recipients: ['Nicolas Cage'] }], message: /line 94 does not name Nicolas Cage/ },
    { name: 'a spanning line after the row', entries: [{ ...SPANNED, fromLine: 96 }], message: /must be on an earlier line than 95/ },
    { name: 'credit text not on its line', entries: [{ kind: 'credit', id: 'music', reason: 'r', role: 'composer', person: 'Mike Figgis', line: 75, text: 'composing his own score' }], message: /"music": line 75 does not contain the text/ },
    { name: 'a credit the infobox already gives', entries: [{ kind: 'credit', id: 'dir', reason: 'r', role: 'director', person: 'Mike Figgis', line: 18, text: 'Figgis' }], message: /already credit Mike Figgis as director/ },
    { name: 'an external id for a person the facts do not name', entries: [{ kind: 'external-id', id: 'ghost', reason: 'r', entity: 'person', name: 'Nobody Atall', wikidata: 'Q1' }], message: /"ghost": names no person of the facts/ },
    // (Not a music performer: those may be groups, so their names are organisation candidates too.)
    { name: 'an external id of the wrong kind', entries: [{ kind: 'external-id', id: 'obrien-org', reason: 'r', entity: 'organisation', name: "John O'Brien", wikidata: 'Q42869' }], message: /names no organisation/ },
    { name: 'a dialogue voice named as a group', entries: [{ kind: 'external-id', id: 'shue-group', reason: 'r', entity: 'organisation', name: 'Elisabeth Shue' }], message: /names no organisation/ },
    { name: 'an award named without its body', entries: [{ kind: 'external-id', id: 'oscar', reason: 'r', entity: 'award', name: 'Best Actor', wikidata: 'Q103916' }], message: /names no award/ },
  ];
  it.each(BAD)('rejects $name with BAD_CURATION naming the entry', ({ entries, message }) => {
    const e = errorOf(() => apply(...entries));
    expect(e.code).toBe('BAD_CURATION');
    expect(e.place).toEqual({ file: 'curation.json', path: `decisions[${entries.length - 1}]` });
    expect(e.message).toMatch(message);
  });
});

describe('namesOfKind', () => {
  it('names awards as "Body: Category" and finds places in every part of the facts', () => {
    expect(namesOfKind(FACTS, 'award').has('Golden Globe Awards: Best Actor in a Motion Picture – Drama')).toBe(true);
    expect([...namesOfKind(FACTS, 'place')].sort()).toEqual(['Australia', 'Canada', 'Europe', 'North America', 'USA', 'United States']);
    expect([...namesOfKind(FACTS, 'aggregator')].sort()).toEqual(['Metacritic', 'Rotten Tomatoes']);
  });
});

describe('the bundled curation file', () => {
  const curated = applyCuration(FACTS, BUNDLED, LINES, 'curation.json');

  it('replaces every rule decision with a reviewed one, and leaves no accolade row undecided', () => {
    const ruled = FACTS.accolades.filter((a) => a.decision?.rules !== undefined);
    expect(ruled.map((a) => a.evidence.line)).toEqual([95, 105, 108, 114, 119, 123, 130, 135, 140, 145, 147, 148, 151]);
    expect(FACTS.accolades.filter((a) => a.recipientSource === 'needs-review')).toEqual([]);
    expect(curated.accolades.filter((a) => a.decision?.rules !== undefined || a.recipientSource === 'needs-review')).toEqual([]);
    // The rules and the reviewers agree on every row: the curation confirms, it does not correct.
    for (const a of ruled) {
      const c = curated.accolades.find((x) => x.evidence.line === a.evidence.line);
      expect([a.evidence.line, c?.recipients, c?.recipientSource]).toEqual([a.evidence.line, a.recipients, a.recipientSource === 'decided' ? 'spanned' : a.recipientSource]);
    }
  });

  it('links only Wikidata items the vocabulary notes confirm, each once', () => {
    const ids = BUNDLED.decisions.flatMap((d) => (d.kind === 'external-id' && d.wikidata ? [d.wikidata] : []));
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(Object.keys(WIKIDATA_ITEMS), id).toContain(id);
    expect(curated.externalIds.map((x) => `${x.kind}:${x.name}`)).toEqual([...new Set(curated.externalIds.map((x) => `${x.kind}:${x.name}`))]);
  });

  it('fills the empty "Music by" row from the prose', () => {
    expect(FACTS.credits.some((c) => c.role === 'composer')).toBe(false);
    expect(curated.credits.filter((c) => c.role === 'composer')).toMatchObject([{ person: 'Mike Figgis', evidence: { line: 74, refs: [5, 11] }, decision: { id: 'music-by-mike-figgis' } }]);
  });
});

describe('a draft of filmkg review', () => {
  it('is refused until its open entries are reviewed (their reason still says NEEDS REVIEW)', () => {
    const draft = JSON.stringify({ decisions: [{ kind: 'accolade-spanned-recipient', id: 'x-line-71', reason: 'NEEDS REVIEW: line 71 has no recipient cell.', accolade: { line: 71, body: 'B', category: 'C' }, recipients: ['A B'], fromLine: 70 }] });
    expect(() => parseCuration(draft, 'curation.json')).toThrowError(expect.objectContaining({ code: 'BAD_CURATION', place: { file: 'curation.json', path: 'decisions[0].reason' } }));
  });
});
