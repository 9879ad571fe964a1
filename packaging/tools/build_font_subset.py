"""Build the bundled CJK font: a subset of Noto Sans CJK SC Regular.

Run from the repository root after installing Debian's `fonts-noto-cjk` (only the build
machine needs it; the product never does):

    uv run --group tools python packaging/tools/build_font_subset.py

The subset keeps GB2312, Latin-1, the punctuation, arrows and full-width forms Chinese text
uses, some common name characters outside GB2312, and every character of the templates,
translations and checklist messages. Rebuild it whenever those files gain a character the
font lacks; tests/ui/test_fonts.py fails and says so. The output is deterministic, so a rebuild
with unchanged inputs leaves git clean.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_POSTSCRIPT_NAME = "NotoSansCJKsc-Regular"
OUTPUT = REPO / "resources" / "fonts" / "FunnelFlowNotoSansSC-Regular.otf"

# A family of its own, so an installed full Noto Sans CJK SC is never shadowed by our
# subset (and ours never claims characters it lacks under that name). Keep in step with
# app/render/fonts.py BUNDLED_FAMILY.
FAMILY = "FunnelFlow Noto Sans SC"
POSTSCRIPT_NAME = "FunnelFlowNotoSansSC-Regular"

# Files whose characters the font must carry, relative to the repository root.
TEXT_SOURCES = (
    "resources/templates/**/*.yaml",
    "resources/translations/*.ts",
    "app/analysis/messages.py",
)

# Blocks Chinese marketing text draws on besides the ideographs themselves.
RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (×, ÷, ¥, ·, °)
    (0x2010, 0x205E),  # general punctuation: — ‘ ’ “ ” … ‰ ※
    (0x2100, 0x2122),  # letterlike: ℃ № ™
    (0x2160, 0x216B),  # Roman numerals Ⅰ..Ⅻ
    (0x2190, 0x21FF),  # arrows: → ← ↑ ↓ ⇒
    (0x2200, 0x22FF),  # mathematical operators: ≈ ≠ ≤ ≥ ∑
    (0x2460, 0x24FF),  # enclosed numbers ① ②
    (0x25A0, 0x25FF),  # geometric shapes: ■ □ ▲ ▼ ● ○ ◆
    (0x2605, 0x2606),  # ★ ☆
    (0x2713, 0x2714),  # ✓ ✔
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。「」【】《》
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms: ，：；（）％
)

# Name characters people really carry that GB2312 lacks; a workshop shows owners' names.
EXTRA_NAME_CHARACTERS = (
    "囧喆堃昇玥珺琇瑄璟赟彧旻祎禕熠翊翀镕甯淏浛垚犇骉燚芃苒昳晞晗"
    "玙琤瑢瑭璠睿曦懿羿奕炜煜烨燊鑫淼焱珏琰钰铖锟昶暐暻喆婧婕媛妤"
)


def gb2312_characters() -> Iterator[str]:
    """Every character GB2312 encodes: both bytes in 0xA1..0xFE, decoded one by one."""
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                yield bytes((lead, trail)).decode("gb2312")
            except UnicodeDecodeError:
                continue  # unassigned cell of the 94x94 grid


def source_files(root: Path = REPO) -> list[Path]:
    """The text files whose characters the bundled font must cover."""
    found: set[Path] = set()
    for pattern in TEXT_SOURCES:
        found.update(p for p in root.glob(pattern) if p.is_file())
    return sorted(found)


def characters_in_files(paths: Iterable[Path]) -> set[str]:
    """Every printable character of the given UTF-8 files."""
    chars: set[str] = set()
    for path in paths:
        chars.update(ch for ch in path.read_text(encoding="utf-8") if ch.isprintable())
    return chars


def wanted_characters(root: Path = REPO) -> set[str]:
    """The full character set of the subset."""
    chars = set(gb2312_characters())
    for first, last in RANGES:
        chars.update(chr(cp) for cp in range(first, last + 1))
    chars.update(EXTRA_NAME_CHARACTERS)
    chars.update(characters_in_files(source_files(root)))
    return chars


def load_sc_face(ttc: Path):
    """The Simplified Chinese face of the collection, picked by its PostScript name."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(ttc))
    for font in collection.fonts:
        if font["name"].getDebugName(6) == SOURCE_POSTSCRIPT_NAME:
            return font
    raise SystemExit(f"{ttc} has no face named {SOURCE_POSTSCRIPT_NAME}")


def subset(font, chars: set[str]) -> None:
    """Cut the font down to `chars`, without hinting, vertical metrics or CJK layout."""
    from fontTools import subset as ftsubset

    options = ftsubset.Options()
    options.hinting = False  # screens and PDFs rasterise CFF outlines well unhinted
    options.layout_features = ["kern"]  # Latin kerning; vert/locl/palt are unused here
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14]  # keep copyright, trademark, licence
    options.name_languages = [0x0409]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(ch) for ch in chars))
    subsetter.subset(font)


def rename(font) -> None:
    """Give the subset its own family name in the name table and the CFF top dict."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    for name_id, value in (
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{POSTSCRIPT_NAME};{version}"),
        (4, FAMILY),
        (6, POSTSCRIPT_NAME),
    ):
        name.setName(value, name_id, 3, 1, 0x0409)
    # Typographic family names (16, 17) would still say Noto Sans CJK SC.
    name.names = [n for n in name.names if n.nameID not in (16, 17)]
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT_NAME]
    top = cff.topDictIndex[0]
    top.FamilyName = FAMILY
    top.FullName = FAMILY


def build(ttc: Path = SOURCE_TTC, output: Path = OUTPUT) -> tuple[int, int, int]:
    """Write the subset; returns (characters mapped, glyphs, bytes)."""
    if not ttc.exists():
        raise SystemExit(f"{ttc} not found: `apt-get install fonts-noto-cjk` on the build machine")
    font = load_sc_face(ttc)
    modified = font["head"].modified
    subset(font, wanted_characters())
    rename(font)
    # Keep the source's timestamp so that rebuilding unchanged inputs is byte-identical.
    font.recalcTimestamp = False
    font["head"].modified = modified
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output))
    mapped = len(font.getBestCmap())
    return mapped, len(font.getGlyphOrder()), output.stat().st_size


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build the subset and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE_TTC, help="NotoSansCJK-Regular.ttc")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    mapped, glyphs, size = build(args.source, args.output)
    print(f"{args.output}: {mapped} characters, {glyphs} glyphs, {size / 1e6:.2f} MB")
    for path in source_files():
        print(f"  covered: {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
