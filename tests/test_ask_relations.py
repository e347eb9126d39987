"""The relations extraction is still learning to read (absence, substitutes, chair, decisions, actions,
grants), asked in bokmål, nynorsk and English of a small graph written by hand in the documented
model (docs/rdf-model.md), so each query is tested on the data it is written for.

The graph: one meeting of Fjordrådet on 5 October 2023. Ola Nordmann chaired it for Nordby;
Kari Vik came for Sørby as substitute for Per Berg, who was absent; Lise Dal (Vestby) was absent
and nobody came for Vestby; Nils Hage (Nordby) was there only from case 12/23. Case 12/23 decided
on the harbour cooperation and gave two follow-ups. The project Grønn havn (owner Nordby, partner
Sørby) got 500 000 kroner from Havfondet; Nils Hage presented the case, on dredging and tourism (words the
graph states no topic of, found through the search index). Nordby reports on klima, Sørby on nothing; Vestby's
round-table report speaks of offshore wind and a fish quay (with the youth council it abbreviates FUT), and names Austby, merged into Nordby.
Under case 13/23 Eva Lund spoke of broadband in Sørby and, on the next line, Kari Vik of aquaculture in Nordby: each line's
names are stated on its line span, so the words find one line and its names, not the other's. Ola Nordmann
is Nordby's ordfører. Eva Lund came from Fjordnett AS as an observer. The next meeting is on
7 December 2023 at Sørby. Tor Ås, Nordby's kommunedirektør, stayed until case 11/23; Siv Moe (Sørby) came on
the first day only; Ida Rø, a substitute for Nordby, was there for the briefings, not the decisions. Ola Nordmann
and Kari Vik signed the minutes, which Åse Rud of the secretariat took.
The meeting ended with a tour of Fjordlaks AS at Hamnvik. Havnett is an interkommunalt selskap. Nils Hage
sits in Hamnegruppa ("who is Nils Hage"). Grønn havn is a project on the harbour.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.api import Archive
from kg.ask.catalogue import catalogue

TODAY = date(2023, 10, 20)

TRIG = """
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix kg: <https://w3id.org/kg-minutes/ns#> .
@prefix org: <http://www.w3.org/ns/org#> .
@base <https://example.org/kg/> .

