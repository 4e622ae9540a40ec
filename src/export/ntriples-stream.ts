// Streaming N-Triples for many films: maps and writes one film at a time, so a graph of thousands of films never sits in memory.
// `filmkg build` writes the globally sorted graph.nt instead; this is the bulk path (bench/build.js measures it at ×1,000).
import type { FilmFacts } from '../facts/model.js';
import { FilmkgError } from '../errors.js';
import { mapFilm } from '../graph.js';
import { DEFAULT_BASE, IriMinter } from '../iri.js';
import type { Mapper } from '../map/emit.js';
import type { Quad_Subject, Term } from '../rdf.js';
import { prov } from '../vocab.js';
import { NTriplesSerializer } from './ntriples.js';

/** Options of streamNTriples. */
export interface StreamOptions {
  readonly base?: string;
  readonly mappers?: readonly Mapper[];
}

/** What a film's lines about one subject are, which decides which of them are written. */
const ALL = 0; // a film's own node (`film/<slug>…`), or a content-named node no earlier film wrote: every line
const DERIVED_ONLY = 1; // a content-named node an earlier film wrote: only its `prov:wasDerivedFrom` lines
const NEW = 2; // a node films share: the lines no earlier film (nor this one) wrote

/** A predicate as written, and its place among every predicate written so far (by their text, in code-unit order). */
interface Predicate {
  readonly text: string;
  /** `text` and the space after it, in UTF-8 (written as they are by the byte chunks). */
  readonly bytes: Uint8Array;
  rank: number;
}

/** One line without its subject: its predicate and its object as written. */
interface Line {
  readonly p: Predicate;
  readonly o: string;
}

