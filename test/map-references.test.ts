// References mapper: the article revision node, and the numbered references as bibliographic CreativeWork nodes.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapReferences } from '../src/map/references.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { ARTICLE, refTtl } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const ARTICLE_TTL = `
${ARTICLE} a schema:Article ; rdfs:label "Wikipedia article \\"Leaving Las Vegas\\", revision of 2023-05-30T18:20:00Z"@en ;
  schema:name "Leaving Las Vegas" ; schema:about <film/leaving-las-vegas> ;
  schema:url <https://en.wikipedia.org/wiki/Leaving_Las_Vegas> ;
  schema:dateModified "2023-05-30T18:20:00Z"^^xsd:dateTime ;
  schema:license <https://creativecommons.org/licenses/by-sa/3.0/> ;
  schema:creditText ${JSON.stringify(
    'Text of the Wikipedia article "Leaving Las Vegas" (https://en.wikipedia.org/wiki/Leaving_Las_Vegas), by Wikipedia contributors, revision of 30 May 2023, 18:20; available under the Creative Commons Attribution-ShareAlike 3.0 Unported License. Reproduced here as plain text, unmodified.',
  )} .`;

const R1 = '  1. ^ "LEAVING LAS VEGAS: A Finding Aid to the Collection in the Library of Congress". (1995). Washington, DC: Library of Congress Manuscript Division. Public Domain This article incorporates text from this source, which is in the public domain.';
const R5 = `  5. ^ a b c Ebert, Roger (November 5, 1995). "Cage relishes operatic role in tragic 'Leaving Las Vegas'". Chicago Sun-Times. Retrieved December 9, 2006.`;
const R14 = '  14. ^ Weinraub, Bernard (February 14, 1996). "Oscar Nominations Are Just One Surprise After Another". The New York Times. ISSN 0362-4331. Retrieved October 11, 2022.';

describe('references mapper', () => {
  test('the article revision alone', async () => {
    const { actual, expected } = await compareToTurtle(mapReferences(facts({}), context), ARTICLE_TTL);
    expect(actual).toBe(expected);
  });

  test('references 1 (publisher and place), 5 (author, dates, publication) and 14 (ISSN) of lines 201, 205, 214', async () => {
    const f = facts({
      references: [
        {
          number: 1, authors: [], title: 'LEAVING LAS VEGAS: A Finding Aid to the Collection in the Library of Congress', publisher: 'Library of Congress Manuscript Division',
          place: 'Washington, DC', date: '1995', identifiers: [], backlinks: 1, citedOnLines: [], evidence: ev(201, R1),
        },
        {
          number: 5, authors: ['Roger Ebert'], title: "Cage relishes operatic role in tragic 'Leaving Las Vegas'", publication: 'Chicago Sun-Times', date: '1995-11-05',
          retrieved: '2006-12-09', identifiers: [], backlinks: 3, citedOnLines: [40, 74, 76], evidence: ev(205, R5),
        },
        {
          number: 14, authors: ['Bernard Weinraub'], title: 'Oscar Nominations Are Just One Surprise After Another', publication: 'The New York Times', date: '1996-02-14',
          retrieved: '2022-10-11', identifiers: [{ scheme: 'ISSN', value: '0362-4331' }], backlinks: 1, citedOnLines: [81], evidence: ev(214, R14),
        },
      ],
    });
    const C = (n: number) => `<film/leaving-las-vegas/citation/${n}>`;
    const { actual, expected } = await compareToTurtle(
      mapReferences(f, context),
      `${ARTICLE_TTL}
${ARTICLE} schema:citation ${C(1)}, ${C(5)}, ${C(14)} .
${C(1)} a schema:CreativeWork ; rdfs:label "LEAVING LAS VEGAS: A Finding Aid to the Collection in the Library of Congress"@en ;
  schema:name "LEAVING LAS VEGAS: A Finding Aid to the Collection in the Library of Congress" ;
  schema:headline "LEAVING LAS VEGAS: A Finding Aid to the Collection in the Library of Congress" ;
  schema:position 1 ; schema:publisher <organization/Library_of_Congress_Manuscript_Division> ;
  schema:locationCreated <place/Washington%2C_DC> ; schema:datePublished "1995"^^xsd:gYear ; prov:wasDerivedFrom _:r1 .
<organization/Library_of_Congress_Manuscript_Division> a schema:Organization ; rdfs:label "Library of Congress Manuscript Division"@en ;
  schema:name "Library of Congress Manuscript Division" .
<place/Washington%2C_DC> a schema:Place ; rdfs:label "Washington, DC"@en ; schema:name "Washington, DC" .
${C(5)} a schema:CreativeWork ; rdfs:label "Cage relishes operatic role in tragic 'Leaving Las Vegas'"@en ;
  schema:name "Cage relishes operatic role in tragic 'Leaving Las Vegas'" ; schema:headline "Cage relishes operatic role in tragic 'Leaving Las Vegas'" ;
  schema:position 5 ; schema:author <person/Roger_Ebert> ; schema:publisher <organization/Chicago_Sun-Times> ;
  schema:datePublished "1995-11-05"^^xsd:date ; fkg:retrieved "2006-12-09"^^xsd:date ; prov:wasDerivedFrom _:r5 .
<person/Roger_Ebert> a schema:Person ; rdfs:label "Roger Ebert"@en ; schema:name "Roger Ebert" .
<organization/Chicago_Sun-Times> a schema:Organization ; rdfs:label "Chicago Sun-Times"@en ; schema:name "Chicago Sun-Times" .
${C(14)} a schema:CreativeWork ; rdfs:label "Oscar Nominations Are Just One Surprise After Another"@en ;
  schema:name "Oscar Nominations Are Just One Surprise After Another" ; schema:headline "Oscar Nominations Are Just One Surprise After Another" ;
  schema:position 14 ; schema:author <person/Bernard_Weinraub> ; schema:publisher <organization/The_New_York_Times> ;
  schema:datePublished "1996-02-14"^^xsd:date ; fkg:retrieved "2022-10-11"^^xsd:date ;
  schema:identifier <film/leaving-las-vegas/citation/14/identifier/ISSN> ; prov:wasDerivedFrom _:r14 .
<film/leaving-las-vegas/citation/14/identifier/ISSN> a schema:PropertyValue ; rdfs:label "ISSN 0362-4331"@en ;
  schema:propertyID "ISSN" ; schema:value "0362-4331" .
<person/Bernard_Weinraub> a schema:Person ; rdfs:label "Bernard Weinraub"@en ; schema:name "Bernard Weinraub" .
<organization/The_New_York_Times> a schema:Organization ; rdfs:label "The New York Times"@en ; schema:name "The New York Times" .
${refTtl('r1', 201, R1)}
${refTtl('r5', 205, R5)}
${refTtl('r14', 214, R14)}
`,
    );
    expect(actual).toBe(expected);
  });

  test('a reference without a title is labelled by its number', () => {
    const r23 = '  23. ^ Leaving Las Vegas (1995) VHS. ASIN 6304045824.';
    const f = facts({ references: [{ number: 23, authors: [], identifiers: [{ scheme: 'ASIN', value: '6304045824' }], backlinks: 1, citedOnLines: [156], evidence: ev(223, r23) }] });
    const labels = mapReferences(f, context)
      .filter((q) => q.subject.value.endsWith('/citation/23') && q.predicate.value.endsWith('rdf-schema#label'))
      .map((q) => q.object.value);
    expect(labels).toEqual(['Reference 23 of "Leaving Las Vegas"']);
  });
});
