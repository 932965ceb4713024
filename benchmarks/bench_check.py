"""Benchmark: `check` over 10,000 records against PyYAML's C loader just parsing them.

The target (issue 3): the whole check - reading, validating, reviewing and
reporting every record - takes no more than twice as long as PyYAML's C loader
needs only to parse the same files.

    .venv/bin/python benchmarks/bench_check.py            # 10,000 records, 3 rounds
    .venv/bin/python benchmarks/bench_check.py --count 2000 --rounds 1 --no-write

Writes benchmarks/RESULTS-check.md (date, machine, numbers) unless --no-write.
Not part of `make test`: timings belong here, not in tests.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_offer.cli import main  # noqa: E402

TARGET = 2.0


def make_project(folder: Path, count: int) -> list[Path]:
    for name in ("schema", "data"):
        shutil.copytree(ROOT / name, folder / name)
    subprocess.run([sys.executable, str(ROOT / "build_offer.py"), "--project", str(folder),
                    "synth", str(count), "--out", str(folder / "services" / "synthetic")],
                   check=True, capture_output=True)
    return sorted((folder / "services").rglob("*.yaml"))


# CPU time of this process: on a machine shared with other work, wall-clock time measures
# the neighbours as much as the code. Both sides run single-threaded, so this is fair.
clock = time.process_time


def parse_only(files: list[Path]) -> float:
    start = clock()
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return clock() - start


def check_in_process(folder: Path, today: str) -> float:
    start = clock()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["--project", str(folder), "check", "--today", today, "--format", "json"])
    elapsed = clock() - start
    assert code in (0, 1), f"check exited {code}"
    return elapsed


def check_command(folder: Path, today: str) -> float:
    """The command as people run it, with Python's start-up and imports (wall-clock time)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "build_offer.py"), "--project",
                           str(folder), "check", "--today", today], capture_output=True)
    elapsed = time.perf_counter() - start
    assert done.returncode in (0, 1), done.stderr
    return elapsed


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{cpu}, {os.cpu_count()} cores (shared with other work; load average {load}), "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"PyYAML {yaml.__version__} (C loader: {yaml.__with_libyaml__})")


def main_benchmark() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    today = dt.date.today().isoformat()
    with tempfile.TemporaryDirectory(prefix="bench-check-") as temporary:
        folder = Path(temporary)
        files = make_project(folder, args.count)
        size = sum(path.stat().st_size for path in files)
        parse_only(files[:200])  # warm the disk cache for both
        parse_times, check_times = [], []
        for _ in range(args.rounds):  # alternate, so load on the machine hits both alike
            parse_times.append(parse_only(files))
            check_times.append(check_in_process(folder, today))
        command_time = check_command(folder, today)
    parse_time, check_time = statistics.median(parse_times), statistics.median(check_times)
    ratio = check_time / parse_time
    verdict = "meets" if ratio <= TARGET else "MISSES"
    lines = [
        "# Benchmark: `check` against PyYAML's C loader",
        "",
        f"Target: the check takes at most {TARGET:g} times as long as PyYAML's C loader needs "
        "just to parse the same files.",
        "",
        f"- Date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- Machine: {machine()}",
        f"- Records: {len(files):,} synthetic records (`python build_offer.py synth "
        f"{args.count}`), {size / 1e6:.1f} MB of YAML",
        f"- Rounds: {args.rounds}, alternating; medians shown",
        "- Reproduce: `.venv/bin/python benchmarks/bench_check.py`",
        "",
        "| what | seconds (CPU) | per record |",
        "| --- | --- | --- |",
        f"| PyYAML C loader, parse only (`yaml.load(..., CSafeLoader)`) | {parse_time:.2f} | "
        f"{parse_time / len(files) * 1e3:.2f} ms |",
        f"| `check` in process (read, validate, review, JSON report) | {check_time:.2f} | "
        f"{check_time / len(files) * 1e3:.2f} ms |",
        f"| `python build_offer.py check` as a command, wall clock, with start-up | "
        f"{command_time:.2f} | "
        f"{command_time / len(files) * 1e3:.2f} ms |",
        "",
        f"Ratio check / parse: **{ratio:.2f}** ({verdict} the target of {TARGET:g}).",
        "",
        f"All rounds (s): parse {', '.join(f'{t:.2f}' for t in parse_times)}; "
        f"check {', '.join(f'{t:.2f}' for t in check_times)}.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if not args.no_write:
        (ROOT / "benchmarks" / "RESULTS-check.md").write_text(report, encoding="utf-8")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main_benchmark())
