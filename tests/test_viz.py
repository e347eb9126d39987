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
    assert "@import" not in text and not re.search(r"url\((?!#)", text)   # url(#arrow) is the page's own marker


def test_nodes_are_coloured_by_kind_and_edges_labelled(page):
    text = page.read_text(encoding="utf-8")
    svg = ET.fromstring(text[text.index("<svg"): text.index("</svg>") + 6])
    ns = "{http://www.w3.org/2000/svg}"
    nodes = [g for g in svg.findall(f"{ns}g") if g.get("class") == "node"]
    assert {n.find(f"{ns}title").text for n in nodes} >= {"Søndre Viken (region)", "Fredrikstad (municipality)",
                                                          "Hydrogen Halden (project)", "Eva Strand (person)"}
    colours = {n.find(f"{ns}title").text.split(" (")[-1]: n.find(f"{ns}circle").get("fill") for n in nodes}
    assert len(set(colours.values())) == len(colours)
    assert {"owns", "works with", "works on"} <= {t.text for t in svg.iter(f"{ns}text")}


def test_edges_are_arrows_with_labels_that_do_not_overlap(page):
    from kg.graph.viz import overlap

    text = page.read_text(encoding="utf-8")
    svg = ET.fromstring(text[text.index("<svg"): text.index("</svg>") + 6])
    ns = "{http://www.w3.org/2000/svg}"
    lines = [line for line in svg.iter(f"{ns}line") if line.get("class") == "edge"]
    assert lines and all(line.get("marker-end") == "url(#arrow)" for line in lines)
    boxes = [tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
             for g in svg.findall(f"{ns}g") if g.get("class") == "edge-label" for r in g.findall(f"{ns}rect")]
    boxes = [(x, y, x + w, y + h) for x, y, w, h in boxes]
    assert len(boxes) == len(lines)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlap(a, b)]


def test_an_arrow_points_the_way_its_words_read(network):

    hood = network.network.neighbours("Smart Fornebu")
    owner = next(e for e in hood.edges if e.target.label == "Bærum")
    assert owner.source.label == "Smart Fornebu" and "owned by" in owner.relations


def test_depth_and_kind_filters(network, tmp_path):
    hood = network.network.neighbours("Søndre Viken", 2, kinds=("municipality", "project"))
    assert {n.kind for n, _ in hood.nodes} == {"municipality", "project"}
    assert all({e.source.kind, e.target.kind} <= {"region", "municipality", "project"} for e in hood.edges)
    out = network.network.picture("Søndre Viken", tmp_path / "p.svg", fmt="svg", depth=2, kinds=("project",))
    assert "Hydrogen Halden" in out.read_text(encoding="utf-8") and "Fredrikstad" not in out.read_text(encoding="utf-8")


def test_the_picture_scales_into_the_room_the_panel_leaves(page):
    text = page.read_text(encoding="utf-8")
    assert 'preserveAspectRatio="xMidYMid meet"' in text
    assert "#picture svg { display: block; width: 100%; height: 100%; }" in text
    assert "#panel { flex: 0 0 300px;" in text


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


@needs_browser
def test_in_a_1200_by_850_window_the_panel_sits_beside_the_whole_picture(page):
    """Measured by a real headless Chromium: every node is inside the window and left of the panel."""
    text = page.read_text(encoding="utf-8")
    measure = ("<script>const p = document.getElementById('panel').getBoundingClientRect();"
               "const nodes = [...document.querySelectorAll('.node circle')].map(c => c.getBoundingClientRect());"
               "document.body.dataset.layout = JSON.stringify({panel: p.left, right: Math.max(...nodes.map(n => n.right)),"
               "bottom: Math.max(...nodes.map(n => n.bottom)), top: Math.min(...nodes.map(n => n.top)),"
               "left: Math.min(...nodes.map(n => n.left)), count: nodes.length});</script>")
    with tempfile.TemporaryDirectory() as tmp:
        measured = Path(tmp) / "measured.html"
        measured.write_text(text.replace("</body>", measure + "</body>"), encoding="utf-8")
        done = subprocess.run([browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                               "--no-first-run", f"--user-data-dir={tmp}/profile", "--window-size=1200,850",
                               "--dump-dom", measured.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    import html
    import json

    layout = json.loads(html.unescape(re.search(r'data-layout="([^"]+)"', done.stdout).group(1)))
    assert layout["count"] > 5
    assert 0 <= layout["left"] and layout["right"] <= layout["panel"] <= 1200
    assert 0 <= layout["top"] and layout["bottom"] <= 850
