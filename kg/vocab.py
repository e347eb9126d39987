"""RDF vocabularies as closed namespaces of plain IRI strings.

Like rdflib's ``DefinedNamespace``, asking for a term a vocabulary does not
define is an error, so a typo cannot silently mint a new predicate. Terms are
plain ``str`` so that the model and the pipeline need no RDF library; the store
turns them into pyoxigraph nodes.
"""

from __future__ import annotations


class Vocabulary:
    """A namespace whose attributes are the IRIs of its declared terms."""

    def __init__(self, prefix: str, iri: str, terms: str):
        self._prefix = prefix
        self._iri = iri
        self._terms = frozenset(terms.split())
        # each term an attribute of its own, so the pipeline's millions of look-ups skip __getattr__
        self.__dict__.update((t, iri + t) for t in self._terms if not t.startswith("_"))

    def __getattr__(self, name: str) -> str:
        """Only reached for a name that is no term (the terms are attributes of their own)."""
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(f"{self._prefix}:{name} is not a term of {self._iri}")

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def iri(self) -> str:
        return self._iri

    @property
    def terms(self) -> frozenset[str]:
        return self._terms


RDF = Vocabulary("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                 "type Statement subject predicate object langString")
RDFS = Vocabulary("rdfs", "http://www.w3.org/2000/01/rdf-schema#",
                  "label comment subClassOf subPropertyOf domain range Class")
XSD = Vocabulary("xsd", "http://www.w3.org/2001/XMLSchema#",
                 "string date dateTime integer decimal nonNegativeInteger boolean")
OWL = Vocabulary("owl", "http://www.w3.org/2002/07/owl#",
                 "sameAs Ontology Class ObjectProperty DatatypeProperty versionInfo")
FOAF = Vocabulary("foaf", "http://xmlns.com/foaf/0.1/",
                  "Person Document name givenName familyName")
ORG = Vocabulary("org", "http://www.w3.org/ns/org#",
                 "Organization FormalOrganization OrganizationalCollaboration Membership "
                 "member organization role hasMember memberOf subOrganizationOf linkedTo Role")
SCHEMA = Vocabulary("schema", "https://schema.org/",
                    "Event Project MonetaryGrant MonetaryAmount Place FundingScheme "
                    "name startDate endDate location organizer eventStatus attendee "
                    "EventCancelled EventScheduled EventPostponed position funding amount value currency "
                    "funder mentions url description knowsAbout member text")
SKOS = Vocabulary("skos", "http://www.w3.org/2004/02/skos/core#",
                  "Concept ConceptScheme prefLabel altLabel hiddenLabel broader narrower "
                  "inScheme hasTopConcept definition scopeNote")
DCTERMS = Vocabulary("dcterms", "http://purl.org/dc/terms/",
                     "identifier title isPartOf subject date source created hasPart description isReplacedBy")
PROV = Vocabulary("prov", "http://www.w3.org/ns/prov#",
                  "wasDerivedFrom generatedAtTime wasGeneratedBy Entity")

# The project's own ontology (data/rdf/ontology.ttl declares and documents every term).
KG = Vocabulary(
    "kg", "https://w3id.org/kg-minutes/ns#",
    # classes
    "Municipality Region Organisation Institution Programme Cluster Meeting Section "
    "Attendance AgendaItem Decision ActionItem Evidence "
    "EventToBeAnnounced EventToBeConfirmed "
    # attendance and meetings
    "attendance person meeting onBehalfOf attendanceRole documentDate absentBody signedBy party visited "
    # agenda and sections
    "presenter agendaItem sectionKind lineStart lineEnd actor "
    # actors and their work
    "worksOn worksWith owner partner contractor programme purpose organisationForm "
    # decisions and actions
    "responsible deadline status attendanceNote substituteFor unanimous votesAgainst dissenter recused "
    # funding and the next meeting
    "grantStatus costSharing nextMeeting "
    # municipality identifiers
    "kommunenummer county validFrom validTo numbering MunicipalityNumber "
    # documents and provenance
    "sourceFile contentHash toolVersion quote fact "
    # what a SPARQL server was last sent (kg push)
    "digest",
)

PREFIXES: dict[str, str] = {v.prefix: v.iri for v in (RDF, RDFS, XSD, OWL, FOAF, ORG, SCHEMA, SKOS, DCTERMS, PROV, KG)}


def sparql_prefixes() -> str:
    """PREFIX lines for every vocabulary, for queries written in code or files."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


# The kinds of node (design.md) and the class that marks each, most specific first:
# a node's kind is the first entry whose class it has.
KIND_CLASSES: list[tuple[str, str]] = [
    ("meeting", KG.Meeting),
    ("municipality", KG.Municipality),
    ("region", KG.Region),
    ("cluster", KG.Cluster),
    ("institution", KG.Institution),
    ("organisation", KG.Organisation),
    ("programme", KG.Programme),
    ("project", SCHEMA.Project),
    ("person", FOAF.Person),
    ("event", SCHEMA.Event),
    ("place", SCHEMA.Place),
    ("topic", SKOS.Concept),
    ("section", KG.Section),
    ("document", FOAF.Document),
]
KIND_OF_CLASS = {cls: kind for kind, cls in KIND_CLASSES}
CLASS_OF_KIND = {kind: cls for kind, cls in KIND_CLASSES}

# Standard classes asserted beside the marker class, so tools without a reasoner
# see the standard type (the ontology also declares the subclass axioms).
STANDARD_TYPES: dict[str, list[str]] = {
    "meeting": [SCHEMA.Event],
    # a municipality or region is also the territory it governs: it can be a schema:location
    "municipality": [ORG.FormalOrganization, ORG.Organization, SCHEMA.Place],
    "region": [ORG.OrganizationalCollaboration, ORG.Organization, SCHEMA.Place],
    "cluster": [ORG.OrganizationalCollaboration, ORG.Organization],
    "institution": [ORG.Organization],
    "organisation": [ORG.Organization],
    "programme": [SCHEMA.FundingScheme],
    "section": [FOAF.Document],
}

KINDS = [k for k, _ in KIND_CLASSES if k not in ("section", "document")]
ACTOR_KINDS = ("municipality", "region", "organisation", "institution", "cluster")
