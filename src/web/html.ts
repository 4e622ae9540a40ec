// HTML building blocks for the pages: escaping, the page shell with its inline responsive CSS, tables. No network resources.
import { embedScriptText, type Embed } from './embed.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** HTML that is already escaped (built by the helpers here), kept apart from raw text by its type. */
export interface Html {
  readonly html: string;
}

/** Marks a string of markup as HTML. Only the builders in src/web call this, with escaped parts. */
export function raw(html: string): Html {
  return { html };
}

type Part = string | number | Html | undefined | false | readonly Part[];

/** Joins parts: text is escaped, Html is kept, empty parts are dropped. */
export function h(...parts: Part[]): Html {
  let out = '';
  const add = (p: Part): void => {
    if (p === undefined || p === false) return;
    if (typeof p === 'string' || typeof p === 'number') out += esc(p);
    else if (Array.isArray(p)) for (const q of p as readonly Part[]) add(q);
    else out += (p as Html).html;
  };
  for (const p of parts) add(p);
  return raw(out);
}

/** An element with escaped attribute values and escaped or nested content. */
export function el(tag: string, attrs: Readonly<Record<string, string | number | undefined>>, ...content: Part[]): Html {
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v as string | number)}"`)
    .join('');
  return raw(`<${tag}${attributes}>${h(...content).html}</${tag}>`);
}

/** A link; `href` is escaped as an attribute value. */
export function link(href: string, ...content: Part[]): Html {
  return el('a', { href }, ...content);
}

/** A table with a caption, a header row and body rows, wrapped so that it scrolls sideways on a phone. */
export function table(id: string, caption: string, head: readonly string[], rows: readonly (readonly Part[])[]): Html {
  return el(
    'div',
    { class: 'scroll' },
    el(
      'table',
      { id },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, head.map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))),
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
`;

/** Content Security Policy: no scripts run, nothing is fetched; only the inline style applies. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A whole HTML5 document: title, inline CSS, optional JSON-LD embed in the head, body parts. */
export function page(options: { title: string; description?: string; embed?: Embed; body: Html; css?: string }): string {
  const head = h(
    raw('<meta charset="utf-8">\n'),
    raw('<meta name="viewport" content="width=device-width, initial-scale=1">\n'),
    raw(`<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">\n`),
    raw('<link rel="icon" href="data:,">\n'),
    el('title', {}, options.title),
    raw('\n'),
    options.description !== undefined ? h(raw(`<meta name="description" content="${esc(options.description)}">`), raw('\n')) : undefined,
    raw(`<style>${CSS}</style>\n`),
    options.css !== undefined ? raw(`<style>${options.css}</style>\n`) : undefined,
    options.embed ? raw(`<script type="application/ld+json">\n${embedScriptText(options.embed)}\n</script>\n`) : undefined,
  );
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head.html}</head>\n<body>\n${options.body.html}\n</body>\n</html>\n`;
}