<document/fjord> {
  <document/fjord> a foaf:Document ; kg:sourceFile "fjord.txt" .
  <document/fjord/section/1> a kg:Section ; dcterms:isPartOf <document/fjord> ; dcterms:title "Til stede" ;
      kg:lineStart 3 ; kg:lineEnd 9 ; schema:text "Til stede ..." .
  <document/fjord/section/2> a kg:Section ; dcterms:isPartOf <document/fjord> ; dcterms:title "Sak 12/23 Havnesamarbeid" ;
      kg:lineStart 12 ; kg:lineEnd 20 ; kg:sectionKind "case" ; kg:meeting <meeting/fjordradet/2023-10-05> ;
      kg:agendaItem <meeting/fjordradet/2023-10-05/item/12> ;
      schema:text "Sak 12/23 Havnesamarbeid. Nils Hage orienterte om mudring av innseglinga og om reiselivet i fjorden." .
  <document/fjord/section/3> a kg:Section ; dcterms:isPartOf <document/fjord> ; dcterms:title "Vestby" ;
      kg:lineStart 22 ; kg:lineEnd 23 ; kg:sectionKind "roundtable" ; kg:meeting <meeting/fjordradet/2023-10-05> ;
      kg:actor <municipality/9003> ;
      schema:text "Vestby ser på havvind utanfor kysten og byggjer ei ny fiskebrygge i sentrum saman med Fjord Ungdomsting (FUT)." .
  <document/fjord/section/4> a kg:Section ; dcterms:isPartOf <document/fjord> ; dcterms:title "Sak 13/23 Orienteringar" ;
      kg:lineStart 25 ; kg:lineEnd 27 ; kg:sectionKind "case" ; kg:meeting <meeting/fjordradet/2023-10-05> ;
      schema:text "Sak 13/23 Orienteringar\\nEva Lund orienterte om breibandsutbygginga i Sørby.\\nKari Vik fortalde om havbruk og eit nytt settefiskanlegg i Nordby." ;
      schema:mentions <person/eva-lund>, <municipality/9002>, <person/kari-vik>, <municipality/9001> .
  <document/fjord/section/4/lines/26-26/e> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/4> ;
      kg:lineStart 26 ; kg:lineEnd 26 ; kg:quote "Eva Lund orienterte om breibandsutbygginga i Sørby." .
  <document/fjord/section/4/lines/27-27/f> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/4> ;
      kg:lineStart 27 ; kg:lineEnd 27 ; kg:quote "Kari Vik fortalde om havbruk og eit nytt settefiskanlegg i Nordby." .
  <document/fjord/section/5> a kg:Section ; dcterms:isPartOf <document/fjord> ; dcterms:title "Sak 14/23 Hydrogen" ;
      kg:lineStart 29 ; kg:lineEnd 30 ; kg:sectionKind "case" ; kg:meeting <meeting/fjordradet/2023-10-05> ;
      schema:text "Sak 14/23 Hydrogen\\nSørby spleiser med kr 80 000 på Vestby si utgreiing om hydrogen." .
  <document/fjord/section/5/lines/30-30/g> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/5> ;
      kg:lineStart 30 ; kg:lineEnd 30 ; kg:quote "Sørby spleiser med kr 80 000 på Vestby si utgreiing om hydrogen." .
  <municipality/9003/grant/80000-nok> a schema:MonetaryGrant ; schema:funder <municipality/9002> ;
      schema:amount <municipality/9003/grant/80000-nok/amount> ; kg:grantStatus "granted" .
  <municipality/9003/grant/80000-nok/amount> a schema:MonetaryAmount ; schema:value 80000 ; schema:currency "NOK" .
  <meeting/fjordradet/2023-10-05> a kg:Meeting, schema:Event ; rdfs:label "Fjordrådet 2023-10-05" ;
      schema:name "Fjordrådet 2023-10-05" ; schema:startDate "2023-10-05"^^xsd:date .
  <meeting/fjordradet/2023-10-05/attendance/ola> a kg:Attendance ; kg:person <person/ola-nordmann> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9001> ; kg:attendanceRole "chair" .
  <meeting/fjordradet/2023-10-05/attendance/kari> a kg:Attendance ; kg:person <person/kari-vik> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9002> ; kg:attendanceRole "substitute" ;
      kg:substituteFor <person/per-berg> .
  <meeting/fjordradet/2023-10-05/attendance/ida> a kg:Attendance ; kg:person <person/ida-ro> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9001> ; kg:attendanceRole "substitute" ;
      kg:attendanceNote "var med på orienteringane, ikkje i vedtakssakene" .
  <meeting/fjordradet/2023-10-05/attendance/per> a kg:Attendance ; kg:person <person/per-berg> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9002> ; kg:attendanceRole "absent" .
  <meeting/fjordradet/2023-10-05/attendance/lise> a kg:Attendance ; kg:person <person/lise-dal> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9003> ; kg:attendanceRole "absent" .
  <meeting/fjordradet/2023-10-05/attendance/nils> a kg:Attendance ; kg:person <person/nils-hage> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9001> ; kg:attendanceRole "member" ;
      kg:attendanceNote "fra sak 12/23" .
  <document/fjord/section/1/lines/7-7/a> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/1> ;
      kg:lineStart 7 ; kg:lineEnd 7 ; kg:quote "Forfall: Per Berg (Sørby)" .
  <document/fjord/section/1/lines/8-8/b> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/1> ;
      kg:lineStart 8 ; kg:lineEnd 8 ; kg:quote "Forfall: Lise Dal (Vestby)" .
  <meeting/fjordradet/2023-10-05/item/12> a kg:AgendaItem ; dcterms:identifier "12/23" ;
      dcterms:title "Havnesamarbeid" ; dcterms:isPartOf <meeting/fjordradet/2023-10-05> ; kg:presenter <person/nils-hage> ;
      kg:recused <person/siv-moe> .
  <meeting/fjordradet/2023-10-05/item/12/decision/1> a kg:Decision ;
      dcterms:isPartOf <meeting/fjordradet/2023-10-05/item/12> ;
      dcterms:description "Rådet støtter havnesamarbeidet mellom Nordby og Sørby." ; dcterms:subject <topic/havn> .
  <meeting/fjordradet/2023-10-05/item/12/action/1> a kg:ActionItem ;
      dcterms:isPartOf <meeting/fjordradet/2023-10-05/item/12> ; dcterms:description "Utrede felles havnekontor" ;
      kg:responsible <person/ola-nordmann> ; kg:deadline "2023-11-01"^^xsd:date ; kg:status "open" .
  <meeting/fjordradet/2023-10-05/item/12/action/2> a kg:ActionItem ;
      dcterms:isPartOf <meeting/fjordradet/2023-10-05/item/12> ; dcterms:description "Sende søknad til Havfondet" ;
      kg:responsible <person/lise-dal> ; kg:deadline "2024-02-01"^^xsd:date ; kg:status "open" .
  <project/gronn-havn> kg:owner <municipality/9001> ;
      kg:partner <municipality/9002> ; schema:funding <project/gronn-havn/grant/500000-NOK> .
  <project/gronn-havn/grant/500000-NOK> a schema:MonetaryGrant ; schema:funder <programme/havfondet> ;
      schema:amount <project/gronn-havn/grant/500000-NOK/amount> ; kg:grantStatus "granted" .
  <project/gronn-havn/grant/500000-NOK/amount> a schema:MonetaryAmount ; schema:value 500000 ; schema:currency "NOK" .
  <municipality/9001> kg:worksOn <topic/klima> .
  <membership/ola-nordmann/nordby> a org:Membership ; org:member <person/ola-nordmann> ;
      org:organization <municipality/9001> ; org:role <role/ordforer> .
  <meeting/fjordradet/2023-10-05/attendance/eva> a kg:Attendance ; kg:person <person/eva-lund> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <organisation/fjordnett> ; kg:attendanceRole "observer" .
  <document/fjord/section/2> dcterms:subject <topic/havn> ; schema:mentions <person/ola-nordmann>, <municipality/9002> .
  <document/fjord/section/3> schema:mentions <municipality/9004> .
  <meeting/fjordradet/2023-10-05> kg:nextMeeting <event/2023-12-07/neste-mote> .
  <event/2023-12-07/neste-mote> a schema:Event ; rdfs:label "Neste møte i Fjordrådet" ;
      schema:startDate "2023-12-07"^^xsd:date ; schema:location <municipality/9002> ; schema:organizer <region/fjordradet> ;
      schema:eventStatus schema:EventScheduled .
  <document/fjord/section/2/lines/20-20/c> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/2> ;
      kg:lineStart 20 ; kg:lineEnd 20 ; kg:quote "Neste møte: 7. desember 2023 på Sørby." .
  <meeting/fjordradet/2023-10-05/attendance/tor> a kg:Attendance ; kg:person <person/tor-as> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9001> ; kg:attendanceRole "member" ;
      kg:attendanceNote "til kl. 12, t.o.m. sak 11/23" .
  <meeting/fjordradet/2023-10-05/attendance/siv> a kg:Attendance ; kg:person <person/siv-moe> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:onBehalfOf <municipality/9002> ; kg:attendanceRole "member" ;
      kg:attendanceNote "dag 1" .
  <meeting/fjordradet/2023-10-05> kg:signedBy <person/ola-nordmann>, <person/kari-vik> .
  <meeting/fjordradet/2023-10-05/attendance/ase> a kg:Attendance ; kg:person <person/ase-rud> ;
      kg:meeting <meeting/fjordradet/2023-10-05> ; kg:attendanceRole "secretariat", "referent" .
  <meeting/fjordradet/2023-10-05> kg:visited <organisation/fjordlaks> .
  <organisation/fjordlaks> schema:location <place/hamnvik> .
  <organisation/havnett> kg:organisationForm "interkommunalt selskap" .
  <project/gronn-havn> dcterms:subject <topic/havn> .
  <document/fjord/section/2/lines/16-16/k> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/2> ;
      kg:lineStart 16 ; kg:lineEnd 16 ; kg:quote "Grønn havn skal gjere hamna utsleppsfri." .
  <membership/nils-hage/hamnegruppa> a org:Membership ; org:member <person/nils-hage> ;
      org:organization <organisation/hamnegruppa> ; org:role <role/medlem> .
  <document/fjord/section/2/lines/17-17/j> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/2> ;
      kg:lineStart 17 ; kg:lineEnd 17 ; kg:quote "Hamnegruppa består av Nils Hage." .
  <document/fjord/section/2/lines/18-18/i> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/2> ;
      kg:lineStart 18 ; kg:lineEnd 18 ; kg:quote "Havnett er eit interkommunalt selskap og ikkje eit aksjeselskap." .
  <document/fjord/section/2/lines/19-19/h> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/2> ;
      kg:lineStart 19 ; kg:lineEnd 19 ; kg:quote "Møtet enda med omvisning hos Fjordlaks AS på Hamnvik." .
  <membership/tor-as/nordby> a org:Membership ; org:member <person/tor-as> ;
      org:organization <municipality/9001> ; org:role <role/kommunedirektor> .
  <document/fjord/section/1/lines/5-5/d> a kg:Evidence ; prov:wasDerivedFrom <document/fjord/section/1> ;
      kg:lineStart 5 ; kg:lineEnd 5 ; kg:quote "Kari Vik (Sørby), vara for Per Berg" .
}
<document/fjord/section/1/lines/7-7/a> { <meeting/fjordradet/2023-10-05/attendance/per> kg:person <person/per-berg> ; kg:onBehalfOf <municipality/9002> . }
<document/fjord/section/1/lines/8-8/b> {
  <meeting/fjordradet/2023-10-05/attendance/lise> kg:person <person/lise-dal> ; kg:onBehalfOf <municipality/9003> .
}
<document/fjord/section/2/lines/20-20/c> {
  <meeting/fjordradet/2023-10-05> kg:nextMeeting <event/2023-12-07/neste-mote> .
  <event/2023-12-07/neste-mote> schema:startDate "2023-12-07"^^xsd:date .
}
<document/fjord/section/1/lines/5-5/d> {
  <meeting/fjordradet/2023-10-05/attendance/kari> kg:onBehalfOf <municipality/9002> .
}
<document/fjord/section/2/lines/16-16/k> { <project/gronn-havn> dcterms:subject <topic/havn> . }
<document/fjord/section/2/lines/17-17/j> {
  <membership/nils-hage/hamnegruppa> org:member <person/nils-hage> ; org:organization <organisation/hamnegruppa> .
}
<document/fjord/section/2/lines/18-18/i> { <organisation/havnett> kg:organisationForm "interkommunalt selskap" . }
<document/fjord/section/2/lines/19-19/h> { <meeting/fjordradet/2023-10-05> kg:visited <organisation/fjordlaks> . }
<document/fjord/section/4/lines/26-26/e> { <document/fjord/section/4> schema:mentions <person/eva-lund>, <municipality/9002> . }
<document/fjord/section/4/lines/27-27/f> { <document/fjord/section/4> schema:mentions <person/kari-vik>, <municipality/9001> . }
<document/fjord/section/5/lines/30-30/g> { <municipality/9003> schema:funding <municipality/9003/grant/80000-nok> . }
<graph/entities> {
  <municipality/9001> a kg:Municipality ; rdfs:label "Nordby" .
  <municipality/9002> a kg:Municipality ; rdfs:label "Sørby" .
  <municipality/9003> a kg:Municipality ; rdfs:label "Vestby" .
  <programme/havfondet> a kg:Programme ; rdfs:label "Havfondet" .
  <project/gronn-havn> a schema:Project ; rdfs:label "Grønn havn" .
  <person/ola-nordmann> a foaf:Person ; rdfs:label "Ola Nordmann" .
  <person/kari-vik> a foaf:Person ; rdfs:label "Kari Vik" .
  <person/per-berg> a foaf:Person ; rdfs:label "Per Berg" .
  <person/lise-dal> a foaf:Person ; rdfs:label "Lise Dal" .
  <person/nils-hage> a foaf:Person ; rdfs:label "Nils Hage" .
  <person/ase-rud> a foaf:Person ; rdfs:label "Åse Rud" .
  <role/ordforer> a org:Role ; rdfs:label "ordfører" .
  <region/fjordradet> a kg:Region ; rdfs:label "Fjordrådet" .
  <organisation/fjordnett> a kg:Organisation ; rdfs:label "Fjordnett AS" .
  <organisation/fjordlaks> a kg:Organisation ; rdfs:label "Fjordlaks AS" .
  <organisation/havnett> a kg:Organisation ; rdfs:label "Havnett" .
  <organisation/hamnegruppa> a kg:Organisation ; rdfs:label "Hamnegruppa" .
  <role/medlem> a org:Role ; rdfs:label "medlem" .
  <place/hamnvik> a schema:Place ; rdfs:label "Hamnvik" .
  <person/eva-lund> a foaf:Person ; rdfs:label "Eva Lund" .
  <person/tor-as> a foaf:Person ; rdfs:label "Tor Ås" .
  <person/siv-moe> a foaf:Person ; rdfs:label "Siv Moe" .
  <person/ida-ro> a foaf:Person ; rdfs:label "Ida Rø" .
  <role/kommunedirektor> a org:Role ; rdfs:label "kommunedirektør" .
  <municipality/9004> a kg:Municipality ; rdfs:label "Austby" ; dcterms:identifier "9004" .
}
<graph/bodies> {
  <municipality/9004> dcterms:isReplacedBy <municipality/9001> .
}
"""

# query name → (questions in bokmål, nynorsk and English, the labels answered)
CASES = {
    "absentees": (["hvem hadde forfall?", "kven hadde forfall", "who sent apologies", "who was absent please"],
                  {"Per Berg", "Lise Dal"}),
    "bodies-absent": (["which municipalities had nobody present", "hvilke kommuner hadde ingen til stede?",
                       "kva kommunar hadde ingen til stades"], {"Vestby"}),
    "substitutes": (["who attended as a substitute, and for whom", "hvem møtte som vara?", "kven var vara"],
                    {"Kari Vik", "Ida Rø"}),
    "substitutes-partial": (["which substitute was not there for all of the cases?", "hvilken vara var ikke med hele møtet?",
                             "kva vara var ikkje med på vedtaka?"], {"Ida Rø"}),
    "partial-attendance": (["who attended only part of the meeting", "hvem var bare med på deler av møtet",
                            "kven var berre med på delar av møtet", "kven kom for seint"], {"Nils Hage", "Tor Ås", "Siv Moe", "Ida Rø"}),
    "partial-for-cases": (["who attended only for case 11/23", "hvem var bare med på sak 11/23?",
                           "kven var berre med på sak 11/23"], {"Tor Ås"}),
    "partial-left-early": (["who left the meeting early?", "hvem gikk tidlig fra møtet", "kven gjekk tidleg frå møtet"],
                           {"Tor Ås"}),
    "partial-first-day": (["who attended only on the first day", "hvem var bare med første dag?",
                           "kven var berre med fyrste dagen"], {"Siv Moe"}),
    "person-attended-from": (["from which case did Nils Hage attend?", "fra hvilken sak deltok Nils Hage",
                              "frå kva sak møtte Nils Hage"], {"fra sak 12/23"}),
    "role-holder-attended-from": (["from which case did the chief executive of Nordby take part?",
                                   "fra hvilken sak var kommunedirektøren i Nordby med",
                                   "frå kva sak var kommunedirektøren i Nordby med",
                                   "fra hvilken sak var rådmannen i Nordby med"], {"til kl. 12, t.o.m. sak 11/23"}),
    "signers": (["who signed the minutes?", "hvem signerte protokollen", "kven skreiv under møteboka",
                 "who chaired the meeting and who signed the minutes?"], {"Ola Nordmann", "Kari Vik"}),
    "recused": (["who was disqualified?", "hvem var inhabil", "kven var ugild"], {"Siv Moe"}),
    "recused-in-case": (["who was disqualified in case 12/23", "hvem var inhabil i sak 12/23?", "kven var ugild i sak 12/23"],
                        {"Siv Moe"}),
    "chairs": (["who chaired the meeting", "hvem ledet møtet?", "kven leia møtet"], {"Ola Nordmann"}),
    "minute-takers": (["who took the minutes", "hvem førte protokollen?", "kven var referent"], {"Åse Rud"}),
    "funding-of": (["how much did Grønn havn get, and from whom?", "hvor mye fikk Grønn havn?",
                    "kor mykje fekk Grønn havn", "who funds Grønn havn"], {"Grønn havn"}),
    "decisions": (["what was decided", "hva ble vedtatt?", "kva vart vedteke"],
                  {"Rådet støtter havnesamarbeidet mellom Nordby og Sørby."}),
    "decisions-in-case": (["what was decided in case 12/23", "hva ble vedtatt i sak 12/23", "kva vart vedteke i sak 12/23"],
                          {"Rådet støtter havnesamarbeidet mellom Nordby og Sørby."}),
    "decisions-about": (["what was decided about Sørby", "hva ble vedtatt om Sørby?", "kva vart vedteke om Sørby"],
                        {"Rådet støtter havnesamarbeidet mellom Nordby og Sørby."}),
    "said-about": (["what does the council mean about the settefiskanlegg?", "hva mener rådet om settefiskanlegget",
                    "kva meiner rådet om settefiskanlegget"],
                   {"Kari Vik fortalde om havbruk og eit nytt settefiskanlegg i Nordby."}),
    "actions": (["which follow-ups are there, and who is responsible?", "hvilke oppgaver har frist, og hvem har ansvaret?",
                 "kva er fristane for oppfølgingspunkta"], {"Utrede felles havnekontor", "Sende søknad til Havfondet"}),
    "actions-due": (["which actions are due before 1 December 2023, and who is responsible?",
                     "hvilke oppgaver har frist før 1. desember 2023?",
                     "kva oppgåver har frist i november 2023"], {"Utrede felles havnekontor"}),
    "person-actions": (["what is Ola Nordmann to do?", "hva skal Ola Nordmann gjøre", "kva skal Ola Nordmann gjere",
                        "what is Ola Nordmann responsible for", "hva har Ola Nordmann ansvar for?"],
                       {"Utrede felles havnekontor"}),
    "members-not-reporting": (["which members have not reported on climate", "hvilke kommuner har ikke rapportert om klima?",
                               "kva kommunar har ikkje rapportert om klima"], {"Sørby"}),
    "open-cases": (["which cases are open", "hvilke saker er åpne?", "kva saker er opne"], {"12/23 Havnesamarbeid"}),
    "role-holders": (["who is the mayor of Nordby", "hvem er ordfører i Nordby?", "kven er ordførar i Nordby"],
                     {"Ola Nordmann"}),
    "role-holders-any": (["who is mayor", "hvem er ordfører?", "kven er ordføraren"], {"Ola Nordmann"}),
    "guests": (["who were the guests", "hvem var gjester på møtet?", "kven møtte som gjest"], {"Eva Lund"}),
    "guest-bodies": (["which organisations came as guests", "hvilke organisasjoner var gjester",
                      "kva selskap møtte som gjest"], {"Fjordnett AS"}),
    "observers": (["who attended as observers", "hvem var observatører på møtet?", "kven møtte som observatør"],
                  {"Eva Lund"}),
    "observer-bodies": (["which organisations attended as observers", "hvilke organisasjoner var observatører",
                         "kva selskap møtte som observatør"], {"Fjordnett AS"}),
    "next-meeting": (["when and where is the next meeting?", "når er neste møte i Fjordrådet", "kvar er neste møte"],
                     {"Neste møte i Fjordrådet"}),
    "topic-discussions": (["where was the harbour discussed, and by whom?", "hvor ble havn diskutert?", "kvar vart hamn drøfta"],
                          {"Sak 12/23 Havnesamarbeid"}),
    "section-actors": (["which municipalities are looking at offshore wind?", "hvilke kommuner jobber med ny fiskebrygge",
                        "kva kommunar arbeider med fiskebrygga"], {"Vestby"}),
    "section-presenters": (["who talked about tourism", "who gave a talk on tourism", "hvem orienterte om mudring?", "kven orienterte om mudringa"],
                           {"Nils Hage"}),
    "section-line-people": (["who talked about broadband?", "hvem orienterte om bredbånd", "kven fortalde om breiband"],
                            {"Eva Lund"}),
    "section-line-bodies": (["which municipalities talked about aquaculture?", "hvilke kommuner orienterte om havbruk?",
                             "kva kommunar fortalde om settefiskanlegg"], {"Nordby"}),
    "section-line-grants": (["who pays for the hydrogen study, and how much?", "hvem betaler for utredningen om hydrogen?",
                             "kven spleiser på utgreiinga om hydrogen"], {"Vestby"}),
    "former-municipalities": (["which former municipalities are now part of Nordby?", "hvilke tidligere kommuner inngår nå i Nordby",
                               "kva for tidlegare kommunar er no ein del av Nordby"], {"Austby"}),
    "abbreviation": (["what does FUT stand for?", "hva står FUT for", "kva står FUT for?"], {"Fjord Ungdomsting"}),
    "visited": (["which company did the council visit, and where is it?", "hvilke bedrifter besøkte rådet?",
                 "kva bedrift vitja rådet"], {"Fjordlaks AS"}),
    "body-form": (["Er Havnett eit aksjeselskap?", "what legal form does Havnett have?",
                   "hvilken organisasjonsform har Havnett"], {"interkommunalt selskap"}),
    "person-profile": (["who is Nils Hage?", "hvem er Nils Hage", "kven er Nils Hage", "tell me about Nils Hage"],
                       {"Nordby", "Hamnegruppa"}),  # he came for Nordby and sits in Hamnegruppa
    "group-members": (["who sits in Hamnegruppa?", "hvem sitter i Hamnegruppa", "kven sit i hamnegruppa"], {"Nils Hage"}),
    "projects-by-topic": (["which projects deal with harbours?", "hvilke prosjekter handler om havn?",
                           "kva prosjekt handlar om hamn"], {"Grønn havn"}),
    "entities-of-kind": (["list all projects", "hvilke prosjekter finnes?", "kva prosjekt finst"], {"Grønn havn"}),
}
LABEL_FROM = {"body-form": "form", "open-cases": "case", "decisions": "text", "decisions-in-case": "text", "decisions-about": "text", "actions": "text",
              "actions-due": "text", "person-actions": "text"}


@pytest.fixture(scope="module")
def fjord(tmp_path_factory) -> Archive:
    import pyoxigraph as ox

    a = Archive(tmp_path_factory.mktemp("store") / "store")
    a._load_thesaurus_graph()
    a.store.ox.load(TRIG.encode(), format=ox.RdfFormat.TRIG)
    a.reindex()  # the sections searched for words that name nothing in the graph
    return a


def test_every_named_query_has_a_case():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("network_cases", Path(__file__).with_name("test_catalogue.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    NETWORK_CASES = module.CASES

    assert not set(CASES) & set(NETWORK_CASES)
    assert set(CASES) | set(NETWORK_CASES) == set(catalogue()), "a query without a test, or a test without a query"


@pytest.mark.parametrize("name", sorted(CASES))
def test_relation(fjord, name):
    questions, expected = CASES[name]
    for q in questions:
        r = fjord.ask(q, today=TODAY)
        assert r.query == name, f"{q!r} → {r.query}: {r.why}"
        got = {a.columns.get(LABEL_FROM[name]) if name in LABEL_FROM else a.label for a in r.answers}
        assert got == expected, q


def test_answers_carry_plain_fields_and_their_evidence(fjord):
    r = fjord.ask("who sent apologies", today=TODAY)
    per = next(a.to_json() for a in r.answers if a.label == "Per Berg")
    assert per["body"] == "Sørby" and per["date"] == "2023-10-05"
    assert per["evidence"][0]["text"] == "Forfall: Per Berg (Sørby)" and per["evidence_count"] == 1
    grant = fjord.ask("how much did Grønn havn get, and from whom?", today=TODAY).answers[0].to_json()
    assert grant["amount"] == "500000 NOK" and grant["funder"] == "Havfondet" and grant["status"] == "granted"
    # who the project is and with whom, and every grant beside its funder
    assert (grant["owner"], grant["partner"], grant["grants"]) == ("Nordby", "Sørby", "500000 NOK from Havfondet")
    action = fjord.ask("which actions are overdue", today=date(2024, 3, 1)).answers
    assert {(a.columns["responsible"], a.columns["deadline"]) for a in action} == {
        ("Ola Nordmann", "2023-11-01"), ("Lise Dal", "2024-02-01")}


def test_a_named_thing_the_query_does_not_take_narrows_the_answers(fjord):
    r = fjord.ask("kven hadde forfall frå Vestby", today=TODAY)
    assert r.query == "absentees" and [a.label for a in r.answers] == ["Lise Dal"]


@pytest.mark.parametrize("question", ["who is the chief executive of Nordby", "hvem er rådmann i Nordby?",
                                      "kven er kommunedirektør i Nordby"])
def test_a_title_asked_by_another_name_finds_the_role_as_written(fjord, question):
    """English titles, and the rådmann that kommuneloven 2018 renamed kommunedirektør, find each other."""
    assert {a.label for a in fjord.ask(question).answers} == {"Tor Ås"}


def test_a_substitute_by_the_member_they_stood_in_for(fjord):
    r = fjord.ask("hvem møtte for Per Berg?", today=TODAY)
    assert r.query == "substitutes" and [a.label for a in r.answers] == ["Kari Vik"]


def test_the_next_meeting_says_when_and_where(fjord):
    (nxt,) = fjord.ask("når og hvor er neste møte?", today=date(2030, 1, 1)).answers
    assert (nxt.columns["date"], nxt.columns["place"], nxt.evidence_count) == ("2023-12-07", "Sørby", 1)


BODY_ONLY = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
@prefix kg: <https://w3id.org/kg-minutes/ns#> .
@base <https://example.org/kg/> .
<document/nes> {
  <meeting/nesrad/2023-05-02> a kg:Meeting, schema:Event ; rdfs:label "Nesrådet 2023-05-02" ;
      schema:startDate "2023-05-02"^^xsd:date ; kg:absentBody <municipality/9101> .
}
<graph/entities> { <municipality/9101> a kg:Municipality ; rdfs:label "Austby" . }
"""


