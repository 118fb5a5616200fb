"""Builds `lok-desk_<version>_<arch>.deb` from the one-folder bundle that packaging/build.py made.

    .venv/bin/python packaging/build.py --deb                          # bundle, tarball and .deb
    .venv/bin/python packaging/deb.py --bundle dist/lok-desk --dist dist   # .deb of an existing bundle

What goes where:
- the bundle under `/opt/lok-desk` (it is self-contained: its own Python, Qt and libraries), and
  `/usr/bin/lok-desk`, a symlink to its executable (PyInstaller finds its files from the real path),
  with `/usr/bin/lok-desk-sandbox` and `/usr/bin/lok-desk-check` beside it, symlinks to the same
  executable, which runs the command it is called by (packaging/lok_desk_main.py);
- the freedesktop files under `/usr/share`: the reverse-DNS `.desktop` file, the hicolor icons (PNG
  sizes and the SVG), the AppStream metainfo;
- `/usr/share/doc/lok-desk/` (copyright, changelog.gz) and a lintian overrides file that names why
  a self-contained bundle in /opt differs from a package built from Debian's sources.

`Depends:` is computed, not guessed: every ELF file of the bundle (Qt plugins, Qt libraries, Python
extension modules) is read with `objdump -p` for the libraries it links to; those the bundle does not
carry are located with `ldd` (as this machine's loader finds them) and named by `dpkg -S`. The C
library gets a minimum version: the newest `GLIBC_x.y` symbol version the bundle uses. A library
the build machine lacks stops the build (the package would promise something it did not check).

Needs dpkg-deb, objdump (binutils) and ldd; run on the oldest Debian/Ubuntu you support, as the bundle
itself. Lintian is run by the tests when it is installed (`apt-get install lintian`).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
ROOT = PACKAGING_DIR.parent
APP_DIR = ROOT / "resources" / "app"
APP_ID = "com.lokdesk.LokDesk"
PACKAGE = "lok-desk"
#: The other commands of the package: links to the bundle's one executable (bundle_contents.COMMANDS).
COMMANDS = ("lok-desk-sandbox", "lok-desk-check")
INSTALL_DIR = Path("opt") / PACKAGE
MAINTAINER = "Lok Desk team <desk@lokdesk.com>"
HOMEPAGE = "https://lokdesk.com"
# The bundle's own copies of these are used, never the system's: the loader looks beside the bundle.
ELF_MAGIC = b"\x7fELF"


def tool(*command: str, env: dict[str, str] | None = None,
         check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run one of the system's packaging tools (dpkg, objdump, ldd) found on PATH, as text."""
    return subprocess.run(command, capture_output=True, text=True, check=check, env=env)  # noqa: S603


def version() -> str:
    init = (ROOT / "lok_desk" / "__init__.py").read_text()
    for node in ast.parse(init).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "__version__":
            return str(ast.literal_eval(node.value))
    raise SystemExit("deb: lok_desk/__init__.py has no __version__")


def architecture() -> str:
    return tool("dpkg", "--print-architecture", check=True).stdout.strip()


# ---- dependencies ---------------------------------------------------------------------------------
def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def needed_libraries(elf: Path) -> list[str]:
    dump = tool("objdump", "-p", str(elf)).stdout
    return [line.split()[1] for line in dump.splitlines() if line.strip().startswith("NEEDED")]


def glibc_versions(elf: Path) -> set[tuple[int, ...]]:
    dump = tool("objdump", "-T", str(elf)).stdout
    found = re.findall(r"GLIBC_(\d+(?:\.\d+)+)", dump)
    return {tuple(int(part) for part in name.split(".")) for name in found}


def resolved_by_loader(elf: Path, bundle_dirs: list[Path]) -> dict[str, str]:
    """What ldd says each needed name resolves to (name -> path), with the bundle's folders searched
    first, as they are when the bundle runs (its bootloader and RUNPATHs point there)."""
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(str(folder) for folder in bundle_dirs))
    output = tool("ldd", str(elf), env=env).stdout
    resolved: dict[str, str] = {}
    for line in output.splitlines():
        if "=> not found" in line:
            resolved[line.split()[0]] = ""
        elif match := re.match(r"\s*(\S+)\s+=>\s+(.+?)\s+\(0x", line):
            resolved[match.group(1)] = match.group(2)
        elif match := re.match(r"\s*(/\S+)\s+\(0x", line):   # the dynamic loader: a path, no "=>"
            resolved[Path(match.group(1)).name] = match.group(1)
    return resolved


def path_variants(path: str) -> list[str]:
    """The path, its real path, and their merged-/usr twins (dpkg knows each file by one of them)."""
    variants = [path, os.path.realpath(path)]
    for variant in list(variants):
        if variant.startswith(("/lib", "/lib64")):
            variants.append("/usr" + variant)
        elif variant.startswith("/usr/lib"):
            variants.append(variant.removeprefix("/usr"))
    return list(dict.fromkeys(variants))


