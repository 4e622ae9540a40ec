// People mapper: crew credits become schema.org properties and Wikidata statements with provenance.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapPeople } from '../src/map/people.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };

describe('people mapper', () => {
  test('director, producer with a non-ASCII name, cinematographer and editor (infobox lines 18–26)', async () => {
    const f = facts({
      credits: [
        { role: 'director', person: 'Mike Figgis', evidence: ev(18, 'Directed byMike Figgis') },
        { role: 'screenwriter', person: 'Mike Figgis', evidence: ev(19, 'Screenplay byMike Figgis') },
        { role: 'producer', person: 'Lila Cazès', evidence: ev(23, '  • Lila Cazès') },
        { role: 'cinematographer', person: 'Declan Quinn', evidence: ev(25, 'CinematographyDeclan Quinn') },
        { role: 'editor', person: 'John Smith', evidence: ev(26, 'Edited byJohn Smith') },
      ],
    });
    const { actual, expected } = await compareToTurtle(
      mapPeople(f, context),
      `
<film/leaving-las-vegas>
  schema:director <person/Mike_Figgis> ; wdt:P57 <person/Mike_Figgis> ; p:P57 _:s57 ;
  schema:author <person/Mike_Figgis> ; wdt:P58 <person/Mike_Figgis> ; p:P58 _:s58 ;
  schema:producer <person/Lila_Caz%C3%A8s> ; wdt:P162 <person/Lila_Caz%C3%A8s> ; p:P162 _:s162 ;
  schema:contributor <person/Declan_Quinn> ; wdt:P344 <person/Declan_Quinn> ; p:P344 _:s344 ;
  schema:editor <person/John_Smith> ; wdt:P1040 <person/John_Smith> ; p:P1040 _:s1040 .
<person/Mike_Figgis> a schema:Person ; rdfs:label "Mike Figgis"@en ; schema:name "Mike Figgis" .
<person/Lila_Caz%C3%A8s> a schema:Person ; rdfs:label "Lila Cazès"@en ; schema:name "Lila Cazès" .
<person/Declan_Quinn> a schema:Person ; rdfs:label "Declan Quinn"@en ; schema:name "Declan Quinn" .
<person/John_Smith> a schema:Person ; rdfs:label "John Smith"@en ; schema:name "John Smith" .
${stmtHead('s57')} ; ps:P57 <person/Mike_Figgis> ; prov:wasDerivedFrom _:r18 .
${stmtHead('s58')} ; ps:P58 <person/Mike_Figgis> ; prov:wasDerivedFrom _:r19 .
${stmtHead('s162')} ; ps:P162 <person/Lila_Caz%C3%A8s> ; prov:wasDerivedFrom _:r23 .
${stmtHead('s344')} ; ps:P344 <person/Declan_Quinn> ; prov:wasDerivedFrom _:r25 .
${stmtHead('s1040')} ; ps:P1040 <person/John_Smith> ; prov:wasDerivedFrom _:r26 .
${refTtl('r18', 18, 'Directed byMike Figgis')}
${refTtl('r19', 19, 'Screenplay byMike Figgis')}
${refTtl('r23', 23, '  • Lila Cazès')}
${refTtl('r25', 25, 'CinematographyDeclan Quinn')}
${refTtl('r26', 26, 'Edited byJohn Smith')}
`,
    );
    expect(actual).toBe(expected);
  });

  test('the score composer (line 74) is the film composer; a repeated claim is one statement with two references', async () => {
    const f = facts({
      credits: [{ role: 'composer', person: 'Mike Figgis', evidence: ev(159, 'A soundtrack album, consisting mainly of film score composed and performed by Mike Figgis', [27]) }],
      production: [
        {
          kind: 'score-composer',
          value: 'Mike Figgis',
          evidence: ev(74, 'The limited budget dictated the production and Figgis ended up filming in super 16mm and composing his own score.[5][11]', [5, 11]),
        },
      ],
    });
    const { actual, expected } = await compareToTurtle(
      mapPeople(f, context),
      `
<film/leaving-las-vegas> schema:musicBy <person/Mike_Figgis> ; wdt:P86 <person/Mike_Figgis> ; p:P86 _:s86 .
<person/Mike_Figgis> a schema:Person ; rdfs:label "Mike Figgis"@en ; schema:name "Mike Figgis" .
${stmtHead('s86')} ; ps:P86 <person/Mike_Figgis> ; prov:wasDerivedFrom _:r159, _:r74 .
${refTtl('r159', 159, 'A soundtrack album, consisting mainly of film score composed and performed by Mike Figgis', { citations: [27] })}
${refTtl('r74', 74, 'The limited budget dictated the production and Figgis ended up filming in super 16mm and composing his own score.[5][11]', { citations: [5, 11] })}
`,
    );
    expect(actual).toBe(expected);
  });

  test('starring credits are left to the cast mapper', () => {
    const f = facts({ credits: [{ role: 'starring', person: 'Nicolas Cage', evidence: ev(38, 'Nicolas Cage stars as a suicidal alcoholic') }] });
    expect(mapPeople(f, context)).toEqual([]);
  });
});
