"""Benchmark: Lok Desk start-up to ready, against a bare PySide6 window process started in the same run.

Run: python tests/benchmarks/bench_desk_startup.py [--runs N] [--warm]
Each run is a fresh process with a fresh LOK_DESK_HOME (so the sandbox seeds its database, as on a
first launch) plus, with --warm, a second launch reusing it. Prints medians and the ratio; no limits.

The package is byte-compiled first (`compileall`), as an installed wheel or the PyInstaller bundle
is: a checkout run with PYTHONDONTWRITEBYTECODE=1 (this dev image sets it) otherwise recompiles every
lok_desk module at each launch, which is not what a person's start-up costs. `--no-compile` skips it.
Also prints floors: processes that only import what the desk cannot start without (Qt, the desk's
own modules, the sandbox), since on one interpreter those imports share one GIL and bound ready_s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOORS = {
    "python -c pass": "pass",
    "import PySide6.QtWidgets": "import PySide6.QtWidgets",
    "import lok_desk.desk.shell (Qt + desk + api)": "import lok_desk.desk.shell",
    "import lok_desk.sandbox.server (FastAPI, uvicorn, seed)": "import lok_desk.sandbox.server",
    "both, one interpreter": "import lok_desk.desk.shell, lok_desk.sandbox.server",
}

BARE_WINDOW = r"""
import sys, time
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().quit()
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
"""


def run_bare(env: dict[str, str]) -> float:
    start = time.perf_counter()
    # stderr dropped: quitting from the first paint makes the offscreen plugin warn about the flush.
    subprocess.run([sys.executable, "-c", BARE_WINDOW], env=env, check=True, timeout=120,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def run_desk(env: dict[str, str], home: str) -> tuple[float, float, dict[str, float]]:
    """(wall seconds of the process, ready_s it reported, its JSON)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "lok_desk", "--sandbox", "--demo-role", "owner", "--exit-when-ready"],
        env=dict(env, LOK_DESK_HOME=home), capture_output=True, text=True, timeout=240, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"lok-desk failed ({done.returncode}): {done.stderr.strip()}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return wall, float(figures["ready_s"]), figures


def run_floor(env: dict[str, str], code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=dict(env, QT_API="pyside6"), check=True, timeout=120)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", action="store_true", help="also time a second launch on the same home")
    parser.add_argument("--no-compile", action="store_true", help="do not byte-compile lok_desk first")
    parser.add_argument("--no-floors", action="store_true", help="skip the import-only floor processes")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if not args.no_compile:
        import lok_desk

        package = Path(lok_desk.__file__).parent
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)

    run_bare(env)  # warm the OS file cache for both, so the first measured run is not an outlier
    bare: list[float] = []
    cold_wall: list[float] = []
    cold_ready: list[float] = []
    warm_ready: list[float] = []
    last: dict[str, float] = {}
    for _ in range(args.runs):
        bare.append(run_bare(env))
        with tempfile.TemporaryDirectory(prefix="lok-desk-bench-") as home:
            wall, ready, last = run_desk(env, home)
            cold_wall.append(wall)
            cold_ready.append(ready)
            if args.warm:
                warm_ready.append(run_desk(env, home)[1])

    floors: dict[str, list[float]] = {name: [] for name in FLOORS}
    if not args.no_floors:
        for _ in range(max(3, args.runs)):
            for name, code in FLOORS.items():
                floors[name].append(run_floor(env, code))

    bare_median = statistics.median(bare)
    print(f"runs: {args.runs}  (python {sys.version.split()[0]}, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, "
          f"{'byte-compiled' if not args.no_compile else 'not compiled by the benchmark'}, "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs)")
    print(f"bare PySide6 window, process start to first paint: median {bare_median:.3f} s  "
          f"(min {min(bare):.3f}, max {max(bare):.3f})")
    cold = statistics.median(cold_ready)
    print(f"lok-desk --sandbox --demo-role owner, ready_s:      median {cold:.3f} s  "
          f"(min {min(cold_ready):.3f}, max {max(cold_ready):.3f})")
    print(f"lok-desk whole process incl. shutdown:              median {statistics.median(cold_wall):.3f} s")
    if warm_ready:
        warm = statistics.median(warm_ready)
        print(f"lok-desk second launch (sandbox db exists), ready_s: median {warm:.3f} s")
    print(f"ratio ready / bare window: {statistics.median(cold_ready) / bare_median:.1f}x")
    print(f"last run loaded {int(last['reservations'])} reservations, {int(last['locations'])} locations")
    for name, times in floors.items():
        if times:
            print(f"floor, process that only does {name}: median {statistics.median(times):.3f} s "
                  f"(min {min(times):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
