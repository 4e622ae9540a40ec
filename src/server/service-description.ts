// The SPARQL 1.1 Service Description of the endpoint, in Turtle (served on GET /sparql without a query).

/** Characters an IRI in Turtle (IRIREF) cannot hold. */
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/;

/** The service description for an endpoint at `endpointUrl`; throws if that is not an IRI Turtle can hold as it is. */
export function serviceDescription(endpointUrl: string): string {
  if (NOT_IN_IRI.test(endpointUrl)) throw new Error(`not an IRI for the service description: ${JSON.stringify(endpointUrl)}`);
  return `@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<${endpointUrl}> a sd:Service ;
    dcterms:title "filmkg SPARQL endpoint (read-only)" ;
    sd:endpoint <${endpointUrl}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
        formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph, void:Dataset ]
    ] .
`;
}
