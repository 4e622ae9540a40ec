// Releases, organisations and money mappers: PublicationEvents with P577 (place, kind), distributors with regions, and money ranges kept as bounds.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapMoney } from '../src/map/money.js';
import { mapOrganisations } from '../src/map/organisations.js';
import { mapReleases } from '../src/map/releases.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';

describe('releases mapper', () => {
  test('limited release in the United States (line 40) and the wide release (line 31); datePublished is the first', async () => {
    const limited = "After limited release in the United States on October 27, 1995";
    const f = facts({
      releases: [
        { date: '1995-10-27', kind: 'Limited', place: 'United States', evidence: ev(40, limited) },
        { date: '1996-02-09', kind: 'Wide', evidence: ev(31, '  • February 9, 1996 (1996-02-09) (Wide)') },
      ],
    });
    const L = '<film/leaving-las-vegas/release/1995-10-27/Limited>';
    const W = '<film/leaving-las-vegas/release/1996-02-09/Wide>';
    const { actual, expected } = await compareToTurtle(
      mapReleases(f, context),
      `
${F} schema:releasedEvent ${L}, ${W} ; schema:datePublished "1995-10-27"^^xsd:date ;
  wdt:P577 "1995-10-27"^^xsd:date, "1996-02-09"^^xsd:date ; p:P577 _:sl, _:sw .
${L} a schema:PublicationEvent ; rdfs:label "Leaving Las Vegas: Limited release, 1995-10-27"@en ;
  schema:startDate "1995-10-27"^^xsd:date ; schema:location <place/United_States> ;
  fkg:releaseKind fkg:LimitedRelease ; fkg:releaseKindAsWritten "Limited" ; prov:wasDerivedFrom _:r40 .
${W} a schema:PublicationEvent ; rdfs:label "Leaving Las Vegas: Wide release, 1996-02-09"@en ;
  schema:startDate "1996-02-09"^^xsd:date ;
  fkg:releaseKind fkg:WideRelease ; fkg:releaseKindAsWritten "Wide" ; prov:wasDerivedFrom _:r31 .
<place/United_States> a schema:Place ; rdfs:label "United States"@en ; schema:name "United States" ;
  owl:sameAs wd:Q30 ; schema:sameAs wd:Q30 .
${stmtHead('sl')} ; ps:P577 "1995-10-27"^^xsd:date ; pq:P291 <place/United_States> ; fkg:releaseKind fkg:LimitedRelease ;
  prov:wasDerivedFrom _:r40 .
${stmtHead('sw')} ; ps:P577 "1996-02-09"^^xsd:date ; fkg:releaseKind fkg:WideRelease ; prov:wasDerivedFrom _:r31 .
${refTtl('r40', 40, limited)}
${refTtl('r31', 31, '  • February 9, 1996 (1996-02-09) (Wide)')}
`,
    );
    expect(actual).toBe(expected);
  });

  test('home media: VHS with two languages and its distributor (line 156)', async () => {
    const text = 'The video cassettes were distributed on November 12, 1996 in two languages, English and Russian';
    const f = facts({
      homeMedia: [{ format: 'VHS', date: '1996-11-12', languages: ['English', 'Russian'], regions: [], distributor: 'MGM Home Entertainment', evidence: ev(156, text, [22]) }],
    });
    const H = '<film/leaving-las-vegas/home-media/VHS>';
    const { actual, expected } = await compareToTurtle(
      mapReleases(f, context),
      `
${F} schema:releasedEvent ${H} .
${H} a schema:PublicationEvent ; rdfs:label "Leaving Las Vegas: VHS release"@en ;
  fkg:releaseKind fkg:HomeMediaRelease ; fkg:mediaFormat "VHS" ; schema:startDate "1996-11-12"^^xsd:date ;
  schema:inLanguage <language/English>, <language/Russian> ;
  schema:publishedBy <organization/MGM_Home_Entertainment> ; prov:wasDerivedFrom _:r .
<language/English> a schema:Language ; rdfs:label "English"@en ; schema:name "English" ; owl:sameAs wd:Q1860 ; schema:sameAs wd:Q1860 .
<language/Russian> a schema:Language ; rdfs:label "Russian"@en ; schema:name "Russian" .
<organization/MGM_Home_Entertainment> a schema:Organization ; rdfs:label "MGM Home Entertainment"@en ; schema:name "MGM Home Entertainment" .
${refTtl('r', 156, text, { citations: [22] })}
`,
    );
    expect(actual).toBe(expected);
  });
});

