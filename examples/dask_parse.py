"""
Parse a folder of dispatches with Dask: JSON Lines of results and a table of statements.

    python dask_parse.py WIRE_DIR OUT_DIR [--workers N]

Needs the dask extra (from a clone of newswire: pip install ".[dask]").
Every *.txt file under WIRE_DIR is one dispatch. OUT_DIR receives
parsed-*.jsonl (one JSON object per dispatch, or {"source_id", "error"} for a
file that could not be parsed) and statements.csv (one row per statement).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import dask
import dask.bag as db
import pandas as pd

import newswire

REFERENCE_DATE = "2024-05-15"  # gives a year to datelines written without one
ENCODING = "utf-8"  # archives are often "cp1252" or "latin-1"

# The columns of Dispatch.to_records(), with their types. Dask needs them
# (meta=) because it cannot infer them from a partition without statements.
META = pd.DataFrame(
    {
        "source_id": pd.Series(dtype=object),
        "headline": pd.Series(dtype=object),
        "dateline": pd.Series(dtype=object),
        "dateline_place": pd.Series(dtype=object),
        "dateline_date": pd.Series(dtype=object),
        "dateline_agency": pd.Series(dtype=object),
        "speaker": pd.Series(dtype=object),
        "speaker_mention": pd.Series(dtype=object),
        "cue": pd.Series(dtype=object),
        "kind": pd.Series(dtype=object),
        "content": pd.Series(dtype=object),
        "paragraph": pd.Series(dtype="Int64"),  # None when outside the paragraphs
        "start": pd.Series(dtype="int64"),
        "end": pd.Series(dtype="int64"),
    }
)


def parse_path(path: str) -> newswire.Dispatch | newswire.NewswireError:
    """
    Parse one file; a file that cannot be read or decoded becomes an error value.
    """
    try:
        return newswire.parse_file(path, encoding=ENCODING, reference_date=REFERENCE_DATE)
    except newswire.NewswireError as exc:
        return exc
    except OSError as exc:
        return newswire.DispatchError(str(exc), source_id=Path(path).name)


def to_line(result: newswire.Dispatch | newswire.NewswireError) -> str:
    """
    One line of JSON Lines output.
    """
    if isinstance(result, newswire.Dispatch):
        return result.to_json()
    return json.dumps({"source_id": getattr(result, "source_id", None), "error": str(result)})


def to_rows(result: newswire.Dispatch | newswire.NewswireError) -> list[dict[str, object]]:
    """
    One row per statement (none for an error).
    """
    return result.to_records() if isinstance(result, newswire.Dispatch) else []


def run(wire: Path, out: Path, workers: int) -> pd.DataFrame:
    """
    Parse every file once; write the JSON Lines and return the statements table.
    """
    paths = sorted(str(p) for p in wire.rglob("*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    # One pool of processes for every compute() below (each would start its own).
    with (
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool,
        dask.config.set(scheduler="processes", pool=pool),
    ):
        files = db.from_sequence(paths, npartitions=max(1, min(len(paths), 4 * workers)))
        # Parse each file once and keep the results for both outputs (on a
        # dask.distributed cluster, persist() keeps them in the workers' memory).
        results = files.map(parse_path).persist()
        results.map(to_line).to_textfiles(str(out / "parsed-*.jsonl"))
        return results.map(to_rows).flatten().to_dataframe(meta=META).compute()


def main() -> None:
    """
    The command line.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wire", type=Path, help="folder of *.txt dispatches")
    parser.add_argument("out", type=Path, help="folder for parsed-*.jsonl and statements.csv")
    parser.add_argument("--workers", type=int, default=2, help="processes (default: 2)")
    args = parser.parse_args()
    table = run(args.wire, args.out, args.workers)
    table.to_csv(args.out / "statements.csv", index=False)
    print(f"{len(table)} statements; most quoted:")
    print(table["speaker"].value_counts().head(5).to_string())


# The process scheduler starts new Python processes that import this file:
# without this guard each of them would start the whole run again.
if __name__ == "__main__":
    main()