def test_when_the_best_query_finds_nothing_the_next_answers(tmp_path):
    """Minutes that name only the body that sent apologies: "who was absent" answers with the body."""
    import pyoxigraph as ox

    a = Archive(tmp_path / "store")
    a.store.ox.load(BODY_ONLY.encode(), format=ox.RdfFormat.TRIG)
    for q in ("hvem hadde forfall?", "kven hadde forfall", "who was absent"):
        r = a.ask(q, today=TODAY)
        assert (r.query, [x.label for x in r.answers]) == ("bodies-absent", ["Austby"]), r.why
        assert "query absentees found nothing" in r.why


def test_a_season_asked_of_a_past_archive_is_read_from_its_last_meeting(fjord):
    for q in ("kva arrangement kjem i haust?", "which events are coming this autumn", "hvilke arrangementer kommer i høst"):
        r = fjord.ask(q, today=date(2030, 6, 1))
        assert r.query == "upcoming-events" and r.params["date"] == "2023-08-01", r.why
        assert any("read from the archive's last meeting, 2023-10-05" in w for w in r.why)
        assert [a.label for a in r.answers] == ["Neste møte i Fjordrådet"]


def test_a_discussion_names_its_people_and_things(fjord):
    (sec,) = fjord.ask("where was the harbour discussed, and by whom?", today=TODAY).answers
    assert (sec.columns["people"], sec.columns["named"], sec.evidence[0].lines) == ("Ola Nordmann", "Sørby", [12, 20])


