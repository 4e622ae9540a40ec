// The hostile-article corpus: 44 articles built from the bundled one by a hostile hand (huge, deep, malformed,
// injecting markup or RDF, impossible dates and figures). Each is either refused as no film article with its code,
// or read into valid facts that build into a graph whose Turtle parses and which conforms to the shapes — never an
// exception, never invalid facts, never a triple that lets a name escape its literal or IRI.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { validateQuads } from '../src/check/shacl.js';
import { FilmkgError } from '../src/errors.js';
import { toNTriples } from '../src/export/ntriples.js';
import { toTurtle } from '../src/export/turtle.js';
import { buildGraph } from '../src/graph.js';
import { FILMS_DIR } from '../src/paths.js';
import { factsFromText } from '../src/facts/from-text.js';

const LINES = readFileSync(path.join(FILMS_DIR, 'leaving-las-vegas', 'article.txt'), 'utf8').split('\n');
const META = { slug: 'hostile', title: 'Hostile', url: 'https://filmkg.example/hostile', licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'test' };
const at = (no: number, text: string) => LINES.map((l, i) => (i === no - 1 ? text : l)).join('\n');
const insertAfter = (no: number, extra: string[]) => [...LINES.slice(0, no), ...extra, ...LINES.slice(no)].join('\n');
const ROW = 'Hostile Awards Best Actor Nicolas Cage Won';
const TRACK = (n: number) => `${n}."Track ${n}" Mike Figgis1:0${n % 10}`;

