// Every mapping domain, in the order the graph stage runs them. Add a domain: write src/map/<name>.ts exporting a Mapper, list it here.
import { accoladesMapper } from './accolades.js';
import { castMapper } from './cast.js';
import type { Mapper } from './emit.js';
import { filmMapper } from './film.js';
import { moneyMapper } from './money.js';
import { organisationsMapper } from './organisations.js';
import { peopleMapper } from './people.js';
import { receptionMapper } from './reception.js';
import { referencesMapper } from './references.js';
import { releasesMapper } from './releases.js';
import { soundtrackMapper } from './soundtrack.js';

/** The mappers; the graph does not depend on their order (it is sorted and de-duplicated). */
export const MAPPERS: readonly Mapper[] = [
  filmMapper,
  peopleMapper,
  castMapper,
  organisationsMapper,
  releasesMapper,
  moneyMapper,
  receptionMapper,
  accoladesMapper,
  soundtrackMapper,
  referencesMapper,
];
