// Organisations mapper: production companies (schema:productionCompany, P272) and distributors (P750, with the region as P3005).
import type { FilmFacts } from '../facts/model.js';
import type { Quad } from '../rdf.js';
import { pq, schema } from '../vocab.js';
import { Emitter, type MapContext, type Mapper, type Qualifier } from './emit.js';

/** Maps the companies credited on the film. Home-media distributors are written by the releases mapper, on each home-media release. */
export function mapOrganisations(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  for (const credit of facts.organisations) {
    if (credit.role === 'home-media-distributor') continue;
    const org = e.organization(credit.name);
    const qualifiers: Qualifier[] = credit.region !== undefined ? [[pq.P3005, e.place(credit.region)]] : [];
    if (credit.role === 'production-company') {
      e.add(e.film, schema.productionCompany, org);
      e.statement(e.film, 'P272', org, [credit], { qualifiers });
    } else {
      // schema.org has no distributor property for a Movie: the Wikidata statement carries it.
      e.statement(e.film, 'P750', org, [credit], { qualifiers });
    }
  }
  return e.quads;
}

/** The organisations mapper, for the registry. */
export const organisationsMapper: Mapper = { name: 'organisations', map: mapOrganisations };
