"""
Peak memory of one huge dispatch, as a multiple of its size in bytes.

    python benchmarks/memory.py                  # 5, 10 and 20 MB
    python benchmarks/memory.py --mb 50 --mb 200 # slower: about 1 s per MB
    python benchmarks/memory.py --hostile        # the hostile families too
    python benchmarks/memory.py --from ../shared/corpus/dev/polnear.jsonl

For each size, a dispatch is made of the bundled samples repeated (or, with
``--from FILE.jsonl``, of the texts of a corpus file, one after another:
real copy, with the typographic and invisible characters the samples lack),
and four runs each in a fresh process report their peak RSS less that of the
interpreter with newswire imported: ``parse`` alone, ``parse`` and
``to_dict`` with ``json.dumps`` (what a caller may do), ``parse`` and
``to_json()`` (which makes the JSON a record at a time), and ``newswire
parse FILE -o OUT`` (the command, which writes it a record at a time).
The growth line says whether the ratio stays flat as the size grows. With
``--hostile``, every hostile family of ``benchmarks/adversarial.py`` (which
times them) is parsed at ``--hostile-mb`` and four times that, and the peak
of the memory the parse allocates (tracemalloc: exact, where RSS is too
coarse at these sizes) per byte of input at both sizes and its growth are
printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

_MB = 1_000_000

_RUN = """
import json, resource, sys
from pathlib import Path
import newswire
from newswire._batch import quiet_collector
from newswire._cli import main
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
mode, path, out = sys.argv[1:4]
if mode == "case":
    from benchmarks.adversarial import CASES
    import tracemalloc
    text = CASES[path](int(out))
    newswire.parse("warm up: lexicons and patterns load once.")
    tracemalloc.start()
    newswire.parse(text, reference_date="2024-01-01")
    print(tracemalloc.get_traced_memory()[1], len(text.encode("utf-8", "surrogatepass")))
    sys.exit(0)
if mode == "cli":
    quiet_collector()  # as the newswire command does
    # Sized to the file: past the default cap (64M) it would be reported, not parsed.
    status = main(["parse", path, "-o", out, "-q", "--max-bytes", str(Path(path).stat().st_size)])
    if status:
        sys.exit(status)  # a figure of a failed run would mislead
else:
    dispatch = newswire.parse(Path(path).read_text(encoding="utf-8"))
    if mode == "json":
        text = json.dumps(dispatch.to_dict(), ensure_ascii=False)
    elif mode == "to_json":
        text = dispatch.to_json()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(peak - base)
"""

MODES = ("parse", "json", "to_json", "cli")


def dispatch_of(size: int, corpus: Path | None = None) -> str:
    """
    A dispatch of about ``size`` bytes: the bundled samples (or a corpus file's texts), repeated.
    """
    if corpus is None:
        texts = sorted(
            entry.read_text(encoding="utf-8")
            for entry in resources.files("newswire").joinpath("data", "samples").iterdir()
        )
    else:
        with corpus.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for line in lines if line.strip()]
    body = "\n\n".join(texts) + "\n\n"
    whole = body * max(1, size // len(body.encode("utf-8")))
    return whole if corpus is None else whole[: max(size, len(texts[0]))]


_ROOT = Path(__file__).resolve().parent.parent


def _run(*argv: str) -> list[int]:
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _RUN, *argv],
        capture_output=True,
        text=True,
        check=True,
        cwd=_ROOT,
    )
    return [int(word) for word in result.stdout.split()]


def peak(mode: str, path: Path, out: Path) -> int:
    """
    Peak RSS (bytes above a bare import) of one run in a fresh process.
    """
    return _run(mode, str(path), str(out))[0]


def hostile(base_mb: float) -> None:
    """
    Print peak memory per byte of each hostile family at 1x and 4x, and its growth.
    """
    if str(_ROOT) not in sys.path:  # run as a script: benchmarks/ is not a package then
        sys.path.insert(0, str(_ROOT))
    from benchmarks.adversarial import CASES

    print(f"{'family':<20}{'1x':>8}{'4x':>8}  growth")
    worst = ("", 0.0)
    for name in CASES:
        ratios = []
        for factor in (1, 4):
            # The text is built after the baseline is read: only the parse counts.
            grown, size = _run("case", name, str(int(base_mb * _MB * factor)))
            ratios.append(grown / size)
        growth = ratios[1] / max(ratios[0], 1e-9)
        worst = max(worst, (name, growth), key=lambda item: item[1])
        print(f"{name:<20}{ratios[0]:>7.1f}x{ratios[1]:>7.1f}x  {growth:.2f}", flush=True)
    print(f"largest growth: {worst[0]} {worst[1]:.2f} (1.00 is flat)")


def main() -> int:
    """
    Print peak memory / size per mode and size, and its growth.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, action="append", help="sizes in MB (repeatable)")
    parser.add_argument("--hostile", action="store_true", help="also the hostile families")
    parser.add_argument("--hostile-mb", type=float, default=1.0, help="their 1x size")
    parser.add_argument(
        "--from", dest="corpus", type=Path, help="a corpus JSONL file whose texts make the dispatch"
    )
    args = parser.parse_args()
    sizes = args.mb or [5.0, 10.0, 20.0]
    ratios: dict[str, list[float]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "big.txt", Path(folder) / "out.jsonl"
        print(f"{'MB':>6} " + " ".join(f"{mode:>8}" for mode in MODES))
        for mb in sizes:
            path.write_text(dispatch_of(int(mb * _MB), args.corpus), encoding="utf-8")
            size = path.stat().st_size
            row = []
            for mode in MODES:
                ratio = peak(mode, path, out) / size
                ratios[mode].append(ratio)
                row.append(f"{ratio:7.1f}x")
            print(f"{size / _MB:6.1f} " + " ".join(row), flush=True)
    growth = " ".join(f"{mode} {r[-1] / r[0]:.2f}" for mode, r in ratios.items())
    print(f"growth of the ratio, largest size against smallest (1.00 is flat): {growth}")
    if args.hostile:
        hostile(args.hostile_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
