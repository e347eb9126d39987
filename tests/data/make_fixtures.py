"""Write the test minutes that cannot be kept as readable UTF-8 text in the repo.

    python tests/data/make_fixtures.py        (needs python-docx, fpdf2 and fonts-dejavu-core)

Makes, in tests/data/minutes/:
  101_hallingdal_2023-11.docx   Word: attendee table with merged and empty cells,
                                headings, "Vedtak:", "Ansvar: … Frist: …", an auto-numbered list
  102_gjovikregionen_2014-09.pdf PDF over two pages: two-column attendee table, "Sak 051/14"
  104_romerike_2021-03.txt      cp1252 with CRLF: "role Name, Body" lines, "Forfall:", "Dessuten møtte:"

The generated files are committed, so tests and CI never need this script's libraries; the minutes are
invented (fictional people, real municipality names). Dates inside the files
are fixed so that a rerun gives the same text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINUTES = HERE / "minutes"
FIXED = dt.datetime(2024, 1, 1, 12, 0, 0)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian's fonts-dejavu-core

# -- 101: Word --------------------------------------------------------------
HALLINGDAL_HEAD = [
    ("Title", "Protokoll fra møte i Regionrådet for Hallingdal"),
    (None, "Dato: 14. november 2023"),
    (None, "Tid: kl. 10.00–14.30"),
    (None, "Sted: Gol rådhus, kommunestyresalen"),
    ("Heading 1", "Til stede"),
]
# rows of the attendee table; "^" = merged with the cell above, a 1-tuple spans the whole row
HALLINGDAL_TABLE = [
    ("Navn", "Funksjon", "Kommune"),
    ("Sigrid Flaten Rudningen", "ordfører", "Flå"),
    ("Øystein Bergsland", "kommunedirektør", "Flå"),
    ("Hallvard Sletten", "ordfører", "Nesbyen"),
    ("Tone Kvisler", "", "Nesbyen"),
    ("Knut Erik Opheim", "ordfører", "Gol"),
    ("Marte Skarsgard", "varaordfører", "^"),
    ("Ola Tufte Haugo", "ordfører", "Hemsedal"),
    ("Britt Rudi", "ordfører", "Ål"),
    ("Gunnar Vestheim", "kommunedirektør", "Ål"),
    ("Ingebjørg Myhre", "ordfører", "Hol"),
    ("Observatører",),
    ("Erlend Grøthe", "daglig leder", "Hallingdal Næringshage"),
    ("Solveig Båtstø", "rådgiver", "Viken fylkeskommune"),
]
HALLINGDAL_BODY = [
    (None, "Forfall: Per Arne Bøe, varaordfører, Hemsedal"),
    (None, "Fra sekretariatet: Anders Kolsrud, regionkoordinator"),
    (None, "Referent: Hilde Sørbøen"),
    ("Heading 1", "Saksliste"),
    ("Heading 2", "Sak 41/23 Godkjenning av innkalling og saksliste"),
    (None, "Vedtak: Innkalling og saksliste godkjennes."),
    ("Heading 2", "Sak 42/23 Godkjenning av protokoll fra møtet 26. september"),
    (None, "Vedtak: Protokollen godkjennes uten merknader."),
    ("Heading 2", "Sak 43/23 Strategisk næringsplan for Hallingdal 2024–2027"),
    (None, "Saken ble innledet v/ Anders Kolsrud. Planen bygger på tre satsinger: reiseliv, "
           "fritidsboliger og fornybar energi. Kommunene ønsker mer vekt på kompetanse og rekruttering."),
    (None, "Vedtak: Regionrådet slutter seg til utkastet og sender det på høring til kommunene."),
    (None, "Ansvar: Anders Kolsrud. Frist: 15. januar 2024."),
    ("Heading 2", "Sak 44/23 Grønn reiselivsdestinasjon Hallingdal – søknad om midler"),
    (None, "Erlend Grøthe orienterte om prosjektet Grønn reiselivsdestinasjon Hallingdal, som eies av "
           "Hallingdal Næringshage. Det søkes Viken fylkeskommune om kr 1,5 mill. over to år, og "
           "Innovasjon Norge er med som partner. Målet er sertifisering av reiselivsbedrifter i alle "
           "seks kommunene."),
    (None, "Vedtak: Regionrådet støtter søknaden og bidrar med 200 000 kroner i egenandel."),
    (None, "Ansvar: Erlend Grøthe, Hallingdal Næringshage. Frist: 1. februar 2024."),
    ("Heading 2", "Sak 45/23 Mobildekning langs Rv7 og Rv52"),
    (None, "Det mangler fortsatt dekning på strekningen Gol–Hemsedal og over Hardangervidda. "
           "Knut Erik Opheim tar saken opp med Statens vegvesen."),
    (None, "Vedtak: Sekretariatet lager en felles uttalelse til Nasjonal kommunikasjonsmyndighet."),
    (None, "Ansvar: Anders Kolsrud. Frist: 8. desember 2023."),
    ("Heading 2", "Sak 46/23 Møteplan og arrangementer 2024"),
    ("List Number", "30. januar – Regionrådsmøte, Nesbyen"),
    ("List Number", "12.–13. mars – Hallingdalskonferansen, Geilo (TBC)"),
    ("List Number", "23. april – Regionrådsmøte, Hol"),
    ("List Number", "Studietur til Brussel i uke 38 er avlyst"),
    (None, "Vedtak: Møteplanen vedtas."),
    ("Heading 2", "Sak 47/23 Eventuelt"),
    (None, "Ingen saker."),
]


def make_docx(path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = FIXED
    for style, text in HALLINGDAL_HEAD:
        d.add_paragraph(text, style=style)
    table = d.add_table(rows=len(HALLINGDAL_TABLE), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(HALLINGDAL_TABLE):
        if len(row) == 1:
            merged = table.cell(r, 0).merge(table.cell(r, 2))
            merged.text = row[0]
            continue
        for c, value in enumerate(row):
            if value == "^":
                table.cell(r - 1, c).merge(table.cell(r, c))
            else:
                table.cell(r, c).text = value
    assert d.styles["List Number"].type == WD_STYLE_TYPE.PARAGRAPH
    for style, text in HALLINGDAL_BODY:
        d.add_paragraph(text, style=style)
    d.save(path)


# -- 102: PDF ----------------------------------------------------------------
GJOVIK_HEAD = [
    "REGIONRÅDET FOR GJØVIKREGIONEN",
    "Protokoll fra møte i Regionrådet for Gjøvikregionen",
    "",
    "Møtedato: 12.09.2014",
    "Tid: kl. 09.00–12.00",
    "Sted: Vestre Toten rådhus, Raufoss",
    "",
    "Til stede:",
]
GJOVIK_TABLE = [
    ("Navn", "Representerer"),
    ("Marit Solberg Haugen", "Gjøvik kommune"),
    ("Tor Einar Brenden", "Gjøvik kommune"),
    ("Ingrid Tveit", "Østre Toten kommune"),
    ("Halvard Moen", "Østre Toten kommune"),
    ("Sigrun Bakkerud", "Vestre Toten kommune"),
    ("Per Olav Granum", "Vestre Toten kommune"),
    ("Kjersti Nordlien", "Nordre Land kommune"),
    ("Arne Hovland", "Søndre Land kommune"),
    ("Liv Randi Sveen", "Søndre Land kommune"),
    ("Jon Erik Tomter", "Oppland fylkeskommune"),
]
GJOVIK_BODY = [
    "",
    "Forfall: Nils Kristian Dahl, Nordre Land kommune",
    "Fra sekretariatet: Randi Fossum, regionkoordinator (referent)",
    "",
    "Saksliste",
    "",
    "Sak 051/14 Godkjenning av innkalling og saksliste",
    "Vedtak: Innkalling og saksliste godkjennes.",
    "",
    "Sak 052/14 Godkjenning av protokoll fra møtet 15.08.2014",
    "Vedtak: Protokollen godkjennes.",
    "",
    "Sak 053/14 Bredbåndsutbygging i Gjøvikregionen – status",
    "Orientering v/ Randi Fossum. Utbyggingen i Nordre Land og Søndre Land er forsinket.",
    "Eidsiva Bredbånd har fått kontrakten for fire delområder. Samlet kostnad er 24 mill. kroner,",
    "hvorav Oppland fylkeskommune dekker kr 6,5 mill.",
    "Vedtak: Regionrådet tar orienteringen til etterretning og ber om ny status i desember.",
    "",
    "Sak 054/14 Regionalt næringsfond 2015",
    "Fondet er på 3 200 000 kroner for 2015. Prosjektet Mjøsbyen fra kommune til region",
    "tildeles 450 000 kroner, og Toten Vekst får 300 000 kroner til etablererveiledning.",
    "Vedtak: Fordelingen vedtas som foreslått.",
    "",
    "Sak 055/14 Høgskolen i Gjøvik – samarbeid om studieplasser i IKT",
    "Ved Svein Olav Lien, prorektor, Høgskolen i Gjøvik. Høgskolen ønsker et samarbeid med",
    "kommunene om praksisplasser innen informasjonssikkerhet og IKT.",
    "Vedtak: Regionrådet stiller seg positiv og ber rådmennene følge opp.",
    "",
    "Sak 056/14 Møteplan våren 2015",
    "Neste møter: 23. januar, 13. mars og 24. april 2015. Regionkonferansen holdes på Raufoss",
    "27.–28. mai 2015 (TBA).",
    "Vedtak: Møteplanen vedtas.",
    "",
    "Sak 057/14 Eventuelt",
    "Ingen saker.",
]


def make_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", fname=FONT)  # a Unicode TrueType font, embedded as Word's PDF export does
    pdf.add_font("DejaVu", style="B", fname=FONT.replace("Sans.ttf", "Sans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    for line in GJOVIK_HEAD:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(70, 90), width=160, align="LEFT", line_height=6) as table:
        for row in GJOVIK_TABLE:
            r = table.row()
            for value in row:
                r.cell(value)
    for line in GJOVIK_BODY:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# -- 104: cp1252 text with CRLF ---------------------------------------------
ROMERIKE = """\
Referat fra møte i Romerike næringsutvalg
Dato: 17.3.21
Tid: Onsdag 17. mars kl. 13.00–15.30
Sted: Teams

