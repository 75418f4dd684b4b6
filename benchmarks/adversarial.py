"""
Time per MB of hostile inputs as they grow: it should stay flat (linear time).

Each case builds a text of about N bytes from one repeated shape (no newline
at all, unbalanced quote marks, only newlines, dateline-like capital lines,
runs of ``(``, ``--``, ``,``, ``said said said`` ...), parses it at 1x, 2x, 4x
and 8x the base size and prints seconds per MB at each size, and the ratio of
the largest size's time per MB to the smallest's (1.0 is perfectly linear).

    python benchmarks/adversarial.py                # base 0.5 MB, up to 4 MB
    python benchmarks/adversarial.py --base-mb 1.25   # up to 10 MB
    python benchmarks/adversarial.py --case quotes --case parens
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from typing import TYPE_CHECKING

import newswire

if TYPE_CHECKING:
    from collections.abc import Callable

_MB = 1_000_000


def _repeat(unit: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        return unit * max(1, size // len(unit.encode("utf-8")))

    return build


# name -> builder of a text of about ``size`` bytes
CASES: dict[str, Callable[[int], str]] = {
    "no_newline": _repeat("Officials said the talks would resume on Monday "),
    "one_word": _repeat("x"),
    "quotes": _repeat('"It was a mistake, he said '),
    "quote_marks": _repeat('"'),
    "prose_one_paragraph": _repeat("Officials said the talks would resume on Monday. "),
    "curly_quotes": _repeat("\u201cWe will not yield,\u201d \u201c"),
    "newlines": _repeat("\n"),
    "crlf_lines": _repeat("word\r\n"),
    "dateline_lines": _repeat("WASHINGTON, Jan 5 (Reuters) -\n"),
    "capital_lines": _repeat("BEIJING\n"),
    "byline_lines": _repeat("By JOHN SMITH and ANN LEE\n"),
    "parens": _repeat("("),
    "dashes": _repeat("--"),
    "commas": _repeat(","),
    "said": _repeat("said "),
    "said_quotes": _repeat('"Yes," said "no," said '),
    "spaces": _repeat(" "),
    "indented": _repeat("  x\n"),
    "zero_width": _repeat("a\u200b"),
    "nbsp": _repeat("a\u00a0"),
    "blank_paragraphs": _repeat("A.\n\n"),
    "capitals": _repeat("ABC DEF "),
}


class TooSlowError(Exception):
    """
    A parse ran past its budget and was stopped.
    """


def _stop(_signum: int, _frame: object) -> None:
    raise TooSlowError


def time_parse(text: str, budget: float) -> float:
    """
    Return the CPU seconds one parse of ``text`` takes; raise TooSlowError past ``budget``.

    CPU time, not wall time: other jobs on a shared machine must not look
    like super-linear growth. The budget is enforced with a profiling timer
    (CPU time too), which interrupts a runaway Python loop.
    """
    previous = signal.signal(signal.SIGPROF, _stop)
    signal.setitimer(signal.ITIMER_PROF, budget)
    runs = 0
    start = time.process_time()
    try:
        # Repeat a fast parse so that the timer's resolution does not matter.
        while runs < 50 and (runs == 0 or time.process_time() - start < 0.05):
            newswire.parse(text, reference_date="2024-01-01")
            runs += 1
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    return (time.process_time() - start) / runs


def measure(
    name: str, base: int, steps: tuple[int, ...], budget: float
) -> tuple[list[float], float]:
    """
    Return seconds per MB at each multiple of ``base`` and the last/first ratio.

    A parse is stopped after ``budget`` CPU seconds (a super-linear case would
    otherwise run for hours): its time per MB is then at least budget / size,
    and it is the last size tried.
    """
    build = CASES[name]
    per_mb: list[float] = []
    for factor in steps:
        text = build(base * factor)
        size = len(text.encode("utf-8", "surrogatepass")) / _MB
        try:
            seconds = time_parse(text, budget)
        except TooSlowError:
            per_mb.append(budget / size)
            break
        per_mb.append(seconds / size)
    return per_mb, per_mb[-1] / max(per_mb[0], 1e-9)


def main(argv: list[str] | None = None) -> int:
    """
    Run the cases and print a table; exit 1 when a case grows super-linearly.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1] if __doc__ else None)
    parser.add_argument("--base-mb", type=float, default=0.5, help="size of the 1x input")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    parser.add_argument(
        "--budget", type=float, default=20.0, help="stop growing a case past this many seconds"
    )
    parser.add_argument(
        "--tolerance", type=float, default=1.5, help="largest acceptable 8x/1x time-per-MB ratio"
    )
    args = parser.parse_args(argv)
    steps = (1, 2, 4, 8)
    base = int(args.base_mb * _MB)
    names = args.case or list(CASES)
    print(f"{'case':<18}" + "".join(f"{f'{f}x s/MB':>11}" for f in steps) + "  growth")
    worst = ("", 0.0, 0.0)
    failed = []
    for name in names:
        per_mb, ratio = measure(name, base, steps, args.budget)
        flag = "" if ratio <= args.tolerance else "  SUPER-LINEAR"
        if len(per_mb) < len(steps):
            flag += f"  (stopped at {steps[len(per_mb) - 1]}x: over {args.budget:g} s)"
        cells = "".join(f"{v:>11.3f}" for v in per_mb) + " " * 11 * (len(steps) - len(per_mb))
        print(f"{name:<18}{cells}  {steps[len(per_mb) - 1]}x/1x {ratio:.2f}{flag}")
        sys.stdout.flush()
        if max(per_mb) > worst[1]:
            worst = (name, max(per_mb), ratio)
        if len(per_mb) < len(steps):
            failed.append(name)
        if flag:
            failed.append(name)
    print(
        f"worst case: {worst[0]} at {worst[1]:.3f} s/MB (growth ratio {worst[2]:.2f}); "
        f"inputs up to {base * steps[-1] / _MB:.1f} MB"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
