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
