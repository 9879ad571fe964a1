"""Build the FunnelFlow desktop bundle and its release archive.

    uv run --group tools python packaging/build.py            # dist/FunnelFlow/ + archive
    uv run --group tools python packaging/build.py --no-archive --dist /tmp/ff

Linux: dist/FunnelFlow/ gains install.sh and share/ (desktop entry, AppStream metainfo, MIME
type, icons), then dist/FunnelFlow-<version>-linux-<arch>.tar.gz. Windows: a .zip, and the
Inno Setup installer when ISCC.exe is on PATH. macOS: dist/FunnelFlow.app and a .dmg.
Python rather than shell so the same script runs on all three.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_layout as layout  # noqa: E402  (lives next to this script)

PACKAGING = Path(__file__).resolve().parent
SPEC = PACKAGING / "funnelflow.spec"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """Run the spec; returns the bundle folder."""
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN",
            "--distpath", str(dist), "--workpath", str(work), str(SPEC),
        ],
        check=True,
    )
    return dist / layout.BUNDLE_NAME


def stage_linux_integration(bundle: Path) -> None:
    """Put install.sh and the freedesktop files (share/...) into the bundle folder."""
    share = bundle / "share"
    files = {
        f"{layout.APP_ID}.desktop": share / "applications",
        f"{layout.APP_ID}.metainfo.xml": share / "metainfo",
    }
    for name, folder in files.items():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(layout.LINUX_FILES / name, folder / name)
    mime = share / "mime" / "packages"
    mime.mkdir(parents=True, exist_ok=True)
    shutil.copy2(layout.LINUX_FILES / f"{layout.APP_ID}.mime.xml", mime / f"{layout.APP_ID}.xml")
    icons = layout.RESOURCES / "icons"
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(icons / "png" / f"funnelflow-{size}.png", folder / f"{layout.APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / "funnelflow.svg", scalable / f"{layout.APP_ID}.svg")
    installer = bundle / "install.sh"
    shutil.copy2(layout.LINUX_FILES / "install.sh", installer)
    installer.chmod(installer.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def make_tarball(bundle: Path, version: str) -> Path:
    """dist/FunnelFlow-<version>-linux-<arch>.tar.gz holding the FunnelFlow/ folder."""
    archive = bundle.parent / f"{layout.archive_stem(version)}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    return archive


def make_zip(bundle: Path, version: str) -> Path:
    """dist/FunnelFlow-<version>-windows-<arch>.zip (the portable Windows download)."""
    stem = bundle.parent / layout.archive_stem(version)
    return Path(shutil.make_archive(str(stem), "zip", bundle.parent, bundle.name))


def make_windows_installer(version: str, dist: Path) -> Path | None:
    """Compile packaging/windows/funnelflow.iss with Inno Setup, when it is installed."""
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if not iscc:
        print("ISCC.exe (Inno Setup 6) not on PATH: skipping the installer", file=sys.stderr)
        return None
    script = PACKAGING / "windows" / "funnelflow.iss"
    subprocess.run(
        [iscc, f"/DAppVersion={version}", f"/DDistDir={dist}", f"/O{dist}", str(script)],
        check=True,
    )
    return dist / f"{layout.archive_stem(version)}-setup.exe"


def make_dmg(dist: Path, version: str) -> Path:
    """dist/FunnelFlow-<version>-macos-<arch>.dmg holding FunnelFlow.app (uses hdiutil)."""
    dmg = dist / f"{layout.archive_stem(version)}.dmg"
    subprocess.run(
        [
            "hdiutil", "create", "-volname", layout.BUNDLE_NAME, "-srcfolder",
            str(dist / f"{layout.BUNDLE_NAME}.app"), "-ov", "-format", "UDZO", str(dmg),
        ],
        check=True,
    )
    return dmg


def folder_size(folder: Path) -> int:
    """Bytes in all files under `folder` (symlinks not followed)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Build; prints what was made, how big and how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=layout.ROOT / "dist")
    parser.add_argument("--work", type=Path, default=layout.ROOT / "build")
    parser.add_argument("--no-archive", action="store_true", help="only the bundle folder")
    args = parser.parse_args(argv)

    version = layout.project_version()
    started = time.monotonic()
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
    made = [bundle]
    if sys.platform.startswith("linux"):
        stage_linux_integration(bundle)
        if not args.no_archive:
            made.append(make_tarball(bundle, version))
    elif sys.platform == "win32" and not args.no_archive:
        made.append(make_zip(bundle, version))
        made += [p for p in [make_windows_installer(version, bundle.parent)] if p]
    elif sys.platform == "darwin" and not args.no_archive:
        made.append(make_dmg(bundle.parent, version))

    print(f"FunnelFlow {version} built in {time.monotonic() - started:.0f} s:")
    for path in made:
        size = folder_size(path) if path.is_dir() else path.stat().st_size
        print(f"  {path}  {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    os.chdir(layout.ROOT)
    sys.exit(main())
