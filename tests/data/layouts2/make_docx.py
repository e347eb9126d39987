"""Writes vest-telemark-radet-2022-10-27.docx (run once; the .docx is kept beside it): a Møtebok with the
attendance in a table of name, party, municipality and function, and each case as Saksnr./Behandling/
Votering/Vedtak. Invented people; the municipalities of Vest-Telemarkrådet are real."""

from pathlib import Path

from docx import Document

doc = Document()
doc.add_heading("Møtebok – Vest-Telemarkrådet", level=1)
doc.add_paragraph("Møtedato: 27.10.2022    Møtestad: Dalen hotell, Tokke    Tid: 10:00–14:30")
doc.add_paragraph("Følgjande medlemer møtte:")
rows = [("Namn", "Parti", "Kommune", "Funksjon"),
        ("Gunhild Rue", "Sp", "Seljord", "Leiar"),
        ("Olav Kvåle", "Ap", "Kviteseid", "Medlem"),
        ("Torleif Haugen", "H", "Nissedal", "Nestleiar"),
        ("Aslaug Bakken", "Sp", "Tokke", "Medlem"),
        ("Ragnhild Moen", "Ap", "Vinje", "Vara for Jarle Flatland")]
t = doc.add_table(rows=len(rows), cols=4)
for i, row in enumerate(rows):
    for j, cell in enumerate(row):
        t.cell(i, j).text = cell
doc.add_paragraph("Forfall: Jarle Flatland (Vinje), Siri Tveit (Fyresdal)")
doc.add_paragraph("Frå administrasjonen: Knut Olav Rønningen, dagleg leiar (sekretær)")
cases = [("Saksnr. 41/22", "Godkjenning av møtebok frå 15.09.2022", None, "Samrøystes.",
          "Møteboka vert godkjend."),
         ("Saksnr. 42/22", "Reiselivsstrategi for Vest-Telemark",
          "Torleif Haugen gjorde framlegg om å utsetje saka til neste møte.",
          "Framlegget frå Haugen fall med 4 mot 1 røyst.",
          "Vest-Telemarkrådet vedtek reiselivsstrategien og løyver kr 250 000 til oppfølging i 2023."),
         ("Saksnr. 43/22", "Breiband i grendene", "Olav Kvåle orienterte om utbygginga i Kviteseid.",
          "Samrøystes.", "Saka vert teken til vitande.")]
for number, title, discussion, vote, decision in cases:
    doc.add_heading(f"{number} {title}", level=2)
    if discussion:
        doc.add_paragraph("Behandling:")
        doc.add_paragraph(discussion)
    doc.add_paragraph(f"Votering: {vote}")
    doc.add_paragraph(f"Vedtak: {decision}")
doc.save(Path(__file__).with_name("vest-telemark-radet-2022-10-27.docx"))

# valdres-regionrad-2024-01-25.docx: a two-column table "Til stades | Forfall", each cell a list of
# "Namn, Kommune" paragraphs; the chair said in a sentence.
doc = Document()
doc.add_heading("Protokoll – Valdres regionråd", level=1)
doc.add_paragraph("Dato: 25. januar 2024. Stad: Valdres vidaregåande skule, Fagernes.")
t = doc.add_table(rows=2, cols=2)
t.cell(0, 0).text, t.cell(0, 1).text = "Til stades", "Forfall"
present = t.cell(1, 0)
present.text = "Ingvild Rudi, Etnedal"
for line in ("Steinar Ekren, Nord-Aurdal", "Hanne Flaten, Vestre Slidre", "Jon Kåre Tveit, Vang"):
    present.add_paragraph(line)
absent = t.cell(1, 1)
absent.text = "Tord Dalsbø, Øystre Slidre"
absent.add_paragraph("Liv Margit Hølje, Sør-Aurdal")
doc.add_paragraph("Møtet vart leia av Steinar Ekren. Frå Valdres Natur- og Kulturpark møtte dagleg leiar "
                  "Marte Kvåle, som også skreiv protokollen.")
doc.add_heading("Sak 1/24 Regional plan for reiseliv", level=2)
doc.add_paragraph("Marte Kvåle orienterte om arbeidet med regional plan for berekraftig reiseliv i Valdres.")
doc.add_paragraph("Vedtak: Regionrådet sluttar seg til framdriftsplanen.")
doc.add_heading("Sak 2/24 Valdresbanen", level=2)
doc.add_paragraph("Jon Kåre Tveit orienterte om arbeidet for å opne Valdresbanen for turisttog.")
doc.add_paragraph("Vedtak: Saka vert teken til orientering.")
doc.save(Path(__file__).with_name("valdres-regionrad-2024-01-25.docx"))
