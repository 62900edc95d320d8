#!/usr/bin/env python3
"""Tables of the `cpu` bench: generated vs hand-written per vendor and operation.

    python3 vendors/benches/cpu_table.py                 # times, from the last bench run
    python3 vendors/benches/cpu_table.py --instructions  # instructions per call, under valgrind

Times come from the last `cargo bench -p vendors --bench cpu`, which writes them to
`tmp/cpu-bench.json` in the target directory (the median of 40 timed batches per case, with the
band from the 5th to the 95th percentile). Instructions are counted by running each case alone under
`valgrind --tool=cachegrind`, twice with different repeat counts, and dividing the difference by
the difference of counts, so start-up cancels out; they do not move with the machine's load.

The target directory is $CARGO_TARGET_DIR, else ./target.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

SIDES = ["generated", "handwritten", "serde_json", "path_to_error"]
OPERATIONS = ["build+serialize", "decode success", "decode error"]


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", "target"))


def saved_times() -> dict:
    """(vendor, operation, side) -> (median ns, low ns, high ns)."""
    path = target_dir() / "tmp" / "cpu-bench.json"
    if not path.exists():
        sys.exit(f"no saved times at {path}: run `cargo bench -p vendors --bench cpu` first")
    times = {}
    for case, (median, low, high) in json.loads(path.read_text()).items():
        vendor, operation, side = case.split("/")
        times[(vendor, operation, side)] = (median, low, high)
    return times


def bench_binary() -> str:
    build = subprocess.run(
        ["cargo", "bench", "-p", "vendors", "--bench", "cpu", "--no-run", "--message-format=json"],
        check=True,
        capture_output=True,
        text=True,
    )
    for line in build.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "cpu":
            if message.get("executable"):
                return message["executable"]
    sys.exit("the cpu bench binary was not built")


def instructions(binary: str, case: str, times: int) -> int:
    run = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            binary,
            "--repeat",
            case,
            str(times),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    match = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if not match:
        sys.exit(f"no instruction count for {case}: {run.stderr[-500:]}")
    return int(match.group(1).replace(",", ""))


def instruction_counts() -> dict:
    binary = bench_binary()
    cases = subprocess.run([binary, "--cases"], check=True, capture_output=True, text=True)
    counts = {}
    low, high = 100, 1100
    for case in cases.stdout.splitlines():
        vendor, operation, side = case.split("/")
        per_call = (instructions(binary, case, high) - instructions(binary, case, low)) / (high - low)
        counts[(vendor, operation, side)] = (per_call, per_call, per_call)
        print(f"  {case}: {per_call:.0f}", file=sys.stderr)
    return counts


def table(values: dict, unit: str) -> None:
    order = ["hypernative", "project_thanos", "up2_money", "hyper3d", "talkstack"]
    vendors = sorted({vendor for vendor, _, _ in values}, key=lambda v: (v not in order, order.index(v) if v in order else 0, v))
    with_interval = unit == "ns"
    print(
        f"| vendor | operation | generated ({unit}) | hand-written ({unit}) | ratio "
        f"| serde_json alone | serde_path_to_error alone |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    ratios = []
    for vendor in vendors:
        for operation in OPERATIONS:
            row = [values.get((vendor, operation, side)) for side in SIDES]
            if row[0] is None or row[1] is None:
                continue

            def show(value):
                if value is None:
                    return "—"
                if with_interval:
                    return f"{value[0]:.0f} ({value[1]:.0f}–{value[2]:.0f})"
                return f"{value[0]:.0f}"

            ratio = row[0][0] / row[1][0]
            ratios.append(ratio)
            print(
                f"| {vendor} | {operation} | {show(row[0])} | {show(row[1])} | **{ratio:.2f}** "
                f"| {show(row[2])} | {show(row[3])} |"
            )
    if ratios:
        product = 1.0
        for ratio in ratios:
            product *= ratio
        print(f"\ngeometric mean of the ratios: {product ** (1 / len(ratios)):.2f}")


def main() -> None:
    if "--instructions" in sys.argv[1:]:
        table(instruction_counts(), "instructions")
    else:
        table(saved_times(), "ns")


if __name__ == "__main__":
    main()
