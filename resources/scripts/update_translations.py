"""Refreshes resources/translations/lok_desk_<lang>.ts from the desk's sources with pyside6-lupdate.

    .venv/bin/python resources/scripts/update_translations.py           # add new, drop vanished strings
    .venv/bin/python resources/scripts/update_translations.py --check   # exit 1: a .ts misses a string

Then translate what is new (Qt Linguist: `pyside6-linguist resources/translations/lok_desk_es.ts`, or
any editor: fill each `<translation type="unfinished">` and remove the type) and run
scripts/build_resources.py, which compiles the .ts into .qm inside the generated resource module.

Idempotent: lupdate keeps every existing translation, and the files carry no line numbers
(`-locations none`), so editing code elsewhere in a file does not rewrite the catalogues.
English is the source language: lok_desk_en.ts holds only plural forms (`-pluralonly`), the usual
Qt arrangement, so "%n reservation(s)" still reads right in English.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en", "es")
# The parts of lok_desk that show text to people (the core marks its sentences with
# QT_TRANSLATE_NOOP); the API client and the sandbox speak to programs.
SOURCE_ROOTS = ("lok_desk/desk", "lok_desk/core", "lok_desk/app.py", "lok_desk/resources.py")
EXCLUDED = ("lok_desk/desk/_generated",)


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"lok_desk_{language}.ts"


def source_files() -> list[str]:
    """The Python files lupdate reads, relative to the repository (no machine paths in the .ts)."""
    files: list[str] = []
    for root in SOURCE_ROOTS:
        path = ROOT / root
        candidates = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for candidate in candidates:
            relative = candidate.relative_to(ROOT).as_posix()
            if not relative.startswith(EXCLUDED):
                files.append(relative)
    return files


def lupdate_executable() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("update_translations: pyside6-lupdate not found (it ships with PySide6-Essentials)")
    return found


def run_lupdate(target: Path, language: str) -> None:
    arguments = [lupdate_executable(), *source_files(), "-ts", str(target), "-no-obsolete",
                 "-locations", "none", "-source-language", "en", "-target-language", language, "-silent"]
    if language == "en":
        arguments.append("-pluralonly")
    subprocess.run(arguments, check=True, cwd=ROOT)  # noqa: S603 - fixed arguments, our own files


def messages(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every live message in a .ts file."""
    tree = ET.parse(path)  # noqa: S314 - our own committed catalogue
    found = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            kind = (message.find("translation") or ET.Element("x")).get("type", "")
            if kind not in ("vanished", "obsolete"):
                found.add((name, message.findtext("source") or ""))
    return found


def stale_catalogues() -> list[Path]:
    """The .ts files whose messages differ from what lupdate finds in the sources now."""
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        for language in LANGUAGES:
            fresh = Path(scratch) / ts_path(language).name
            if ts_path(language).exists():
                shutil.copyfile(ts_path(language), fresh)
            run_lupdate(fresh, language)
            if not ts_path(language).exists() or messages(fresh) != messages(ts_path(language)):
                stale.append(ts_path(language))
    return stale


def update() -> list[Path]:
    """Run lupdate on every catalogue; return the files whose bytes changed."""
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    changed = []
    for language in LANGUAGES:
        target = ts_path(language)
        before = target.read_bytes() if target.exists() else b""
        run_lupdate(target, language)
        if target.read_bytes() != before:
            changed.append(target)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report catalogues that miss strings")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_catalogues()
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        if stale:
            print("run: python resources/scripts/update_translations.py")
        return 1 if stale else 0
    for path in update():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
