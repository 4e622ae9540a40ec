// The curate stage: applies a film's reviewed decisions to the extracted facts (a pure function; the input is not changed).
import { FilmkgError } from '../errors.js';
import type { z } from 'zod';
import type { Accolade, EntityKind, FilmFacts } from '../facts/model.js';
import { evidence, rawPart, type ArticleLine } from '../extract/lines.js';
import type { Curation, CurationEntry } from './curation.js';

/**
 * Returns the facts with every decision applied. Each decision must find exactly what it names
 * (the accolade row at its line with its body and category, the text on its line, an entity the
 * facts name), or it fails with BAD_CURATION naming the decision's id and its path in the curation file.
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
        // A curation decision settles a row without a recipient cell: one the rules left for review, or one a rule
        // decided (the curation overrides the rule). A row whose own cell names its recipients (or the film) is read, not decided.
        const open = row.recipientSource === 'needs-review' || row.decision?.rules !== undefined;
        if (!open) fail('the row is not one without a recipient cell', 'a row whose recipients are decided by a rule or need review', `${row.recipientSource}: ${row.recipients.join(', ')}`);
        delete row.candidates;
        if (entry.kind === 'accolade-film-level') {
          Object.assign(row, { recipients: [], recipientSource: 'film', decision } satisfies Partial<Accolade>);
        } else {
          if (entry.fromLine >= entry.accolade.line) fail(`the spanning cell must be on an earlier line than ${entry.accolade.line}`, 'fromLine before the row (a spanned cell is written on the first row it spans)', String(entry.fromLine));
          const source = lines[entry.fromLine - 1];
          for (const r of entry.recipients) {
            if (!source || !rawPart(source, r)) fail(`line ${entry.fromLine} does not name ${r}`, 'the row whose recipient cell spans this row', source?.text);
          }
          Object.assign(row, { recipients: entry.recipients, recipientSource: 'spanned', decision } satisfies Partial<Accolade>);
        }
        // The rule's diagnostic for this row is settled by the reviewed decision.
        const settled = `accolades[${out.accolades.indexOf(row)}].recipients`;
        out.diagnostics = out.diagnostics.filter((d) => d.path !== settled);
        break;
      }
      case 'credit': {
        const line = lines[entry.line - 1];
        const part = line ? rawPart(line, entry.text) : undefined;
        if (!line || !part) fail(`line ${entry.line} does not contain the text`, JSON.stringify(entry.text), line?.text);
        if (out.credits.some((c) => c.role === entry.role && c.person === entry.person)) {
          fail(`the facts already credit ${entry.person} as ${entry.role}`, 'a credit the extracted facts lack');
        }
        out.credits.push({ role: entry.role, person: entry.person, evidence: evidence(line as ArticleLine, { part: part as string }), decision });
        break;
      }
      case 'external-id': {
        const known = namesOfKind(out, entry.entity);
        if (!known.has(entry.name)) fail(`names no ${entry.entity} of the facts`, `one of: ${[...known].sort().slice(0, 12).join(', ') || '(none)'}`, entry.name);
        if (out.externalIds.some((x) => x.kind === entry.entity && x.name === entry.name)) fail(`${entry.entity} "${entry.name}" is already linked by an earlier decision`, 'one external-id decision per entity');
        out.externalIds.push({ kind: entry.entity, name: entry.name, ...(entry.wikidata ? { wikidata: entry.wikidata } : {}), ...(entry.imdb ? { imdb: entry.imdb } : {}), decision });
        break;
      }
    }
  });
  return out;
}

/**
 * The names the facts give to entities of one kind, as an external-id decision must write them.
 * An award is named `Body: Category`, as in the accolades table.
 */
export function namesOfKind(facts: FilmFacts, kind: z.infer<typeof EntityKind>): Set<string> {
  const names: Array<string | undefined> = [];
  switch (kind) {
    case 'film':
      names.push(facts.title.value, facts.source.title);
      break;
    case 'person':
      names.push(...facts.credits.map((c) => c.person), ...facts.cast.map((c) => c.actor), ...facts.accolades.flatMap((a) => a.recipients));
      names.push(...facts.reviews.map((r) => r.critic), ...facts.bestOfLists.map((b) => b.author), facts.basedOn?.author);
      names.push(...facts.references.flatMap((r) => r.authors));
      for (const t of facts.soundtrack?.tracks ?? []) names.push(...t.writers, ...t.performers, ...t.speakers.map((s) => s.actor));
      break;
    case 'organisation':
      names.push(...facts.organisations.map((o) => o.name), ...facts.homeMedia.map((h) => h.distributor));
      names.push(...facts.references.flatMap((r) => [r.publication, r.publisher]), ...facts.reviews.map((r) => r.publication));
      // A credited music performer may be a group (typed schema:MusicGroup when a decision names it an organisation);
      // the voices of dialogue tracks are actors, never groups.
      names.push(...(facts.soundtrack?.performers ?? []), ...(facts.soundtrack?.tracks ?? []).filter((t) => !t.dialogue).flatMap((t) => t.performers));
      break;
    case 'work':
      names.push(facts.basedOn?.title, facts.soundtrack?.title);
      break;
    case 'award':
      names.push(...facts.accolades.map((a) => `${a.body}: ${a.category}`));
      break;
    case 'award-body':
      names.push(...facts.accolades.map((a) => a.body));
      break;
    case 'place':
      names.push(...facts.countries.map((c) => c.value), ...facts.releases.map((r) => r.place));
      names.push(...facts.organisations.map((o) => o.region), ...facts.homeMedia.flatMap((h) => h.regions));
      break;
    case 'language':
      names.push(...facts.languages.map((l) => l.value), ...facts.homeMedia.flatMap((h) => h.languages));
      break;
    case 'genre':
      names.push(...facts.genres.map((g) => g.value));
      break;
    case 'aggregator':
      names.push(...facts.reviewScores.map((s) => s.aggregator));
      break;
  }
  return new Set(names.filter((n): n is string => n !== undefined));
}

function findRow(accolades: Accolade[], entry: Extract<CurationEntry, { accolade: unknown }>, fail: (d: string, e: string, f?: string) => never): Accolade {
  const row = accolades.find((a) => a.evidence.line === entry.accolade.line);
  if (!row) return fail(`no accolade row on line ${entry.accolade.line}`, 'the line of an accolades-table row');
  if (row.body !== entry.accolade.body || row.category !== entry.accolade.category) {
    fail(`the row on line ${entry.accolade.line} is not the one reviewed`, `${entry.accolade.body}: ${entry.accolade.category}`, `${row.body}: ${row.category}`);
  }
  return row;
}
