// Reception mapper: one AggregateRating and one P444 statement per published figure (line 86), critics' reviews and best-of lists (line 88).
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapReception } from '../src/map/reception.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';
const RT = 'On Rotten Tomatoes, the film received an approval rating of 91% based on 53 reviews, with an average rating of 7.7/10.';
const MC = 'It also holds a score of 82 out of 100 on Metacritic, based on 23 critics, indicating "universal acclaim".[17]';

describe('reception mapper', () => {
  test('Tomatometer 91% of 53 reviews and Metascore 82/100 of 23 critics', async () => {
    const f = facts({
      reviewScores: [
        { aggregator: 'Rotten Tomatoes', method: 'approval', score: '91%', value: '91', best: '100', reviewCount: 53, countUnit: 'reviews', evidence: ev(86, RT) },
        { aggregator: 'Metacritic', method: 'metascore', score: '82/100', value: '82', best: '100', reviewCount: 23, countUnit: 'critics', verdict: 'universal acclaim', evidence: ev(86, MC, [17]) },
      ],
    });
    const A = '<film/leaving-las-vegas/rating/Rotten_Tomatoes/approval>';
    const M = '<film/leaving-las-vegas/rating/Metacritic/metascore>';
    const { actual, expected } = await compareToTurtle(
      mapReception(f, context),
      `
${F} schema:aggregateRating ${A}, ${M} ; wdt:P444 "91%", "82/100" ; p:P444 _:sa, _:sm .
<organization/Rotten_Tomatoes> a schema:Organization ; rdfs:label "Rotten Tomatoes"@en ; schema:name "Rotten Tomatoes" ;
  owl:sameAs wd:Q105584 ; schema:sameAs wd:Q105584 .
<organization/Metacritic> a schema:Organization ; rdfs:label "Metacritic"@en ; schema:name "Metacritic" ;
  owl:sameAs wd:Q150248 ; schema:sameAs wd:Q150248 .
${A} a schema:AggregateRating ; rdfs:label "Rotten Tomatoes approval: 91%"@en ; schema:author <organization/Rotten_Tomatoes> ;
  schema:ratingValue "91"^^xsd:decimal ; schema:bestRating "100"^^xsd:decimal ; schema:reviewCount 53 ; prov:wasDerivedFrom _:rt .
${M} a schema:AggregateRating ; rdfs:label "Metacritic metascore: 82/100"@en ; schema:author <organization/Metacritic> ;
  schema:ratingValue "82"^^xsd:decimal ; schema:bestRating "100"^^xsd:decimal ; schema:reviewCount 23 ;
  schema:ratingExplanation "universal acclaim" ; prov:wasDerivedFrom _:mc .
wd:Q108403393 rdfs:label "Tomatometer score"@en .
wd:Q106515043 rdfs:label "Metascore"@en .
${stmtHead('sa')} ; ps:P444 "91%" ; pq:P447 <organization/Rotten_Tomatoes> ; pq:P459 wd:Q108403393 ;
  pq:P7887 "53"^^xsd:decimal ; prov:wasDerivedFrom _:rt .
${stmtHead('sm')} ; ps:P444 "82/100" ; pq:P447 <organization/Metacritic> ; pq:P459 wd:Q106515043 ;
  pq:P7887 "23"^^xsd:decimal ; prov:wasDerivedFrom _:mc .
${refTtl('rt', 86, RT)}
${refTtl('mc', 86, MC, { citations: [17] })}
`,
    );
    expect(actual).toBe(expected);
  });

  test("Leonard Klady's quoted review in Variety, and Ebert's best-of-the-decade list at number 8 (line 88)", async () => {
    const klady = 'Leonard Klady from Variety wrote Leaving Las Vegas was "certainly among a scant handful of films that have taken an unflinching view of dependency."[21]';
    const list = 'included it in his "best of the decade" list in the number 8 spot.[20]';
    const f = facts({
      reviews: [{ critic: 'Leonard Klady', publication: 'Variety', quote: 'certainly among a scant handful of films that have taken an unflinching view of dependency.', evidence: ev(88, klady, [21]) }],
      bestOfLists: [{ author: 'Roger Ebert', list: 'best of the decade', rank: 8, evidence: ev(88, list, [20]) }],
    });
    const quads = mapReception(f, context);
    const review = quads.find((q) => q.predicate.value === 'http://schema.org/review')?.object.value ?? '';
    expect(review).toMatch(/^https:\/\/filmkg\.example\/film\/leaving-las-vegas\/review\/Leonard_Klady\/[0-9a-f]{8}$/);
    const R = `<${review}>`;
    const L = '<list/Roger_Ebert/best_of_the_decade>';
    const E = '<film/leaving-las-vegas/list-entry/Roger_Ebert/best_of_the_decade>';
    const { actual, expected } = await compareToTurtle(
      quads,
      `
${F} schema:review ${R} .
${R} a schema:Review ; rdfs:label "Review by Leonard Klady (Variety)"@en ; schema:itemReviewed ${F} ;
  schema:author <person/Leonard_Klady> ; schema:publisher <organization/Variety> ;
  schema:reviewBody "certainly among a scant handful of films that have taken an unflinching view of dependency." ;
  prov:wasDerivedFrom _:rk .
<person/Leonard_Klady> a schema:Person ; rdfs:label "Leonard Klady"@en ; schema:name "Leonard Klady" .
<organization/Variety> a schema:Organization ; rdfs:label "Variety"@en ; schema:name "Variety" .
${L} a schema:ItemList ; rdfs:label "best of the decade"@en ; schema:name "best of the decade" ;
  schema:author <person/Roger_Ebert> ; schema:itemListElement ${E} .
<person/Roger_Ebert> a schema:Person ; rdfs:label "Roger Ebert"@en ; schema:name "Roger Ebert" .
${E} a schema:ListItem ; rdfs:label "Leaving Las Vegas in Roger Ebert's best of the decade"@en ;
  schema:item ${F} ; schema:position 8 ; prov:wasDerivedFrom _:rl .
${refTtl('rk', 88, klady, { citations: [21] })}
${refTtl('rl', 88, list, { citations: [20] })}
`,
    );
    expect(actual).toBe(expected);
  });
});
