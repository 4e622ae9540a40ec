"""Drives a SPARQL endpoint with SPARQLWrapper (Debian python3-sparqlwrapper), as its users do.

Usage: python3 sparqlwrapper_client.py ENDPOINT < queries.json
queries.json: [{"name": ..., "query": ..., "form": "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE"}, ...]
Prints a JSON list: one entry per query, HTTP method and return format, with the content type answered and the result
read back (SELECT: variables and rows of lexical values; ASK: the boolean; graphs: N-Triples). Any warning (such as
SPARQLWrapper's "unexpected return format") is an error. Exit 1 with the message on stderr when a request fails.
"""
import csv
import io
import json
import sys
import warnings

from rdflib import Graph
from rdflib.query import Result
from SPARQLWrapper import CSV, GET, JSON, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper

# SPARQLWrapper warns ("unexpected return format", "Sending Accept header */*") where it would silently misread.
warnings.filterwarnings("error", module=r"SPARQLWrapper\.")

FORMATS = {
    "SELECT": [JSON, XML, CSV, TSV],
    "ASK": [JSON, XML],
    "CONSTRUCT": [TURTLE, N3, XML, RDFXML],
    "DESCRIBE": [TURTLE, N3, XML, RDFXML],
}
# (HTTP method, how a POST carries the query)
METHODS = [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)]


def xml_select(document):
    variables = [v.getAttribute("name") for v in document.getElementsByTagName("variable")]
    rows = []
    for result in document.getElementsByTagName("result"):
        row = {}
        for binding in result.getElementsByTagName("binding"):
            value = binding.firstChild
            while value is not None and value.nodeType != value.ELEMENT_NODE:
                value = value.nextSibling
            row[binding.getAttribute("name")] = "".join(t.data for t in value.childNodes if t.nodeType == t.TEXT_NODE)
        rows.append(row)
    return {"vars": variables, "rows": rows}


def read(form, fmt, result):
    converted = result.convert()
    if form == "ASK":
        if fmt == JSON:
            return converted["boolean"]
        return converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    if form == "SELECT":
        if fmt == JSON:
            return {
                "vars": converted["head"]["vars"],
                "rows": [{k: v["value"] for k, v in b.items()} for b in converted["results"]["bindings"]],
            }
        if fmt == XML:
            return xml_select(converted)
        if fmt == CSV:
            rows = list(csv.reader(io.StringIO(converted.decode("utf-8"), newline="")))
            head, body = rows[0], rows[1:]
            return {"vars": head, "rows": [{k: v for k, v in zip(head, r) if v != ""} for r in body]}
        parsed = Result.parse(io.BytesIO(converted), format="tsv")
        return {
            "vars": [str(v) for v in parsed.vars],
            "rows": [{str(k): str(v) for k, v in row.asdict().items()} for row in parsed],
        }
    # CONSTRUCT, DESCRIBE: Turtle and N3 come back as bytes, RDF/XML as an rdflib graph.
    graph = converted if isinstance(converted, Graph) else Graph().parse(data=converted.decode("utf-8"), format="turtle")
    return graph.serialize(format="nt")


def main():
    endpoint = sys.argv[1]
    out = []
    for q in json.load(sys.stdin):
        for method, request_method in METHODS:
            for fmt in FORMATS[q["form"]]:
                client = SPARQLWrapper(endpoint)
                client.setQuery(q["query"])
                client.setMethod(method)
                client.setRequestMethod(request_method)
                client.setReturnFormat(fmt)
                try:
                    result = client.query()
                    content_type = result.info()["content-type"]
                    value = read(q["form"], fmt, result)
                except Exception as error:  # the test shows which request failed, and why
                    print(f"{q['name']} {method} {request_method} {fmt}: {type(error).__name__}: {error}", file=sys.stderr)
                    sys.exit(1)
                out.append({"name": q["name"], "method": f"{method} {request_method}", "format": fmt, "contentType": content_type, "result": value})
    json.dump(out, sys.stdout)


main()
