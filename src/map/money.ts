// Money mapper: budget, box office and marketing spend as schema.org MonetaryAmount nodes and Wikidata quantities (P2130, P2142) that keep ranges as bounds.
import type { FilmFacts, Money } from '../facts/model.js';
import { decimal } from '../literals.js';
import type { NamedNode, Quad, Quad_Object } from '../rdf.js';
import { fkg, schema, wikibase, type Pid } from '../vocab.js';
import { Emitter, type MapContext, type Mapper } from './emit.js';

/** A MonetaryAmount node: exact `value`, or `minValue`/`maxValue` bounds, the currency and the figure as written. */
function monetaryAmount(e: Emitter, node: NamedNode, label: string, m: Money): NamedNode {
  e.entity(node, schema.MonetaryAmount, label);
  e.text(node, schema.currency, m.currency);
  if (m.amount !== undefined) e.add(node, schema.value, decimal(m.amount));
  if (m.lower !== undefined) e.add(node, schema.minValue, decimal(m.lower));
  if (m.upper !== undefined) e.add(node, schema.maxValue, decimal(m.upper));
  if (m.qualifier !== undefined) e.text(node, fkg.amountQualifier, m.qualifier);
  e.text(node, schema.description, m.text);
  e.derive(node, m);
  return node;
}

/**
 * The Wikidata quantity statement. A range has bounds and no amount: the text gives no central
 * figure, and a midpoint would be invented (docs/graph-model.md, "Range simplification").
 */
function quantityStatement(e: Emitter, pid: Pid, m: Money): void {
  const unit = e.named(e.iri.unit(m.currency), fkg.Unit, m.currency);
  const amount = m.amount !== undefined ? decimal(m.amount) : undefined;
  const valueNode: Array<readonly [NamedNode, Quad_Object]> = [];
  if (amount) valueNode.push([wikibase.quantityAmount, amount]);
  if (m.lower !== undefined) valueNode.push([wikibase.quantityLowerBound, decimal(m.lower)]);
  if (m.upper !== undefined) valueNode.push([wikibase.quantityUpperBound, decimal(m.upper)]);
  valueNode.push([wikibase.quantityUnit, unit]);
  e.statement(e.film, pid, amount, [m], { valueNode });
}

/** Maps the film's money figures (docs/graph-model.md, "Releases and money"). */
export function mapMoney(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  const title = facts.title.value;
  if (facts.budget) {
    e.add(e.film, fkg.budget, monetaryAmount(e, e.iri.inFilm(e.slug, 'budget'), `${title}: budget`, facts.budget));
    quantityStatement(e, 'P2130', facts.budget);
  }
  if (facts.boxOffice) {
    e.add(e.film, fkg.boxOffice, monetaryAmount(e, e.iri.inFilm(e.slug, 'box-office'), `${title}: box office`, facts.boxOffice));
    quantityStatement(e, 'P2142', facts.boxOffice);
  }
  for (const fact of facts.production) {
    if (fact.kind !== 'marketing-spend') continue;
    // Wikidata has no confirmed property for marketing spend: schema.org terms only.
    e.add(e.film, fkg.marketingSpend, monetaryAmount(e, e.iri.inFilm(e.slug, 'marketing'), `${title}: marketing spend`, fact.money));
  }
  return e.quads;
}

/** The money mapper, for the registry. */
export const moneyMapper: Mapper = { name: 'money', map: mapMoney };
