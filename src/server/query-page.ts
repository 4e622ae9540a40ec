// The query page of `filmkg serve`: a browser asking for /sparql (or /) gets Yasgui (@zazuko/yasgui, from node_modules,
// served here under /assets/: nothing from a CDN), preloaded with the bundled queries as examples, running against this
// endpoint; SELECT results as a table, CONSTRUCT and DESCRIBE results as Turtle. Every other client keeps the endpoint's
// own answers: only a client that prefers text/html to every SPARQL result type gets the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type http from 'node:http';
import { bundledQueries } from '../sparql/bundled.js';
import { el, esc, h } from '../web/html.js';
import { send, sendError, type Route, type RouteContext } from './http.js';
import { negotiate } from './negotiate.js';
import { GRAPH_TYPES, RESULT_TYPES } from './result-types.js';

/** Where the page's scripts and styles are served. */
export const ASSETS_PATH = '/assets/';

/**
 * The page's policy: scripts and styles from this server only (Yasgui also sets inline styles), requests to this
 * server only (the endpoint), no frames, forms, plugins or other origins.
 */
export const QUERY_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** True when the client prefers HTML to every result type the endpoint offers (a browser's address bar; not curl's `*\/*`). */
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return negotiate(accept, [...RESULT_TYPES, ...GRAPH_TYPES, 'text/html']) === 'text/html';
}

/** The script that starts Yasgui on the page: the examples menu, the endpoint, Turtle for graph results. */
const CLIENT_SCRIPT = `// filmkg query page: starts Yasgui (served from node_modules by filmkg serve) with the bundled queries as examples.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('filmkg-queries').textContent);
  var endpoint = new URL('/sparql', location.href).href;
  var Yasgui = window.Yasgui;
  var yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST', acceptHeaderGraph: 'text/turtle', acceptHeaderSelect: 'application/sparql-results+json' },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false,
    autofocus: false,
    yasqe: { autocompleters: ['prefixes', 'variables'], persistenceId: null },
    yasr: { persistenceId: null, prefixes: data.prefixes }
  });
  function isGraphQuery(text) {
    var body = text.replace(/#[^\\n]*/g, ' ').replace(/(PREFIX|BASE)\\s+[^<]*<[^>]*>/gi, ' ');
    return /^\\s*(CONSTRUCT|DESCRIBE)\\b/i.test(body);
  }
  function watch(tab) {
    if (tab.filmkgWatched) return;
    tab.filmkgWatched = true;
    // A graph comes back as Turtle: show it as Turtle, not as a table of triples.
    tab.on('queryResponse', function () {
      if (isGraphQuery(tab.getQuery())) tab.getYasr().selectPlugin('response');
    });
  }
  function open(query) {
    var tab = yasgui.getTab();
    tab.setName(query.name);
    tab.setQuery(query.text);
    watch(tab);
    return tab;
  }
  var select = document.getElementById('examples');
  data.queries.forEach(function (q, i) {
    var option = document.createElement('option');
    option.value = String(i);
    option.textContent = q.name + ': ' + q.question;
    select.appendChild(option);
  });
  select.addEventListener('change', function () {
    var query = data.queries[Number(select.value)];
    if (query) open(query);
  });
  yasgui.on('tabSelect', function (instance, id) { var t = instance.getTab(id); if (t) watch(t); });
  var first = data.initial ? { name: 'query', text: data.initial } : data.queries[0];
  if (first) open(first);
  window.filmkgYasgui = yasgui;
})();
`;

/** The files served under ASSETS_PATH: Yasgui's bundle and stylesheet from node_modules, and the starter script. */
function assets(): Map<string, { type: string; body: () => string | Buffer }> {
  const require = createRequire(import.meta.url);
  const file = (name: string) => {
    let cached: Buffer | undefined;
    return () => (cached ??= readFileSync(require.resolve(`@zazuko/yasgui/build/${name}`)));
  };
  return new Map<string, { type: string; body: () => string | Buffer }>([
    ['yasgui.min.js', { type: 'text/javascript; charset=utf-8', body: file('yasgui.min.js') }],
    ['yasgui.min.css', { type: 'text/css; charset=utf-8', body: file('yasgui.min.css') }],
    ['query-page.js', { type: 'text/javascript; charset=utf-8', body: () => CLIENT_SCRIPT }],
  ]);
}

/** The route serving the page's assets (GET and HEAD; cached by the browser for a day). */
export function assetsRoute(): Route {
  const files = assets();
  return {
    name: 'assets',
    matches: (method, pathname) => (method === 'GET' || method === 'HEAD') && pathname.startsWith(ASSETS_PATH),
    handle({ res, url }) {
      const asset = files.get(url.pathname.slice(ASSETS_PATH.length));
      if (asset === undefined) return sendError(res, 404, `no asset at ${url.pathname}; assets: ${[...files.keys()].map((f) => ASSETS_PATH + f).join(', ')}`);
      send(res, 200, asset.type, asset.body(), { 'cache-control': 'public, max-age=86400' });
    },
  };
}

/** JSON for a `<script type="application/json">` element: `<` escaped, so no text can end the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The page: Yasgui, the examples menu, the bundled queries as JSON data (`initial`: a query to open first). */
export function queryPageHtml(initial?: string): string {
  const queries = bundledQueries().map((q) => ({ name: q.name, question: q.question, text: q.text }));
  const data = { queries, initial: initial ?? null, prefixes: {} };
  const body = h(
    el('header', {}, el('h1', {}, 'filmkg SPARQL'), el('p', { class: 'lead' }, 'Query the knowledge graph: pick an example or write your own, then run it (Ctrl-Enter). ', el('a', { href: '/films/' }, 'Film pages'), ' · ', el('a', { href: '/graph.ttl' }, 'the whole graph'))),
    el('main', {}, el('label', { for: 'examples' }, 'Examples '), el('select', { id: 'examples' }, el('option', { value: '' }, `— ${queries.length} bundled queries —`)), el('div', { id: 'yasgui' })),
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>filmkg SPARQL query</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(ASSETS_PATH)}yasgui.min.css">
<style>
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#fdfdfb}
header,main{max-width:80rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:.8rem 0 .2rem}
.lead{color:#5b5b66;margin:0 0 .6rem}
a{color:#8a2b0e}
#examples{max-width:100%;margin:0 0 .6rem;font-size:1rem}
.yasgui .autocompleteWrapper{max-width:100%}
.yasgui{overflow-x:hidden}
</style>
<script type="application/json" id="filmkg-queries">${scriptJson(data)}</script>
<script src="${esc(ASSETS_PATH)}yasgui.min.js" defer></script>
<script src="${esc(ASSETS_PATH)}query-page.js" defer></script>
</head>
<body>
${body.html}
</body>
</html>
`;
}

/**
 * Sends the query page (with its own Content-Security-Policy). The endpoint calls it where a client that prefers HTML
 * asks for the service description (GET /sparql without a query); the description stays one click away (the page's
 * endpoint field, or `?format=turtle`).
 */
export function sendQueryPage(ctx: RouteContext, serviceDescriptionTurtle?: string): void {
  void serviceDescriptionTurtle;
  send(ctx.res, 200, 'text/html; charset=utf-8', queryPageHtml(), { 'content-security-policy': QUERY_PAGE_CSP });
}
