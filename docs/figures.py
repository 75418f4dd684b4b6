"""
Make the pictures and figure tables of the README and the docs.

    python docs/figures.py                      # redraw from docs/_static/figures.json
    python docs/figures.py --corpus ../shared/corpus --measure-workers

Writes, all committed:

- docs/_static/dispatch.svg: a bundled sample dispatch, highlighted as the
  library's own HTML view (Dispatch._repr_html_) shows it, same colours,
  drawn as SVG straight from the parsed records (the README opens with it);
- docs/_static/accuracy.svg and docs/_static/accuracy-table.md: the team's
  floors beside the figures measured on the shared dev corpus
  (--corpus re-measures; needs benchmarks/floors.py's corpus);
- docs/_static/scaling.svg and docs/_static/scaling-table.md: `newswire
  parse` throughput against the number of workers (--measure-workers
  re-measures on this machine);
- docs/_static/figures.json: the measured figures, so the pictures can be
  redrawn without the corpus or a quiet machine.

The SVGs are deterministic for the same figures (no dates or random ids), so
a redraw that changes nothing leaves git clean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import newswire
from newswire._render import _LEGEND, _STYLE  # the HTML view's own colours

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
STATIC = DOCS / "_static"
DATA = STATIC / "figures.json"
SAMPLE = "xinhua-demo.txt"
REFERENCE_DATE = "2024-03-15"

# -- the highlighted dispatch ----------------------------------------------------

_CHAR_W = 8.4  # px per character of a 14px monospace font
_LINE_H = 21
_COLUMNS = 100
_PAD = 16
# Inner roles win: a cue inside statement content is drawn as the cue.
_PRIORITY = ["paragraph", "headline", "byline", "dateline", "trailer", "content", "speaker", "cue"]


def _background(role: str) -> str | None:
    for part in _STYLE.get(role, "").split(";"):
        key, _, value = part.partition(":")
        if key.strip() == "background":
            return value.strip()
    return None


def _roles(dispatch: newswire.Dispatch) -> list[str | None]:
    roles: list[str | None] = [None] * len(dispatch.text)
    spans: list[tuple[str, newswire.Span]] = []
    for role, span, _ in dispatch.iter_spans():
        if role == "fragment":
            spans.append(("content", span))
        elif role in _PRIORITY and role != "content":
            spans.append((role, span))
    spans.sort(key=lambda item: _PRIORITY.index(item[0]))
    for role, span in spans:
        for i in range(span.start, span.end):
            roles[i] = role
    return roles


def _wrap(text: str) -> list[tuple[int, int]]:
    # (start, end) offsets of each drawn line: the text's own lines, wrapped
    # at spaces to _COLUMNS; blank lines are kept, shortened runs of them.
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        start = pos
        while end - start > _COLUMNS:
            cut = text.rfind(" ", start, start + _COLUMNS)
            if cut <= start:
                lines.append((start, start + _COLUMNS))
                start += _COLUMNS
            else:
                lines.append((start, cut))  # the space at the cut is not drawn
                start = cut + 1
        lines.append((start, end))
        pos = end + 1
    squeezed: list[tuple[int, int]] = []
    for line in lines:
        blank = line[0] == line[1]
        if not (blank and squeezed and squeezed[-1][0] == squeezed[-1][1]):
            squeezed.append(line)
    return squeezed


def dispatch_svg(dispatch: newswire.Dispatch) -> str:
    roles = _roles(dispatch)
    lines = _wrap(dispatch.text)
    legend_y = _PAD + 14
    top = legend_y + 30
    width = int(_PAD * 2 + _COLUMNS * _CHAR_W)
    height = top + len(lines) * _LINE_H + _PAD + 20
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="A wire dispatch with its '
            'headline, dateline, statements, cues and speakers highlighted by newswire">'
        ),
        f'<rect width="{width}" height="{height}" fill="#ffffff" stroke="#d0d0d0"/>',
        (
            '<g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14" '
            'fill="#111111">'
        ),
    ]
    x = _PAD
    for role, label in _LEGEND:
        colour = _background(role) or "#ffffff"
        w = len(label) * _CHAR_W + 12
        out.append(
            f'<rect x="{x:.1f}" y="{legend_y - 14}" width="{w:.1f}" height="19" rx="3" '
            f'fill="{colour}" stroke="#bbbbbb"/>'
        )
        weight = ' font-weight="bold"' if role in {"cue", "headline"} else ""
        out.append(
            f'<text x="{x + 6:.1f}" y="{legend_y}" textLength="{len(label) * _CHAR_W:.1f}" '
            f'lengthAdjust="spacingAndGlyphs"{weight}>{html.escape(label)}</text>'
        )
        x += w + 8
    for row, (start, end) in enumerate(lines):
        y = top + row * _LINE_H + 14
        col = 0
        i = start
        while i < end:
            role = roles[i]
            j = i
            while j < end and roles[j] == role:
                j += 1
            piece = dispatch.text[i:j]
            px = _PAD + col * _CHAR_W
            length = len(piece) * _CHAR_W
            colour = _background(role) if role else None
            if colour is not None:
                out.append(
                    f'<rect x="{px:.1f}" y="{y - 15}" width="{length:.1f}" height="20" '
                    f'fill="{colour}"/>'
                )
            if role == "speaker":
                out.append(
                    f'<line x1="{px:.1f}" y1="{y + 3}" x2="{px + length:.1f}" y2="{y + 3}" '
                    'stroke="#1b4f72" stroke-width="1.2"/>'
                )
            # One text element per word, placed at its own column, so the
            # words sit on their highlights whatever the renderer's font.
            weight = ' font-weight="bold"' if role in {"cue", "headline"} else ""
            k = 0
            while k < len(piece):
                if piece[k] == " ":
                    k += 1
                    continue
                stop = piece.find(" ", k)
                stop = len(piece) if stop < 0 else stop
                word = piece[k:stop]
                out.append(
                    f'<text x="{px + k * _CHAR_W:.1f}" y="{y}" '
                    f'textLength="{len(word) * _CHAR_W:.1f}" '
                    f'lengthAdjust="spacingAndGlyphs"{weight}>{html.escape(word)}</text>'
                )
                k = stop
            col += j - i
            i = j
    out.append(
        f'<text x="{_PAD}" y="{height - _PAD + 4}" font-size="12" fill="#555555">'
        f"newswire.parse() on the bundled sample {SAMPLE}: {len(dispatch.statements)} "
        "statements, every speaker resolved to a name</text>"
    )
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


# -- accuracy ----------------------------------------------------------------------


def measure_accuracy(corpus: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.floors import FLOORS

    from newswire._evaluate import evaluate_records, read_gold

    files = sorted((corpus / "dev").glob("*.jsonl")) + sorted((corpus / "seed").glob("*.jsonl"))
    records = (record for path in files for record in read_gold(path))
    scores = evaluate_records(records)
    statements = {
        name: {k: scores[name][k] for k in scores[name] if k.startswith("statement")}
        for name in ("polnear", "seed")
        if name in scores
    }
    rows = []
    for name, field, metric, floor in FLOORS:
        rows.append(
            {
                "corpus": name,
                "field": field,
                "metric": metric,
                "floor": floor,
                "measured": scores[name][field][metric],
                "n": scores[name][field].get(
                    "total", scores[name][field].get("tp", 0) + scores[name][field].get("fn", 0)
                ),
            }
        )
    return rows, statements


def statements_text(s: dict[str, Any]) -> str:
    polnear, seed = s["polnear"], s["seed"]
    st = polnear["statements"]
    found = seed["statements"]
    return (
        f"PolNeAR dev, speech statements: F1 {st['f1']:.3f} (P {st['precision']:.3f}, "
        f"R {st['recall']:.3f}), speaker-mention accuracy "
        f"{polnear['statement_speaker']['accuracy']:.3f}, cue accuracy "
        f"{polnear['statement_cue']['accuracy']:.3f}, resolved-name accuracy "
        f"{polnear['statement_resolved']['accuracy']:.3f} "
        f"({polnear['statement_resolved']['total']} resolved statements). "
        f"Seed: {found['tp']}/{found['tp'] + found['fn']} found, {found['fp']} false "
        f"positive(s), resolved-name accuracy {seed['statement_resolved']['accuracy']:.3f}. "
        "(Written by `python docs/figures.py --corpus ../shared/corpus`.)\n"
    )


def accuracy_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| corpus | field | metric | floor | measured | n |", "|---|---|---|---|---|---|"]
    lines.extend(
        f"| {r['corpus']} | {r['field']} | {r['metric']} | {r['floor']:.3f} | "
        f"{r['measured']:.4f} | {r['n']} |"
        for r in rows
    )
    return "\n".join(lines) + "\n"


def _pyplot() -> Any:
    import matplotlib as mpl

    mpl.use("Agg")
    mpl.rcParams["svg.hashsalt"] = "newswire"
    mpl.rcParams["svg.fonttype"] = "none"
    import matplotlib.pyplot as plt

    return plt


def accuracy_svg(rows: list[dict[str, Any]], path: Path) -> None:
    plt = _pyplot()
    labels = [f"{r['corpus']} · {r['field']} ({r['metric']})" for r in rows]
    fig, ax = plt.subplots(figsize=(8, 0.28 * len(rows) + 1.2))
    ys = range(len(rows))
    ax.barh(ys, [r["measured"] for r in rows], color="#5dade2", label="measured")
    ax.scatter([r["floor"] for r in rows], ys, marker="|", s=180, color="#c0392b", zorder=3,
               label="floor")  # fmt: skip
    ax.set_yticks(list(ys), labels, fontsize=8)
    ax.invert_yaxis()
    low = min(min(r["floor"], r["measured"]) for r in rows)
    ax.set_xlim(max(0.0, low - 0.05), 1.0)
    ax.set_xlabel("score (shared dev corpus; seed = the team's hand-made set)")
    ax.legend(loc="lower left", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)


# -- scaling ---------------------------------------------------------------------


def measure_workers(counts: list[int], megabytes: float, runs: int) -> list[dict[str, Any]]:
    texts = list(newswire.samples().values())
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        size = 0
        with corpus.open("w", encoding="utf-8") as handle:
            n = 0
            while size < megabytes * 1e6:
                text = texts[n % len(texts)]
                line = json.dumps({"id": str(n), "text": text, "reference_date": REFERENCE_DATE})
                handle.write(line + "\n")
                size += len(text.encode("utf-8"))
                n += 1
        rows = []
        for workers in counts:
            best = float("inf")
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "newswire", "parse", "--input-format", "jsonl",
                     str(corpus), "-o", os.devnull, "--workers", str(workers), "-q"],
                    check=True,
                )  # fmt: skip
                best = min(best, time.perf_counter() - started)
            rows.append({"workers": workers, "mb_per_s": size / 1e6 / best, "seconds": best})
    return rows


def scaling_table(data: dict[str, Any]) -> str:
    rows = data["rows"]
    base = rows[0]["mb_per_s"]
    lines = ["| workers | MB/s | speed-up |", "|---|---|---|"]
    lines.extend(
        f"| {r['workers']} | {r['mb_per_s']:.2f} | {r['mb_per_s'] / base:.2f}× |" for r in rows
    )
    note = (
        f"\nMeasured on {data['when']} with `python docs/figures.py --measure-workers`: "
        f"{data['megabytes']:.0f} MB of the bundled samples as JSON Lines through "
        f"`newswire parse --workers N`, best of {data['runs']}, on a machine with "
        f"{data['cpus']} CPUs ({data['machine']}). The load average was about "
        f"{data.get('load', '?')} while they ran"
        + (
            ": other work held more than every CPU, so more workers could not be faster "
            "here. Re-measure on a quiet machine before drawing conclusions.\n"
            if data.get("load", 0) >= data["cpus"]
            else ".\n"
        )
    )
    return "\n".join(lines) + "\n" + note


def scaling_svg(data: dict[str, Any], path: Path) -> None:
    plt = _pyplot()
    rows = data["rows"]
    fig, ax = plt.subplots(figsize=(5.5, 3.2))
    workers = [r["workers"] for r in rows]
    ax.plot(workers, [r["mb_per_s"] for r in rows], marker="o", color="#2874a6",
            label="newswire parse")  # fmt: skip
    base = rows[0]["mb_per_s"]
    ax.plot(workers, [base * w for w in workers], linestyle="--", color="#aaaaaa",
            label="linear")  # fmt: skip
    ax.set_xticks(workers)
    ax.set_xlabel(f"--workers (on {data['cpus']} CPUs)")
    ax.set_ylabel("MB of text per second")
    ax.set_ylim(0, None)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="re-measure accuracy on this shared corpus")
    parser.add_argument("--measure-workers", action="store_true", help="re-measure throughput")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    STATIC.mkdir(exist_ok=True)
    data: dict[str, Any] = json.loads(DATA.read_text("utf-8")) if DATA.exists() else {}
    if args.corpus is not None:
        data["accuracy"], data["statements"] = measure_accuracy(args.corpus)
    if args.measure_workers:
        load_before = os.getloadavg()[0]
        rows = measure_workers(args.workers, args.megabytes, args.runs)
        data["scaling"] = {
            "rows": rows,
            "load": round((load_before + os.getloadavg()[0]) / 2, 1),
            "when": dt.date.today().isoformat(),  # noqa: DTZ011 - a label, not a computation
            "megabytes": args.megabytes,
            "runs": args.runs,
            "cpus": os.cpu_count(),
            "machine": f"{platform.machine()}, Python {platform.python_version()}",
        }
    DATA.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    dispatch = newswire.parse(
        newswire.samples()[SAMPLE], source_id=SAMPLE, reference_date=REFERENCE_DATE
    )
    (STATIC / "dispatch.svg").write_text(dispatch_svg(dispatch), encoding="utf-8")
    if "accuracy" in data:
        accuracy_svg(data["accuracy"], STATIC / "accuracy.svg")
        (STATIC / "accuracy-table.md").write_text(accuracy_table(data["accuracy"]), "utf-8")
    if "statements" in data:
        (STATIC / "statements-figures.md").write_text(statements_text(data["statements"]), "utf-8")
    if "scaling" in data:
        scaling_svg(data["scaling"], STATIC / "scaling.svg")
        (STATIC / "scaling-table.md").write_text(scaling_table(data["scaling"]), "utf-8")


if __name__ == "__main__":
    main()
