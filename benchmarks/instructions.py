"""
CPU instructions per MB for a full parse, or for one pipeline stage, counted under valgrind.

    python benchmarks/instructions.py ../shared/corpus/dev/reuters21578.jsonl
    python benchmarks/instructions.py CORPUS.jsonl --mb 0.25 --stage statements

Timings on a shared virtual machine drift by a quarter from hour to hour; an
instruction count does not change with the machine's other load, so it is the
figure to compare before and after a change meant to make parsing cheaper
(run it on both versions). The texts are parsed once to warm the caches, then
once and twice more in two runs under ``valgrind --tool=callgrind``; the
difference between the two counts is the cost of one pass, without start-up
and import. With ``--stage``, the stages before it run outside the count
and only that stage is counted. Each run takes about a minute for 0.25 MB:
valgrind is some fifty times slower than the plain interpreter.

Needs valgrind (``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from newswire import _pipeline
from newswire._build import describe
from newswire._state import State
from newswire._text import normalize

_MB = 1_000_000
_COLLECTED = re.compile(r"Collected : (\d+)")


def read_texts(path: Path, limit_mb: float) -> tuple[list[str], int]:
    """
    Return the texts of up to ``limit_mb`` MB of a JSON Lines file, and their size in bytes.
    """
    texts: list[str] = []
    total = 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)["text"]
            except (ValueError, KeyError, TypeError) as exc:
                msg = f"{path}:{number}: not a JSON object with a text field ({exc})"
                raise SystemExit(msg) from None
            texts.append(text)
            total += len(text.encode("utf-8"))
            if total >= limit_mb * _MB:
                break
    return texts, total


def work(path: Path, limit_mb: float, stage: str | None, passes: int) -> None:
    """
    Parse the texts once to warm up, then ``passes`` more times (what valgrind counts).
    """
    texts, _total = read_texts(path, limit_mb)
    if stage is None:
        for _ in range(passes + 1):
            for text in texts:
                _pipeline.parse(text)
        return
    names = [name for name, _run in _pipeline.STAGES]
    before = _pipeline.STAGES[: names.index(stage)]
    run = dict(_pipeline.STAGES)[stage]
    states = []
    for text in texts:
        state = State(norm=normalize(text), source_id=None, caller_reference=None)
        for _name, earlier in before:
            earlier(state)
        states.append(state)
    # What the stage adds is put back before each pass, and what it lets go
    # of (the statement stage empties the blocks), so every pass starts from
    # the same state.
    kept = [(list(s.statements), list(s.entities), list(s.blocks), list(s.body)) for s in states]
    for _ in range(passes + 1):
        for state, (statements, entities, blocks, body) in zip(states, kept, strict=True):
            state.statements, state.entities = list(statements), list(entities)
            state.blocks, state.body = list(blocks), list(body)
            run(state)


def count(path: Path, limit_mb: float, stage: str | None, passes: int) -> int:
    """
    Return the instructions valgrind counts for a child process doing :func:`work`.
    """
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        str(path),
        "--mb",
        str(limit_mb),
        "--passes",
        str(passes),
    ]
    if stage is not None:
        command += ["--stage", stage]
    env = {**os.environ, "NEWSWIRE_INSTRUCTIONS_CHILD": "1"}
    # valgrind, our own interpreter and this script: no outside input.
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)  # noqa: S603
    found = _COLLECTED.search(done.stderr)
    if found is None:
        msg = f"valgrind printed no instruction count:\n{done.stderr[-2000:]}"
        raise RuntimeError(msg)
    return int(found.group(1))


def main() -> int:
    """
    Print instructions per MB of text.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("corpus", type=Path, help="JSON Lines with a text field")
    parser.add_argument("--mb", type=float, default=0.25, help="texts to read (MB)")
    parser.add_argument(
        "--stage", choices=[name for name, _run in _pipeline.STAGES], help="count one stage"
    )
    parser.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if os.environ.get("NEWSWIRE_INSTRUCTIONS_CHILD"):
        work(args.corpus, args.mb, args.stage, args.passes)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind", file=sys.stderr)
        return 2
    _texts, size = read_texts(args.corpus, args.mb)
    one = count(args.corpus, args.mb, args.stage, 1)
    two = count(args.corpus, args.mb, args.stage, 2)
    per_mb = (two - one) / (size / _MB)
    what = "full parse" if args.stage is None else f"stage {args.stage}"
    print(
        f"{args.corpus.name}: {size / _MB:.2f} MB, {what} ({describe()} build): "
        f"{per_mb / 1e9:.3f} G instructions/MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
