"""Decisions, events and their status as minutes state them in running text.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

from kg.vocab import SCHEMA
from tests.conftest import extracted, nodes, values

MINUTES = """\
# Protokoll frå møte i Nordfjord regionråd

Dato: 6. mars 2025

## Sak 12/25 Eventuelt

- Samlinga med Sogn regionråd i veke 14 er avlyst og vert flytt til hausten.
- Eventuelt: Fellesmøtet med Kystforum (KF) 22. april 2025 er utsett.
- Regionrådsmøtet vert halde i Stryn 15. mai 2025.
"""


def _events(tmp_path):
    g = extracted(tmp_path, "nordfjord-2025-03-06.md", MINUTES)
    return {e.label: values(g, e, SCHEMA.eventStatus)[0] for e in nodes(g, "event")}


def test_a_status_followed_by_more_words_is_still_the_status(tmp_path):
    """'… er avlyst og vert flytt til hausten': cancelled, and the name stops before the status."""
    assert _events(tmp_path)["Samlinga med Sogn regionråd"] == SCHEMA.EventCancelled


def test_a_label_before_the_event_is_no_part_of_its_name_but_its_abbreviation_is(tmp_path):
    events = _events(tmp_path)
    assert events["Fellesmøtet med Kystforum (KF)"] == SCHEMA.EventPostponed
    assert events["Regionrådsmøtet"] == SCHEMA.EventScheduled


def test_a_case_titled_by_a_meeting_to_come_announces_it(tmp_path):
    g = extracted(tmp_path, "nordfjord-2025-03-06.md", "# Protokoll frå møte i Nordfjord regionråd\n\nDato: 6. mars 2025\n\n"
                  "## Sak 13/25 Møte med fylkesbenken 2. april 2025 i Førde\n\nRegionrådet førebur møtet.\n\n"
                  "## Sak 14/25 Referat frå møte 10. januar 2025 i Stryn\n\nTeke til vitande.\n")
    events = {(e.label, str(values(g, e, SCHEMA.startDate)[0]), values(g, e, SCHEMA.location)[0]) for e in nodes(g, "event")}
    assert events == {("Møte med fylkesbenken", "2025-04-02", "Førde")}  # the meeting before this one is no announcement


DECISIONS = """\
# Protokoll frå møte i Nordfjord regionråd

Dato: 6. mars 2025

## Sak 15/25 Fylkesvegar – innspel

Vedtak: Regionrådet prioriterer:
1. Fv. 60 over Utvikfjellet
2. Rassikring på fv. 5 ved Naustdal

Samrøystes.

## Sak 16/25 Gang- og sykkelvegar

Innstilling (frå rådmannsutvalet):
  1. Regionrådet rår til at kommunane lagar ein felles
     plan for gang- og sykkelvegar.
  2. Planen vert lagd fram innan 1. juni.

Samrøystes vedteke.
"""


def _decisions(tmp_path):
    from kg.vocab import DCTERMS

    g = extracted(tmp_path, "nordfjord-2025-03-06.md", DECISIONS)
    return [values(g, d, DCTERMS.description)[0] for d in nodes(g, "decision")]


def test_a_decision_that_leads_into_a_list_is_one_decision_per_item(tmp_path):
    decided = _decisions(tmp_path)
    assert "Regionrådet prioriterer: Fv. 60 over Utvikfjellet" in decided
    assert "Regionrådet prioriterer: Rassikring på fv. 5 ved Naustdal" in decided


def test_a_proposal_labelled_with_its_author_and_its_wrapped_points(tmp_path):
    decided = _decisions(tmp_path)
    assert "Regionrådet rår til at kommunane lagar ein felles plan for gang- og sykkelvegar." in decided
    assert "Planen vert lagd fram innan 1. juni." in decided


def test_a_decision_label_alone_on_its_line_with_a_note(tmp_path):
    from kg.vocab import DCTERMS

    g = extracted(tmp_path, "nordfjord-2025-03-06.md", "# Protokoll frå møte i Nordfjord regionråd\n\nDato: 6. mars 2025\n\n"
                  "## Sak 17/25 Helsesamarbeid\n\n**Vedtak** (tilråding til kommunane)\n\n"
                  "1. Kommunane held fram med hovudprosjektet.\n2. Kostnadene vert delte etter folketal.\n")
    decided = [values(g, d, DCTERMS.description)[0] for d in nodes(g, "decision")]
    assert decided == ["Kommunane held fram med hovudprosjektet.", "Kostnadene vert delte etter folketal."]


AHEAD = """\
# Protokoll frå møte i Nordfjord regionråd

