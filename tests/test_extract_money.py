"""Money as minutes state it beyond "X fikk kr Y fra Z": shares of a budget ("hvorav kr X fra Y"), a body's
own share ("går inn med"), an application to a programme named before the sum, the programme money comes
through, a case's project as what an unaddressed share pays for, and a fund's short form in brackets.

The minutes and sentences below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

from kg.extract.funding import APPLIED, GRANTED, read_grants
from kg.vocab import SCHEMA
from tests.conftest import extracted, stored_text


def _said(sentence: str, span) -> str | None:
    return sentence[slice(*span)].strip(" ,.") if span else None


def test_shares_of_a_budget_are_grants_from_each_named_source_with_the_programme_they_come_through():
    sentence = ("Kaiprosjektet har ei ramme på kr 900 000, hvorav kr 600 000 fra Kystverket og "
                "kr 250 000 fra Sparebanken gjennom Havløftet.")
    got = [(st.amount.value, st.status, _said(sentence, st.funder_in), _said(sentence, st.pot_in))
           for st in read_grants(sentence)]
    # the budget itself is no grant; each share's source ends where the next share begins
    assert got == [(600000, GRANTED, "Kystverket og", None), (250000, GRANTED, "Sparebanken gjennom Havløftet",
                                                             "Havløftet")]


def test_a_sum_followed_by_a_place_is_no_share_without_words_about_paying():
    assert read_grants("Kaia blir 1 200 meter lang, og bussen går fra Nordby.") == []


def test_a_body_going_in_with_its_own_share_gives_it():
    sentence = "Fjordrådet går inn med kr 50 000 i eigenandel."
    (st,) = read_grants(sentence)
    assert (st.status, _said(sentence, st.funder_in)) == (GRANTED, "Fjordrådet")


def test_money_set_aside_for_a_purpose_is_given_said_actively_or_passively():
    for sentence in ["Det settes av kr 400 000 til oppfølging av planen.", "Rådet set av kr 400 000 til oppfølging av planen."]:
        (st,) = read_grants(sentence)
        assert (st.amount.value, st.status, st.purpose) == (400000, GRANTED, "oppfølging av planen"), sentence


def test_how_much_was_set_aside_asks_for_money_given(tmp_path):
    archive = stored_text(tmp_path, "fjordradet-2024-05-07.md", "## Referat frå møte i Fjordrådet\n\nTid: 7. mai 2024\n\n"
                          "### Sak 9/24 Næringsplan\nVedtak: Planen vert vedteken. Det settes av kr 400 000 til "
                          "oppfølging av planen.\n")  # two sentences on one line: the matched one is read too
    for q in ["Hvor mye ble satt av til oppfølging av planen?", "how much was set aside for the plan"]:
        assert [a.columns["amount"] for a in archive.ask(q).answers] == ["400000 NOK"], q


def test_the_verb_nearest_the_sum_decides_whether_it_is_given_or_applied_for():
    sentence = "Rådet stiller seg bak søknaden og løyver kr 40 000."
    (st,) = read_grants(sentence)
    assert st.status == GRANTED and "Rådet" in _said(sentence, st.funder_in)


def test_an_application_names_the_programme_applied_to_before_the_sum():
    sentence = "Nordby er med i ein søknad til Interreg om fjordturisme, EUR 400 000 for dei norske partnarane."
    (st,) = read_grants(sentence)
    assert st.status == APPLIED and _said(sentence, st.funder_in) == "til Interreg"
    assert st.amount.currency == "EUR"


CASE = """\
Protokoll frå møte i Fjordrådet 4. mars 2021

Sak 3/21 Felles kartløysing
Forprosjektet «Felles kart» har ei ramme på kr 400 000, finansiert med kr 300 000 frå Vestland fylkeskommune \
og kr 60 000 frå Fjordrådet.
Vedtak: Kvar av dei fem kommunane betalar kr 8 000.

