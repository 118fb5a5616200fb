"""Builds the one-folder Lok Desk bundle with PyInstaller, plus its Linux desktop files and archive.

    .venv/bin/python packaging/build.py [--dist DIR] [--clean] [--deb]

Result (Linux): DIR/lok-desk/lok-desk (the executable), DIR/lok-desk/share/... (menu entry, icons,
AppStream data), DIR/lok-desk/install.sh and DIR/lok-desk-<version>-linux-<arch>.tar.gz; with --deb
also DIR/lok-desk_<version>_<arch>.deb (packaging/deb.py).
Windows and macOS use the same spec; see packaging/README.md.
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
ROOT = PACKAGING_DIR.parent
sys.path.insert(0, str(PACKAGING_DIR))

import bundle_contents as contents  # noqa: E402 - the packaging folder is not a package

SPEC = PACKAGING_DIR / "lok-desk.spec"
APP_DIR = ROOT / "resources" / "app"
# 150 MB until the Qt Charts module came in for Insights and Reports (about 3.4 MB); docs/decisions.md,
# "Charts", raised it to 170. The largest parts, unpacked: Qt's ICU data 32 MB, QtGui/Widgets/Core
# libraries and bindings 42 MB, cryptography (Secret Service keyring) 12 MB + OpenSSL 5 MB, Pillow and
# its libraries 9 MB (the sandbox's labels), libpython 5.7 MB, pydantic-core 5 MB.
SIZE_BUDGET_MB = 170


def _version() -> str:
    # Read, not imported: importing lok_desk here would tie the build script to the app's imports.
    init = (ROOT / "lok_desk" / "__init__.py").read_text()
    for node in ast.parse(init).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "__version__":
            return str(ast.literal_eval(node.value))
    raise SystemExit("build: lok_desk/__init__.py has no __version__")


def check_resources_fresh() -> None:
    """The bundle ships lok_desk/desk/_generated as committed; refuse to package stale icons."""
    check = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, str(ROOT / "resources" / "scripts" / "build_resources.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    if check.returncode != 0:
        raise SystemExit(f"build: generated resources are stale:\n{check.stdout}{check.stderr}")


def qt_modules_imported_by_app() -> dict[str, Path]:
    """Each PySide6 module named in an import anywhere under lok_desk/, with one file that names it."""
    found: dict[str, Path] = {}
    for source in sorted((ROOT / "lok_desk").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), str(source))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                    found.setdefault(parts[1], source)
    return found


def check_no_excluded_qt_module_is_used() -> None:
    imported = qt_modules_imported_by_app()
    clashes = sorted(set(imported) & set(contents.EXCLUDED_QT_MODULES))
    if clashes:
        where = ", ".join(f"PySide6.{name} ({imported[name].relative_to(ROOT)})" for name in clashes)
        raise SystemExit(
            f"build: the app imports {where}, which packaging/bundle_contents.py excludes from the bundle;"
            " take it out of EXCLUDED_QT_MODULES"
        )


def run_pyinstaller(dist: Path, work: Path, *, clean: bool) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - fixed arguments


def add_linux_desktop_files(bundle: Path) -> None:
    """A freedesktop `share/` tree and install.sh beside the executable, ready for ~/.local."""
    share = bundle / "share"
    if share.exists():
        shutil.rmtree(share)
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy2(APP_DIR / f"{contents.APP_ID}.desktop", share / "applications")
    shutil.copy2(APP_DIR / f"{contents.APP_ID}.metainfo.xml", share / "metainfo")
    icons = share / "icons" / "hicolor"
    shutil.copytree(APP_DIR / "icons" / "hicolor", icons)
    scalable = icons / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(APP_DIR / f"{contents.APP_ID}.svg", scalable)
    installer = bundle / "install.sh"
    shutil.copy2(PACKAGING_DIR / "linux" / "install.sh", installer)
    installer.chmod(0o755)


# ---- build-machine RUNPATHs -----------------------------------------------------------------------
PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_STRTAB, DT_RPATH, DT_RUNPATH = 0, 5, 15, 29


def _foreign_search_path(value: bytes) -> bool:
    """An RPATH/RUNPATH that points at this build machine (pyenv's lib), not inside the bundle."""
    return all(part and not part.startswith(b"$ORIGIN") for part in value.split(b":"))


def _c_string(data: bytearray, start: int) -> bytes:
    return bytes(data[start:data.index(0, start)])


def drop_build_machine_runpaths(bundle: Path) -> list[Path]:
    """Remove RPATH/RUNPATH entries naming folders of the build machine (what `chrpath -d` does).

    CPython's extension modules from pyenv carry RUNPATH=/root/.pyenv/versions/X/lib (where their
    libpython was); in the bundle the boot loader has loaded libpython already, so the entry only
    leaks a build path and, on a machine where that folder exists, would load its libraries first
    (lintian: custom-library-search-path). Entries using $ORIGIN (inside the bundle) stay. Little-
    endian ELF64 only (x86-64, arm64); returns the files changed.
    """
    import struct

    changed: list[Path] = []
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        data = bytearray(path.read_bytes())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            continue
        phoff, = struct.unpack_from("<Q", data, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
        loads, dynamic = [], None
        for index in range(phnum):
            p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from(
                "<IIQQQQ", data, phoff + index * phentsize)
            if p_type == PT_LOAD:
                loads.append((p_vaddr, p_offset, p_filesz))
            elif p_type == PT_DYNAMIC:
                dynamic = (p_offset, p_filesz)
        if dynamic is None:
            continue
        entries = [struct.unpack_from("<qQ", data, dynamic[0] + at) for at in range(0, dynamic[1], 16)]
        strtab = next((value for tag, value in entries if tag == DT_STRTAB), None)
        strtab_offset = next((strtab - vaddr + offset for vaddr, offset, size in loads
                              if strtab is not None and vaddr <= strtab < vaddr + size), None)
        if strtab_offset is None:
            continue
        kept = [(tag, value) for tag, value in entries
                if not (tag in (DT_RPATH, DT_RUNPATH)
                        and _foreign_search_path(_c_string(data, strtab_offset + value)))]
        if len(kept) == len(entries):
            continue
        kept += [(DT_NULL, 0)] * (len(entries) - len(kept))
        for index, (tag, value) in enumerate(kept):
            struct.pack_into("<qQ", data, dynamic[0] + index * 16, tag, value)
        mode = path.stat().st_mode
        path.write_bytes(bytes(data))
        path.chmod(mode)
        changed.append(path)
    return changed


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and file count of a folder, not following symlinks (what `du --apparent-size` says)."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def archive(bundle: Path, dist: Path) -> Path:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    stem = f"{contents.EXECUTABLE}-{_version()}-{system}-{platform.machine().lower()}"
    if sys.platform == "win32":
        target = dist / f"{stem}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive_file:
            for path in sorted(bundle.rglob("*")):
                archive_file.write(path, path.relative_to(bundle.parent))
        return target
    target = dist / f"{stem}.tar.gz"
    # Level 6: within a few percent of 9 on Qt's libraries, in about half the time.
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's scratch folder (default: build/pyinstaller)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz/.zip")
    parser.add_argument("--deb", action="store_true",
                        help="also write lok-desk_<version>_<arch>.deb (Debian/Ubuntu; see packaging/deb.py)")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()

    started = time.monotonic()
    check_resources_fresh()
    check_no_excluded_qt_module_is_used()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the PySide6 hooks start Qt to ask for paths
    run_pyinstaller(dist, args.work.resolve(), clean=args.clean)
    bundle = dist / contents.EXECUTABLE
    if sys.platform.startswith("linux"):
        drop_build_machine_runpaths(bundle)
        add_linux_desktop_files(bundle)
    built = time.monotonic()

    size, files = folder_size(bundle)
    print(f"bundle: {bundle} ({size / 1e6:.1f} MB unpacked, {files} files, built in {built - started:.0f} s)")
    if size > SIZE_BUDGET_MB * 1e6:
        print(f"warning: the bundle is over its {SIZE_BUDGET_MB} MB budget", file=sys.stderr)
    if not args.no_archive:
        # macOS users get the .app that BUNDLE() made beside the plain folder.
        app = dist / f"{contents.DISPLAY_NAME}.app"
        target = archive(app if sys.platform == "darwin" else bundle, dist)
        print(f"archive: {target} ({target.stat().st_size / 1e6:.1f} MB, "
              f"{time.monotonic() - built:.0f} s)")
    if args.deb:
        import deb

        started_deb = time.monotonic()
        package = deb.build_deb(bundle, dist)
        print(f"deb: {package} ({package.stat().st_size / 1e6:.1f} MB, "
              f"{time.monotonic() - started_deb:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
