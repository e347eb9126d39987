"""Pictures of a neighbourhood: the HTML page works offline in a real headless browser; SVG and PNG."""

from __future__ import annotations

import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kg.graph.viz import browser

needs_browser = pytest.mark.skipif(browser() is None, reason="no headless Chromium installed (apt-get install chromium)")



@pytest.fixture(scope="module")
def page(network, tmp_path_factory) -> Path:
    return network.network.picture("Søndre Viken", tmp_path_factory.mktemp("page") / "network.html")


def test_the_page_needs_no_network(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|img|link|iframe)[^>]+(?:src|href)=", text)
    assert "@import" not in text and "url(" not in text


def test_nodes_are_coloured_by_kind_and_edges_labelled(page):
    text = page.read_text(encoding="utf-8")
    svg = ET.fromstring(text[text.index("<svg"): text.index("</svg>") + 6])
    ns = "{http://www.w3.org/2000/svg}"
    nodes = svg.findall(f"{ns}g")
    assert {n.find(f"{ns}title").text for n in nodes} >= {"Søndre Viken (region)", "Fredrikstad (municipality)",
                                                          "Hydrogen Halden (project)", "Eva Strand (person)"}
    colours = {n.find(f"{ns}title").text.split(" (")[-1]: n.find(f"{ns}circle").get("fill") for n in nodes}
    assert len(set(colours.values())) == len(colours)
    assert {"owns", "works with", "works on"} <= {t.text for t in svg.findall(f"{ns}text")}


def dump_dom_after_click(page: Path, label: str) -> str:
    """The page's DOM after a click on the node with this label, as a headless Chromium sees it."""
    text = page.read_text(encoding="utf-8")
    click = ("<script>for (const n of document.querySelectorAll('.node')) if (n.querySelector('title')"
             f".textContent.startsWith({label!r})) n.dispatchEvent(new MouseEvent('click'));</script>")
    with tempfile.TemporaryDirectory() as tmp:
        clicked = Path(tmp) / "clicked.html"
        clicked.write_text(text.replace("</body>", click + "</body>"), encoding="utf-8")
        done = subprocess.run([browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                               "--no-first-run", f"--user-data-dir={tmp}/profile", "--dump-dom", clicked.as_uri()],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout


@needs_browser
def test_clicking_a_node_shows_its_evidence_in_a_real_browser(page):
    dom = dump_dom_after_click(page, "Fredrikstad")
    panel = dom[dom.index('id="panel"'):]
    assert "<h2>Fredrikstad" in panel
    assert "Samarbeider med Fredrikstad om havneutvikling." in panel
    assert "2023-03-10_naering.txt" in panel


def test_svg_for_a_report(network, tmp_path):
    out = network.network.picture("Søndre Viken", tmp_path / "network.svg", fmt="svg")
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


@needs_browser
def test_png_for_a_report(network, tmp_path):
    out = network.network.picture("Søndre Viken", tmp_path / "network.png", fmt="png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
