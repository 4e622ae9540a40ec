// Accolades mapper: one statement per table row on the film; Won → P166 with winner, placements → P1411 with P1352 ranking; body, work, result as written, row.
import { describe, expect, test } from 'vitest';
import type { Accolade } from '../src/facts/model.js';
import { IriMinter } from '../src/iri.js';
import { mapAccolades, resultMapping } from '../src/map/accolades.js';
import { ev, facts } from './helpers/facts.js';
import { fictionalFacts } from './helpers/fictional.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';

/** A table row: line 91 is the header, so row n is line 91 + n. */
function row(n: number, text: string, fields: Omit<Accolade, 'row' | 'evidence' | 'bodyOnRow'> & { bodyOnRow?: boolean; notes?: string[] }): Accolade {
  const { notes, bodyOnRow, ...rest } = fields;
  return { row: n, bodyOnRow: bodyOnRow ?? true, evidence: ev(91 + n, text, [], notes ?? []), ...rest };
}

describe('result mapping', () => {
  test.each([
    ['Won', undefined, 'P166', undefined],
    ['1st Place', 1, 'P166', 1],
    ['Nominated', undefined, 'P1411', undefined],
    ['Runner-up', 2, 'P1411', 2],
    ['2nd Place', 2, 'P1411', 2],
    ['4th Place', 4, 'P1411', 4],
    ['10th Place', 10, 'P1411', 10],
    ['Pending', undefined, 'P1411', undefined],
    ['Shortlisted', undefined, 'P1411', undefined],
  ] as const)('%s → %s', (result, placement, pid, ranking) => {
    const m = resultMapping({ result, placement });
    expect(m.pid).toBe(pid);
    expect(m.ranking).toBe(ranking);
  });
});

