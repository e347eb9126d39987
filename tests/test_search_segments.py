"""How the index is cut into segments changes nothing a search gives: an index built in one commit
and one built a document a commit (merged as kg merges them) give the same pages."""

import pytest

from kg.search import IndexedSection, SectionIndex
from kg.search.merging import FACTOR, UNIT, level, to_merge


def section(doc: int, n: int, text: str) -> IndexedSection:
    return IndexedSection(document=f"d{doc:02d}.txt", section_id=f"urn:d{doc:02d}/{n}", title="Vassdalsrådet",
                          kind="roundtable", actor="Vassdalsrådet", body="Vassdalsrådet", date="2024-03-05",
                          lines=(10 * n, 10 * n + 5), text=text)


TEXTS = ["Regionen arbeider med kunstig intelligens i helsetjenesten.",  # the same text: the same score
         "Kommunen satser på hydrogen og grønn omstilling.",
         "Ferja går kvar time, og kunstig intelligens styrer rutene.",
         # long: whoosh keeps a section's length as a byte, 37 words as 36, and a merge sums those
         " ".join(["Regionrådet drøftet fjorden, ferja, båten, kaia og bussen i dalen"] * 3 + ["hydrogen"] * 7)]
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
    assert ids == [f"urn:d{doc:02d}/3" for doc in range(8)]


def test_a_document_a_commit_gives_the_pages_of_one_commit(whole, tmp_path):
    index = SectionIndex(tmp_path / "index")
    for document in reversed(DOCUMENTS):  # added last first: whoosh numbers them the other way round
        index.replace_documents({document: DOCUMENTS[document]})
    assert len(index._current().leaf_searchers()) > 1
    assert pages(index) == pages(whole)


def test_segments_of_one_level_merge_when_with_the_new_one_they_are_factor():
    assert to_merge([], 10) == []
    assert to_merge([10] * (FACTOR - 2), 10) == []
    assert to_merge([UNIT * FACTOR, *[10] * (FACTOR - 1)], 10) == list(range(1, FACTOR))


def test_a_merge_that_reaches_the_next_level_merges_that_levels_segments_too():
    small, large = UNIT * 9 // 10, UNIT * FACTOR // 2
    sizes = [large] * (FACTOR - 1) + [small] * (FACTOR - 1)  # the merged small ones are of the large ones' level
    assert level(small * FACTOR) == level(large)
    assert to_merge(sizes, small) == list(range(FACTOR - 1, 2 * FACTOR - 2)) + list(range(FACTOR - 1))
