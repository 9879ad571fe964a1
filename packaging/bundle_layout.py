"""What goes into the FunnelFlow bundle and what its pieces are called, on every platform.

Shared by the PyInstaller spec, the build script and the tests, so the three cannot disagree.
Standard library only: the spec imports it inside PyInstaller, the tests import it without.
"""

from __future__ import annotations

import platform
import posixpath
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
LINUX_FILES = Path(__file__).resolve().parent / "linux"

APP_ID = "io.github.funnelflow.FunnelFlow"
MIME_TYPE = "application/x-funnelflow+yaml"
BUNDLE_NAME = "FunnelFlow"  # the folder in dist/, and the macOS .app

# Sources of generated files; they stay in the checkout, the bundle only needs the results.
RESOURCE_SUFFIXES_LEFT_OUT = (".ts",)

# Qt plugins PySide6's hooks collect but FunnelFlow must not ship, as "<type>/<file stem>".
QT_PLUGINS_LEFT_OUT = (
    # Links the *system's* GTK 3, which would then load against the bundle's own GLib, cairo
    # and pango from the build machine: a version mismatch that can crash at start-up. Qt
    # falls back to its portal theme and Fusion style.
    "platformthemes/libqgtk3",
    # Embedded-device and remote-display back ends; a desktop uses xcb or wayland (and tests
    # use offscreen). libqvnc and the TUIO touch plugin are all that need QtNetwork.
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay",
    "platforms/libqvnc",
    "generic/libqtuiotouchplugin",
    "egldeviceintegrations/",
)
# Qt's own translations (standard dialogs, context menus) for the languages FunnelFlow
# speaks; the other ~40 languages are 7 MB.
QT_TRANSLATION_LANGUAGES = ("en", "zh")

TocEntry = tuple[str, str, str]  # PyInstaller: (name in the bundle, source, type code)


def project_version(root: Path = ROOT) -> str:
    """The one version number, from pyproject.toml."""
    with (root / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def resource_datas(resources: Path = RESOURCES) -> list[tuple[str, str]]:
    """PyInstaller `datas`: each resource file mapped to its folder under `resources/`.

    Listed file by file (not the whole folder) so sources such as translation .ts files
    stay out; the layout inside the bundle mirrors the checkout, which is what lets
    `app.resources.resources_dir()` find it at `sys._MEIPASS/resources`.
    """
    datas = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file() or path.suffix in RESOURCE_SUFFIXES_LEFT_OUT:
            continue
        if any(part.startswith(".") or part == "__pycache__" for part in path.parts):
            continue
        relative_folder = path.parent.relative_to(resources.parent)
        datas.append((str(path), relative_folder.as_posix()))
    return datas


def executables(platform_name: str = sys.platform) -> dict[str, bool]:
    """The programs in the bundle folder: name → whether it is a console program.

    On Linux one program does both jobs: the console flag means nothing there, and a desktop
    launcher simply has no terminal attached. Windows must choose at link time between a
    console program (prints, but opens a black window when double-clicked) and a windowed one
    (prints nothing), and macOS only lets the windowed one be the .app; so those two platforms
    get both, with names that differ by more than case because their file systems ignore case.
    """
    if platform_name.startswith("linux"):
        return {"funnelflow": True}
    return {BUNDLE_NAME: False, "funnelflow-cli": True}


def cli_executable(platform_name: str = sys.platform) -> str:
    """File name of the program that prints (`--version`, `check`, `export`)."""
    name = next(n for n, console in executables(platform_name).items() if console)
    return name + ".exe" if platform_name == "win32" else name


def archive_stem(version: str, platform_name: str = sys.platform) -> str:
    """Base name of the release archive, e.g. FunnelFlow-0.1.0-linux-x86_64."""
    system = {"win32": "windows", "darwin": "macos"}.get(platform_name, "linux")
    return f"{BUNDLE_NAME}-{version}-{system}-{platform.machine().lower() or 'unknown'}"


def left_out(dest: str) -> bool:
    """Whether a collected file (by its path in the bundle) is one FunnelFlow does not ship."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    if "plugins" in parts:
        plugin = "/".join(parts[parts.index("plugins") + 1 :])
        return any(plugin.startswith(prefix) for prefix in QT_PLUGINS_LEFT_OUT)
    if "translations" in parts and path.suffix == ".qm" and "Qt" in parts:
        # qtbase_zh_CN.qm, qt_help_de.qm: the language is the last lower-case part.
        language = re.search(r"_([a-z]{2,3})(?:_[A-Z]{2})?$", path.stem)
        return not (language and language.group(1) in QT_TRANSLATION_LANGUAGES)
    return False


def without_left_out(toc: Iterable[TocEntry]) -> list[TocEntry]:
    """The TOC minus the plugins and translations that `left_out` names."""
    return [entry for entry in toc if not left_out(entry[0])]


def prune_shared_libraries(
    toc: Iterable[TocEntry], needed: Callable[[str], Iterable[str]]
) -> list[TocEntry]:
    """Drop the shared libraries that nothing left in the bundle links to (ELF, Linux).

    PyInstaller collects a plugin's libraries when it collects the plugin; after `left_out`
    removed the plugin (GTK theme, VNC) its libraries (cairo, pango, QtNetwork, Kerberos) stay
    behind unused. Starting from everything that is not a plain library (Python, extension
    modules, Qt plugins), this follows `needed(source)` (the DT_NEEDED sonames) and keeps
    what it reaches. Follow with `without_dangling_symlinks`.
    """
    entries = list(toc)

    def is_library(entry: TocEntry) -> bool:
        dest, _, kind = entry
        folder = posixpath.dirname(dest.replace("\\", "/"))
        name = posixpath.basename(dest)
        plain = folder in ("", "PySide6/Qt/lib") and ".so" in name
        return kind == "BINARY" and plain and not name.startswith("libpython")

    libraries = {posixpath.basename(e[0]): e for e in entries if is_library(e)}
    kept: set[str] = set()
    todo = [e[1] for e in entries if e[2] in ("BINARY", "EXTENSION") and not is_library(e)]
    while todo:
        for soname in needed(todo.pop()):
            if soname in libraries and soname not in kept:
                kept.add(soname)
                todo.append(libraries[soname][1])

    return [e for e in entries if not is_library(e) or posixpath.basename(e[0]) in kept]


def without_dangling_symlinks(
    toc: Iterable[TocEntry], bundle: Iterable[TocEntry]
) -> list[TocEntry]:
    """`toc` minus the SYMLINK entries whose target is no longer in `bundle`.

    PyInstaller lists a library twice on Linux, the file under PySide6/Qt/lib and a symlink
    to it at the top (kept among the datas); pruning the file must take the link with it.
    """
    present = {entry[0].replace("\\", "/") for entry in bundle}

    def target(entry: TocEntry) -> str:
        folder = posixpath.dirname(entry[0].replace("\\", "/"))
        return posixpath.normpath(posixpath.join(folder, entry[1].replace("\\", "/")))

    return [e for e in toc if e[2] != "SYMLINK" or target(e) in present]