describe('organisations mapper', () => {
  test('distributors with their regions as P3005 (line 81) and the infobox distributor (line 28)', async () => {
    const na = 'United Artists distributed the film in North America';
    const f = facts({
      organisations: [
        { role: 'distributor', name: 'MGM/UA Distribution Co.', evidence: ev(28, 'Distributed byMGM/UA Distribution Co.') },
        { role: 'distributor', name: 'United Artists', region: 'North America', evidence: ev(81, na) },
      ],
    });
    const { actual, expected } = await compareToTurtle(
      mapOrganisations(f, context),
      `
${F} wdt:P750 <organization/MGM%2FUA_Distribution_Co.>, <organization/United_Artists> ; p:P750 _:s1, _:s2 .
<organization/MGM%2FUA_Distribution_Co.> a schema:Organization ; rdfs:label "MGM/UA Distribution Co."@en ; schema:name "MGM/UA Distribution Co." .
<organization/United_Artists> a schema:Organization ; rdfs:label "United Artists"@en ; schema:name "United Artists" .
<place/North_America> a schema:Place ; rdfs:label "North America"@en ; schema:name "North America" .
${stmtHead('s1')} ; ps:P750 <organization/MGM%2FUA_Distribution_Co.> ; prov:wasDerivedFrom _:r28 .
${stmtHead('s2')} ; ps:P750 <organization/United_Artists> ; pq:P3005 <place/North_America> ; prov:wasDerivedFrom _:r81 .
${refTtl('r28', 28, 'Distributed byMGM/UA Distribution Co.')}
${refTtl('r81', 81, na)}
`,
    );
    expect(actual).toBe(expected);
  });
});

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

describe('releases mapper: a release stated several times', () => {
  test('the infobox (line 30) and the prose with its place (line 40) give one event and one statement citing both', async () => {
    const limited = 'After limited release in the United States on October 27, 1995';
    const infobox = '  • October 27, 1995 (1995-10-27) (Limited)';
    const f = facts({
      releases: [
        { date: '1995-10-27', kind: 'Limited', evidence: ev(30, infobox) },
        { date: '1995-10-27', kind: 'Limited', place: 'United States', evidence: ev(40, limited) },
      ],
    });
    const L = '<film/leaving-las-vegas/release/1995-10-27/Limited>';
    const { actual, expected } = await compareToTurtle(
      mapReleases(f, context),
      `
${F} schema:releasedEvent ${L} ; schema:datePublished "1995-10-27"^^xsd:date ; wdt:P577 "1995-10-27"^^xsd:date ; p:P577 _:s .
${L} a schema:PublicationEvent ; rdfs:label "Leaving Las Vegas: Limited release, 1995-10-27"@en ;
  schema:startDate "1995-10-27"^^xsd:date ; schema:location <place/United_States> ;
  fkg:releaseKind fkg:LimitedRelease ; fkg:releaseKindAsWritten "Limited" ; prov:wasDerivedFrom _:r30, _:r40 .
<place/United_States> a schema:Place ; rdfs:label "United States"@en ; schema:name "United States" ;
  owl:sameAs wd:Q30 ; schema:sameAs wd:Q30 .
${stmtHead('s')} ; ps:P577 "1995-10-27"^^xsd:date ; pq:P291 <place/United_States> ; fkg:releaseKind fkg:LimitedRelease ;
  prov:wasDerivedFrom _:r30, _:r40 .
${refTtl('r30', 30, infobox)}
${refTtl('r40', 40, limited)}
`,
    );
    expect(actual).toBe(expected);
  });
});
