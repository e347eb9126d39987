"""A report in the round of a numbered case is part of that case: its section carries the case number,
so a search hit or a quote inside it says which case it is from, as the item's own heading would.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

from tests.conftest import stored_text

ROUND_IN_A_CASE = """\
Referat fra møte i Fjellvidda regionråd 12. mars 2024

Sak 6/24 Budsjett 2024
Budsjettet ble vedtatt som lagt fram.

Sak 7/24 Runde rundt bordet – nytt fra kommunene

Fra Tinn ble det orientert om at kommunen søker om midler til et nytt klatresenter ved Rjukan.

Fra Vinje ble det orientert om at kommunen bygger ut fiber i hyttefeltene ved Haukeli.

Sak 8/24 Eventuelt
Ingen saker.
"""


def test_a_report_in_the_round_of_a_case_is_found_under_that_case(tmp_path):
    archive = stored_text(tmp_path, "fjellvidda-2024-03-12.txt", ROUND_IN_A_CASE)
    hit = archive.search("klatresenter").hits[0]
    assert hit.section == "7/24 · Tinn" and hit.actor == "Tinn"
    assert archive.search("fiber hyttefeltene").hits[0].section == "7/24 · Vinje"
    # a case's own heading already names it: not twice
    assert archive.search("budsjettet").hits[0].section == "Sak 6/24 Budsjett 2024"
