// Soundtrack mapper: the album as its own node, an ordered ItemList of MusicRecordings, compositions with writers, speaking credits, P658 with P1545.
import { describe, expect, test } from 'vitest';
import type { Soundtrack } from '../src/facts/model.js';
import { IriMinter } from '../src/iri.js';
import { mapSoundtrack } from '../src/map/soundtrack.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';
const S = '<film/leaving-las-vegas/soundtrack>';
const T = (n: number) => `<film/leaving-las-vegas/soundtrack/track/${n}>`;
const RELEASED = 'A soundtrack album, consisting mainly of film score composed and performed by Mike Figgis, was released November 7, 1995.[27]';
const NOT_ON = 'A version of "Lonely Teardrops" performed by Michael McDonald that features in the film is not included.';
const L1 = '1."Intro Dialogue" (dialogue) Nicolas Cage as Ben\nElisabeth Shue as Sera';
const L2 = '2."Angel Eyes"Matt Dennis, Earl BrentSting4:02';
const L3 = '3."Are You Desirable?" Mike Figgis2:43';

/** Lines 159–166 of the article: the album and its first three tracks. */
function soundtrack(): Soundtrack {
  return {
    releaseDate: '1995-11-07',
    composers: [],
    performers: [],
    defaultWriter: 'Mike Figgis',
    notIncluded: [{ title: 'Lonely Teardrops', performer: 'Michael McDonald', evidence: ev(159, NOT_ON) }],
    tracks: [
      {
        number: 1, title: 'Intro Dialogue', writers: ['Mike Figgis'], writersFromDefault: true, performers: [], dialogue: true,
        speakers: [{ actor: 'Nicolas Cage', character: 'Ben' }, { actor: 'Elisabeth Shue', character: 'Sera' }],
        evidence: ev(163, L1, [], [], 164),
      },
      { number: 2, title: 'Angel Eyes', writers: ['Matt Dennis', 'Earl Brent'], writersFromDefault: false, performers: ['Sting'], duration: 'PT4M2S', dialogue: false, speakers: [], evidence: ev(165, L2) },
      { number: 3, title: 'Are You Desirable?', writers: ['Mike Figgis'], writersFromDefault: true, performers: ['Mike Figgis'], duration: 'PT2M43S', dialogue: false, speakers: [], evidence: ev(166, L3) },
    ],
    evidence: ev(159, RELEASED, [27]),
  };
}

const person = (key: string, name: string) => `<person/${key}> a schema:Person ; rdfs:label "${name}"@en ; schema:name "${name}" .`;