def test_a_decision_says_its_case_and_who_presented_it(fjord):
    for q in ("what was decided about the harbour, and who presented it?", "hva ble vedtatt om havn, og hvem la det fram?",
              "kva vart vedteke om hamn"):
        r = fjord.ask(q, today=TODAY)
        (d,) = r.answers
        assert (r.query, d.columns["case"], d.columns["presenter"]) == ("decisions-by-topic", "12/23 Havnesamarbeid", "Nils Hage")


def test_words_not_understood_narrow_the_answers_that_say_them(fjord):
    for q in ("which follow-ups are about the søknad?", "hvilke oppgaver gjelder søknaden", "kva oppfølgingspunkt gjeld søknadene"):
        r = fjord.ask(q, today=TODAY)
        assert [a.columns["text"] for a in r.answers] == ["Sende søknad til Havfondet"], r.why


def test_no_fallback_to_a_query_that_drops_the_date_asked(fjord):
    r = fjord.ask("which follow-ups are due before 1 January 2020?", today=TODAY)
    assert (r.query, r.answers) == ("actions-due", []), r.why


def test_the_member_is_represented_not_the_council_it_sits_in(fjord):
    for q in ("who represented Sørby in Fjordrådet?", "in Fjordrådet, who represented Sørby?",
              "hvem i Fjordrådet representerte Sørby", "kven i Fjordrådet møtte for Sørby"):
        r = fjord.ask(q, today=TODAY)
        assert (r.query, [a.label for a in r.answers]) == ("attended-for", ["Kari Vik"]), r.why


