"""Pictures of an actor's neighbourhood: a self-contained interactive HTML page, an SVG, or a PNG.

The drawing is one SVG made here (positions from kg.graph.layout), coloured by
kind. Each edge is an arrow from the thing its words are read from ("Søndre
Viken owns → My Digital City"), labelled on a white box; labels are placed
along their edge where they overlap no other label, node or node name. The
HTML page holds that SVG, scaled to fit beside a fixed-width evidence panel,
the evidence as JSON and a few lines of script: clicking a node lists the
sentences behind its edges. Nothing is fetched from the network. PNG is the
SVG rendered by a headless Chromium, when one is installed.
"""

from __future__ import annotations

import html
import json
import math
import shutil
import subprocess
import tempfile
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.graph.analytics import Neighbourhood
from kg.graph.layout import force_layout

FORMATS = ("html", "svg", "png")
COLOURS = {
    "person": "#4e79a7", "municipality": "#59a14f", "region": "#8cd17d", "organisation": "#f28e2b",
    "institution": "#e15759", "cluster": "#b07aa1", "project": "#edc948", "programme": "#ff9da7",
    "topic": "#9c755f", "meeting": "#bab0ac", "event": "#76b7b2", "place": "#d4a6c8",
}
WIDTH, HEIGHT, MARGIN = 1200, 800, 90
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")

SCRIPT = """
const EVIDENCE = JSON.parse(document.getElementById('evidence').textContent);
const panel = document.getElementById('panel');
function show(id) {
  const info = EVIDENCE[id];
  document.querySelectorAll('.node').forEach(n => n.classList.toggle('picked', n.dataset.id === id));
  let out = '<h2>' + info.label + ' <small>(' + info.kind + ')</small></h2>';
  for (const e of info.edges) {
    out += '<h3>' + e.relations + ' ' + e.other + '</h3><ul>';
    for (const q of e.evidence) {
      out += '<li><b>' + (q.date || '') + '</b> ' + q.document + ' · ' + q.section + ' · lines ' +
             q.lines[0] + '-' + q.lines[1] + '<br>“' + q.text + '”</li>';
    }
    out += '</ul>';
  }
  panel.innerHTML = out;
}
document.querySelectorAll('.node').forEach(n => n.addEventListener('click', () => show(n.dataset.id)));
"""
# The picture takes what the panel leaves and scales to fit it (viewBox); the panel never covers it.
STYLE = """
html, body { height: 100%; } body { font-family: system-ui, sans-serif; margin: 0; display: flex; overflow: hidden; }
#picture { flex: 1 1 auto; min-width: 0; height: 100%; } #picture svg { display: block; width: 100%; height: 100%; }
#panel { flex: 0 0 300px; box-sizing: border-box; height: 100%; overflow: auto; padding: 0 1em;
  border-left: 1px solid #ccc; font-size: 13px; } #panel h2 { font-size: 16px; }
#panel h3 { font-size: 13px; margin-bottom: 0.2em; }
.node { cursor: pointer; } .node.picked circle { stroke: #000; stroke-width: 3px; }
"""
FONT = 10          # edge label size, px
CHAR = 0.6 * FONT  # the width of a character, near enough for placing labels


Box = tuple[float, float, float, float]   # left, top, right, bottom


