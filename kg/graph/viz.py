"""Pictures of an actor's neighbourhood: a self-contained interactive HTML page, an SVG, or a PNG.

The drawing is one SVG made here (positions from kg.graph.layout), coloured by
kind with each edge labelled by its relations. The HTML page holds that SVG,
the evidence as JSON and a few lines of script: clicking a node lists the
sentences behind its edges. Nothing is fetched from the network. PNG is the
SVG rendered by a headless Chromium, when one is installed.
"""

from __future__ import annotations

import html
import json
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
STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }
#picture { flex: 3; overflow: auto; } #panel { flex: 1; overflow: auto; padding: 0 1em; border-left: 1px solid #ccc;
  font-size: 13px; } #panel h2 { font-size: 16px; } #panel h3 { font-size: 13px; margin-bottom: 0.2em; }
.node { cursor: pointer; } .node.picked circle { stroke: #000; stroke-width: 3px; }
"""


def svg(hood: Neighbourhood) -> str:
    """The neighbourhood drawn as SVG: nodes coloured by kind, edges labelled."""
    ids = [hood.centre.id] + [n.id for n, _ in hood.nodes]
    pos = force_layout(ids, [(e.source.id, e.target.id) for e in hood.edges], centre=hood.centre.id)
    xy = {i: (MARGIN + x * (WIDTH - 2 * MARGIN), MARGIN + y * (HEIGHT - 2 * MARGIN)) for i, (x, y) in pos.items()}
    esc = html.escape
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>']
    for e in hood.edges:
        (x1, y1), (x2, y2) = xy[e.source.id], xy[e.target.id]
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999" '
                     f'stroke-width="{min(1 + e.weight / 2, 6):.1f}"/>')
        parts.append(f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2:.1f}" font-size="10" fill="#555" '
                     f'text-anchor="middle">{esc(" / ".join(e.relations))}</text>')
    kinds = {hood.centre.id: hood.centre.kind, **{n.id: n.kind for n, _ in hood.nodes}}
    labels = {hood.centre.id: hood.centre.label, **{n.id: n.label for n, _ in hood.nodes}}
    for i in ids:
        x, y = xy[i]
        r = 16 if i == hood.centre.id else 10
        parts.append(f'<g class="node" data-id="{esc(i)}"><title>{esc(labels[i])} ({kinds[i]})</title>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{COLOURS.get(kinds[i], "#ccc")}" stroke="#333"/>'
                     f'<text x="{x:.1f}" y="{y - r - 4:.1f}" font-size="12" text-anchor="middle">{esc(labels[i])}</text></g>')
    for k, (kind, colour) in enumerate(sorted((k, COLOURS.get(k, "#ccc")) for k in set(kinds.values()))):
        parts.append(f'<circle cx="20" cy="{20 + 18 * k}" r="6" fill="{colour}"/>'
                     f'<text x="32" y="{24 + 18 * k}" font-size="12">{kind}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


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
            drawing.write_text(f"<!DOCTYPE html><html><body style=\"margin:0\">{svg(hood)}</body></html>",
                               encoding="utf-8")
            screenshot(drawing, output)
    return output
