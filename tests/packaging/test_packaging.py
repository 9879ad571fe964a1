"""Packaging: the desktop files validate, one version everywhere, icons, bundle contents.

Fast: nothing here builds the bundle (that is tests/packaging/test_packaging_bundle.py,
marked slow).
The freedesktop validators come from the `desktop-file-utils`, `appstream` and
`shared-mime-info` apt packages; each test skips, saying which, when its tool is absent.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest

from app import version as version_module
from app.version import version

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import bundle_layout as layout  # noqa: E402

LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{layout.APP_ID}.desktop"
METAINFO = LINUX / f"{layout.APP_ID}.metainfo.xml"
MIME = LINUX / f"{layout.APP_ID}.mime.xml"
ICONS = ROOT / "resources" / "icons"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def tool(name: str, package: str) -> str:
    """Path of a command-line tool, or skip the test naming the apt package that has it."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (apt-get install {package})")
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive (Name vs Name[zh_CN])
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


# --- one version number -------------------------------------------------------------------


def test_version_is_the_one_in_pyproject():
    assert version() == layout.project_version()


def test_version_falls_back_to_pyproject_in_a_checkout_that_was_never_installed(monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(version_module.metadata, "version", not_installed)
    version_module.version.cache_clear()
    try:
        assert version() == layout.project_version()
    finally:
        version_module.version.cache_clear()


def test_pyproject_of_another_project_is_not_taken_for_ours(tmp_path):
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "9.9"\n', encoding="utf-8")
    assert version_module.pyproject_version(other) is None
    assert version_module.pyproject_version(tmp_path / "missing.toml") is None


def test_metainfo_newest_release_is_the_pyproject_version():
    # A version bump without release notes fails here: add a <release> to the metainfo.
    releases = ET.parse(METAINFO).getroot().find("releases")
    newest = releases.find("release")
    assert newest.get("version") == layout.project_version()
    assert newest.find("description") is not None, "each release needs its notes"


# --- the freedesktop files ----------------------------------------------------------------


def test_desktop_file_validates():
    validate = tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates():
    appstreamcli = tool("appstreamcli", "appstream")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_three_files_name_the_same_app_icon_and_file_type():
    entry = desktop_entry()
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == layout.APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert entry["Icon"] == layout.APP_ID
    assert entry["Exec"].split()[0] == "funnelflow"
    assert component.findtext("provides/binary") == "funnelflow"
    mime_types = entry["MimeType"].rstrip(";").split(";")
    assert mime_types[0] == layout.MIME_TYPE
    assert component.findtext("provides/mediatype") == layout.MIME_TYPE
    declared = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type")
    assert declared.get("type") == layout.MIME_TYPE


def test_the_desktop_entry_speaks_chinese():
    entry = desktop_entry()
    assert "GenericName[zh_CN]" in entry and "Comment[zh_CN]" in entry


def test_metainfo_screenshots_point_at_the_repository():
    images = [e.text for e in ET.parse(METAINFO).getroot().iter("image")]
    assert images
    prefix = "https://raw.githubusercontent.com/funnelflow/funnelflow/main/docs/screenshots/"
    assert all(image.startswith(prefix) and image.endswith(".png") for image in images)


def test_diagram_files_get_the_funnelflow_type(tmp_path):
    update = tool("update-mime-database", "shared-mime-info")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / f"{layout.APP_ID}.xml")
    # Naming the folder as a data dir silences the "not in the search path" note, so that
    # anything left on stderr is a real complaint about the XML.
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_DATA_DIRS": str(tmp_path)}
    result = subprocess.run(
        [update, str(tmp_path / "mime")], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{layout.MIME_TYPE}:*.funnelflow.yaml" in globs
    magic = (tmp_path / "mime" / "magic").read_bytes()
    assert layout.MIME_TYPE.encode() in magic and b"funnelflow:" in magic


# --- icons --------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def load_make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_png_icon_size_exists_at_its_size():
    make_icons = load_make_icons()
    for size in make_icons.PNG_SIZES:
        path = ICONS / "png" / make_icons.png_name(size)
        assert png_size(path.read_bytes()) == (size, size), path


def test_windows_icon_holds_the_small_and_large_sizes():
    data = (ICONS / "funnelflow.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        side = width or 256
        assert png_size(data[offset : offset + length]) == (side, side)
        sizes.add(side)
    assert {16, 32, 48, 256} <= sizes


def test_mac_icon_holds_the_retina_sizes():
    data = (ICONS / "funnelflow.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    members, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        members[kind] = png_size(data[at + 8 : at + length])
        at += length
    assert members[b"ic10"] == (1024, 1024) and members[b"icp4"] == (16, 16)


def test_icon_is_not_blank_at_16_pixels(qapp):
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / "png" / "funnelflow-16.png"))
    opaque = sum(image.pixelColor(x, y).alpha() > 200 for x in range(16) for y in range(16))
    assert 40 < opaque < 200  # a shape, neither empty nor a filled square


# --- what goes into the bundle ------------------------------------------------------------


def test_bundle_carries_every_resource_folder_but_not_sources():
    datas = layout.resource_datas()
    folders = {dest.split("/")[1] for _, dest in datas if "/" in dest}
    for needed in ("templates", "fonts", "translations", "icons", "schema"):
        if any((ROOT / "resources" / needed).iterdir()):
            assert needed in folders, needed
    assert all(dest.startswith("resources") for _, dest in datas)
    assert not any(src.endswith(".ts") for src, _ in datas)
    assert any(src.endswith(".qm") for src, _ in datas)


def test_the_cli_program_has_a_name_that_survives_case_insensitive_disks():
    for platform_name in ("win32", "darwin"):
        names = list(layout.executables(platform_name))
        assert len({name.lower() for name in names}) == len(names)
        assert list(layout.executables(platform_name).values()).count(True) == 1
    assert layout.cli_executable("linux") == "funnelflow"
    assert layout.cli_executable("win32") == "funnelflow-cli.exe"


def test_gtk_theme_vnc_and_foreign_qt_translations_are_left_out():
    assert layout.left_out("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert layout.left_out("PySide6/Qt/plugins/platforms/libqvnc.so")
    assert not layout.left_out("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not layout.left_out("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert layout.left_out("PySide6/Qt/translations/qtbase_de.qm")
    assert layout.left_out("PySide6/Qt/translations/qt_help_de.qm")
    assert not layout.left_out("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not layout.left_out("PySide6/Qt/translations/qt_en.qm")
    # FunnelFlow's own translations are not Qt's.
    assert not layout.left_out("resources/translations/funnelflow_zh_CN.qm")


def test_libraries_only_a_dropped_plugin_needed_are_pruned_with_their_links():
    toc = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
    ]
    needs = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "/src/libqxcb.so": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
    }
    kept = layout.prune_shared_libraries(toc, lambda src: needs.get(src, []))
    names = {dest.rsplit("/", 1)[-1] for dest, _, _ in kept}
    assert names == {
        "QtGui.abi3.so", "libqxcb.so", "libQt6Gui.so.6", "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
    }
    links = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    assert layout.without_dangling_symlinks(links, kept) == links[:1]


# --- the Linux installer ------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="install.sh is the Linux installer")
def test_install_sh_installs_menu_entry_file_type_and_command_then_uninstalls(tmp_path):
    build = load_build()
    bundle = tmp_path / "FunnelFlow"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "funnelflow"
    program.write_text("#!/bin/sh\necho funnelflow test double\n", encoding="utf-8")
    program.chmod(0o755)
    build.stage_linux_integration(bundle)

    prefix = tmp_path / "prefix with space"
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [str(bundle / "install.sh"), "--prefix", str(prefix)], capture_output=True, text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    lib = prefix / "lib" / "funnelflow"
    share = prefix / "share"
    command = prefix / "bin" / "funnelflow"
    assert subprocess.run([command], capture_output=True, text=True).stdout.startswith("funnelflow")
    desktop = (share / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f'Exec="{lib}/funnelflow" %F' in desktop
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "mime" / "packages" / f"{layout.APP_ID}.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{layout.APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{layout.APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(share / "applications" / DESKTOP.name)],
            capture_output=True, text=True,
        )
        assert check.returncode == 0, check.stdout

    # Uninstall from the installed copy, as the README tells users to.
    run = subprocess.run(
        [str(lib / "install.sh"), "--uninstall", "--prefix", str(prefix)],
        capture_output=True, text=True, env=env,
    )
    assert run.returncode == 0, run.stderr
    assert not lib.exists() and not command.exists()
    leftovers = [p for p in share.rglob("*") if p.is_file() and layout.APP_ID in p.name]
    assert leftovers == []


def load_build():
    spec = importlib.util.spec_from_file_location("ff_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