Møtt:
Ordfører Kari Nordmann, Nittedal kommune
Varaordfører Henrik Aasland, Lillestrøm kommune
Ordfører Trine Lise Gundersen, Lørenskog kommune
Næringssjef Petter Mjøen, Rælingen kommune
Ordfører Ellen Margrethe Sand, Aurskog-Høland kommune
Kommunedirektør Jørn Aamodt, Enebakk kommune
Daglig leder Camilla Strand Nyhus, Nedre Romerike Næringsforening
Seniorrådgiver Hans Petter Wold, Viken fylkeskommune

Forfall:
Ordfører Ole Martin Frøysland, Rælingen kommune
Ordfører Geir Inge Lien, Enebakk kommune

Dessuten møtte:
Rådgiver Nina Hegge, Innovasjon Norge Oslo og Viken
Prosjektleder Sindre Aune, Kjeller Innovasjon

Referent: Mette Langseth, sekretariatet

Saksliste:

1. Godkjenning av innkalling og referat
Innkalling og referat fra møtet 10. februar ble godkjent.

2. Næringsarealer langs Rv4 – felles kartlegging
Petter Mjøen orienterte. Rælingen, Lillestrøm og Nittedal har sammen kartlagt ledige
næringsarealer. Kartleggingen viser om lag 400 dekar regulert areal som ikke er i bruk.
Viken fylkeskommune har gitt 250 000 kroner til arbeidet.
Konklusjon: Kartleggingen videreføres til Aurskog-Høland og Enebakk.