describe('accolades mapper', () => {
  test('Academy Awards Best Actor, Won (line 96) and LAFCA Best Screenplay, Runner-up (line 134)', async () => {
    const f = facts({
      accolades: [
        row(5, 'Best Actor Nicolas Cage Won', { body: 'Academy Awards', category: 'Best Actor', recipients: ['Nicolas Cage'], recipientSource: 'named', result: 'Won', placement: 1, bodyOnRow: false }),
        row(43, 'Best Screenplay Mike Figgis Runner-up', {
          body: 'Los Angeles Film Critics Association Awards',
          category: 'Best Screenplay',
          recipients: ['Mike Figgis'],
          recipientSource: 'named',
          result: 'Runner-up',
          placement: 2,
          bodyOnRow: false,
        }),
      ],
    });
    const AA = '<award/Academy_Awards>';
    const BA = '<award/Academy_Awards/Best_Actor>';
    const LA = '<award/Los_Angeles_Film_Critics_Association_Awards>';
    const BS = '<award/Los_Angeles_Film_Critics_Association_Awards/Best_Screenplay>';
    const { actual, expected } = await compareToTurtle(
      mapAccolades(f, context),
      `
${F} wdt:P166 ${BA} ; p:P166 _:won ; wdt:P1411 ${BS} ; p:P1411 _:runnerup ;
  schema:award "Academy Awards: Best Actor (Nicolas Cage)" .
${AA} a fkg:AwardBody ; rdfs:label "Academy Awards"@en ; schema:name "Academy Awards" ; owl:sameAs wd:Q19020 ; schema:sameAs wd:Q19020 .
${BA} a fkg:Award ; rdfs:label "Academy Awards: Best Actor"@en ; schema:name "Best Actor" ; fkg:awardBody ${AA} ;
  owl:sameAs wd:Q103916 ; schema:sameAs wd:Q103916 .
${LA} a fkg:AwardBody ; rdfs:label "Los Angeles Film Critics Association Awards"@en ; schema:name "Los Angeles Film Critics Association Awards" .
${BS} a fkg:Award ; rdfs:label "Los Angeles Film Critics Association Awards: Best Screenplay"@en ; schema:name "Best Screenplay" ; fkg:awardBody ${LA} .
<person/Nicolas_Cage> a schema:Person ; rdfs:label "Nicolas Cage"@en ; schema:name "Nicolas Cage" ; owl:sameAs wd:Q42869 ; schema:sameAs wd:Q42869 .
<person/Mike_Figgis> a schema:Person ; rdfs:label "Mike Figgis"@en ; schema:name "Mike Figgis" .
${stmtHead('won')} ; ps:P166 ${BA} ; pq:P1686 ${F} ; pq:P1346 <person/Nicolas_Cage> ; fkg:awardBody ${AA} ;
  fkg:resultAsWritten "Won" ; fkg:accoladeRow 5 ; prov:wasDerivedFrom _:r96 .
${stmtHead('runnerup')} ; ps:P1411 ${BS} ; pq:P1686 ${F} ; pq:P2453 <person/Mike_Figgis> ; pq:P1352 "2"^^xsd:decimal ;
  fkg:awardBody ${LA} ; fkg:resultAsWritten "Runner-up" ; fkg:accoladeRow 43 ; prov:wasDerivedFrom _:r134 .
${refTtl('r96', 96, 'Best Actor Nicolas Cage Won')}
${refTtl('r134', 134, 'Best Screenplay Mike Figgis Runner-up')}
`,
    );
    expect(actual).toBe(expected);
  });

  test('a film-level placement (NBR Top Ten Films, 4th Place, line 135) has no recipient and a ranking', async () => {
    const f = facts({
      accolades: [
        row(44, 'National Board of Review Awards Top Ten Films 4th Place', {
          body: 'National Board of Review Awards',
          category: 'Top Ten Films',
          recipients: [],
          recipientSource: 'film',
          result: '4th Place',
          placement: 4,
          decision: { id: 'nbr-top-ten-film-level', reason: 'A top-ten list ranks films: the row is about the film itself.' },
        }),
      ],
    });
    const B = '<award/National_Board_of_Review_Awards>';
    const A = '<award/National_Board_of_Review_Awards/Top_Ten_Films>';
    const { actual, expected } = await compareToTurtle(
      mapAccolades(f, context),
      `
${F} wdt:P1411 ${A} ; p:P1411 _:s .
${B} a fkg:AwardBody ; rdfs:label "National Board of Review Awards"@en ; schema:name "National Board of Review Awards" .
${A} a fkg:Award ; rdfs:label "National Board of Review Awards: Top Ten Films"@en ; schema:name "Top Ten Films" ; fkg:awardBody ${B} .
${stmtHead('s')} ; ps:P1411 ${A} ; pq:P1686 ${F} ; pq:P1352 "4"^^xsd:decimal ; fkg:awardBody ${B} ;
  fkg:resultAsWritten "4th Place" ; fkg:accoladeRow 44 ; prov:wasDerivedFrom _:r .
<film/leaving-las-vegas/decision/nbr-top-ten-film-level> a fkg:CurationDecision ; rdfs:label "nbr-top-ten-film-level"@en ;
  schema:description "A top-ten list ranks films: the row is about the film itself." .
${refTtl('r', 135, 'National Board of Review Awards Top Ten Films 4th Place', { decision: 'nbr-top-ten-film-level' })}
`,
    );
    expect(actual).toBe(expected);
  });

  test('the footnote [a] on the Jupiter Awards row (line 129) is carried on the reference', () => {
    const f = facts({
      footnotes: [{ id: 'a', text: 'Also for The Rock.', evidence: ev(198, '  1. ^ Also for The Rock.') }],
      accolades: [
        row(38, 'Jupiter Awards Best International Actor Nicolas Cage [a] Won', {
          body: 'Jupiter Awards',
          category: 'Best International Actor',
          recipients: ['Nicolas Cage'],
          recipientSource: 'named',
          result: 'Won',
          placement: 1,
          notes: ['a'],
        }),
      ],
    });
    const quads = mapAccolades(f, context);
    const footnotes = quads.filter((q) => q.predicate.value === 'https://filmkg.example/ontology#footnote').map((q) => q.object.value);
    expect(footnotes).toEqual(['Also for The Rock.']);
  });

  test('two rows with the same award and result stay two statements (the row is a qualifier) — FICTIONAL film', () => {
    const same = { body: 'Orchard Critics Awards', category: 'Best Film', recipients: [], recipientSource: 'film' as const, result: 'Won', placement: 1, bodyOnRow: true };
    const rows: Accolade[] = [1, 2].map((n) => ({ row: n, ...same, evidence: ev(22, 'Orchard Critics Awards Best Film Won') }));
    const quads = mapAccolades(fictionalFacts({ accolades: rows }), context);
    const statements = new Set(quads.filter((q) => q.predicate.value === 'http://www.wikidata.org/prop/P166').map((q) => q.object.value));
    expect(statements.size).toBe(2);
  });
});