const CASES: Array<[string, () => string, string?]> = [
  ['10,000 copies of one prose line', () => insertAfter(38, Array.from({ length: 10_000 }, () => LINES[37] ?? ''))],
  ['a single line of a megabyte', () => insertAfter(40, ['x'.repeat(1_000_000)])],
  ['2,000 extra accolade rows', () => insertAfter(92, Array.from({ length: 2000 }, (_, i) => `${ROW.replace('Hostile', `Hostile${i}`)}`))],
  ['1,000 extra tracks', () => insertAfter(193, Array.from({ length: 1000 }, (_, i) => TRACK(26 + i)))],
  ['10,000 nested brackets in the lead', () => at(38, `${'['.repeat(10_000)}${LINES[37]}${']'.repeat(10_000)}`)],
  ['10,000 nested parentheses in the lead', () => at(38, `${LINES[37]} ${'('.repeat(10_000)}`)],
  ['right-to-left and bidi controls in names', () => at(18, 'Directed by\u202eMike\u2066 Figgis\u2069')],
  ['zero-width spaces inside labels', () => at(18, 'Dire\u200bcted byMike Figgis')],
  ['a byte-order mark before the text', () => `\ufeff${LINES.join('\n')}`],
  ['CRLF line ends', () => LINES.join('\r\n')],
  ['CR-only line ends', () => LINES.join('\r'), 'NO_INFOBOX'],
  ['tabs everywhere', () => LINES.map((l) => l.replace(/ /g, '\t')).join('\n')],
  ['a 400-digit running time', () => at(31, `${'9'.repeat(400)} minutes`)],
  ['a revision on 32 May at 25:61', () => at(LINES.length, 'This page was last edited on 32 May 2023, at 25:61')],
  ['a budget of 10^30 dollars', () => at(35, `Budget$${'9'.repeat(30)} billion`)],
  ['a negative budget', () => at(35, 'Budget-$5 million')],
  ['an accolades header with no rows', () => [...LINES.slice(0, 91), '', ...LINES.slice(153)].join('\n')],
  ['the accolades header repeated 100 times', () => insertAfter(91, Array.from({ length: 100 }, () => 'Award Category Subject Result'))],
  ['track number zero and a negative number', () => insertAfter(193, ['0."Zero" Mike Figgis1:00', '-1."Minus" Mike Figgis1:00'])],
  ['a reference with no number', () => insertAfter(228, ['  . ^ "No number". Nowhere.'])],
  ['a citation marker of ten digits', () => at(38, `${LINES[37]}[9999999999]`)],
  ['HTML and script in a name', () => at(18, 'Directed by<script>alert(1)</script> Figgis')],
  ['</script> in the title', () => at(15, 'Leaving </script><!-- Vegas')],
  ['Turtle injection in a name', () => at(18, 'Directed byMike" ; <http://evil/> "x')],
  ['N-Triples injection in a category', () => at(93, '20/20 Awards Best Actor> <http://evil/p> "x" . Nicolas Cage Won')],
  ['IRI-hostile characters in a name', () => at(18, 'Directed byMike #?%/\\ Figgis')],
  ['emoji and astral characters in names', () => at(18, 'Directed by🎬 Mike 𝔉iggis')],
  ['a name of 10,000 characters', () => at(18, `Directed by${'M'.repeat(10_000)}`)],
  ['1,000 unknown infobox rows', () => insertAfter(33, Array.from({ length: 1000 }, (_, i) => `Field${i}valueValue${i}`))],
  ['every infobox value empty', () => LINES.map((l, i) => (i >= 17 && i < 36 ? l.replace(/^(Directed by|Screenplay by|Edited by|Country|Budget|Box office).*/, '$1') : l)).join('\n')],
  ['the infobox twice', () => insertAfter(36, ['', ...LINES.slice(14, 36)])],
  ['two articles in one file', () => [...LINES, ...LINES].join('\n')],
  ['markdown code fences around the infobox', () => insertAfter(36, ['```']).replace(/\nLeaving Las Vegas\nLeaving las vegas/, '\n```\nLeaving Las Vegas\nLeaving las vegas')],
  ['only the infobox', () => LINES.slice(14, 36).join('\n')],
  ['the year 9999 in the lead', () => at(38, (LINES[37] ?? '').replace('1995', '9999'))],
  ['February 30 as a release date', () => at(29, '  • February 30, 1996 (1996-02-30) (Wide)')],
  ['a running time of zero minutes', () => at(31, '0 minutes')],
  ['results only', () => insertAfter(92, ['Won Won Won', 'Nominated'])],
  ['a javascript: URL as a name', () => at(18, 'Directed byjavascript:alert(1)')],
  ['a NUL byte', () => `${LINES.join('\n')}\u0000`, 'BINARY_INPUT'],
  ['nothing but whitespace', () => ' \n\t\n ', 'EMPTY_INPUT'],
  ['prose without an infobox', () => LINES.slice(37, 90).join('\n'), 'NO_INFOBOX'],
  ['a lone surrogate in a name', () => at(18, 'Directed byMike \ud800Figgis'), 'BINARY_INPUT'],
  ['a dialogue track credited to a band', () => at(191, 'The Kestrels')],
];

describe.each(CASES)('hostile article: %s', (_name, make, fatal) => {
  it(fatal ? `is refused with ${fatal}` : 'is read into valid facts that build into a conforming graph', async () => {
    const text = make();
    let facts;
    try {
      facts = factsFromText(text, META, 'hostile.txt');
    } catch (error) {
      expect(error).toBeInstanceOf(FilmkgError);
      expect((error as FilmkgError).code).toBe(fatal);
      return;
    }
    expect(fatal).toBeUndefined();
    expect(facts.diagnostics.filter((d) => d.code.startsWith('internal:'))).toEqual([]);
    const quads = buildGraph([facts]);
    const nt = toNTriples(quads);
    // Every triple reads back: no name escaped its literal or IRI.
    expect(new Parser({ format: 'N-Triples' }).parse(nt)).toHaveLength(quads.length);
    expect(new Parser().parse(toTurtle(quads))).toHaveLength(quads.length);
    const outcome = await validateQuads(quads);
    expect(outcome.violations.map((v) => `${v.focusNode} ${v.path ?? ''} ${v.message}`)).toEqual([]);
  }, 120_000);
});
