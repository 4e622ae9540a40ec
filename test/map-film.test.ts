// Film mapper: the Movie node (with its page's URL), its class and title statements, running time as a Wikidata quantity, country, genre, poster, the novel.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapFilm } from '../src/map/film.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';
const LEAD = 'Leaving Las Vegas is a 1995 American drama film written and directed by Mike Figgis';

/** What every film gets from its title alone (line 15) and the IMDb id confirmed in VOCABULARY.md. */
const TITLE_TTL = `
${F} a schema:Movie ; rdfs:label "Leaving Las Vegas"@en ; schema:name "Leaving Las Vegas" ;
  schema:subjectOf <film/leaving-las-vegas/article> ;
  schema:url <films/leaving-las-vegas.html> ;
  schema:sameAs <https://www.imdb.com/title/tt0113627/> ;
  wdt:P1476 "Leaving Las Vegas"@en ; p:P1476 _:title ;
  wdt:P31 wd:Q11424 ; p:P31 _:class .
wd:Q11424 rdfs:label "film"@en .
${stmtHead('title')} ; ps:P1476 "Leaving Las Vegas"@en ; prov:wasDerivedFrom _:r15 .
${refTtl('r15', 15, 'Leaving Las Vegas')}`;

describe('film mapper', () => {
  test('a film known by its title only: class and title statements from the title line', async () => {
    const { actual, expected } = await compareToTurtle(
      mapFilm(facts({}), context),
      `${TITLE_TTL}
${stmtHead('class')} ; ps:P31 wd:Q11424 ; prov:wasDerivedFrom _:r15 .`,
    );
    expect(actual).toBe(expected);
  });

  test('year, genre, country, running time (canonical xsd:duration), poster (lines 16–17, 33–34, 38)', async () => {
    const lead = ev(38, LEAD);
    const f = facts({
      year: { value: 1995, evidence: lead },
      genres: [{ value: 'drama film', evidence: lead }],
      countries: [{ value: 'United States', evidence: ev(34, 'CountryUnited States') }],
      runningTime: { minutes: 111, duration: 'PT111M', evidence: ev(33, '111 minutes') },
      image: { file: 'Leaving las vegas ver1.jpg', caption: 'Theatrical release poster', evidence: ev(16, 'Leaving las vegas ver1.jpg') },
    });
    const { actual, expected } = await compareToTurtle(
      mapFilm(f, context),
      `${TITLE_TTL}
${stmtHead('class')} ; ps:P31 wd:Q11424 ; prov:wasDerivedFrom _:r38 .
${F} schema:dateCreated "1995"^^xsd:gYear ;
  schema:genre "drama film" ; wdt:P136 <genre/drama_film> ; p:P136 _:genre ;
  schema:countryOfOrigin <place/United_States> ; wdt:P495 <place/United_States> ; p:P495 _:country ;
  schema:duration "PT1H51M"^^xsd:duration ; wdt:P2047 "111"^^xsd:decimal ; p:P2047 _:duration ;
  schema:image <https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg> .
<genre/drama_film> a schema:DefinedTerm ; rdfs:label "drama film"@en ; schema:name "drama film" ;
  owl:sameAs wd:Q130232 ; schema:sameAs wd:Q130232 .
<place/United_States> a schema:Place, schema:Country ; rdfs:label "United States"@en ; schema:name "United States" ;
  owl:sameAs wd:Q30 ; schema:sameAs wd:Q30 .
<unit/minute> a fkg:Unit ; rdfs:label "minute"@en ; schema:name "minute" .
<https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg> a schema:ImageObject ;
  rdfs:label "Leaving las vegas ver1.jpg"@en ; schema:caption "Theatrical release poster" ; prov:wasDerivedFrom _:r16 ;
  schema:contentUrl <https://en.wikipedia.org/wiki/Special:FilePath/Leaving_las_vegas_ver1.jpg> .
${stmtHead('genre')} ; ps:P136 <genre/drama_film> ; prov:wasDerivedFrom _:r38 .
${stmtHead('country')} ; ps:P495 <place/United_States> ; prov:wasDerivedFrom _:r34 .
${stmtHead('duration')} ; ps:P2047 "111"^^xsd:decimal ; prov:wasDerivedFrom _:r33 ;
  psv:P2047 [ a wikibase:QuantityValue ; wikibase:quantityAmount "111"^^xsd:decimal ; wikibase:quantityUnit <unit/minute> ] .
${refTtl('r38', 38, LEAD)}
${refTtl('r34', 34, 'CountryUnited States')}
${refTtl('r33', 33, '111 minutes')}
${refTtl('r16', 16, 'Leaving las vegas ver1.jpg')}
`,
    );
    expect(actual).toBe(expected);
  });

  test('based on the novel by John O\'Brien (lines 20–21, 38), his death (line 68), film format and shooting days (lines 40, 78)', async () => {
    const novel = ev(38, "based on the semi-autobiographical 1990 novel of the same name by John O'Brien");
    const f = facts({
      basedOn: { title: 'Leaving Las Vegas', author: "John O'Brien", form: 'novel', year: 1990, descriptors: ['semi-autobiographical'], evidence: novel },
      production: [
        { kind: 'film-format', value: 'super 16 mm', insteadOf: '35 mm', evidence: ev(40, 'Leaving Las Vegas was filmed in super 16 mm[5] instead of 35 mm film', [5]) },
        { kind: 'shooting-days', value: 28, evidence: ev(78, 'Filming took place over 28 days.[13]', [13]) },
        { kind: 'source-author-death', value: "John O'Brien", date: '1994-04', cause: 'suicide', evidence: ev(68, "John O'Brien, who died of suicide in April 1994") },
      ],
    });
    const W = "<work/John_O%27Brien/Leaving_Las_Vegas>";
    const { actual, expected } = await compareToTurtle(
      mapFilm(f, context),
      `${TITLE_TTL}
${stmtHead('class')} ; ps:P31 wd:Q11424 ; prov:wasDerivedFrom _:r15 .
${F} schema:isBasedOn ${W} ; wdt:P144 ${W} ; p:P144 _:based ;
  fkg:filmFormat "super 16 mm" ; fkg:filmFormatInsteadOf "35 mm" ; fkg:shootingDays 28 .
${W} a schema:Book ; rdfs:label "Leaving Las Vegas"@en ; schema:name "Leaving Las Vegas" ;
  schema:author <person/John_O%27Brien> ; wdt:P50 <person/John_O%27Brien> ; p:P50 _:author ;
  schema:datePublished "1990"^^xsd:gYear ; schema:keywords "semi-autobiographical" ;
  wdt:P7937 <form/novel> ; p:P7937 _:form ; prov:wasDerivedFrom _:r38 .
<person/John_O%27Brien> a schema:Person ; rdfs:label "John O'Brien"@en ; schema:name "John O'Brien" ;
  schema:deathDate "1994-04"^^xsd:gYearMonth .
<form/novel> a schema:DefinedTerm ; rdfs:label "novel"@en ; schema:name "novel" .
${stmtHead('based')} ; ps:P144 ${W} ; prov:wasDerivedFrom _:r38 .
${stmtHead('author')} ; ps:P50 <person/John_O%27Brien> ; prov:wasDerivedFrom _:r38 .
${stmtHead('form')} ; ps:P7937 <form/novel> ; prov:wasDerivedFrom _:r38 .
${refTtl('r38', 38, "based on the semi-autobiographical 1990 novel of the same name by John O'Brien")}
`,
    );
    expect(actual).toBe(expected);
  });
});
