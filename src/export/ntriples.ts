// N-Triples writer: canonical N-Triples (the escaping of N3's N-Triples mode), one triple per line, lines sorted and unique.
// The line serializer is written here rather than taken from N3.Writer because, measured on a large graph, N3's
// quadToString took twice as long (bench/build.js); test/export-ntriples.test.ts checks both give the same bytes.
import type { Literal, Quad, Term } from '../rdf.js';

/** Characters canonical N-Triples escapes: U+0000–U+001F, `"`, `\`, U+007F, U+FFFE, U+FFFF (and lone surrogates' halves). */
const NEEDS_ESCAPE = /[^ !#-[\]-~\u0080-\uFFFD]/;
const ESCAPE_ALL = /[^ !#-[\]-~\u0080-\uFFFD]/g;
/**
 * What an IRI may hold to be written as it is and to end where its `>` is: no character to escape, no space and no `>`
 * (which canonical N-Triples writes as they are). Everything else takes the slow path, which also notes a space or `>`.
 */
const IRI_NOT_PLAIN = /[^!#-=?-[\]-~\u0080-\uFFFD]/;
const SPACE_OR_GT = /[ >]/;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f' };
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

function escapeCharacter(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function escape(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, escapeCharacter) : text;
}

/** Writes terms and triples as canonical N-Triples; remembers the few predicate and datatype IRIs it has encoded. */
export class NTriplesSerializer {
  private readonly encoded = new Map<Term, string>();
  /**
   * True once a term was written that holds a space outside a literal's quotes, or an IRI a `>` before its end (an IRI
   * or a blank node label with a space or `>`, a language tag with a space). Until then every written term ends where
   * its text shows, so no written predicate is a prefix of another and a term that is a prefix of another is followed
   * there by a character above the space: lines then sort as their predicate, then their object, sort
   * (src/export/ntriples-stream.ts relies on it, and falls back to whole lines once this is set).
   */
  ambiguous = false;

  private iri(term: Term): string {
    const value = term.value;
    if (term.termType === 'NamedNode') {
      if (!IRI_NOT_PLAIN.test(value)) return `<${value}>`;
      if (SPACE_OR_GT.test(value)) this.ambiguous = true;
      return `<${escape(value)}>`;
    }
    if (value.includes(' ')) this.ambiguous = true;
    return `_:${value}`;
  }

  /** Predicates and datatypes are a few shared term objects: encode each once. */
  private shared(term: Term): string {
    let text = this.encoded.get(term);
    if (text === undefined) {
      text = this.iri(term);
      if (this.encoded.size < 4096) this.encoded.set(term, text);
    }
    return text;
  }

  /** One term in N-Triples syntax. */
  term(term: Term): string {
    if (term.termType !== 'Literal') return this.iri(term);
    const lit = term as Literal & { direction?: string };
    const value = escape(lit.value);
    if (lit.language) {
      if (lit.language.includes(' ') || lit.direction?.includes(' ')) this.ambiguous = true;
      return `"${value}"@${lit.language}${lit.direction ? `--${lit.direction}` : ''}`;
    }
    return lit.datatype.value === XSD_STRING ? `"${value}"` : `"${value}"^^${this.shared(lit.datatype)}`;
  }

  /** One triple as a line ending in " .\n". */
  line(q: Quad): string {
    return `${this.iri(q.subject)} ${this.shared(q.predicate)} ${this.term(q.object)} .\n`;
  }

  /** A triple's subject as its line starts with it. */
  subject(q: Quad): string {
    return this.iri(q.subject);
  }

  /** A triple's line after the subject and its space: `line(q)` is `subject(q) + ' ' + rest(q)`. */
  rest(q: Quad): string {
    return `${this.shared(q.predicate)} ${this.term(q.object)} .\n`;
  }
}

/** The N-Triples lines of `quads`, in input order (each ends with " .\n"). */
export function ntriplesLines(quads: Iterable<Quad>): string[] {
  const serializer = new NTriplesSerializer();
  const lines: string[] = [];
  for (const q of quads) lines.push(serializer.line(q));
  return lines;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Writes `quads` as N-Triples through `write`, duplicates removed and lines in code-unit order, one
 * chunk per subject (so output larger than a JavaScript string can hold still streams). Lines are
 * grouped by subject first and the groups ordered by the subject as the line writes it (`<…>`: `>`
 * ends an IRI, so no written subject is a prefix of another): that gives exactly the global line
 * order with far fewer long-string comparisons than sorting every line against every other.
 * Returns the number of triples written.
 */
export function writeSortedNTriples(quads: Iterable<Quad>, write: (chunk: string) => void): number {
  const serializer = new NTriplesSerializer();
  const groups = new Map<string, string[]>();
  for (const q of quads) {
    const line = serializer.line(q);
    const subject = line.slice(0, line.indexOf(' '));
    const group = groups.get(subject);
    if (group) group.push(line);
    else groups.set(subject, [line]);
  }
  const subjects = [...groups.keys()].sort(compare);
  let count = 0;
  for (const subject of subjects) {
    const lines = (groups.get(subject) as string[]).sort();
    let chunk = '';
    let previous = '';
    for (const line of lines) {
      if (line !== previous) {
        chunk += line;
        count++;
      }
      previous = line;
    }
    write(chunk);
  }
  return count;
}

/** `quads` as one N-Triples text: unique lines in code-unit order (see writeSortedNTriples). */
export function toNTriples(quads: Iterable<Quad>): string {
  const chunks: string[] = [];
  writeSortedNTriples(quads, (chunk) => chunks.push(chunk));
  return chunks.join('');
}
