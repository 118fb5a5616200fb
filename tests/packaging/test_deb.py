"""The Debian package, built from the bundle the packaging tests share: its metadata and contents, its
dependencies resolved by apt, lintian's verdict, and the app started from the extracted package.

    LOK_DESK_BUNDLE=dist/lok-desk pytest -m slow tests/packaging/test_deb.py   # reuse a built bundle
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.conftest import APP_ID, HANG_GUARD_S, ROOT, Bundle, run_until_ready

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="Debian packages need Debian's dpkg-deb"),
]


@dataclass(frozen=True)
class Deb:
    path: Path
    version: str
    arch: str


def tool(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=HANG_GUARD_S).stdout


@pytest.fixture(scope="module")
def deb(bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Deb:
    from lok_desk import __version__

    dist = tmp_path_factory.mktemp("deb")
    # gzip: several times faster than the default xz here, and the contents are the same.
    built = subprocess.run([sys.executable, str(ROOT / "packaging" / "deb.py"),
                            "--bundle", str(bundle.folder), "--dist", str(dist), "--compression", "gzip"],
                           capture_output=True, text=True, check=False, timeout=HANG_GUARD_S, cwd=ROOT)
    assert built.returncode == 0, built.stdout + built.stderr
    arch = tool("dpkg", "--print-architecture").strip()
    path = dist / f"lok-desk_{__version__}_{arch}.deb"
    assert path.is_file(), sorted(dist.iterdir())
    return Deb(path, __version__, arch)


def field(deb: Deb, name: str) -> str:
    return tool("dpkg-deb", "--field", str(deb.path), name).strip()


def system_libraries_of(plugin: Path, bundle: Path) -> set[str]:
    """The libraries a Qt plugin links to that the bundle does not carry."""
    carried = {path.name for path in bundle.rglob("*")}
    dump = tool("objdump", "-p", str(plugin))
    needed = {line.split()[1] for line in dump.splitlines() if line.strip().startswith("NEEDED")}
    return {name for name in needed if name not in carried}


def package_of(library: str) -> str:
    for line in tool("ldconfig", "-p").splitlines():
        if line.strip().startswith(library + " "):
            path = line.rsplit("=> ", 1)[1].strip()
            for candidate in (path, os.path.realpath(path), "/usr" + path, path.removeprefix("/usr")):
                answer = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True,
                                        check=False)
                if answer.returncode == 0:
                    return answer.stdout.split(":", 1)[0]
    raise AssertionError(f"{library} is not installed from a package here")


def test_deb_metadata_declares_every_library_the_qt_plugins_need(deb: Deb, bundle: Bundle) -> None:
    assert field(deb, "Package") == "lok-desk"
    assert field(deb, "Version") == deb.version
    assert field(deb, "Architecture") == deb.arch
    assert field(deb, "Maintainer") and field(deb, "Description")
    depends = {part.split(" (")[0] for part in field(deb, "Depends").split(", ")}
    # The libraries whose absence broke a first start on a fresh Debian (issue 14), named by the machine.
    xcb = next(bundle.folder.rglob("libqxcb.so"))
    xcb_packages = {package_of(name) for name in system_libraries_of(xcb, bundle.folder)}
    for plugin in (xcb.parent / "../../lib").resolve().glob("libQt6XcbQpa.so*"):
        xcb_packages |= {package_of(name) for name in system_libraries_of(plugin, bundle.folder)}
    first_start_failures = {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"}
    assert first_start_failures <= xcb_packages
    assert xcb_packages <= depends, xcb_packages - depends
    for plugin in bundle.folder.rglob("plugins/*/*.so"):
        needed = {package_of(name) for name in system_libraries_of(plugin, bundle.folder)}
        assert needed <= depends, (plugin.name, needed - depends)
    assert any(part.startswith("libc6 (>= 2.") for part in field(deb, "Depends").split(", "))


def test_deb_installs_the_bundle_under_opt_with_a_command_a_menu_entry_icons_and_appstream(deb: Deb) -> None:
    listing = tool("dpkg-deb", "--contents", str(deb.path))
    entries = {line.split()[5].removeprefix("."): line for line in listing.splitlines()}

    assert "/opt/lok-desk/lok-desk" in entries and entries["/opt/lok-desk/lok-desk"].startswith("-rwxr-xr-x")
    for command in ("lok-desk", "lok-desk-sandbox", "lok-desk-check"):  # integrators and support too
        assert f"/usr/bin/{command}" in entries, command
        assert entries[f"/usr/bin/{command}"].endswith("-> /opt/lok-desk/lok-desk")
    assert f"/usr/share/applications/{APP_ID}.desktop" in entries
    assert f"/usr/share/metainfo/{APP_ID}.metainfo.xml" in entries
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in entries
    assert f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in entries
    assert "/usr/share/doc/lok-desk/copyright" in entries
    assert all(" root/root " in line for line in listing.splitlines())
    assert not [name for name in entries if name.endswith("install.sh")], "install.sh is for the tarball"


@pytest.mark.skipif(shutil.which("apt-get") is None, reason="apt-get resolves Debian dependencies")
def test_apt_resolves_the_dependencies(deb: Deb) -> None:
    simulated = subprocess.run(["apt-get", "install", "--simulate", "--no-install-recommends", str(deb.path)],
                               capture_output=True, text=True, check=False, timeout=HANG_GUARD_S)

    assert simulated.returncode == 0, simulated.stdout[-3000:] + simulated.stderr[-3000:]
    assert "lok-desk" in simulated.stdout


@pytest.mark.skipif(shutil.which("lintian") is None, reason="no lintian here (apt-get install lintian)")
def test_lintian_finds_no_error(deb: Deb) -> None:
    checked = subprocess.run(["lintian", "--tag-display-limit", "0", str(deb.path)],
                             capture_output=True, text=True, check=False, timeout=HANG_GUARD_S)
    print(checked.stdout + checked.stderr)

    errors = [line for line in checked.stdout.splitlines() if line.startswith("E:")]
    assert errors == []


def test_the_extracted_package_starts_on_its_sandbox(deb: Deb, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb.path), str(root)], check=True, timeout=HANG_GUARD_S)
    assert os.readlink(root / "usr" / "bin" / "lok-desk") == "/opt/lok-desk/lok-desk"

    ready = run_until_ready(root / "opt" / "lok-desk" / "lok-desk", tmp_path / "home")

    assert ready["reservations"] and ready["locations"]


@pytest.mark.parametrize(("command", "usage"), [
    ("lok-desk-sandbox", "usage: lok-desk-sandbox"),
    ("lok-desk-check", "usage: lok-desk-check"),
])
def test_the_extracted_package_runs_the_sandbox_and_check_commands(
    deb: Deb, tmp_path: Path, command: str, usage: str
) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb.path), str(root)], check=True, timeout=HANG_GUARD_S)
    # /usr/bin/<command> points at /opt/lok-desk/lok-desk: the same link, relative to the extracted tree.
    link = tmp_path / command
    link.symlink_to(root / "opt" / "lok-desk" / "lok-desk")
    done = subprocess.run([str(link), "--help"], capture_output=True, text=True, check=False,
                          timeout=HANG_GUARD_S, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(usage), done.stdout[:300]
