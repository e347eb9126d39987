"""Node positions for a picture: a small force layout in pure Python (networkx's needs numpy).

Fruchterman–Reingold: linked nodes pull together, all nodes push apart, the
moves cool down each round. Seeded, so the same graph gives the same picture.
"""

from __future__ import annotations

import math
import random


def force_layout(nodes: list[str], edges: list[tuple[str, str]], *, centre: str | None = None,
                 rounds: int = 200, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Positions in the unit square [0, 1]², the centre node (if any) held in the middle."""
    rnd = random.Random(seed)
    n = len(nodes)
    if n == 0:
        return {}
    pos = {v: [rnd.random(), rnd.random()] for v in nodes}
    if centre in pos:
        pos[centre] = [0.5, 0.5]
    k = math.sqrt(1.0 / n)
    step = 0.1
    for _ in range(rounds):
        move = {v: [0.0, 0.0] for v in nodes}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = max(math.hypot(dx, dy), 1e-4)
                push = k * k / d
                move[a][0] += dx / d * push
                move[a][1] += dy / d * push
                move[b][0] -= dx / d * push
                move[b][1] -= dy / d * push
        for a, b in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 1e-4)
            pull = d * d / k
            move[a][0] -= dx / d * pull
            move[a][1] -= dy / d * pull
            move[b][0] += dx / d * pull
            move[b][1] += dy / d * pull
        for v in nodes:
            if v == centre:
                continue
            mx, my = move[v]
            length = max(math.hypot(mx, my), 1e-9)
            pos[v][0] += mx / length * min(length, step)
            pos[v][1] += my / length * min(length, step)
        step *= 0.97
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    return {v: ((p[0] - min(xs)) / span, (p[1] - min(ys)) / span) for v, p in pos.items()}
