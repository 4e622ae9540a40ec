// Every IRI of the graph is minted here, deterministically, from stable keys (names, slugs, hashed content) under one base.
// Patterns and the reasons for them: docs/graph-model.md ("IRIs").
import { hash as digest } from 'node:crypto';
import { FilmkgError } from './errors.js';
import { namedNode, type NamedNode, type Term } from './rdf.js';
import { NS } from './vocab.js';
import { DEFAULT_BASE, checkBase } from './base.js';

/** The base used when `--base` is not given, and the check of `--base` (src/base.ts). */
export { DEFAULT_BASE, checkBase };

const EXTRA_ESCAPES = /[_!*'()]/g;

/**
 * The path segment for a name: NFC, then UTF-8 percent-encoding of everything but `A–Z a–z 0–9 - . ~`,
 * with spaces written `_` (and `_` itself encoded, so the mapping stays injective):
 * `Lila Cazès` → `Lila_Caz%C3%A8s`. Why percent-encoding rather than ASCII folding: docs/graph-model.md.
 */
export function nameKey(name: string): string {
  if (name === '') throw new FilmkgError('BAD_RDF', 'cannot mint an IRI from an empty name', { expected: 'a non-empty name' });
  let encoded: string;
  try {
    encoded = encodeURIComponent(name.normalize('NFC'));
  } catch {
    throw new FilmkgError('BAD_RDF', 'cannot mint an IRI from this name', { expected: 'well-formed Unicode text', found: name });
  }
  return encoded.replace(EXTRA_ESCAPES, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '_');
}

/** The name a key was minted from (inverse of nameKey). */
export function nameFromKey(key: string): string {
  return decodeURIComponent(key.replace(/_/g, '%20'));
}

/** First 16 hex digits of SHA-256 of `content`: 64 bits, ample for the statements of many films. */
export function contentHash(content: string): string {
  return digest('sha256', content, 'hex').slice(0, 16);
}

/** The origin of the wiki an article comes from; an article read from a local file (a file: URL) is taken as English Wikipedia's. */
function wikiOrigin(articleUrl: string): string {
  const url = new URL(articleUrl);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : 'https://en.wikipedia.org';
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Mints the graph's IRIs under one base. Holds no state beyond caches (name keys, the slug checked last), so two
 * minters with the same base give the same IRIs whatever the order of calls.
 */
export class IriMinter {
  readonly base: string;
  private readonly keys = new Map<string, string>();
  private checkedSlug: string | undefined;

  constructor(base: string = DEFAULT_BASE) {
    this.base = checkBase(base);
  }

  private key(name: string): string {
    let k = this.keys.get(name);
    if (k === undefined) {
      k = nameKey(name);
      this.keys.set(name, k);
    }
    return k;
  }

  private at(path: string): NamedNode {
    return namedNode(this.base + path);
  }

  /** `film/{slug}`. */
  film(slug: string): NamedNode {
    return this.at(`film/${this.slug(slug)}`);
  }

  /** A thing scoped to a film: `film/{slug}/{part}/{name key}/…`; `part`s are fixed words, `names` are encoded. */
  inFilm(slug: string, part: string, ...names: Array<string | number>): NamedNode {
    let path = `film/${this.slug(slug)}/${part}`;
    for (const n of names) path += `/${typeof n === 'number' ? String(n) : this.key(n)}`;
    return this.at(path);
  }

  /** `person/{name}`: global, so a person shared by two films is one node. */
  person(name: string): NamedNode {
    return this.at(`person/${this.key(name)}`);
  }

  /** `organization/{name}`: global. */
  organization(name: string): NamedNode {
    return this.at(`organization/${this.key(name)}`);
  }

  /** `award/{body}`: the award body as an accolades table names it. */
  awardBody(body: string): NamedNode {
    return this.at(`award/${this.key(body)}`);
  }

  /** `award/{body}/{category}`. */
  award(body: string, category: string): NamedNode {
    return this.at(`award/${this.key(body)}/${this.key(category)}`);
  }

  /** `place/{name}`. */
  place(name: string): NamedNode {
    return this.at(`place/${this.key(name)}`);
  }

  /** `language/{name}`. */
  language(name: string): NamedNode {
    return this.at(`language/${this.key(name)}`);
  }

  /** `genre/{name}`. */
  genre(name: string): NamedNode {
    return this.at(`genre/${this.key(name)}`);
  }

  /** `form/{name}` (form of a creative work: novel, play …). */
  form(name: string): NamedNode {
    return this.at(`form/${this.key(name)}`);
  }

  /** `unit/{code}` (`unit/USD`, `unit/minute`). */
  unit(code: string): NamedNode {
    return this.at(`unit/${this.key(code)}`);
  }

  /** `work/{author}/{title}`, or `work/{title}` when the author is unknown. */
  work(title: string, author?: string): NamedNode {
    return this.at(author !== undefined ? `work/${this.key(author)}/${this.key(title)}` : `work/${this.key(title)}`);
  }

  /** `list/{author}/{list}`: a published list (best of the decade) that many films may be on. */
  list(author: string, list: string): NamedNode {
    return this.at(`list/${this.key(author)}/${this.key(list)}`);
  }

  /** A Wikidata item (`http://www.wikidata.org/entity/Q…`); callers pass only confirmed ids. */
  wikidata(qid: string): NamedNode {
    if (!/^Q[1-9]\d*$/.test(qid)) throw new FilmkgError('BAD_RDF', 'bad Wikidata item id', { expected: 'Q followed by digits', found: qid });
    return namedNode(`http://www.wikidata.org/entity/${qid}`);
  }

  /** An IMDb page: `tt…` titles and `nm…` names. */
  imdb(id: string): NamedNode {
    const m = /^(tt|nm)\d{7,}$/.exec(id);
    if (!m) throw new FilmkgError('BAD_RDF', 'bad IMDb id', { expected: 'tt or nm followed by 7 or more digits', found: id });
    return namedNode(`https://www.imdb.com/${m[1] === 'tt' ? 'title' : 'name'}/${id}/`);
  }

  /** An external URL the facts give (already validated as a URL), in the WHATWG URL's normal form. */
  external(url: string): NamedNode {
    try {
      return namedNode(new URL(url).href);
    } catch {
      throw new FilmkgError('BAD_RDF', 'bad URL', { expected: 'an absolute URL', found: url });
    }
  }

  /** The file page of an image on the wiki the article comes from (`https://en.wikipedia.org/wiki/File:…`). */
  wikiFile(articleUrl: string, file: string): NamedNode {
    return namedNode(`${wikiOrigin(articleUrl)}/wiki/File:${this.key(file)}`);
  }

  /**
   * The image itself, on the same wiki as its file page: `https://en.wikipedia.org/wiki/Special:FilePath/…`, which
   * redirects to the file's bytes on upload.wikimedia.org (a film poster is a local, non-free file of its Wikipedia, not
   * on Commons, so the file page's own wiki is the one that has it).
   */
  wikiFileUrl(articleUrl: string, file: string): NamedNode {
    return namedNode(`${wikiOrigin(articleUrl)}/wiki/Special:FilePath/${this.key(file)}`);
  }

  /** `films/{slug}.html`: the film's page, as `filmkg build` writes it and `filmkg serve` answers it under the base. */
  filmPage(slug: string): NamedNode {
    return this.at(`films/${this.slug(slug)}.html`);
  }

  /** `statement/{Pid}-{hash}`: named by its content (subject, property, value, qualifiers), never by evidence. */
  statement(pid: string, content: readonly Term[]): NamedNode {
    return this.at(`statement/${pid}-${contentHash(this.contentKey(pid, content))}`);
  }

  /** `reference/{hash}`: named by its content, so statements read from the same text share one. */
  reference(content: readonly Term[]): NamedNode {
    return this.at(`reference/${contentHash(this.contentKey('reference', content))}`);
  }

  /** `value/{hash}`: a quantity value node, named by its content. */
  value(content: readonly Term[]): NamedNode {
    return this.at(`value/${contentHash(this.contentKey('value', content))}`);
  }

  /** True for IRIs this minter names by content (statements, references, value nodes): their triples follow from the IRI. */
  isContentNamed(iri: string): boolean {
    if (!iri.startsWith(this.base)) return false;
    const at = this.base.length;
    return iri.startsWith('statement/', at) || iri.startsWith('reference/', at) || iri.startsWith('value/', at);
  }

  /** True for IRIs under a film (`film/{slug}…`): nothing outside that film's facts describes them. */
  isFilmScoped(iri: string): boolean {
    return iri.startsWith(this.base) && iri.startsWith('film/', this.base.length);
  }

  /** A short content hash for film-scoped names that need one (reviews). */
  hash(parts: readonly string[]): string {
    return contentHash(parts.join('\u0000')).slice(0, 8);
  }

  /**
   * The string that is hashed: each term written with IRIs under the base made relative, so the
   * same content gets the same hash under any base.
   */
  private contentKey(kind: string, content: readonly Term[]): string {
    let out = kind;
    for (const term of content) out += `\u0000${this.termKey(term)}`;
    return out;
  }

  private termKey(term: Term): string {
    switch (term.termType) {
      case 'NamedNode':
        // Vocabulary terms stay absolute even when the base shares their host (the default base does: fkg:).
        return term.value.startsWith(this.base) && !term.value.startsWith(NS.fkg) ? `<${term.value.slice(this.base.length)}>` : `<<${term.value}>`;
      case 'Literal':
        return `"${term.value}"${term.language ? `@${term.language}` : `^^${term.datatype.value}`}`;
      default:
        throw new FilmkgError('BAD_RDF', 'statements are named from IRIs and literals only', { found: term.termType });
    }
  }

  private slug(slug: string): string {
    // A film's IRIs are minted one after another: the slug checked last needs no second look.
    if (slug === this.checkedSlug) return slug;
    if (!SLUG.test(slug)) throw new FilmkgError('BAD_RDF', 'bad film slug', { expected: 'a slug such as leaving-las-vegas', found: slug });
    this.checkedSlug = slug;
    return slug;
  }
}
