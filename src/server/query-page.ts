// What a browser (a client preferring text/html) gets at GET /sparql without a query. Today: the service description
// in Turtle, as before; the query page (YASGUI) will be served from here.
import { send, type RouteContext } from './http.js';
import { contentType } from './rdf-documents.js';

/** Answers a browser at the endpoint's own URL; `serviceDescriptionTurtle` is the endpoint's description. */
export function sendQueryPage(ctx: RouteContext, serviceDescriptionTurtle: string): void {
  send(ctx.res, 200, contentType('text/turtle'), serviceDescriptionTurtle);
}