3. Grønt industriløft Romerike
Sindre Aune, Kjeller Innovasjon, presenterte prosjektet Grønt industriløft Romerike.
Prosjektet skal hjelpe 30 industribedrifter med energieffektivisering og sirkulær
produksjon. Innovasjon Norge har bevilget kr 1,2 mill., og Nedre Romerike Næringsforening
er partner. Prosjektet er forankret i Grønn plattform.
Konklusjon: Utvalget støtter prosjektet og ber om en statusrapport til høsten.

4. Kompetanse og rekruttering
Camilla Strand Nyhus la fram en undersøkelse blant 120 bedrifter: to av tre mangler
fagarbeidere innen elektro og bygg. Lørenskog og Lillestrøm samarbeider med
Skedsmo videregående skole om et nytt kurstilbud.

5. Kommende arrangementer
- 14. april: Næringsfrokost Romerike, Lillestrøm
- 5.–6. mai: Romeriksmessa, Jessheim (avlyst)
- Uke 38: Innovasjonsuka Kjeller (TBA)

6. Eventuelt
Ingen saker.
"""


def main() -> None:
    MINUTES.mkdir(exist_ok=True)
    make_docx(MINUTES / "101_hallingdal_2023-11.docx")
    make_pdf(MINUTES / "102_gjovikregionen_2014-09.pdf")
    (MINUTES / "104_romerike_2021-03.txt").write_bytes(ROMERIKE.replace("\n", "\r\n").encode("cp1252"))


if __name__ == "__main__":
    main()
