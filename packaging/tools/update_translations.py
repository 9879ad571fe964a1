"""Refresh the designer's translations: lupdate the .ts from app/ui, lrelease the .qm.

    uv run python packaging/tools/update_translations.py          # update .ts, rebuild .qm
    uv run python packaging/tools/update_translations.py --check  # change nothing; exit 1 if stale

Updating keeps every existing translation; new strings arrive marked unfinished, for a
translator to fill in with Qt Linguist (`uv run pyside6-linguist resources/translations/...`)
or a text editor. Both the .ts and the .qm are committed: a fresh checkout and the packaged
app load the .qm without running any tool. tests/ui/test_i18n.py fails while a .ts has unfinished
entries, misses a source string, or its .qm is out of date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE_DIR = REPO / "app" / "ui"
TRANSLATIONS_DIR = REPO / "resources" / "translations"
LANGUAGES = ("zh_CN",)  # English is the source language and needs no catalogue
TIMEOUT_SECONDS = 120


def ts_path(code: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """The translation source of one language."""
    return directory / f"funnelflow_{code}.ts"


def qm_path(code: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """The compiled catalogue of one language, as app/ui/i18n.py loads it."""
    return directory / f"funnelflow_{code}.qm"


def ui_sources(root: Path = SOURCE_DIR) -> list[Path]:
    """Every file lupdate reads: the designer's Python modules and Designer forms."""
    return sorted(p for p in [*root.rglob("*.py"), *root.rglob("*.ui")] if p.is_file())


def messages(ts: Path) -> dict[tuple[str, str, str], tuple[str, str]]:
    """The catalogue of a .ts: (context, source, comment) -> (translation, state).

    State is "" when finished, else the translation's `type` ("unfinished", "vanished",
    "obsolete"). Plural translations are joined with "|". Locations are left out: they
    say where a string is, not what it is.
    """
    catalogue = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            translation = message.find("translation")
            if translation is None:
                catalogue[key] = ("", "unfinished")
                continue
            forms = translation.findall("numerusform")
            text = "|".join(f.text or "" for f in forms) if forms else translation.text or ""
            catalogue[key] = (text, translation.get("type", ""))
    return catalogue


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6: next to this interpreter first (the uv venv), else PATH."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; run this script with `uv run`")
    return found


def run(args: list[str]) -> None:
    """Run a tool, failing loudly with its output."""
    result = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def lupdate(ts: Path, sources: list[Path]) -> None:
    """Merge the strings of `sources` into `ts`, keeping translations, dropping vanished ones."""
    args = [tool("pyside6-lupdate"), *map(str, sources), "-ts", str(ts)]
    # Relative locations keep diffs small when code moves; vanished strings would only
    # clutter the file, since a reworded string needs a fresh look from the translator anyway.
    args += ["-no-obsolete", "-locations", "relative", "-source-language", "en"]
    args += ["-target-language", ts.stem.removeprefix("funnelflow_"), "-silent"]
    run(args)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile `ts` into `qm`."""
    run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)])


def update(directory: Path = TRANSLATIONS_DIR) -> None:
    """Refresh every .ts from the sources and rebuild every .qm."""
    directory.mkdir(parents=True, exist_ok=True)
    sources = ui_sources()
    for code in LANGUAGES:
        lupdate(ts_path(code, directory), sources)
        lrelease(ts_path(code, directory), qm_path(code, directory))
        print(f"updated {ts_path(code, directory).relative_to(REPO)} and its .qm")


def stale(directory: Path = TRANSLATIONS_DIR, sources: list[Path] | None = None) -> list[str]:
    """What `update` would change, without changing anything: one line per stale file."""
    problems = []
    sources = ui_sources() if sources is None else sources
    with tempfile.TemporaryDirectory() as scratch:
        for code in LANGUAGES:
            committed_ts, committed_qm = ts_path(code, directory), qm_path(code, directory)
            fresh_ts = Path(scratch) / committed_ts.name
            if committed_ts.exists():
                shutil.copyfile(committed_ts, fresh_ts)
            lupdate(fresh_ts, sources)
            # Compared by content: lupdate writes locations relative to the .ts, which sits
            # elsewhere here.
            if not committed_ts.exists() or messages(fresh_ts) != messages(committed_ts):
                problems.append(f"{committed_ts.name} does not match the strings in app/ui")
            fresh_qm = Path(scratch) / committed_qm.name
            if committed_ts.exists():
                lrelease(committed_ts, fresh_qm)
            if not committed_qm.exists() or fresh_qm.read_bytes() != committed_qm.read_bytes():
                problems.append(f"{committed_qm.name} is not built from the current .ts")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, change none")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for problem in problems:
            print(problem)
        if problems:
            print("run: uv run python packaging/tools/update_translations.py")
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
