// Cast mapper: PerformanceRole + characterName on the schema.org side, P161 with P453/P4633 on the Wikidata side, characters as film-scoped nodes.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapCast } from '../src/map/cast.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';

describe('cast mapper', () => {
  test('Nicolas Cage as Ben Sanderson (lead line 38, plot line 57) and a character no cast member plays (line 59)', async () => {
    const f = facts({
      cast: [
        {
          actor: 'Nicolas Cage',
          character: 'Ben Sanderson',
          characterAliases: ['Ben'],
          evidence: [ev(38, 'Nicolas Cage stars as a suicidal alcoholic'), ev(57, 'Ben Sanderson is an alcoholic Hollywood screenwriter')],
        },
      ],
      characters: [{ name: 'Yuri Butsov', aliases: ['Yuri'], evidence: [ev(59, 'abusive Latvian pimp Yuri Butsov')] }],
    });
    const { actual, expected } = await compareToTurtle(
      mapCast(f, context),
      `
${F} schema:actor <film/leaving-las-vegas/role/Nicolas_Cage/Ben_Sanderson> ;
  schema:character <film/leaving-las-vegas/character/Ben_Sanderson>, <film/leaving-las-vegas/character/Yuri_Butsov> ;
  wdt:P161 <person/Nicolas_Cage> ; p:P161 _:s .
<person/Nicolas_Cage> a schema:Person ; rdfs:label "Nicolas Cage"@en ; schema:name "Nicolas Cage" ;
  owl:sameAs wd:Q42869 ; schema:sameAs wd:Q42869 .
<film/leaving-las-vegas/role/Nicolas_Cage/Ben_Sanderson> a schema:PerformanceRole ;
  rdfs:label "Nicolas Cage as Ben Sanderson"@en ;
  schema:actor <person/Nicolas_Cage> ; schema:characterName "Ben Sanderson" .
<film/leaving-las-vegas/character/Ben_Sanderson> a fkg:Character ; rdfs:label "Ben Sanderson"@en ;
  schema:name "Ben Sanderson" ; skos:altLabel "Ben"@en .
<film/leaving-las-vegas/character/Yuri_Butsov> a fkg:Character ; rdfs:label "Yuri Butsov"@en ;
  schema:name "Yuri Butsov" ; skos:altLabel "Yuri"@en ; prov:wasDerivedFrom _:r59 .
${stmtHead('s')} ; ps:P161 <person/Nicolas_Cage> ;
  pq:P453 <film/leaving-las-vegas/character/Ben_Sanderson> ; pq:P4633 "Ben Sanderson" ;
  prov:wasDerivedFrom _:r38, _:r57 .
${refTtl('r38', 38, 'Nicolas Cage stars as a suicidal alcoholic')}
${refTtl('r57', 57, 'Ben Sanderson is an alcoholic Hollywood screenwriter')}
${refTtl('r59', 59, 'abusive Latvian pimp Yuri Butsov')}
`,
    );
    expect(actual).toBe(expected);
  });

  test('a cast member without a character is a direct schema:actor and a P161 statement without character qualifiers', async () => {
    const f = facts({ cast: [{ actor: 'Lou Rawls', characterAliases: [], evidence: [ev(191, 'Lou Rawls as Concerned Cabbie')] }] });
    const { actual, expected } = await compareToTurtle(
      mapCast(f, context),
      `
${F} schema:actor <person/Lou_Rawls> ; wdt:P161 <person/Lou_Rawls> ; p:P161 _:s .
<person/Lou_Rawls> a schema:Person ; rdfs:label "Lou Rawls"@en ; schema:name "Lou Rawls" .
${stmtHead('s')} ; ps:P161 <person/Lou_Rawls> ; prov:wasDerivedFrom _:r .
${refTtl('r', 191, 'Lou Rawls as Concerned Cabbie')}
`,
    );
    expect(actual).toBe(expected);
  });

  test('a Starring credit already in the cast adds nothing; one that is not becomes a cast member', () => {
    const evidence = ev(38, 'a prostitute played by Elisabeth Shue');
    const inCast = facts({
      cast: [{ actor: 'Elisabeth Shue', character: 'Sera', characterAliases: [], evidence: [evidence] }],
      credits: [{ role: 'starring', person: 'Elisabeth Shue', evidence }],
    });
    const withCredit = mapCast(inCast, context);
    const withoutCredit = mapCast(facts({ cast: inCast.cast }), context);
    expect(withCredit.length).toBe(withoutCredit.length);

    const notInCast = mapCast(facts({ credits: [{ role: 'starring', person: 'Elisabeth Shue', evidence }] }), context);
    expect(notInCast.some((q) => q.predicate.value === 'http://www.wikidata.org/prop/direct/P161' && q.object.value.endsWith('person/Elisabeth_Shue'))).toBe(true);
  });
});
