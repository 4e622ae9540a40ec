// The SPARQL 1.1 Service Description of the endpoint, in Turtle (served on GET /sparql without a query).

/** The service description for an endpoint at `endpointUrl`. */
export function serviceDescription(endpointUrl: string): string {
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