Sak 4/21 Kulturfond
Kommunenes Kulturfond (KKF) har gjeve kr 10 000 til Nordby songlag. Havklynga (Nordby) har fått kr 5 000 frå Sparebanken.
"""


def _grants(g) -> dict[str, set[tuple[str, tuple[str, ...]]]]:
    """recipient → {(amount, funders)}."""
    out: dict = {}
    for f in g.facts:
        if f.predicate == SCHEMA.funding:
            amount = next(a.object for a in g.facts if a.subject is f.object and a.predicate == SCHEMA.amount)
            value = next(v.object.value for v in g.facts if v.subject is amount and v.predicate == SCHEMA.value)
            funders = tuple(sorted(x.object.label for x in g.facts if x.subject is f.object and x.predicate == SCHEMA.funder))
            out.setdefault(f.subject.label, set()).add((value, funders))
    return out


def test_every_share_of_a_case_about_one_project_is_that_projects(tmp_path):
    g = extracted(tmp_path, "fjordradet-2021-03-04.txt", CASE)
    assert _grants(g)["Felles kart"] == {("300000", ("Vestland fylkeskommune",)), ("60000", ("Fjordrådet",)),
                                         ("8000", ("Kommunane",))}


def test_a_short_form_in_brackets_after_a_name_is_its_alias(tmp_path):
    g = extracted(tmp_path, "fjordradet-2021-03-04.txt", CASE)
    fund = next(n for n in g.nodes if n.label == "Kommunenes Kulturfond")
    assert "KKF" in fund.aliases
    # a place in brackets is no short form of the name before it
    assert not any("Nordby" in n.aliases for n in g.nodes if n.label.startswith("Havklynga"))


def test_each_member_in_a_list_of_fees_pays_its_own_sum():
    sentence = "Kontingenten for 2022 vert: Nordby kr 120 000, Sørby kr 90 000 og Aust og Vest kr 45 000."
    got = [(st.amount.value, _said(sentence, st.funder_in), st.fee) for st in read_grants(sentence)]
    assert got == [(120000, "Nordby", True), (90000, "Sørby", True), (45000, "Aust og Vest", True)]
    assert read_grants("Kontingenten aukar med 2,5 prosent.") == []


FEES = """\
Protokoll frå møte i Fjordrådet 4. mars 2021

Sak 5/21 Budsjett 2022
| Kommune | Kontingent 2022 |
|---|---|
| Stord | kr 120 000 |
| Fitjar | kr 90 000 |
"""


def test_a_table_of_fees_is_what_each_member_pays_the_body(tmp_path):
    g = extracted(tmp_path, "fjordradet-2021-03-04.txt", FEES)
    assert _grants(g) == {"Fjordrådet": {("120000", ("Stord",)), ("90000", ("Fitjar",))}}


TITLED = """\
Protokoll frå møte i Fjordrådet 4. mars 2021

Sak 6/21 Prosjekt "Fjordsti" Arkivsak: 21/77
Fjordsti er eit samarbeid mellom Kinn og Stad om ein turveg langs fjorden, og Havløftet er ein del av det.
Det vert søkt om kr 90 000 frå Vestland fylkeskommune.
Vedtak: Stad kommune går inn med kr 30 000 i forprosjektet.
"""


def test_what_a_case_about_a_titled_project_asks_for_and_gives_is_that_projects(tmp_path):
    g = extracted(tmp_path, "fjordradet-2021-03-04.txt", TITLED)
    assert _grants(g)["Fjordsti"] == {("90000", ("Vestland fylkeskommune",)), ("30000", ("Stad",))}


LINES = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 7. mai 2024 kl. 10.00

### Sak 11/24 Orienteringar frå kommunane
- Stord: Stord og Fitjar bidreg med til saman kr 80 000 til ei utgreiing av ei bru over sundet.
- Bømlo: Bømlo har fått kr 40 000 frå Sparebanken til ein ny gangveg ved skulen.
"""


def test_money_asked_about_in_words_that_name_nothing_is_read_from_the_lines_they_match(tmp_path):
    archive = stored_text(tmp_path, "fjordradet-2024-05-07.md", LINES)
    r = archive.ask("Kva kommunar betalar for utgreiinga av brua over sundet, og kor mykje?")
    assert r.query == "section-line-grants", r.why
    assert [(a.columns["amount"], a.columns["funder"]) for a in r.answers] == [("80000 NOK", "Fitjar")]


def test_a_cost_is_paid_by_those_it_is_financed_by():
    sentence = "Utgreiinga kosta kr 300 000 og er finansiert av Fjordrådet og Stad kommune med halvparten kvar."
    (st,) = read_grants(sentence)
    assert (st.amount.value, st.status) == (300000, GRANTED)
    assert _said(sentence, st.funder_in) == "Fjordrådet og Stad kommune"
    assert _said(sentence, st.recipient_in) == "Utgreiinga"


