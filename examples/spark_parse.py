"""
Parse a folder of dispatches with PySpark into JSON Lines.

    python spark_parse.py WIRE_DIR OUT_DIR [--master local[2]]

Needs the spark extra (from a clone of newswire: pip install ".[spark]") and a
Java runtime (17 or later) for Spark itself. On a cluster, newswire must be
installed on every executor, and WIRE_DIR and OUT_DIR must be paths that every
executor can reach (HDFS, S3, a shared file system). OUT_DIR must not exist yet.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from pyspark.sql import SparkSession

import newswire

REFERENCE_DATE = "2024-05-15"  # gives a year to datelines written without one
ENCODING = "utf-8"  # archives are often "cp1252" or "latin-1"


def parse_partition(files: Iterable[tuple[str, bytes]]) -> Iterator[str]:
    """
    Parse one partition of (path, bytes) pairs into JSON lines; errors become records.
    """
    items = []
    for path, data in files:
        name = PurePosixPath(path).name
        try:
            items.append((name, data.decode(ENCODING)))
        except UnicodeDecodeError as exc:
            yield json.dumps({"source_id": name, "error": f"not valid {ENCODING}: {exc}"})
    for result in newswire.parse_many(items, reference_date=REFERENCE_DATE):
        if isinstance(result, newswire.Dispatch):
            yield result.to_json()
        else:
            yield json.dumps({"source_id": result.source_id, "error": result.message})


def run(spark: SparkSession, wire: str, out: str) -> dict[str, int]:
    """
    Write OUT_DIR/part-* as JSON Lines; return how many dispatches each agency sent.
    """
    lines = spark.sparkContext.binaryFiles(f"{wire}/*.txt").mapPartitions(parse_partition)
    lines.saveAsTextFile(out)
    agencies = lines.map(json.loads).map(lambda r: (r.get("dateline") or {}).get("agency"))
    return dict(agencies.countByValue())


def main() -> None:
    """
    The command line.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wire", help="folder of *.txt dispatches")
    parser.add_argument("out", help="folder to create for the JSON Lines parts")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    args = parser.parse_args()
    # Local workers run this Python (where newswire is installed), not whichever
    # python3 is first on PATH; on a cluster, set PYSPARK_PYTHON for the executors.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(args.master).appName("newswire").getOrCreate()
    try:
        counts = run(spark, args.wire, args.out)
    finally:
        spark.stop()
    for agency, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{agency or '(none)':<12} {count}")


if __name__ == "__main__":
    main()
