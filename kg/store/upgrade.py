"""Rewrite the graphs of a format-2 store in the layout of format 3, in place.

Format 2 gave every fact with evidence a reified node in its document's graph
(``{doc}/fact/{hash}``: rdf:subject/predicate/object, section, lines, quote) and
repeated the type and labels of every entity in each document naming it. Format 3
states the fact once more in the named graph of its line span (``GRAPH <span> { s p o }``,
the span described once in the document's graph) and keeps entity descriptions in
the shared entities graph. The span's name is computed as kg.store.triples computes it,
so a later ingest of the same document writes the same graphs.
"""

from __future__ import annotations

from kg.vocab import CLASS_OF_KIND, DCTERMS, FOAF, KG, ORG, RDF, RDFS, SKOS, sparql_prefixes

ENTITY_CLASSES = [CLASS_OF_KIND[k] for k in ("municipality", "region", "cluster", "institution", "organisation",
                                             "programme", "project", "person", "place", "topic")] + [ORG.Role]
DESCRIPTION = [RDF.type, RDFS.label, SKOS.altLabel, SKOS.prefLabel, FOAF.name, FOAF.givenName, FOAF.familyName,
               DCTERMS.identifier, KG.county, KG.kommunenummer, KG.numbering]

SPANS = """
INSERT { GRAPH ?span { ?s ?p ?o }
         GRAPH ?g { ?span a kg:Evidence ; prov:wasDerivedFrom ?sec ; kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?q } }
WHERE { GRAPH ?g { ?e a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                      prov:wasDerivedFrom ?sec ; kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?q }
        BIND(IRI(CONCAT(STR(?sec), "/lines/", STR(?ls), "-", STR(?le), "/", SUBSTR(SHA1(?q), 1, 8))) AS ?span) } ;
DELETE { GRAPH ?g { ?e ?p ?o } } WHERE { GRAPH ?g { ?e a rdf:Statement ; ?p ?o } }
"""
ENTITIES = """
DELETE { GRAPH ?g { ?e ?p ?o } } INSERT { GRAPH <{entities}> { ?e ?p ?o } }
WHERE { GRAPH ?g { ?d kg:sourceFile ?file . ?e a ?class ; ?p ?o }
        VALUES ?class { {classes} } VALUES ?p { {predicates} } } ;
DELETE { GRAPH ?g { ?n ?p ?o } } INSERT { GRAPH <{entities}> { ?n ?p ?o } }
WHERE { GRAPH ?g { ?d kg:sourceFile ?file . ?n a kg:MunicipalityNumber ; ?p ?o } }
"""


def upgrade_graphs(store) -> None:
    """Evidence into span graphs, entity descriptions into the entities graph (a no-op on format 3)."""
    from kg.store.graphstore import ENTITIES_GRAPH

    store.update(sparql_prefixes() + SPANS)
    store.update(sparql_prefixes() + ENTITIES.replace("{entities}", store.iri(ENTITIES_GRAPH))
                 .replace("{classes}", " ".join(f"<{c}>" for c in ENTITY_CLASSES))
                 .replace("{predicates}", " ".join(f"<{p}>" for p in DESCRIPTION)))