describe('soundtrack mapper', () => {
  test('album, the song left off it, a dialogue track, a song with two writers and a score track with the default writer', async () => {
    const { actual, expected } = await compareToTurtle(
      mapSoundtrack(facts({ soundtrack: soundtrack() }), context),
      `
${F} wdt:P406 ${S} ; p:P406 _:p406 .
${S} a schema:MusicAlbum ; rdfs:label "Leaving Las Vegas (soundtrack album)"@en ;
  schema:albumProductionType schema:SoundtrackAlbum ; wdt:P31 wd:Q4176708 ; p:P31 _:p31 ;
  schema:isBasedOn ${F} ; schema:datePublished "1995-11-07"^^xsd:date ; prov:wasDerivedFrom _:r159 ;
  fkg:notIncluded <film/leaving-las-vegas/soundtrack/not-included/Lonely_Teardrops> ;
  schema:track <film/leaving-las-vegas/soundtrack/tracklist> ;
  p:P658 _:t1, _:t2, _:t3 ; wdt:P658 ${T(1)}, ${T(2)}, ${T(3)} .
wd:Q4176708 rdfs:label "soundtrack album"@en .
${stmtHead('p406')} ; ps:P406 ${S} ; prov:wasDerivedFrom _:r159 .
${stmtHead('p31')} ; ps:P31 wd:Q4176708 ; prov:wasDerivedFrom _:r159 .

<film/leaving-las-vegas/soundtrack/not-included/Lonely_Teardrops> a schema:MusicRecording ;
  rdfs:label "Lonely Teardrops"@en ; schema:name "Lonely Teardrops" ;
  schema:byArtist <person/Michael_McDonald> ; wdt:P175 <person/Michael_McDonald> ; p:P175 _:mcd ; prov:wasDerivedFrom _:rnot .
${stmtHead('mcd')} ; ps:P175 <person/Michael_McDonald> ; prov:wasDerivedFrom _:rnot .

<film/leaving-las-vegas/soundtrack/tracklist> a schema:ItemList ; rdfs:label "Leaving Las Vegas (soundtrack album): track list"@en ;
  schema:numberOfItems 3 ; schema:itemListOrder schema:ItemListOrderAscending ;
  schema:itemListElement <film/leaving-las-vegas/soundtrack/tracklist/1>, <film/leaving-las-vegas/soundtrack/tracklist/2>, <film/leaving-las-vegas/soundtrack/tracklist/3> .
<film/leaving-las-vegas/soundtrack/tracklist/1> a schema:ListItem ; rdfs:label "Track 1: Intro Dialogue"@en ; schema:position 1 ; schema:item ${T(1)} .
<film/leaving-las-vegas/soundtrack/tracklist/2> a schema:ListItem ; rdfs:label "Track 2: Angel Eyes"@en ; schema:position 2 ; schema:item ${T(2)} .
<film/leaving-las-vegas/soundtrack/tracklist/3> a schema:ListItem ; rdfs:label "Track 3: Are You Desirable?"@en ; schema:position 3 ; schema:item ${T(3)} .

${T(1)} a schema:MusicRecording ; rdfs:label "Intro Dialogue"@en ; schema:name "Intro Dialogue" ; schema:inAlbum ${S} ;
  fkg:dialogue true ; prov:wasDerivedFrom _:r163 ;
  fkg:speakingRole <film/leaving-las-vegas/soundtrack/track/1/role/Nicolas_Cage>, <film/leaving-las-vegas/soundtrack/track/1/role/Elisabeth_Shue> ;
  schema:byArtist <person/Nicolas_Cage>, <person/Elisabeth_Shue> ; wdt:P175 <person/Nicolas_Cage>, <person/Elisabeth_Shue> ; p:P175 _:cage1, _:shue1 ;
  schema:author <person/Mike_Figgis> ; wdt:P50 <person/Mike_Figgis> ; p:P50 _:fig1 .
<film/leaving-las-vegas/soundtrack/track/1/role/Nicolas_Cage> a schema:PerformanceRole ; rdfs:label "Nicolas Cage as Ben"@en ;
  schema:actor <person/Nicolas_Cage> ; schema:characterName "Ben" .
<film/leaving-las-vegas/soundtrack/track/1/role/Elisabeth_Shue> a schema:PerformanceRole ; rdfs:label "Elisabeth Shue as Sera"@en ;
  schema:actor <person/Elisabeth_Shue> ; schema:characterName "Sera" .
${stmtHead('cage1')} ; ps:P175 <person/Nicolas_Cage> ; prov:wasDerivedFrom _:r163 .
${stmtHead('shue1')} ; ps:P175 <person/Elisabeth_Shue> ; prov:wasDerivedFrom _:r163 .
${stmtHead('fig1')} ; ps:P50 <person/Mike_Figgis> ; prov:wasDerivedFrom _:r163, _:r159 .

${T(2)} a schema:MusicRecording ; rdfs:label "Angel Eyes"@en ; schema:name "Angel Eyes" ; schema:inAlbum ${S} ;
  schema:duration "PT4M2S"^^xsd:duration ; fkg:dialogue false ; prov:wasDerivedFrom _:r165 ;
  schema:byArtist <person/Sting> ; wdt:P175 <person/Sting> ; p:P175 _:sting ;
  schema:recordingOf <film/leaving-las-vegas/soundtrack/track/2/composition> .
${stmtHead('sting')} ; ps:P175 <person/Sting> ; prov:wasDerivedFrom _:r165 .
<film/leaving-las-vegas/soundtrack/track/2/composition> a schema:MusicComposition ; rdfs:label "Angel Eyes"@en ; schema:name "Angel Eyes" ;
  schema:author <person/Matt_Dennis>, <person/Earl_Brent> ; wdt:P50 <person/Matt_Dennis>, <person/Earl_Brent> ; p:P50 _:dennis, _:brent .
${stmtHead('dennis')} ; ps:P50 <person/Matt_Dennis> ; prov:wasDerivedFrom _:r165 .
${stmtHead('brent')} ; ps:P50 <person/Earl_Brent> ; prov:wasDerivedFrom _:r165 .

${T(3)} a schema:MusicRecording ; rdfs:label "Are You Desirable?"@en ; schema:name "Are You Desirable?" ; schema:inAlbum ${S} ;
  schema:duration "PT2M43S"^^xsd:duration ; fkg:dialogue false ; prov:wasDerivedFrom _:r166 ;
  schema:byArtist <person/Mike_Figgis> ; wdt:P175 <person/Mike_Figgis> ; p:P175 _:fig3 ;
  schema:recordingOf <film/leaving-las-vegas/soundtrack/track/3/composition> .
${stmtHead('fig3')} ; ps:P175 <person/Mike_Figgis> ; prov:wasDerivedFrom _:r166 .
<film/leaving-las-vegas/soundtrack/track/3/composition> a schema:MusicComposition ; rdfs:label "Are You Desirable?"@en ; schema:name "Are You Desirable?" ;
  schema:author <person/Mike_Figgis> ; wdt:P50 <person/Mike_Figgis> ; p:P50 _:fig3a ;
  schema:composer <person/Mike_Figgis> ; wdt:P86 <person/Mike_Figgis> ; p:P86 _:fig3c .
${stmtHead('fig3a')} ; ps:P50 <person/Mike_Figgis> ; prov:wasDerivedFrom _:r166, _:r159 .
${stmtHead('fig3c')} ; ps:P86 <person/Mike_Figgis> ; prov:wasDerivedFrom _:r166, _:r159 .

${stmtHead('t1')} ; ps:P658 ${T(1)} ; pq:P1545 "1" ; prov:wasDerivedFrom _:r163 .
${stmtHead('t2')} ; ps:P658 ${T(2)} ; pq:P1545 "2" ; prov:wasDerivedFrom _:r165 .
${stmtHead('t3')} ; ps:P658 ${T(3)} ; pq:P1545 "3" ; prov:wasDerivedFrom _:r166 .

${person('Michael_McDonald', 'Michael McDonald')}
${person('Nicolas_Cage', 'Nicolas Cage')} <person/Nicolas_Cage> owl:sameAs wd:Q42869 ; schema:sameAs wd:Q42869 .
${person('Elisabeth_Shue', 'Elisabeth Shue')}
${person('Mike_Figgis', 'Mike Figgis')}
${person('Sting', 'Sting')}
${person('Matt_Dennis', 'Matt Dennis')}
${person('Earl_Brent', 'Earl Brent')}
${refTtl('r159', 159, RELEASED, { citations: [27] })}
${refTtl('rnot', 159, NOT_ON)}
${refTtl('r163', 163, L1, { endLine: 164 })}
${refTtl('r165', 165, L2)}
${refTtl('r166', 166, L3)}
`,
    );
    expect(actual).toBe(expected);
  });

  test('no soundtrack, no triples', () => {
    expect(mapSoundtrack(facts({}), context)).toEqual([]);
  });
});