def svg(hood: Neighbourhood, *, width: int = WIDTH, height: int = HEIGHT) -> str:
    """The neighbourhood drawn as SVG: nodes coloured by kind, directed edges with labels that do not overlap."""
    ids = [hood.centre.id] + [n.id for n, _ in hood.nodes]
    pos = force_layout(ids, [(e.source.id, e.target.id) for e in hood.edges], centre=hood.centre.id)
    xy = {i: (MARGIN + x * (width - 2 * MARGIN), MARGIN + y * (height - 2 * MARGIN)) for i, (x, y) in pos.items()}
    kinds = {hood.centre.id: hood.centre.kind, **{n.id: n.kind for n, _ in hood.nodes}}
    labels = {hood.centre.id: hood.centre.label, **{n.id: n.label for n, _ in hood.nodes}}
    radius = {i: 16 if i == hood.centre.id else 10 for i in ids}
    esc = html.escape
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMid meet" font-family="sans-serif">',
             # one arrowhead size whatever the line's width (userSpaceOnUse)
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
             'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#777"/>'
             '</marker></defs>',
             f'<rect width="{width}" height="{height}" fill="white"/>']
    taken = [_node_box(xy[i], radius[i]) for i in ids] + [_name_box(xy[i], radius[i], labels[i]) for i in ids]
    edge_labels = []
    for e in hood.edges:
        (x1, y1), (x2, y2) = xy[e.source.id], xy[e.target.id]
        d = max(math.hypot(x2 - x1, y2 - y1), 1e-9)
        ux, uy = (x2 - x1) / d, (y2 - y1) / d   # the arrow stops at the target's rim
        parts.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2 - ux * (radius[e.target.id] + 2):.1f}" '
                     f'y2="{y2 - uy * (radius[e.target.id] + 2):.1f}" stroke="#999" '
                     f'stroke-width="{min(1 + e.weight / 2, 6):.1f}" marker-end="url(#arrow)"/>')
        text = " / ".join(e.relations)
        box = place_label(text, (x1, y1), (x2, y2), taken)
        taken.append(box)
        edge_labels.append((box, text))
    for (left, top, right, bottom), text in edge_labels:   # drawn over every line
        parts.append(f'<g class="edge-label"><rect x="{left:.1f}" y="{top:.1f}" width="{right - left:.1f}" '
                     f'height="{bottom - top:.1f}" fill="white" fill-opacity="0.85"/>'
                     f'<text x="{(left + right) / 2:.1f}" y="{bottom - 3:.1f}" font-size="{FONT}" fill="#444" '
                     f'text-anchor="middle">{esc(text)}</text></g>')
    for i in ids:
        x, y = xy[i]
        r = radius[i]
        parts.append(f'<g class="node" data-id="{esc(i)}"><title>{esc(labels[i])} ({kinds[i]})</title>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{COLOURS.get(kinds[i], "#ccc")}" stroke="#333"/>'
                     f'<text x="{x:.1f}" y="{y - r - 4:.1f}" font-size="12" text-anchor="middle">{esc(labels[i])}</text></g>')
    for k, (kind, colour) in enumerate(sorted((k, COLOURS.get(k, "#ccc")) for k in set(kinds.values()))):
        parts.append(f'<circle cx="20" cy="{20 + 18 * k}" r="6" fill="{colour}"/>'
                     f'<text x="32" y="{24 + 18 * k}" font-size="12">{kind}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def place_label(text: str, a: tuple[float, float], b: tuple[float, float], taken: list[Box]) -> Box:
    """The box of an edge's label: the first spot along the edge (middle first), then beside it,
    that overlaps nothing already placed; the middle when every spot is taken."""
    w, h = len(text) * CHAR + 4, FONT + 4
    (x1, y1), (x2, y2) = a, b
    d = max(math.hypot(x2 - x1, y2 - y1), 1e-9)
    nx, ny = -(y2 - y1) / d, (x2 - x1) / d   # the edge's normal
    spots = [(t, s) for s in (0, 1, -1, 2, -2) for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)]
    for t, side in spots:
        cx, cy = x1 + (x2 - x1) * t + nx * side * h, y1 + (y2 - y1) * t + ny * side * h
        box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        if not any(overlap(box, other) for other in taken):
            return box
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def overlap(p: Box, q: Box) -> bool:
    return p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]


def _node_box(centre: tuple[float, float], r: float) -> Box:
    x, y = centre
    return (x - r, y - r, x + r, y + r)


def _name_box(centre: tuple[float, float], r: float, name: str) -> Box:
    """Where a node's name is written: centred above the circle, 12 px text."""
    x, y = centre
    w = len(name) * 7.2
    return (x - w / 2, y - r - 16, x + w / 2, y - r - 2)


def page(hood: Neighbourhood) -> str:
    """A self-contained HTML page: the SVG, the evidence as JSON, and the click handler."""
    esc = html.escape  # the script writes these into the page as HTML
    info: dict[str, dict] = {}
    for n in [hood.centre] + [n for n, _ in hood.nodes]:
        info[n.id] = {"label": esc(n.label), "kind": n.kind, "edges": []}
    for e in hood.edges:
        for me, other in ((e.source, e.target), (e.target, e.source)):
            info[me.id]["edges"].append({"relations": esc(" / ".join(e.relations)), "other": esc(other.label),
                                         "evidence": [{k: esc(v) if isinstance(v, str) else v
                                                       for k, v in x.to_json().items()} for x in e.evidence]})
    data = json.dumps(info, ensure_ascii=False).replace("</", "<\\/")
    title = html.escape(f"{hood.centre.label}: neighbourhood (depth {hood.depth})")
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<style>{STYLE}</style></head><body>\n<div id=\"picture\">{svg(hood)}</div>\n"
            f"<div id=\"panel\"><h2>{title}</h2><p>Click a node to see the sentences behind its links.</p></div>\n"
            f"<script type=\"application/json\" id=\"evidence\">{data}</script>\n<script>{SCRIPT}</script>\n"
            "</body></html>\n")


def browser() -> str | None:
    return next((b for b in map(shutil.which, BROWSERS) if b), None)


def screenshot(html_file: Path, png: Path, size: tuple[int, int] = (WIDTH, HEIGHT)) -> None:
    """Render a page to PNG with headless Chromium."""
    exe = browser()
    if exe is None:
        raise KgError("a PNG needs a headless Chromium (apt-get install chromium); --format svg needs nothing")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                               "--no-first-run", f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
                               f"--screenshot={png.resolve()}", html_file.resolve().as_uri()],
                              capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not png.exists():
        raise KgError(f"chromium could not draw the picture: {done.stderr.strip()[-300:]}")


def write(hood: Neighbourhood, fmt: str, output: Path) -> Path:
    if fmt not in FORMATS:
        raise QueryError(f"--format is one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "html":
        output.write_text(page(hood), encoding="utf-8")
    elif fmt == "svg":
        output.write_text(svg(hood), encoding="utf-8")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            drawing = Path(tmp) / "picture.html"
            drawing.write_text(f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body {{ margin: 0; "
                               f"overflow: hidden; }} svg {{ display: block; }}</style></head><body>{svg(hood)}"
                               "</body></html>", encoding="utf-8")
            screenshot(drawing, output)
    return output
