"""Benchmark: Lok Desk start-up to ready, against a bare PySide6 window process started in the same run.

Run: python tests/benchmarks/bench_desk_startup.py [--runs N] [--warm]
Three ways to start, each a fresh process, taken in turn in every round (so machine load hits all):
- **production path**: `lok-desk --server <a loopback sandbox started separately> --exit-when-ready`
  with a cached access token and remembered client id (and the cached reservation list, where the
  desk keeps one): the start of a person who signed in yesterday. Ready = the window shows its rows.
- **--sandbox**, first launch: a fresh LOK_DESK_HOME, so the embedded sandbox seeds its database;
  with --warm also a second launch on that home (the database exists, the port is remembered).
Prints medians and each ratio to the bare window; no limits.

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
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOORS = {
    "python -c pass": "pass",
    "import PySide6.QtWidgets": "import PySide6.QtWidgets",
    "import lok_desk.desk.window.shell (Qt + desk + api)": "import lok_desk.desk.window.shell",
    "import lok_desk.sandbox.server (FastAPI, uvicorn, seed)": "import lok_desk.sandbox.server",
    "both, one interpreter": "import lok_desk.desk.window.shell, lok_desk.sandbox.server",
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


CPU: dict[str, list[float]] = {}   # what -> CPU seconds (user + sys) of each whole process, children included


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_bare(env: dict[str, str]) -> float:
    cpu = children_cpu()
    start = time.perf_counter()
    # stderr dropped: quitting from the first paint makes the offscreen plugin warn about the flush.
    subprocess.run([sys.executable, "-c", BARE_WINDOW], env=env, check=True, timeout=120,
                   stderr=subprocess.DEVNULL)
    CPU.setdefault("bare", []).append(children_cpu() - cpu)
    return time.perf_counter() - start


SANDBOX_ARGS = ["--sandbox", "--demo-role", "owner"]


def run_desk(env: dict[str, str], home: str, args: list[str] | None = None,
             label: str = "") -> tuple[float, float, dict[str, float]]:
    """(wall seconds of the process, ready_s it reported, its JSON)."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "lok_desk", *(args or SANDBOX_ARGS), "--exit-when-ready"],
        env=dict(env, LOK_DESK_HOME=home), capture_output=True, text=True, timeout=240, check=False)
    wall = time.perf_counter() - start
    if label:
        CPU.setdefault(label, []).append(children_cpu() - cpu)
    if done.returncode != 0:
        raise SystemExit(f"lok-desk failed ({done.returncode}): {done.stderr.strip()}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return wall, float(figures["ready_s"]), figures


def start_server() -> tuple[subprocess.Popen[bytes], str]:
    """A sandbox in its own process, as a Lok server the desk reaches over loopback."""
    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    process = subprocess.Popen(
        [sys.executable, "-m", "lok_desk.sandbox.cli", "--memory", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/sandbox/clock", timeout=1).status_code == 200:
                return process, base + "/api/v2"
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the sandbox server did not start")


def prepare_production_home(env: dict[str, str], home: str, api_url: str) -> None:
    """A home where the demo owner signed in before: remembered client id, cached token, one earlier run."""
    import asyncio

    from lok_desk.api import Credentials, LokClient, TokenCache
    from lok_desk.desk.settings import DeskSettings
    from lok_desk.paths import AppPaths
    from lok_desk.sandbox import DEMO_CLIENTS

    paths = AppPaths(Path(home) / "config", Path(home) / "data", Path(home) / "cache")
    client_id, secret = DEMO_CLIENTS["owner"]

    async def sign_in() -> None:
        async with LokClient(api_url, credentials=Credentials(client_id, secret),
                             token_cache=TokenCache(paths.token_cache_file)) as client:
            await client.sign_in()

    asyncio.run(sign_in())
    settings = DeskSettings()
    settings.client_ids[api_url] = client_id
    settings.resume[api_url] = True
    settings.last_server = api_url
    settings.save(paths.settings_file)
    run_desk(env, home, ["--server", api_url])   # the run before: whatever it caches, the next run finds


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
    server, api_url = start_server()
    production_home = tempfile.TemporaryDirectory(prefix="lok-desk-bench-production-")
    bare: list[float] = []
    production: list[float] = []
    cold_wall: list[float] = []
    cold_ready: list[float] = []
    warm_ready: list[float] = []
    last: dict[str, float] = {}
    production_last: dict[str, float] = {}
    try:
        prepare_production_home(env, production_home.name, api_url)
        for _ in range(args.runs):
            bare.append(run_bare(env))
            _wall, ready, production_last = run_desk(env, production_home.name, ["--server", api_url],
                                                     "production path")
            production.append(ready)
            with tempfile.TemporaryDirectory(prefix="lok-desk-bench-") as home:
                wall, ready, last = run_desk(env, home, label="--sandbox first launch")
                cold_wall.append(wall)
                cold_ready.append(ready)
                if args.warm:
                    warm_ready.append(run_desk(env, home, label="--sandbox second launch")[1])
    finally:
        server.terminate()
        server.wait(30)
        production_home.cleanup()

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
    prod = statistics.median(production)
    print(f"production path (--server, cached token), ready_s:  median {prod:.3f} s  "
          f"(min {min(production):.3f}, max {max(production):.3f})  = {prod / bare_median:.1f}x bare "
          f"[{int(production_last['reservations'])} rows]")
    cold = statistics.median(cold_ready)
    print(f"--sandbox first launch (seeds the db), ready_s:      median {cold:.3f} s  "
          f"(min {min(cold_ready):.3f}, max {max(cold_ready):.3f})  = {cold / bare_median:.1f}x bare")
    if warm_ready:
        warm = statistics.median(warm_ready)
        print(f"--sandbox second launch (db and port kept), ready_s: median {warm:.3f} s  "
              f"(min {min(warm_ready):.3f}, max {max(warm_ready):.3f})  = {warm / bare_median:.1f}x bare")
    print(f"--sandbox whole process incl. shutdown:             median {statistics.median(cold_wall):.3f} s")
    print(f"last --sandbox run loaded {int(last['reservations'])} reservations, "
          f"{int(last['locations'])} locations")
    bare_cpu = statistics.median(CPU["bare"][1:] or CPU["bare"])
    print("CPU time (user + sys) of each whole process, start to exit, the sandbox child included; "
          f"robust to the machine's load, unlike the wall-clock figures above. bare window: {bare_cpu:.2f} s")
    for what, seconds in CPU.items():
        if what != "bare":
            print(f"  lok-desk {what}: median {statistics.median(seconds):.2f} s CPU = "
                  f"{statistics.median(seconds) / bare_cpu:.1f}x bare  ({len(seconds)} processes)")
    for name, times in floors.items():
        if times:
            print(f"floor, process that only does {name}: median {statistics.median(times):.3f} s "
                  f"(min {min(times):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
