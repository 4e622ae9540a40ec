"""Drives a SPARQL endpoint with rdflib's SPARQLStore (Debian python3-rdflib), as its users do.

Usage: python3 rdflib_client.py ENDPOINT GRAPH_IRI < queries.json
queries.json: [{"name": ..., "query": ..., "form": "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE"}, ...]
Each query runs by GET, POST (the query as the body) and POST_FORM, on a graph over the store (no dataset named),
and on a graph named GRAPH_IRI (rdflib then sends default-graph-uri=GRAPH_IRI). Prints a JSON list, one entry per
query, method and graph: SELECT variables and rows of lexical values, the ASK boolean, or the graph as N-Triples.
Exit 1 with the message on stderr when a request fails.
"""
import json
import sys

from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore


def read(form, result):
    if form == "ASK":
        return result.askAnswer
    if form == "SELECT":
        return {
            "vars": [str(v) for v in result.vars],
            "rows": [{str(k): str(v) for k, v in row.asdict().items()} for row in result],
        }
    return result.graph.serialize(format="nt")


def main():
    endpoint, graph_iri = sys.argv[1], sys.argv[2]
    out = []
    for q in json.load(sys.stdin):
        for method in ["GET", "POST", "POST_FORM"]:
            for named in [False, True]:
                store = SPARQLStore(query_endpoint=endpoint, method=method)
                graph = Graph(store=store, identifier=URIRef(graph_iri)) if named else Graph(store=store)
                try:
                    value = read(q["form"], graph.query(q["query"]))
                except Exception as error:  # the test shows which request failed, and why
                    print(f"{q['name']} {method} named={named}: {type(error).__name__}: {error}", file=sys.stderr)
                    sys.exit(1)
                out.append({"name": q["name"], "method": method, "graph": graph_iri if named else None, "result": value})
    json.dump(out, sys.stdout)


main()