def test_who_represents_a_body_nobody_came_for_names_its_absent_member_and_says_so(fjord):
    for q in ("who represents Vestby?", "hvem representerer Vestby", "kven er representant for Vestby"):
        r = fjord.ask(q, today=TODAY)
        assert (r.query, [(a.label, a.columns["role"]) for a in r.answers]) == (
            "representatives", [("Lise Dal", "absent")]), r.why
    r = fjord.ask("who represents Sørby?", today=TODAY)  # a substitute came: the absent member is not who represents it
    assert [(a.label, a.columns["role"]) for a in r.answers] == [("Kari Vik", "substitute")], r.why
    r = fjord.ask("who represented Vestby at the meeting?", today=TODAY)  # the past tense asks who came
    assert (r.query, r.answers) == ("attended-for", []), r.why


def test_words_that_name_nothing_are_searched_and_the_sections_named(fjord):
    r = fjord.ask("who talked about tourism", today=TODAY)
    assert any(w.startswith("sections found by 'tourism': fjord.txt · Sak 12/23 Havnesamarbeid") for w in r.why), r.why
    [hage] = r.answers
    assert hage.evidence and hage.evidence[0].section == "Sak 12/23 Havnesamarbeid"


def test_an_english_word_without_a_norwegian_one_is_said_so(fjord):
    r = fjord.ask("who talked about dredging", today=TODAY)
    assert r.answers == []
    assert any("the thesaurus knows no Norwegian word for it" in w for w in r.why), r.why


