// HTTP content negotiation shared by the SPARQL endpoint and the pages: picks the offered media type a client prefers.

/** One media range of an Accept header, with its q-value and how specific it is (0 `*\/*`, 1 `type/*`, 2 `type/subtype`). */
interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly specificity: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((p) => p.trim());
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(range.toLowerCase());
    if (!m) continue;
    const [, type = '', subtype = ''] = m;
    if (type === '*' && subtype !== '*') continue;
    let q = 1;
    for (const param of params) {
      const kv = /^q\s*=\s*([\d.]+)$/i.exec(param);
      if (kv) {
        const n = Number(kv[1]);
        if (Number.isFinite(n)) q = Math.min(Math.max(n, 0), 1);
        break; // parameters after q are accept extensions
      }
    }
    ranges.push({ type, subtype, q, specificity: type === '*' ? 0 : subtype === '*' ? 1 : 2 });
  }
  return ranges;
}

/**
 * The offered type the client prefers (RFC 9110 §12.5.1): each type takes the q-value of the most specific range
 * that matches it (`text/turtle;q=0, *\/*` refuses Turtle; `text/*;q=0.5, text/turtle;q=0.1` prefers HTML);
 * types with q=0 are refused; on a tie the first offered wins. No Accept header: the first offered.
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];
  const ranges = parseAccept(accept);
  let best: { type: string; q: number } | undefined;
  for (const type of offered) {
    const [major = '', minor = ''] = type.split('/');
    let match: MediaRange | undefined;
    for (const r of ranges) {
      const fits = r.specificity === 0 || (r.type === major && (r.specificity === 1 || r.subtype === minor));
      if (fits && (!match || r.specificity > match.specificity || (r.specificity === match.specificity && r.q > match.q))) match = r;
    }
    if (match && match.q > 0 && (!best || match.q > best.q)) best = { type, q: match.q };
  }
  return best?.type;
}
