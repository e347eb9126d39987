"""How the index is cut into segments changes nothing a search gives: an index built in one commit
and one built a document a commit (merged as kg merges them) give the same pages."""

import pytest

from kg.search import IndexedSection, SectionIndex


def section(doc: int, n: int, text: str) -> IndexedSection:
    return IndexedSection(document=f"d{doc:02d}.txt", section_id=f"urn:d{doc:02d}/{n}", title="Vassdalsrådet",
                          kind="roundtable", actor="Vassdalsrådet", body="Vassdalsrådet", date="2024-03-05",
                          lines=(10 * n, 10 * n + 5), text=text)


TEXTS = ["Regionen arbeider med kunstig intelligens i helsetjenesten.",  # the same text: the same score
         "Kommunen satser på hydrogen og grønn omstilling.",
         "Ferja går kvar time, og kunstig intelligens styrer rutene."]
DOCUMENTS = {f"d{doc:02d}.txt": [section(doc, n, text) for n, text in enumerate(TEXTS)] for doc in range(12)}
QUERIES = ["kunstig intelligens", '"kunstig intelligens"', "hydrogen", "ferja OR hydrogen", "regionen*"]


def pages(index: SectionIndex) -> list:
    return [(r.total, [(h.section_id, h.score) for h in r.hits])
            for q in QUERIES for page in (1, 2, 3) for r in [index.search(q, limit=4, page=page)]]


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    index = SectionIndex(tmp_path_factory.mktemp("whole") / "index")
    index.rebuild(DOCUMENTS)
    return index


def test_tied_sections_come_in_the_order_of_their_documents_and_places(whole):
    """Equal scores fall back to the document and the section's place in it, not to where whoosh put them."""
    ids = [h.section_id for page in (1, 2) for h in whole.search("hydrogen", limit=4, page=page).hits]
    assert ids == [f"urn:d{doc:02d}/1" for doc in range(8)]


def test_a_document_a_commit_gives_the_pages_of_one_commit(whole, tmp_path):
    index = SectionIndex(tmp_path / "index")
    for document in reversed(DOCUMENTS):  # added last first: whoosh numbers them the other way round
        index.replace_documents({document: DOCUMENTS[document]})
    assert len(index._current().leaf_searchers()) > 1
    assert pages(index) == pages(whole)
