// Generated: what checkQuery (src/sparql/check.ts: sparqljs, the nesting limits, no updates) said of each bundled query,
// keyed by name and the SHA-256 of its text (src/sparql/check-once.ts). test/queries.test.ts proves it current; after
// editing queries/*.rq or the check, regenerate: UPDATE_GOLDEN=1 npx vitest run test/queries.test.ts
import type { QueryForm } from './check.js';

/** The recorded check of each bundled query (queries/NAME.rq): the SHA-256 of the text that passed, and its form. */
export const BUNDLED_CHECKS: Readonly<Record<string, { readonly sha256: string; readonly form: QueryForm }>> = {
  'accolades-by-award-body': { sha256: '558278738a557497b1928c5ec2e7f6f2713a85a8b3e3f16a610430315b787a8e', form: 'SELECT' },
  'album-running-time': { sha256: '643dcdb2e396a03421c6387d0914b3222692309ee94f364583b642bc5c805c30', form: 'SELECT' },
  'budget-and-box-office': { sha256: '4a225bc6aa5c7f67ea2f4a41b9f73ab80554fbe77e28fe5530443166a40d1f1d', form: 'SELECT' },
  'budget-provenance': { sha256: '0c436b32aaba8f4cb4197f4871be707462cdaef223f17a6b59a7120a751e4c41', form: 'SELECT' },
  'cast-card.construct': { sha256: 'c04df3ddccda00fd37988c7b2f73ee395cefa62d86042349d74a69e219f58fc4', form: 'CONSTRUCT' },
  'cast': { sha256: '7ed7d3a665267b9c310d1988b888558b550b9861b54a12c2df78f47b2a08fc81', form: 'SELECT' },
  'categories-both-leads-nominated': { sha256: '06fe9c342191ac9f2e25c92807cc1c6e06ccc94f8c89294792d211f40950c8a0', form: 'SELECT' },
  'characters': { sha256: 'afd53dac992f1c184a556f6948c90b27983bcaea203ba0345f861f7f58a5ba80', form: 'SELECT' },
  'credits': { sha256: '8b8b162d22a2ad7e59a706c05ca9669031501b9e58264cde8d3345fdb509928b', form: 'SELECT' },
  'describe-director.describe': { sha256: 'cbfb062ea6fc722f39d7fdb330ed278000fd2e18c73b2819bf95cc192fe196ef', form: 'DESCRIBE' },
  'references': { sha256: '227d71cd30ac41fb769faa7978112db188a17bf47ae988b43c79253653d83977', form: 'SELECT' },
  'release-timeline': { sha256: 'e5fe5b0e38b48dd0c523915f753964d842feba3623d693c59088622d17946f46', form: 'SELECT' },
  'review-scores': { sha256: 'c8f108d3a08a3330c69aba7bbb585b9a4115ee35de8caed4d9697612e90064ad', form: 'SELECT' },
  'soundtrack': { sha256: 'ac1b9313f05ae957648334e33cb2f49fc5c988d3f6784095eeec2a384bef3e25', form: 'SELECT' },
  'tracks-not-by-figgis': { sha256: 'c0f6e7327d8dc0362b56e8d520409c0cc7306fed513a22091b16d063b674ad3d', form: 'SELECT' },
  'wikidata-style-awards': { sha256: '5a4a090686eec2060a813a685433d75b3beab75e76120bc71debd0b2d9b15a36', form: 'SELECT' },
  'wins-and-nominations-per-person': { sha256: 'f7d9a44552d21a45d05e870feb296881b1ac6b804286871ce39f5d764ce50ba0', form: 'SELECT' },
  'won-academy-award.ask': { sha256: '054859a1701050758fe0b2b449a7ae10af70769882f4a883d16b04ae92cb41cb', form: 'ASK' },
};