/** One film's lines about one subject. */
interface Group {
  /** The subject as its lines start with it. */
  readonly subject: string;
  readonly kind: number;
  readonly lines: Line[];
  /** Shared nodes: the lines written so far about the node, by any film, without the subject (one set across films). */
  readonly written: Set<string> | undefined;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareGroups(a: Group, b: Group): number {
  return compareText(a.subject, b.subject);
}

/**
 * Two lines of one subject, in the order of their text (`<p> o .\n`) as long as the serializer saw no ambiguous term:
 * then no written predicate is a prefix of another, so the predicates order the lines (by rank, one subtraction), and
 * lines with one predicate are ordered by their objects (a written object that is a prefix of another is followed there
 * by a character above the space that follows it in its own line, so the object order is the line order).
 */
function compareLines(a: Line, b: Line): number {
  return a.p === b.p ? compareText(a.o, b.o) : a.p.rank - b.p.rank;
}

function lineText(line: Line): string {
  return `${line.p.text} ${line.o} .\n`;
}

/** Where a film's chunk is built: as one string, or as UTF-8 bytes. */
interface ChunkBuilder {
  /** Opens the lines of one subject, as written. */
  subject(text: string): void;
  /** A line of the open subject: predicate, object. */
  line(p: Predicate, o: string): void;
  /** A line of the open subject, given whole after the subject and its space. */
  rest(text: string): void;
  /** The film is done: hands its chunk over. */
  end(): void;
}

/** Builds each film's chunk as one string. */
class StringChunks implements ChunkBuilder {
  private chunk = '';
  private open = '';
  constructor(private readonly write: (chunk: string) => void) {}
  subject(text: string): void {
    this.open = text;
  }
  line(p: Predicate, o: string): void {
    this.chunk += `${this.open} ${p.text} ${o} .\n`;
  }
  rest(text: string): void {
    this.chunk += `${this.open} ${text}`;
  }
  end(): void {
    const chunk = this.chunk;
    this.chunk = '';
    this.write(chunk);
  }
}

/** Default size of the buffers byte chunks are written into. */
const CHUNK_BYTES = 1 << 20;

/**
 * Builds each film's chunk as UTF-8 bytes, straight into a buffer: the bytes `Buffer.from` would give for the string
 * chunk, without the string (joining a film's some 4,000 lines into one string and encoding it took about a tenth of
 * the stream's time; bench/build.js). The bytes of a chunk handed over are never written again (the next chunks may
 * use the rest of its ArrayBuffer, so it must not be transferred).
 */
class ByteChunks implements ChunkBuilder {
  private buffer: Buffer;
  private at = 0;
  private open: Uint8Array = Buffer.alloc(0);
  constructor(
    private readonly write: (chunk: Uint8Array) => void,
    private readonly size: number,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }
  /** Room for `bytes` more: hands over what is there and starts a new buffer when the current one is too full. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.write(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(this.size, bytes));
    this.at = 0;
  }
  subject(text: string): void {
    this.open = Buffer.from(`${text} `, 'utf8');
  }
  line(p: Predicate, o: string): void {
    // At most three bytes per UTF-16 code unit.
    this.room(this.open.length + p.bytes.length + 3 * o.length + 3);
    const b = this.buffer;
    b.set(this.open, this.at);
    this.at += this.open.length;
    b.set(p.bytes, this.at);
    this.at += p.bytes.length;
    this.at += b.write(o, this.at, 'utf8');
    b[this.at++] = 0x20; // " .\n"
    b[this.at++] = 0x2e;
    b[this.at++] = 0x0a;
  }
  rest(text: string): void {
    this.room(this.open.length + 3 * text.length);
    this.buffer.set(this.open, this.at);
    this.at += this.open.length;
    this.at += this.buffer.write(text, this.at, 'utf8');
  }
  end(): void {
    if (this.at === 0) return this.write(new Uint8Array(0));
    const chunk = this.buffer.subarray(0, this.at);
    this.buffer = this.buffer.length - this.at >= this.size / 4 ? this.buffer.subarray(this.at) : Buffer.allocUnsafe(this.size);
    this.at = 0;
    this.write(chunk);
  }
}

/**
 * Writes the N-Triples of `films` through `write`, one chunk per film with its lines sorted and unique.
 * A triple about a shared node (a person, an organisation, an award …) is written only the first time;
 * a content-named node (statement, reference, value) is written whole once, and later films add only
 * its new `prov:wasDerivedFrom` lines. The result is the same graph as buildGraph's, in film order
 * rather than globally sorted; deterministic for a given order of films. Returns the triples written.
 */
export function streamNTriples(films: Iterable<FilmFacts>, write: (chunk: string) => void, options: StreamOptions = {}): number {
  return streamInto(films, new StringChunks(write), options);
}

/**
 * streamNTriples with each film's chunk as UTF-8 bytes, exactly `Buffer.from` of the string chunk (a film larger than
 * `chunkBytes`, 1 MiB by default, comes in more than one chunk, cut at line ends): for writing to a file or a socket, where the string would only
 * be encoded again. A chunk's bytes are never written again after `write` returns, so it may be kept; its ArrayBuffer
 * may hold later chunks too, so it must not be transferred to another thread.
 */
export function streamNTriplesBytes(films: Iterable<FilmFacts>, write: (chunk: Uint8Array) => void, options: StreamOptions & { readonly chunkBytes?: number } = {}): number {
  return streamInto(films, new ByteChunks(write, options.chunkBytes ?? CHUNK_BYTES), options);
}

function streamInto(films: Iterable<FilmFacts>, out: ChunkBuilder, options: StreamOptions): number {
  const minter = new IriMinter(options.base ?? DEFAULT_BASE);
  const serializer = new NTriplesSerializer();
  const slugs = new Set<string>();
  // The lines written about each shared node, by its IRI (blank nodes apart: `_:b` is not `<b>`).
  const sharedIris = new Map<string, Set<string>>();
  const sharedBlanks = new Map<string, Set<string>>();
  const contentNamed = new Set<string>();
  const derivedFrom = prov.wasDerivedFrom.value;
  // Each predicate once, by its term (a few shared objects) and by its text; ranks follow the text order of them all.
  const predicateByTerm = new Map<Term, Predicate>();
  const predicateByText = new Map<string, Predicate>();
  const predicates: Predicate[] = [];
  const predicate = (term: Term): Predicate => {
    let entry = predicateByTerm.get(term);
    if (entry !== undefined) return entry;
    const text = serializer.term(term);
    entry = predicateByText.get(text);
    if (entry === undefined) {
      entry = { text, bytes: Buffer.from(`${text} `, 'utf8'), rank: 0 };
      predicateByText.set(text, entry);
      predicates.push(entry);
      predicates.sort((a, b) => compareText(a.text, b.text));
      predicates.forEach((x, i) => (x.rank = i));
    }
    if (predicateByTerm.size < 4096) predicateByTerm.set(term, entry);
    return entry;
  };
  let written = 0;
  let index = 0;
  for (const facts of films) {
    if (slugs.has(facts.source.slug)) {
      throw new FilmkgError('INVALID_FACTS', 'two films have the same slug', { place: { path: `films[${index}].source.slug` }, expected: 'a slug no other film has', found: facts.source.slug });
    }
    slugs.add(facts.source.slug);
    index++;
    // The film's lines grouped by subject: sorting the subjects, then each group's lines, gives the global line order
    // (no written subject is a prefix of another: `>` ends an IRI) with far shorter comparisons. A subject's kind is
    // decided once, when its group opens; mappers write a node's triples in runs, so the last group is kept at hand.
    const iris = new Map<string, Group>();
    const blanks = new Map<string, Group>();
    const order: Group[] = [];
    const opened: string[] = []; // content-named nodes no earlier film wrote
    const open = (subject: Quad_Subject): Group => {
      const value = subject.value;
      const blank = subject.termType !== 'NamedNode'; // as the serializer writes it: `_:` for anything not an IRI
      const groups = blank ? blanks : iris;
      let group = groups.get(value);
      if (group !== undefined) return group;
      let kind = ALL;
      let seen: Set<string> | undefined;
      if (minter.isFilmScoped(value)) kind = ALL;
      else if (minter.isContentNamed(value)) {
        if (contentNamed.has(value)) kind = DERIVED_ONLY;
        else opened.push(value);
      }
      else {
        kind = NEW;
        const shared = blank ? sharedBlanks : sharedIris;
        seen = shared.get(value);
        if (seen === undefined) shared.set(value, (seen = new Set()));
      }
      group = { subject: serializer.term(subject), kind, lines: [], written: seen };
      groups.set(value, group);
      order.push(group);
      return group;
    };
    let lastSubject: Quad_Subject | undefined;
    let group: Group | undefined;
    for (const q of mapFilm(facts, minter, options.mappers)) {
      if (q.subject !== lastSubject || group === undefined) {
        group = open(q.subject);
        lastSubject = q.subject;
      }
      if (group.kind === DERIVED_ONLY && q.predicate.value !== derivedFrom) continue;
      const line: Line = { p: predicate(q.predicate), o: serializer.term(q.object) };
      if (group.kind === NEW) {
        const text = lineText(line);
        const seen = group.written as Set<string>;
        if (seen.has(text)) continue;
        seen.add(text);
      }
      group.lines.push(line);
    }
    // A content-named node this film opened is written (whole) by it: later films add only their derivations.
    for (const value of opened) contentNamed.add(value);
    order.sort(compareGroups);
    for (const g of order) {
      const lines = g.lines;
      if (lines.length === 0) continue;
      out.subject(g.subject);
      if (serializer.ambiguous) {
        // A term with a space or an inner `>` was written: sort and compare whole lines, as their text orders them.
        const rests = lines.map(lineText).sort();
        let previous = '';
        for (const rest of rests) {
          if (rest !== previous) {
            out.rest(rest);
            written++;
          }
          previous = rest;
        }
        continue;
      }
      if (lines.length > 1) lines.sort(compareLines);
      let previous: Line | undefined;
      for (const line of lines) {
        if (previous === undefined || line.p !== previous.p || line.o !== previous.o) {
          out.line(line.p, line.o);
          written++;
        }
        previous = line;
      }
    }
    out.end();
  }
  return written;
}