def test_the_body_named_by_its_kind_is_the_body_of_the_minutes(tmp_path):
    """'… søkt om kr 60 000 frå rådet': the council whose minutes these are, not an organisation "Rådet"."""
    g = extracted(tmp_path, "fjellradet-2021-03-04.txt", "Protokoll frå møte i Fjellrådet 4. mars 2021\n\n"
                  "Sak 5/21 Fjellfestivalen\nFestivalen kostar kr 200 000, og Fjellfestivalen AS har søkt om "
                  "kr 60 000 frå rådet.\n")
    assert {f.object.label for f in g.facts if f.predicate == SCHEMA.funder} == {"Fjellrådet"}
    assert not [n for n in g.entities() if n.label == "Rådet"]


def test_how_the_payers_share_a_sum_is_read_beside_it_in_bokmal_nynorsk_and_english():
    got = {t: [(st.amount.value, st.shared, _said(t, st.funder_in), _said(t, st.recipient_in)) for st in read_grants(t)]
           for t in ("Kartleggingen finansieres med kr 300 000, fordelt etter innbyggertall.",
                     "Utgreiinga kostar kr 240 000 og er finansiert av Nordby og Sørby med halvparten kvar.",
                     "The survey is funded with NOK 90 000, shared by population among the members.")}
    assert list(got.values()) == [[(300000, "etter innbyggertall", None, "Kartleggingen")],
                                  [(240000, "halvparten kvar", "Nordby og Sørby", "Utgreiinga")],
                                  [(90000, "by population", None, "The survey")]]
    # a sum no payer or funding word governs is no cost, shared or not
    assert read_grants("Vegen er 4 000 meter lang, fordelt på to parsellar.") == []


SHARED = """\
## Referat fra møte i Fjellrådet

Tid: Fredag 6. juni 2025 kl. 09.00

### Sak 7/25 Felles beredskapsplan
Vedtak:
1. Fjellrådet lager en felles kartlegging av beredskapen i alle kommunene. Arbeidet finansieres med kr 450 000, fordelt etter folketall.
2. Kommunedirektørene inviteres inn i arbeidet.

### Sak 8/25 Orientering om kartleggingen
Kartleggingen legges fram for rådet til høsten, og kartleggingen skal drøftes i kommunestyrene.
"""


def test_a_cost_its_lines_name_no_payer_for_is_answered_with_how_it_is_shared(tmp_path):
    archive = stored_text(tmp_path, "fjellradet-2025-06-06.md", SHARED)
    r = archive.ask("Hvor mye koster kartleggingen, og hvem betaler?")
    # the section that names the work most often says nothing of money: the one that does answers
    assert r.query == "section-line-grants", r.why
    assert [(a.columns["amount"], a.columns["shared"]) for a in r.answers] == [("450000 NOK", "etter folketall")]


def test_english_minutes_say_who_received_granted_or_applied_for_how_much_and_from_whom():
    def read(t):
        return [(st.amount.value, st.status, _said(t, st.funder_in), _said(t, st.recipient_in)) for st in read_grants(t)]

    assert read("Nordby has received NOK 750 000 from the Sea Fund for a pilot.") == \
        [(750000, GRANTED, "the Sea Fund", "Nordby has")]
    # the passive is money received, its giver named by "by"; the active gives it "to" someone
    assert read("The quay project was granted NOK 300 000 by Fjord County.") == \
        [(300000, GRANTED, "Fjord County", "The quay project was")]
    assert read("Fjord County granted NOK 250 000 to Sørby for a new harbour.") == \
        [(250000, GRANTED, "Fjord County", "Sørby")]
    # applied to a funder named before the sum, whatever "to" says after it
    assert read("Nordby has applied to the Sea Fund for NOK 400 000 to build a quay.") == \
        [(400000, APPLIED, "to the Sea Fund", "Nordby")]
    assert read("Sørby applied for EUR 40,000 from Interreg.") == [(40000, APPLIED, "Interreg", "Sørby")]
    assert read("The bridge is 1 200 metres long and was opened by the minister.") == []


ENGLISH = """\
## Minutes of the meeting of the Fjord Council

Time: Tuesday 6 May 2025 at 10.00

### Case 12/25 Harbour electrification
Stord municipality has received NOK 750 000 from Innovation Norway for shore power at the ferry quay.
Fitjar municipality has applied to Enova for NOK 1 200 000 for a charging station.
"""


