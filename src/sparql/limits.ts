// How deeply a query may nest before it reaches the engine. oxigraph (WebAssembly) evaluates the query algebra
// recursively on a fixed stack: a query nested deeply enough overflows it ("memory access out of bounds"), which also
// leaves the engine unusable. sparqljs, which parses every query first, overflows the JavaScript stack at a few
// thousand brackets and is slow on deep nesting. So a query is measured twice, both times well below those depths:
//  - brackets: a lexical scan of `{ ( [` outside strings, IRIs and comments, before anything parses the text;
//  - algebra: the depth of the parsed query, where the members of a group, a union, a basic graph pattern or a
//    property path count as nested (the engine folds them into a left-deep tree: `{ A B C }` is join(join(A, B), C)).
// The depths at which oxigraph 0.5.11 fails and the limits chosen are in README ("Queries and the SPARQL endpoint").

/** How deep a query may nest: brackets open at once, and the depth of its parsed tree (algebraDepth). */
export interface NestingLimits {
  readonly brackets: number;
  readonly algebra: number;
}

/**
 * The limits every query is checked against. oxigraph fails at about 194 nested `FILTER EXISTS {`, 234 nested calls and
 * 690 nested `{` (brackets), and at about 720 nested blank-node brackets and 820 chained OPTIONALs or BINDs (algebra).
 */
export const NESTING_LIMITS: NestingLimits = { brackets: 48, algebra: 200 };

/** What the scan found: the deepest bracket nesting and where it was reached (1-based line). */
export interface BracketDepth {
  readonly depth: number;
  readonly line: number;
}

const IRIREF = /<[^<>"{}|^`\\\u0000-\u0020]*>/y;

/**
 * The deepest nesting of `{`, `(` and `[` in SPARQL text, skipping strings (all four quotings, with escapes), IRIs and
 * `#` comments. Linear in the text; never throws (unbalanced text is left to the parser).
 */
export function bracketDepth(text: string): BracketDepth {
  let depth = 0;
  let max = 0;
  let maxLine = 1;
  let line = 1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
    } else if (c === 0x7b || c === 0x28 || c === 0x5b) {
      // { ( [
      depth++;
      if (depth > max) {
        max = depth;
        maxLine = line;
      }
      i++;
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      // } ) ]
      if (depth > 0) depth--;
      i++;
    } else if (c === 0x23) {
      // # comment to the end of the line
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === 0x22 || c === 0x27) {
      // " or ': a short or a long string
      const long = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
      i += long ? 3 : 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          i += 2;
        } else if (d === c && (!long || (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c))) {
          i += long ? 3 : 1;
          break;
        } else {
          if (d === 10) line++;
          if (d === 10 && !long) break; // a short string ends at the line's end (a syntax error the parser reports)
          i++;
        }
      }
    } else if (c === 0x3c) {
      // < : an IRI, or the less-than operator
      IRIREF.lastIndex = i;
      i = IRIREF.test(text) ? IRIREF.lastIndex : i + 1;
    } else {
      i++;
    }
  }
  return { depth: max, line: maxLine };
}

/** Keys of sparqljs nodes whose members the engine nests one inside the next (measured: templates, VALUES, argument lists stay flat). */
const CHAIN_KEYS = new Set(['where', 'patterns', 'triples', 'items']);

/**
 * The depth of a parsed query (sparqljs's tree): each node counts 1, and the i-th member of a group, union, basic graph
 * pattern, path or DESCRIBE list counts i more. Iterative, so that a long operator chain (`1+1+…`, nested in the tree)
 * cannot overflow the stack here.
 */
export function algebraDepth(tree: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, depth]);
      continue;
    }
    const here = depth + 1;
    if (here > max) max = here;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const chain = CHAIN_KEYS.has(key) || (key === 'variables' && (node as { queryType?: string }).queryType === 'DESCRIBE');
      if (Array.isArray(value) && chain) value.forEach((item, i) => stack.push([item, here + i]));
      else if (value !== null && typeof value === 'object') stack.push([value, here]);
    }
  }
  return max;
}
