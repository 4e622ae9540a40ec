// Money mapper: budget and box office as MonetaryAmount nodes and Wikidata quantities (ranges keep their bounds), marketing spend.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapMoney } from '../src/map/money.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';

describe('money mapper', () => {
  test('budget "$3.5–4 million" (line 35) keeps its bounds and has no amount; box office $49.8 million (line 36) has one', async () => {
    const f = facts({
      budget: { currency: 'USD', lower: '3500000', upper: '4000000', text: '$3.5–4 million', evidence: ev(35, 'Budget$3.5–4 million[2][3]', [2, 3]) },
      boxOffice: { currency: 'USD', amount: '49800000', text: '$49.8 million', evidence: ev(36, 'Box office$49.8 million[2]', [2]) },
    });
    const { actual, expected } = await compareToTurtle(
      mapMoney(f, context),
      `
${F} fkg:budget <film/leaving-las-vegas/budget> ; p:P2130 _:budget ;
  fkg:boxOffice <film/leaving-las-vegas/box-office> ; p:P2142 _:gross ; wdt:P2142 "49800000"^^xsd:decimal .
<film/leaving-las-vegas/budget> a schema:MonetaryAmount ; rdfs:label "Leaving Las Vegas: budget"@en ;
  schema:currency "USD" ; schema:minValue "3500000"^^xsd:decimal ; schema:maxValue "4000000"^^xsd:decimal ;
  schema:description "$3.5–4 million" ; prov:wasDerivedFrom _:r35 .
<film/leaving-las-vegas/box-office> a schema:MonetaryAmount ; rdfs:label "Leaving Las Vegas: box office"@en ;
  schema:currency "USD" ; schema:value "49800000"^^xsd:decimal ; schema:description "$49.8 million" ; prov:wasDerivedFrom _:r36 .
<unit/USD> a fkg:Unit ; rdfs:label "USD"@en ; schema:name "USD" .
_:budget a wikibase:Statement ; wikibase:rank wikibase:NormalRank ; prov:wasDerivedFrom _:r35 ;
  psv:P2130 [ a wikibase:QuantityValue ; wikibase:quantityLowerBound "3500000"^^xsd:decimal ;
              wikibase:quantityUpperBound "4000000"^^xsd:decimal ; wikibase:quantityUnit <unit/USD> ] .
${stmtHead('gross')} ; ps:P2142 "49800000"^^xsd:decimal ; prov:wasDerivedFrom _:r36 ;
  psv:P2142 [ a wikibase:QuantityValue ; wikibase:quantityAmount "49800000"^^xsd:decimal ; wikibase:quantityUnit <unit/USD> ] .
${refTtl('r35', 35, 'Budget$3.5–4 million[2][3]', { citations: [2, 3] })}
${refTtl('r36', 36, 'Box office$49.8 million[2]', { citations: [2] })}
`,
    );
    expect(actual).toBe(expected);
  });

  test('marketing spend "less than $2 million" (line 81) is a MonetaryAmount with an upper bound only', async () => {
    const text = 'MGM/UA reportedly spent less than $2 million marketing the film';
    const money = { currency: 'USD', upper: '2000000', qualifier: 'less than' as const, text: 'less than $2 million', evidence: ev(81, text, [13]) };
    const f = facts({ production: [{ kind: 'marketing-spend', money, evidence: ev(81, text, [13]) }] });
    const { actual, expected } = await compareToTurtle(
      mapMoney(f, context),
      `
${F} fkg:marketingSpend <film/leaving-las-vegas/marketing> .
<film/leaving-las-vegas/marketing> a schema:MonetaryAmount ; rdfs:label "Leaving Las Vegas: marketing spend"@en ;
  schema:currency "USD" ; schema:maxValue "2000000"^^xsd:decimal ; fkg:amountQualifier "less than" ;
  schema:description "less than $2 million" ; prov:wasDerivedFrom _:r .
${refTtl('r', 81, text, { citations: [13] })}
`,
    );
    expect(actual).toBe(expected);
  });
});
