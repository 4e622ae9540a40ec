// Organisations mapper: distributors as P750 statements with their regions (P3005); production companies.
import { describe, expect, test } from 'vitest';
import { IriMinter } from '../src/iri.js';
import { mapOrganisations } from '../src/map/organisations.js';
import { ev, facts } from './helpers/facts.js';
import { compareToTurtle } from './helpers/graph.js';
import { refTtl, stmtHead } from './helpers/turtle.js';

const context = { iri: new IriMinter() };
const F = '<film/leaving-las-vegas>';

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