def owning_packages(paths: set[str]) -> dict[str, str]:
    """path -> the Debian package that installed it, in one `dpkg -S` run (it is slow to start)."""
    variants = {path: path_variants(path) for path in paths}
    every = sorted({variant for group in variants.values() for variant in group})
    owner_of: dict[str, str] = {}
    # "libxcb1:amd64: /usr/lib/x86_64-linux-gnu/libxcb.so.1"; unknown paths only print to stderr.
    for line in tool("dpkg", "-S", *every).stdout.splitlines():
        if ": " not in line or line.startswith("diversion"):
            continue
        packages, path = line.split(": ", 1)
        owner_of[path.strip()] = packages.split(", ")[0].split(":")[0]
    found: dict[str, str] = {}
    for path, group in variants.items():
        package = next((owner_of[variant] for variant in group if variant in owner_of), None)
        if package is not None:
            found[path] = package
    return found


@dataclass
class Dependencies:
    packages: dict[str, list[str]]   # package -> the system libraries of it the bundle links to
    glibc: tuple[int, ...]

    def depends_field(self) -> str:
        glibc = ".".join(str(part) for part in self.glibc)
        names = [f"libc6 (>= {glibc})", *sorted(name for name in self.packages if name != "libc6")]
        return ", ".join(names)


def compute_dependencies(bundle: Path) -> Dependencies:
    elves = elf_files(bundle)
    carried = {path.name for path in bundle.rglob("*") if path.is_file() or path.is_symlink()}
    bundle_dirs = sorted({path.parent for path in elves})
    wanted: dict[str, set[str]] = {}    # system library name -> bundle files that link to it
    located: dict[str, str] = {}        # system library name -> its path here
    glibc: set[tuple[int, ...]] = {(2, 2, 5)}
    for elf in elves:
        glibc |= glibc_versions(elf)
        system_names = [name for name in needed_libraries(elf) if name not in carried]
        if not system_names:
            continue
        for name in system_names:
            wanted.setdefault(name, set()).add(str(elf.relative_to(bundle)))
        if any(name not in located for name in system_names):
            for name, path in resolved_by_loader(elf, bundle_dirs).items():
                if path and name in system_names:
                    located.setdefault(name, path)
    owners = owning_packages(set(located.values()))
    packages: dict[str, set[str]] = {}
    missing = {}
    for name, users in wanted.items():
        package = owners.get(located.get(name, ""))
        if package is None:
            missing[name] = users
        else:
            packages.setdefault(package, set()).add(name)
    if missing:
        lines = "\n".join(f"  {name} (needed by {', '.join(sorted(users)[:3])})"
                          for name, users in sorted(missing.items()))
        raise SystemExit(f"deb: these libraries are not installed from a Debian package here:\n{lines}\n"
                         "install them (apt-get install ...) and build again")
    return Dependencies({name: sorted(libs) for name, libs in packages.items()}, max(glibc))


# ---- the package tree -----------------------------------------------------------------------------
def installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(root).parts:
            total += (path.stat().st_size + 1023) // 1024
    return total


def copy_bundle(bundle: Path, target: Path) -> None:
    """The bundle without what only the tarball needs (install.sh, its own share/ tree)."""
    shutil.copytree(bundle, target, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if Path(folder) == bundle
                                                  and n in ("install.sh", "share")])
    for path in target.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or path == target / PACKAGE:
            path.chmod(0o755)
        else:
            # Shared objects are loaded, not run: 0644 (lintian's shared-library-is-executable).
            path.chmod(0o644)


def desktop_files(root: Path) -> None:
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(APP_DIR / f"{APP_ID}.desktop", share / "applications")
    metainfo = (APP_DIR / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    (share / "metainfo").mkdir()
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    icons = share / "icons" / "hicolor"
    shutil.copytree(APP_DIR / "icons" / "hicolor", icons)
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(APP_DIR / f"{APP_ID}.svg", icons / "scalable" / "apps")


def doc_files(root: Path, package_version: str) -> None:
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    year = datetime.now(UTC).year
    (doc / "copyright").write_text(f"""\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Lok Desk
Source: {HOMEPAGE}

Files: *
Copyright: 2026-{year} Lok Desk team
License: proprietary
 All rights reserved. Lok Desk is distributed to Lok customers under their agreement with Lok.

Files: opt/lok-desk/_internal/*
Copyright: The authors of each bundled component
License: various
 The bundle carries the Python runtime (PSF-2.0), Qt 6 and PySide6 (LGPL-3), and Python
 libraries under their own licenses (MIT, BSD, Apache-2.0, HPND for Pillow); each wheel's
 license text is in its *.dist-info folder under /opt/lok-desk/_internal where it ships one.
""", encoding="utf-8")
    stamp = format_datetime(datetime.now(UTC))
    changelog = (f"{PACKAGE} ({package_version}) stable; urgency=medium\n\n"
                 f"  * Lok Desk {package_version}, packaged from the PyInstaller bundle.\n\n"
                 f" -- {MAINTAINER}  {stamp}\n")
    with gzip.GzipFile(doc / "changelog.gz", "wb", compresslevel=9, mtime=0) as handle:
        handle.write(changelog.encode())
    overrides = root / "usr" / "share" / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / PACKAGE).write_text(LINTIAN_OVERRIDES, encoding="utf-8")


