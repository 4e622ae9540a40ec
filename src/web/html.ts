// HTML building blocks for the pages: escaping, the page shell with its inline responsive CSS, tables. No network resources.
import { embedScriptText, type Embed } from './embed.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string | number): string {
  const s = typeof text === 'string' ? text : String(text);
  // Most text has nothing to escape: a test is cheaper than a replace that copies it.
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPED, (c) => HTML_ESCAPES[c] as string) : s;
}
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPED = /[&<>"']/g;

/** HTML that is already escaped (built by the helpers here), kept apart from raw text by its type. */
export interface Html {
  readonly html: string;
}

/** Marks a string of markup as HTML. Only the builders in src/web call this, with escaped parts. */
export function raw(html: string): Html {
  return { html };
}

/** What the builders take as content: text (escaped), markup, nothing, or lists of these. */
export type Part = string | number | Html | undefined | false | readonly Part[];

/** `out` with `p` appended: text escaped, Html kept, empty parts dropped, lists in order. */
function append(out: string, p: Part): string {
  if (p === undefined || p === false) return out;
  if (typeof p === 'string' || typeof p === 'number') return out + esc(p);
  if (Array.isArray(p)) {
    for (const q of p as readonly Part[]) out = append(out, q);
    return out;
  }
  return out + (p as Html).html;
}

/** Joins parts: text is escaped, Html is kept, empty parts are dropped. */
export function h(...parts: Part[]): Html {
  return raw(append('', parts));
}

/** An element with escaped attribute values and escaped or nested content. */
export function el(tag: string, attrs: Readonly<Record<string, string | number | undefined>>, ...content: Part[]): Html {
  let out = `<${tag}`;
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== undefined) out += ` ${k}="${esc(v)}"`;
  }
  return raw(`${append(`${out}>`, content)}</${tag}>`);
}

/** A link; `href` is escaped as an attribute value. */
export function link(href: string, ...content: Part[]): Html {
  return el('a', { href }, ...content);
}

/**
 * A table with a caption, a header row and body rows. Each cell carries its column's name (`data-label`), so on a
 * phone the rows reflow into stacked cards, one "label: value" line per cell, and every column stays visible.
 */
export function table(id: string, caption: string, head: readonly string[], rows: readonly (readonly Part[])[]): Html {
  return el(
    'div',
    { class: 'scroll' },
    el(
      'table',
      { id },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, head.map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => el('td', { 'data-label': head[i] }, c))))),
    ),
  );
}

