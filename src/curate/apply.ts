// The curate stage: applies a film's reviewed decisions to the extracted facts (a pure function; the input is not changed).
import { FilmkgError } from '../errors.js';
import type { Accolade, FilmFacts } from '../facts/model.js';
import { evidence, rawPart, type ArticleLine } from '../extract/lines.js';
import type { Curation, CurationEntry } from './curation.js';

/**
 * Returns the facts with every decision applied. Each decision must find exactly what it names
 * (the accolade row at its line with its body and category, the text on its line), or it fails
 * with the decision's path in the curation file.
 */
export function applyCuration(facts: FilmFacts, curation: Curation, lines: readonly ArticleLine[], file: string): FilmFacts {
  const out: FilmFacts = structuredClone(facts);
  curation.decisions.forEach((entry, index) => {
    const fail = (detail: string, expected: string, found?: string): never => {
      throw new FilmkgError('BAD_CURATION', `decision "${entry.id}": ${detail}`, { place: { file, path: `decisions[${index}]` }, expected, ...(found !== undefined ? { found } : {}) });
    };
    const decision = { id: entry.id, reason: entry.reason };
    switch (entry.kind) {
      case 'accolade-spanned-recipient':
      case 'accolade-film-level': {
        const row = findRow(out.accolades, entry, fail);
        if (row.recipientSource !== 'absent') fail('the row already names its recipients', 'a row without a recipient cell', row.recipients.join(', '));
        if (entry.kind === 'accolade-film-level') {
          Object.assign(row, { recipientSource: 'film', decision } satisfies Partial<Accolade>);
        } else {
          const source = lines[entry.fromLine - 1];
          for (const r of entry.recipients) {
            if (!source || !rawPart(source, r)) fail(`line ${entry.fromLine} does not name ${r}`, `the row whose recipient cell spans this row`, source?.text);
          }
          Object.assign(row, { recipients: entry.recipients, recipientSource: 'spanned', decision } satisfies Partial<Accolade>);
        }
        break;
      }
      case 'credit': {
        const line = lines[entry.line - 1];
        const part = line ? rawPart(line, entry.text) : undefined;
        if (!line || !part) fail(`line ${entry.line} does not contain the text`, JSON.stringify(entry.text), line?.text);
        out.credits.push({ role: entry.role, person: entry.person, evidence: evidence(line as ArticleLine, { part: part as string }), decision });
        break;
      }
      case 'external-id': {
        if (!JSON.stringify(out).includes(JSON.stringify(entry.name))) fail('names nothing in the facts', `a ${entry.entity} named in the facts`, entry.name);
        out.externalIds.push({ kind: entry.entity, name: entry.name, ...(entry.wikidata ? { wikidata: entry.wikidata } : {}), ...(entry.imdb ? { imdb: entry.imdb } : {}), decision });
        break;
      }
    }
  });
  return out;
}

function findRow(accolades: Accolade[], entry: Extract<CurationEntry, { accolade: unknown }>, fail: (d: string, e: string, f?: string) => never): Accolade {
  const row = accolades.find((a) => a.evidence.line === entry.accolade.line);
  if (!row) return fail(`no accolade row on line ${entry.accolade.line}`, 'the line of an accolades-table row');
  if (row.body !== entry.accolade.body || row.category !== entry.accolade.category) {
    fail(`the row on line ${entry.accolade.line} is not the one reviewed`, `${entry.accolade.body}: ${entry.accolade.category}`, `${row.body}: ${row.category}`);
  }
  return row;
}