TWO_FACTS_ONE_LINE = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix kg: <https://w3id.org/kg-minutes/ns#> .
@base <https://example.org/kg/> .
<document/havn> {
  <document/havn> kg:sourceFile "havn.txt" .
  <document/havn/section/1> a kg:Section ; dcterms:isPartOf <document/havn> ; dcterms:title "Havn" .
  <municipality/9001> kg:worksWith <municipality/9002> .
  <municipality/9002> kg:worksWith <municipality/9001> .
  <document/havn/section/1/lines/4-4/a> a kg:Evidence ; prov:wasDerivedFrom <document/havn/section/1> ;
      kg:lineStart 4 ; kg:lineEnd 4 ; kg:quote "Nordby og Sørby samarbeider om havna." .
}
<document/havn/section/1/lines/4-4/a> {
  <municipality/9001> kg:worksWith <municipality/9002> .
  <municipality/9002> kg:worksWith <municipality/9001> .
}
<graph/entities> {
  <municipality/9001> a kg:Municipality ; rdfs:label "Nordby" .
  <municipality/9002> a kg:Municipality ; rdfs:label "Sørby" .
}
"""


def test_each_fact_of_a_line_counts_as_evidence_and_the_line_is_quoted_once(tmp_path):
    """One line can state two facts that make an answer (each works with the other): two sources, one quote."""
    import pyoxigraph as ox

    a = Archive(tmp_path / "store")
    a.store.ox.load(TWO_FACTS_ONE_LINE.encode(), format=ox.RdfFormat.TRIG)
    (answer,) = a.run_query("works-with", {"body": "Nordby"}, today=TODAY).answers
    assert (answer.label, answer.evidence_count) == ("Sørby", 2)
    assert [(e.lines, e.text) for e in answer.evidence] == [([4, 4], "Nordby og Sørby samarbeider om havna.")]


@pytest.mark.parametrize("question", ["Who is to reply to Havfondet, and by when?", "kven skal svare på Havfondet"])
def test_a_task_asked_by_replying_or_writing_to_someone(fjord, question):
    r = fjord.ask(question, today=TODAY)
    assert r.query == "actions" and [a.columns["text"] for a in r.answers] == ["Sende søknad til Havfondet"], r.why


def test_taking_part_in_a_topic_is_working_on_it(fjord):
    """"involved in" asks of membership where a body is named; of a topic, it asks who works on it."""
    r = fjord.ask("which municipalities are involved in climate", today=TODAY)
    assert r.query == "municipalities-by-topic" and r.params == {"topic": "klima"}, r.why