/** Inline CSS: one column on a phone, wider reading measure on a desktop, tables that scroll instead of overflowing. */
const CSS = `
:root{color-scheme:light dark;--fg:#1b1b1f;--bg:#fdfdfb;--muted:#5b5b66;--line:#d9d9de;--accent:#8a2b0e;--won:#1d6b2f}
@media (prefers-color-scheme:dark){:root{--fg:#ececf0;--bg:#17171b;--muted:#a3a3ad;--line:#3a3a42;--accent:#f0a07a;--won:#7fd08f}}
*{box-sizing:border-box}
body{margin:0;overflow-wrap:break-word;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:clamp(1.6rem,5vw,2.6rem);line-height:1.15;margin:.2em 0}
h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
a{color:var(--accent)}
.lead{color:var(--muted);margin:.2rem 0 1rem}
.facts{display:grid;grid-template-columns:1fr;gap:.2rem 1.5rem;margin:0}
.facts dt{font-weight:600}
.facts dd{margin:0 0 .5rem}
@media (min-width:48rem){.facts{grid-template-columns:max-content 1fr}.facts dd{margin:0}.cols{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem}}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;color:var(--muted);padding:.3rem 0;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--line)}
th{white-space:nowrap}
td.num,th.num{text-align:right}
.won{color:var(--won);font-weight:600}
blockquote{margin:.5rem 0 1rem;padding:.2rem 1rem;border-left:4px solid var(--line)}
.refs li{margin:.3rem 0}
.links{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:0;list-style:none}
footer{color:var(--muted);font-size:.9rem;padding-bottom:2rem}
code{overflow-wrap:anywhere}
.toc{margin:1rem 0;padding:.6rem 1rem;border:1px solid var(--line);border-radius:6px;max-width:32rem}
.toc h2{font-size:1rem;margin:0 0 .3rem;padding:0;border:0}
.toc ol{margin:0;padding-left:1.4rem;columns:2 10rem;column-gap:1.5rem}
section{scroll-margin-top:.5rem}
header.with-poster{display:grid;grid-template-columns:1fr;gap:0 2rem}
@media (min-width:48rem){header.with-poster{grid-template-columns:1fr 14rem;align-items:start}}
.poster{margin:.5rem 0 1rem;max-width:14rem}
.poster-frame{position:relative;aspect-ratio:2/3;width:100%;overflow:hidden;border-radius:4px;background:var(--line)}
.poster-fallback{position:absolute;inset:0;display:flex;flex-direction:column;justify-content:center;gap:.5rem;padding:1rem;text-align:center;color:var(--muted);font-size:.9rem}
.poster-title{font-weight:600;font-size:1.1rem;color:var(--fg)}
.poster img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;color:transparent}
.poster img::after{content:attr(data-title) "\\A" attr(data-caption);white-space:pre-line;position:absolute;inset:0;display:flex;align-items:center;justify-content:center;padding:1rem;text-align:center;font-size:.95rem;color:var(--muted);background:var(--line)}
.poster figcaption,.picture figcaption{color:var(--muted);font-size:.85rem;margin-top:.3rem}
.picture{margin:1rem 0}
svg.chart{display:block;width:100%;max-width:36rem;height:auto}
svg.chart text{fill:var(--fg);font:14px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
svg.chart text.figure{fill:var(--muted);font-size:12px}
svg.chart .won-fill,svg.chart .home-fill{fill:var(--won)}
svg.chart .nominated-fill{fill:var(--muted);opacity:.45}
svg.chart .bar-fill,svg.chart .theatrical-fill,svg.chart .gross-fill{fill:var(--accent)}
svg.chart .budget-fill{fill:var(--muted)}
svg.chart .range{opacity:.4}
svg.chart line.axis{stroke:var(--muted)}
svg.chart line.guide{stroke:var(--line);stroke-dasharray:2 3}
@media (max-width:40rem){
.scroll table,.scroll tbody,.scroll tr,.scroll td{display:block}
.scroll thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.scroll tr{padding:.4rem 0;border-bottom:1px solid var(--line)}
.scroll caption{display:block}
.scroll td{position:relative;padding:.1rem 0 .1rem 38%;border:0}
.scroll td::before{content:attr(data-label);position:absolute;left:0;width:35%;font-weight:600;color:var(--muted)}
.scroll td:empty{display:none}
}
`;

/**
 * The pages' Content Security Policy: no scripts run, only the inline style applies, and images load only from `data:`
 * and the given origins (a poster's wiki, and upload.wikimedia.org where its Special:FilePath URL redirects: a browser
 * checks every redirect against img-src). Nothing else is fetched.
 */
export function contentSecurityPolicy(imageOrigins: readonly string[] = []): string {
  const images = ['data:', ...[...new Set(imageOrigins)].sort()].join(' ');
  return `default-src 'none'; style-src 'unsafe-inline'; img-src ${images}; base-uri 'none'; form-action 'none'`;
}

/** Where a wiki's Special:FilePath URLs redirect to: the file's bytes on Wikimedia's upload server. */
export const WIKIMEDIA_UPLOAD_ORIGIN = 'https://upload.wikimedia.org';

/** A whole HTML5 document: title, inline CSS, optional JSON-LD embed in the head, body parts. */
export function page(options: { title: string; description?: string; embed?: Embed; body: Html; imageOrigins?: readonly string[]; css?: string }): string {
  const head = h(
    raw('<meta charset="utf-8">\n'),
    raw('<meta name="viewport" content="width=device-width, initial-scale=1">\n'),
    raw(`<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(options.imageOrigins))}">\n`),
    raw('<link rel="icon" href="data:,">\n'),
    el('title', {}, options.title),
    raw('\n'),
    options.description !== undefined ? h(raw(`<meta name="description" content="${esc(options.description)}">`), raw('\n')) : undefined,
    raw(`<style>${CSS}</style>\n`),
    options.css !== undefined ? raw(`<style>${options.css}</style>\n`) : undefined,
    options.embed ? raw(`<script type="application/ld+json">\n${embedScriptText(options.embed)}\n</script>\n`) : undefined,
  );
  // Joined, not concatenated: join copies the parts into one flat string, so the page does not keep alive the tree of
  // small strings its parts were concatenated from (which made the garbage collector copy them, page after page).
  return ['<!DOCTYPE html>\n<html lang="en">\n<head>\n', head.html, '</head>\n<body>\n', options.body.html, '\n</body>\n</html>\n'].join('');
}
