// Releases mapper: PublicationEvents with P577 (place, kind), one per date and kind; home-media releases.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
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
