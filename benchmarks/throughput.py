"""
Throughput of newswire on a corpus, against a floor measured in the same run.

    python benchmarks/throughput.py                       # synthetic corpus from the samples
    python benchmarks/throughput.py ../shared/corpus/dev/reuters21578.jsonl
    python benchmarks/throughput.py CORPUS.jsonl --stream-gb 1   # + 1 GB through the CLI
    python benchmarks/throughput.py CORPUS.jsonl --limit-mb 8 --only-workers   # 1 vs 2 workers

Prints, for a full parse: documents/s, MB/s (UTF-8 bytes of the texts), peak
RSS, and the ratio of parse time to the floor (reading the same JSON Lines
and splitting each text into paragraphs with one precompiled regex). Then
growth: the time for 1x, 2x, 4x, 8x the documents, and for one dispatch made
1x..8x as long, each against linear (within 10% is "linear"). Then scaling:
``--workers 2`` against 1, both through ``parse_many`` and through the CLI
(which reads, parses and serialises in the workers) and through
``parse_many(as_dict=True)``, alternating 1 and 2
workers for ``--runs`` rounds and keeping the best of each, over the corpus
repeated to ``--workers-mb`` (24 MB by default, so that the pool's start-up,
about half a second, does not dominate a run of a few seconds). Other jobs on the
machine skew these wall-clock ratios, so the load, the CPU pressure and how
many CPUs two spinning processes get (2.0 when idle) are printed beside them.
With ``--stream-gb``, a JSON Lines file of that size is generated in the
temporary directory (and deleted afterwards), streamed through ``newswire
parse`` to /dev/null, and the CLI's peak RSS is reported.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import newswire
from newswire._build import describe

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_MB = 1_000_000
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_CLI = "import sys; from newswire._cli import command; sys.exit(command())"


def synthetic_corpus(path: Path, size_mb: float) -> None:
    """
    Write a JSON Lines corpus of about ``size_mb`` MB from the bundled samples.
    """
    samples = sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in resources.files("newswire").joinpath("data", "samples").iterdir()
        if entry.name.endswith(".txt")
    )
    written = 0
    number = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < size_mb * _MB:
            name, text = samples[number % len(samples)]
            # Vary each copy a little so nothing can be cached by identity.
            body = f"{text}\n\nCopy {number} of {name}."
            line = json.dumps({"id": f"{name}-{number}", "text": body}) + "\n"
            handle.write(line)
            written += len(body.encode("utf-8"))
            number += 1


def read_records(path: Path, limit_mb: float | None) -> list[dict[str, Any]]:
    """
    Read up to ``limit_mb`` MB of texts from a JSON Lines file.
    """
    records = []
    total = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            records.append(record)
            total += len(record["text"].encode("utf-8"))
            if limit_mb is not None and total >= limit_mb * _MB:
                break
    return records


def write_records(path: Path, records: list[dict[str, Any]]) -> None:
    """
    Write records back as JSON Lines (what the CLI runs read).
    """
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            fields = {k: record.get(k) for k in ("id", "text", "reference_date")}
            handle.write(json.dumps(fields) + "\n")


def best_of(
    runs: int, work: Callable[[], object], clock: Callable[[], float] = time.process_time
) -> float:
    """
    Return the fastest of ``runs`` timings of ``work()``.

    Single-process work is timed in CPU time by default, so that other jobs on
    a shared machine do not show up as non-linear growth; work spread over
    processes is timed with the wall clock.
    """
    best = float("inf")
    for _ in range(runs):
        start = clock()
        work()
        best = min(best, clock() - start)
    return best


def floor_pass(path: Path) -> int:
    """
    The floor: read the JSON Lines, decode each record, split its text into paragraphs.
    """
    count = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            count += len(_PARAGRAPHS.split(json.loads(line)["text"]))
    return count


def parse_pass(path: Path) -> int:
    """
    The full parse: read the JSON Lines, decode each record, parse it.
    """
    statements = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            dispatch = newswire.parse(
                record["text"],
                source_id=record.get("id"),
                reference_date=record.get("reference_date"),
            )
            statements += len(dispatch.statements)
    return statements


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """
    Peak resident set size in MB (Linux reports KiB, macOS bytes).
    """
    peak = resource.getrusage(who).ru_maxrss
    return peak / (_MB if sys.platform == "darwin" else 1000)


def _items(records: list[dict[str, Any]]) -> Iterator[tuple[Any, str, Any]]:
    for record in records:
        yield record.get("id"), record["text"], record.get("reference_date")


def _parse_all(records: list[dict[str, Any]]) -> None:
    for source_id, text, reference in _items(records):
        newswire.parse(text, source_id=source_id, reference_date=reference)


def _parse_many(records: list[dict[str, Any]], workers: int, *, as_dict: bool = False) -> None:
    for _ in newswire.parse_many(_items(records), workers=workers, as_dict=as_dict):
        pass


def growth_in_count(records: list[dict[str, Any]], runs: int) -> list[tuple[int, float]]:
    """
    Seconds to parse 1x, 2x, 4x, 8x a base set of documents.
    """
    base = records[: max(1, len(records) // 8)]
    rows = []
    for factor in (1, 2, 4, 8):
        batch = base * factor
        rows.append((factor, best_of(runs, functools.partial(_parse_all, batch))))
    return rows


def lengthened(text: str, factor: int) -> str:
    """
    The dispatch with its body paragraphs repeated ``factor`` times.
    """
    head, _, body = text.partition("\n\n")
    return head + "\n\n" + "\n\n".join([body] * factor)


def growth_in_length(records: list[dict[str, Any]], runs: int) -> list[tuple[int, float]]:
    """
    Seconds to parse one dispatch made 1x..8x as long.
    """
    longest = max((r["text"] for r in records[:500]), key=len)
    rows = []
    for factor in range(1, 9):
        text = lengthened(longest, factor)
        rows.append((factor, best_of(runs, functools.partial(newswire.parse, text))))
    return rows


def report_growth(title: str, rows: list[tuple[int, float]]) -> bool:
    """
    Print time against linear for each factor; return whether all are within 10%.
    """
    base = rows[0][1]
    print(f"\n{title}")
    ok = True
    for factor, seconds in rows:
        ratio = seconds / (factor * base)
        ok = ok and ratio <= 1.10
        print(f"  {factor}x  {seconds * 1000:9.1f} ms   time / linear = {ratio:5.2f}")
    print(f"  within 10% of linear: {'yes' if ok else 'NO'}")
    return ok


def run_cli(path: Path, workers: int) -> tuple[float, float]:
    """
    Stream a JSON Lines file through ``newswire parse``; return (seconds, peak RSS MB).

    The RSS is the largest of the CLI process and its workers, from wait4.
    """
    command = [sys.executable, "-c", _CLI, "parse", "--input-format", "jsonl", str(path),
               "-o", os.devnull, "--workers", str(workers), "--quiet"]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(command)  # noqa: S603 - our own interpreter and CLI
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        msg = f"newswire parse exited with {process.returncode}"
        raise RuntimeError(msg)
    rss = usage.ru_maxrss / (_MB if sys.platform == "darwin" else 1000)
    return seconds, max(rss, peak_rss_mb(resource.RUSAGE_CHILDREN))


def big_file(source: list[dict[str, Any]], size_gb: float, directory: Path) -> Path:
    """
    Write a JSON Lines file of about ``size_gb`` GB by repeating the corpus.
    """
    path = directory / "newswire-stream.jsonl"
    target = size_gb * 1000 * _MB
    written = 0
    number = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            record = source[number % len(source)]
            line = json.dumps({"id": f"s-{number}", "text": record["text"],
                               "reference_date": record.get("reference_date")}) + "\n"  # fmt: skip
            handle.write(line)
            written += len(line)
            number += 1
    return path


def cpu_pressure() -> str:
    """
    How much of the last 10 s some task here waited for a CPU (Linux PSI), if known.
    """
    try:
        fields = Path("/proc/pressure/cpu").read_text(encoding="ascii").split()
    except OSError:
        return "n/a"
    return next((f.partition("=")[2] + "%" for f in fields if f.startswith("avg10=")), "n/a")


def machine_state() -> str:
    """
    Load average and CPU pressure: a busy machine makes the wall-clock ratios meaningless.
    """
    return f"load average {os.getloadavg()[0]:.2f}, CPU pressure {cpu_pressure()}"


def spin(count: int) -> float:
    """
    Busy-loop ``count`` times in pure Python; return the wall-clock seconds it took.
    """
    start = time.perf_counter()
    total = 0
    for number in range(count):
        total += number
    return time.perf_counter() - start


def capacity(count: int = 4_000_000, rounds: int = 3) -> float:
    """
    How many CPUs two processes get right now: 2.0 on an idle 2-core machine, ~1 when busy.

    Two processes spin in parallel against one spinning alone (best of
    ``rounds`` each); the wall-clock ratios of parse_many and the CLI cannot
    exceed this.
    """
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(spin, [1000, 1000]))  # start both processes first
        alone = min(pool.submit(spin, count).result() for _ in range(rounds))
        together = min(max(pool.map(spin, [count, count])) for _ in range(rounds))
    return 2 * alone / together


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    cpu = time.process_time()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start, time.process_time() - cpu


def report_ratio(title: str, size: float, walls: dict[int, list[float]], note: str = "") -> None:
    """
    Print best-of MB/s per worker count, the best-of ratio and the spread of the rounds.
    """
    print(title)
    for workers, seconds in walls.items():
        rates = ", ".join(f"{size / s:.2f}" for s in seconds)
        print(f"  {workers}  {size / min(seconds):6.2f} MB/s best  (rounds: {rates}){note}")
    rounds = [one / two for one, two in zip(walls[1], walls[2], strict=True)]
    print(f"  2 workers / 1 worker: {min(walls[1]) / min(walls[2]):.2f}x best-of-{len(rounds)}  "
          f"(rounds: {', '.join(f'{r:.2f}' for r in rounds)})")  # fmt: skip


def report_workers(records: list[dict[str, Any]], corpus: Path, size: float, runs: int) -> None:
    """
    Print 1 against 2 workers, through parse_many and through the CLI.

    The 1- and 2-worker runs alternate, ``runs`` rounds each, so that a change
    in the machine's load hits both alike; the best of each is kept. With 2
    workers this process parses a share itself, as the second worker.
    """
    _parse_all(records[:50])  # warm lexicons and patterns
    print(f"\nworkers, over {size:.1f} MB (wall clock; CPUs: {os.cpu_count()}; "
          f"before: {machine_state()}; "
          f"2 spinning processes get {capacity():.2f} CPUs)")  # fmt: skip
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(runs):
        for workers in (1, 2):
            wall, used = _timed(functools.partial(_parse_many, records, workers))
            walls[workers].append(wall)
            cpu[workers].append(used)
    report_ratio("parse_many (Dispatch records come back to this process):", size, walls)
    print(f"  CPU in this process with 2 workers: {min(cpu[2]) / size:.3f} s/MB "
          f"(1 worker: {min(cpu[1]) / size:.3f} s/MB)")  # fmt: skip
    walls = {1: [], 2: []}
    cpu = {1: [], 2: []}
    for _ in range(runs):
        for workers in (1, 2):
            wall, used = _timed(functools.partial(_parse_many, records, workers, as_dict=True))
            walls[workers].append(wall)
            cpu[workers].append(used)
    report_ratio("parse_many(as_dict=True) (the workers make the dicts):", size, walls)
    print(f"  CPU in this process with 2 workers: {min(cpu[2]) / size:.3f} s/MB "
          f"(1 worker: {min(cpu[1]) / size:.3f} s/MB)")  # fmt: skip
    cli: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(runs):
        for workers in (1, 2):
            cli[workers].append(run_cli(corpus, workers)[0])
    report_ratio("CLI (reads, parses and serialises JSON Lines in the workers):", size, cli,
                 "  start-up included")  # fmt: skip
    print(f"  after: {machine_state()}; 2 spinning processes get {capacity():.2f} CPUs")


def report_single(
    records: list[dict[str, Any]], corpus: Path, size: float, runs: int
) -> tuple[bool, bool]:
    """
    Print the single-process figures and growth; return whether growth is linear.
    """
    floor_pass(corpus)  # warm the page cache
    parse_pass(corpus)  # warm lexicons and patterns
    floor = best_of(runs, functools.partial(floor_pass, corpus))
    start = time.process_time()
    statements = parse_pass(corpus)
    full = time.process_time() - start
    print(f"\nfloor (read + json.loads + one regex split): {size / floor:8.1f} MB/s (CPU time)")
    print(
        f"full parse: {len(records) / full:8.0f} documents/s  {size / full:6.2f} MB/s  "
        f"{statements:,} statements  ratio to floor {full / floor:.1f}x  "
        f"peak RSS {peak_rss_mb():.0f} MB"
    )
    ok_count = report_growth("growth in documents:", growth_in_count(records, runs))
    ok_length = report_growth("growth in one dispatch's length:",
                              growth_in_length(records, runs))  # fmt: skip
    return ok_count, ok_length


def main(argv: list[str] | None = None) -> int:
    """
    Run the measurements and print them.
    """
    parser = argparse.ArgumentParser(description="newswire throughput")
    parser.add_argument("corpus", nargs="?", type=Path, help="JSON Lines with a text field")
    parser.add_argument("--limit-mb", type=float, default=20.0, help="texts to read (MB)")
    parser.add_argument("--size-mb", type=float, default=5.0, help="synthetic corpus size (MB)")
    parser.add_argument(
        "--runs", type=int, default=3, help="timings per growth step and worker count (best kept)"
    )
    parser.add_argument("--stream-gb", type=float, default=0.0, help="also stream this many GB")
    parser.add_argument("--stream-workers", type=int, default=1, help="workers for the stream")
    parser.add_argument("--skip-workers", action="store_true", help="no 1-vs-2 worker runs")
    parser.add_argument("--only-workers", action="store_true", help="only the 1-vs-2 worker runs")
    parser.add_argument(
        "--workers-mb", type=float, default=24.0, help="text for the worker runs (corpus repeated)"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp:
        directory = Path(tmp)
        source = args.corpus
        if source is None:
            source = directory / "synthetic.jsonl"
            synthetic_corpus(source, args.size_mb)
        records = read_records(source, args.limit_mb)
        corpus = directory / "corpus.jsonl"
        write_records(corpus, records)
        size = sum(len(r["text"].encode("utf-8")) for r in records) / _MB
        label = "synthetic (bundled samples)" if args.corpus is None else str(args.corpus)
        python = sys.version.split()[0]
        print(f"newswire {newswire.__version__}, {describe()} build, Python {python}")
        print(f"corpus: {label}: {len(records):,} documents, {size:.2f} MB of text")

        linear = None if args.only_workers else report_single(records, corpus, size, args.runs)

        if not args.skip_workers:
            repeats = max(1, round(args.workers_mb / size)) if size else 1
            repeated = records * repeats
            path = directory / "workers.jsonl"
            write_records(path, repeated)
            report_workers(repeated, path, size * repeats, args.runs)
            path.unlink()

        if args.stream_gb:
            path = big_file(records, args.stream_gb, directory)
            gigabytes = path.stat().st_size / 1000 / _MB
            print(f"\nstreaming {gigabytes:.2f} GB of JSON Lines through the CLI "
                  f"({args.stream_workers} worker(s)) ...")  # fmt: skip
            sys.stdout.flush()
            seconds, rss = run_cli(path, args.stream_workers)
            path.unlink()
            print(f"  {seconds:.0f} s, {gigabytes * 1000 / seconds:.2f} MB/s, "
                  f"peak RSS {rss:.0f} MB")  # fmt: skip
    if linear is not None:
        print(f"\nlinear in documents: {linear[0]}; linear in length: {linear[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