def test_grants_in_english_minutes_answer_how_much_and_from_whom(tmp_path):
    archive = stored_text(tmp_path, "fjordcouncil-2025-05-06.md", ENGLISH)
    got = {q: [(a.label, a.columns["amount"], a.columns["status"]) for a in archive.ask(q).answers]
           for q in ("How much did Stord receive, and from whom?", "How much has Fitjar applied for, and from whom?")}
    assert list(got.values()) == [[("Stord", "750000 NOK", GRANTED)], [("Fitjar", "1200000 NOK", APPLIED)]]
    assert archive.ask("How much did Stord receive, and from whom?").answers[0].columns["funder"] == "Innovasjon Norge"


TABLE = """\
## Referat fra møte i Fjordrådet

Tid: Torsdag 2. oktober 2025 kl. 10.00

### Sak 21/25 Regionalt næringsfond – tildelinger 2025
| Kommune | Søker | Prosjekt | Tilskudd |
|---|---|---|---|
| Stord | Stord Næringsråd | «Sjømatløftet» – rekruttering til havbruk og oppdrett | kr 220 000 |
| Fitjar | Fitjar Hytteutleie AS | Nytt bookingsystem for hytteutleie | kr 90 000 |
"""


def test_a_grant_to_a_project_is_answered_with_who_owns_the_project(tmp_path):
    archive = stored_text(tmp_path, "fjordradet-2025-10-02.md", TABLE)
    for question in ("Hvilke tilskudd fra næringsfondet gikk til havbruk?", "Which grants went to the Sjømatløftet recruitment?"):
        r = archive.ask(question)
        assert [(a.label, a.columns["amount"], a.columns.get("owner")) for a in r.answers] == \
            [("Sjømatløftet", "220000 NOK", "Stord Næringsråd")], (r.query, r.why)
    # asked in words that name nothing in the graph: the lines they match say whose project it is
    for question in ("Hvilke tilskudd gikk til bookingsystemet?", "Which grants went to the booking system?"):
        r = archive.ask(question)
        assert r.query == "section-line-grants", r.why
        assert [(a.columns["grants"], a.columns.get("owner")) for a in r.answers] == \
            [("90000 NOK from Fjordrådet", "Fitjar Hytteutleie AS")]


CONTRACTED = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 4. november 2025 kl. 10.00

### Sak 30/25 Ferjetilbodet i fjorden
Kari Dal la fram kartlegginga av ferjetilbodet i fjorden, som er utført av Fjordanalyse AS for Stord kommune. \
Kartlegginga kosta kr 300 000 og er finansiert av Fjordrådet og Stord kommune med halvparten kvar.
"""


def test_who_carried_out_a_study_is_its_contractor_and_the_study_is_what_its_cost_refers_to(tmp_path):
    archive = stored_text(tmp_path, "fjordradet-2025-11-04.md", CONTRACTED)
    r = archive.ask("Kven finansierte kartlegginga av ferjetilbodet, og kven utførte ho?")
    (a,) = r.answers
    assert a.label == "Kartlegginga av ferjetilbodet i fjorden", r.why
    assert (a.columns["contractor"], a.columns["shared"]) == ("Fjordanalyse AS", "halvparten kvar")
    # the funders by their names in the graph, and as the sentence writes them
    assert "Stord kommune" in a.columns["funder_as_written"].split("; ")


def test_a_body_named_by_its_kind_alone_is_the_one_of_that_kind_the_minutes_name(tmp_path):
    """"fra fylkeskommunen" where the attendance names one county authority: that one pays."""
    archive = stored_text(tmp_path, "dalradet-2024-05-04.txt", "Referat fra Dalrådet\n\nDato: 04.05.2024\n\n"
                          "Deltakere: Kari Dahl (Vinje kommune); Per Lie (Vestfold og Telemark fylkeskommune)\n\n"
                          "Sak 2/24 Runde rundt bordet\nVinje: Har fått kr 1,5 mill. fra fylkeskommunen til et "
                          "forprosjekt om hydrogen.\n")
    r = archive.ask("Hvor mye fikk Vinje, og fra hvem?")
    assert [(a.columns["amount"], a.columns["funder"]) for a in r.answers] == [
        ("1500000 NOK", "Vestfold og Telemark fylkeskommune")], r.why