Dato: 6. mars 2025

## Sak 18/25 Orienteringar

Dagleg leiar la fram planane for eit nordisk reiselivsseminar i Loen 14.–15. mai 2025, med gjester frå Island.
Regionrådet kallar inn til Nordfjordtinget hausten 2025. Seminaret 20. februar 2025 var godt besøkt.
- Ordførarane møter Sogn og Fjordane-benken på Stortinget i veke 16.
- Neste møte, Regionrådsmøte 3-2025, vert halde 12. juni 2025 i Stryn.
- Kystkonferansen 2025 er utsett til hausten; ny dato er ikkje sett.
"""


def test_events_to_come_named_in_running_text(tmp_path):
    g = extracted(tmp_path, "nordfjord-2025-03-06.md", AHEAD)
    events = {e.label: (str(values(g, e, SCHEMA.startDate)[0]), values(g, e, SCHEMA.eventStatus)[0])
              for e in nodes(g, "event")}
    assert events["Nordisk reiselivsseminar"] == ("2025-05-14", SCHEMA.EventScheduled)
    assert events["Nordfjordtinget"] == ("2025-08-01", SCHEMA.EventScheduled)  # the season: its first day, to its last
    assert events["Møte med Sogn og Fjordane-benken"] == ("2025-04-14", SCHEMA.EventScheduled)
    assert events["Regionrådsmøte 3-2025"] == ("2025-06-12", SCHEMA.EventScheduled)
    assert events["Kystkonferansen 2025"] == ("2025-08-01", SCHEMA.EventPostponed)
    assert not any(day == "2025-02-20" for day, _ in events.values())  # held before the meeting: no announcement


TASKS = """\
# Protokoll frå møte i Nordfjord regionråd

Dato: 6. mars 2025

## Til stades

- Kari Dahl, ordførar, leiar
- Per Moe, ordførar, nestleiar

## Sak 19/25 Innkjøp

Vedtak: Regionrådet ber innkjøpsutvalet greie ut eit felles innkjøpskontor. Utgreiinga vert lagd fram innan 1. juni 2025.

## Sak 20/25 Helse

- Leiar og nestleiar ber om møte med helseministeren før sommaren.
"""


def _tasks(tmp_path):
    from kg.vocab import DCTERMS, KG

    g = extracted(tmp_path, "nordfjord-2025-03-06.md", TASKS)
    return {values(g, a, DCTERMS.description)[0]: (sorted(values(g, a, KG.responsible)), str(values(g, a, KG.deadline)[0]))
            for a in nodes(g, "action")}


def test_a_request_and_its_deadline_are_the_task_of_the_one_asked(tmp_path):
    assert _tasks(tmp_path)["Regionrådet ber innkjøpsutvalet greie ut eit felles innkjøpskontor. Utgreiinga vert lagd "
                            "fram innan 1. juni 2025"] == (["Innkjøpsutvalet"], "2025-06-01")


def test_two_titles_before_a_season_name_both_holders_and_the_day_before_it(tmp_path):
    assert _tasks(tmp_path)["Leiar og nestleiar ber om møte med helseministeren før sommaren"] == (
        ["Kari Dahl", "Per Moe"], "2025-05-31")


def test_a_meeting_moved_from_a_day_is_not_announced_on_it(tmp_path):
    g = extracted(tmp_path, "nordfjord-2025-03-06.md", "# Protokoll frå møte i Nordfjord regionråd\n\nDato: 6. mars 2025\n\n"
                  "## Sak 21/25 Møteplan\n\nVedtak: Regionrådsmøtet 5. juni vert flytt til 12. juni 2025.\n")
    assert not any(str(values(g, e, SCHEMA.startDate)[0]) == "2025-06-05" for e in nodes(g, "event"))