# Each names why the self-contained bundle differs from a package built from Debian sources.
LINTIAN_OVERRIDES = """\
# Lok Desk ships as one self-contained folder (its own Python, Qt and Python libraries), so that one
# build runs on every Debian and Ubuntu release with the glibc it needs. The FHS allows /opt for
# add-on application software packages, which this is (it is not part of Debian).
lok-desk: dir-or-file-in-opt [opt/lok-desk/*]
# The bundle's copies of Python, Qt and the Python libraries are deliberate (see above).
lok-desk: embedded-library *
# Extension modules of wheels link to libpython at run time, as they do in any virtualenv.
lok-desk: library-not-linked-against-libc *
lok-desk: shared-library-lacks-prerequisites *
# No man page yet: `lok-desk --help` documents the command line.
lok-desk: no-manual-page [usr/bin/lok-desk]
lok-desk: no-manual-page [usr/bin/lok-desk-sandbox]
lok-desk: no-manual-page [usr/bin/lok-desk-check]
"""


def control_file(root: Path, package_version: str, arch: str, dependencies: Dependencies) -> str:
    return f"""\
Package: {PACKAGE}
Version: {package_version}
Architecture: {arch}
Maintainer: {MAINTAINER}
Installed-Size: {installed_size_kib(root)}
Depends: {dependencies.depends_field()}
Section: misc
Priority: optional
Homepage: {HOMEPAGE}
Description: console for the people who run Lok parcel lockers
 Lok Desk is the desktop console for Lok parcel lockers. Front-desk staff
 create, find and cancel reservations at their location; company owners
 watch every location and decide how Lok notifies their own systems.
 .
 It includes the Lok sandbox, a practice server with demo roles, for
 training new staff without touching real lockers (lok-desk --sandbox).
"""


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not path.is_symlink() and relative.parts[0] != "DEBIAN":
            lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {relative.as_posix()}")  # noqa: S324
    return "\n".join(lines) + "\n"


def build_deb(bundle: Path, dist: Path, *, compression: str = "xz") -> Path:
    """Write DIST/lok-desk_<version>_<arch>.deb from BUNDLE; returns its path."""
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"deb: {bundle} is not a Lok Desk bundle (no {PACKAGE} executable)")
    package_version, arch = version(), architecture()
    dependencies = compute_dependencies(bundle)
    dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lok-desk-deb-", dir=dist) as scratch:
        root = Path(scratch) / "root"
        root.mkdir(mode=0o755)
        copy_bundle(bundle, root / INSTALL_DIR)
        (root / "usr" / "bin").mkdir(parents=True)
        for command in (PACKAGE, *COMMANDS):
            (root / "usr" / "bin" / command).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
        desktop_files(root)
        doc_files(root, package_version)
        for path in root.rglob("*"):
            if path.is_symlink():
                continue
            if path.is_dir():
                path.chmod(0o755)
            elif not path.is_relative_to(root / INSTALL_DIR):
                path.chmod(0o644)
        debian = root / "DEBIAN"
        debian.mkdir(mode=0o755)
        (debian / "md5sums").write_text(md5sums(root), encoding="utf-8")
        (debian / "control").write_text(control_file(root, package_version, arch, dependencies),
                                        encoding="utf-8")
        for name in ("md5sums", "control"):
            (debian / name).chmod(0o644)
        target = dist / f"{PACKAGE}_{package_version}_{arch}.deb"
        tool("dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(target),
             check=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE,
                        help="the bundle folder (default: dist/lok-desk)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument("--compression", choices=("xz", "gzip"), default="xz",
                        help="xz (smaller, the default) or gzip (several times faster to build)")
    parser.add_argument("--print-depends", action="store_true",
                        help="print which system library each dependency is for, and exit")
    args = parser.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("deb: dpkg-deb not found (build the .deb on Debian or Ubuntu)")
    if args.print_depends:
        dependencies = compute_dependencies(args.bundle.resolve())
        for package, libraries in sorted(dependencies.packages.items()):
            print(f"{package}: {', '.join(libraries)}")
        print(f"Depends: {dependencies.depends_field()}")
        return 0
    target = build_deb(args.bundle.resolve(), args.dist.resolve(), compression=args.compression)
    print(f"deb: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    if sys.platform != "linux":
        raise SystemExit("deb: Debian packages are built on Linux")
    raise SystemExit(main())
