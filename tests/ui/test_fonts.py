"""The bundled CJK font: shipped with its licence, registered, and covering our Chinese text.

Glyph checks read the bundled file itself (QRawFont) or forbid font merging, so they pass or
fail the same on a machine with no CJK font installed and on one with every font there is.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPainter,
    QRawFont,
)

from app.render.fonts import (
    BUNDLED_FAMILY,
    FONT_FAMILIES,
    bundled_font_path,
    css_font_family,
)
from app.ui.fonts import install_application_font, register_fonts, ui_families, ui_font

REPO = Path(__file__).resolve().parents[2]
REBUILD = (
    "rebuild the subset: `uv run --group tools python packaging/tools/build_font_subset.py` "
    "(needs `apt-get install fonts-noto-cjk`; see resources/fonts/README.md)"
)
WORKSHOP_WORDS = "市场部 销售部 转化率 获客成本 净推荐值 线索→商机 张伟 预案 认知期 考虑期"
# Han blocks; other characters are checked only in the blocks the subset promises.
HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))


def _load_build_script():
    path = REPO / "packaging" / "tools" / "build_font_subset.py"
    spec = importlib.util.spec_from_file_location("build_font_subset", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_script()


def _promised(ch: str) -> bool:
    """Whether the subset is meant to carry `ch` (emoji and the like come from the system)."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in (*HAN, *build.RANGES))


@pytest.fixture(scope="module")
def raw_font(qapp) -> QRawFont:
    """The bundled file opened directly, bypassing every installed font (needs a GUI app)."""
    font = QRawFont(str(bundled_font_path()), 16)
    assert font.isValid(), f"{bundled_font_path()} is not a font Qt can read"
    return font


@pytest.fixture
def bundled_only(qapp) -> QFont:
    """The bundled family with font merging off: a missing glyph shows as a box, not a fallback."""
    assert register_fonts() == BUNDLED_FAMILY
    font = QFont(BUNDLED_FAMILY)
    font.setPixelSize(48)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return font


def _missing(raw: QRawFont, chars) -> list[str]:
    return sorted({ch for ch in chars if not raw.supportsCharacter(ord(ch))})


# --- the file and its licence ---------------------------------------------------------------


def test_font_file_is_shipped_with_its_licence_and_readme():
    path = bundled_font_path()
    assert path.name == "FunnelFlowNotoSansSC-Regular.otf"
    assert 1_000_000 < path.stat().st_size < 5_000_000  # a subset, not the 19 MB collection
    licence = (path.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Adobe" in licence
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert "build_font_subset.py" in readme


def test_raw_font_names_the_distinct_family(raw_font):
    # Not "Noto Sans CJK SC": the subset must not shadow a full system install.
    assert raw_font.familyName() == BUNDLED_FAMILY
    assert BUNDLED_FAMILY == build.FAMILY


# --- the fallback list ----------------------------------------------------------------------


def test_fallback_list_puts_latin_fonts_first_then_the_bundled_cjk_and_the_generic_last():
    assert FONT_FAMILIES == (
        "Segoe UI",
        "Helvetica Neue",
        "Noto Sans",
        "Liberation Sans",
        "DejaVu Sans",
        "FunnelFlow Noto Sans SC",
        "Microsoft YaHei",
        "PingFang SC",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "WenQuanYi Micro Hei",
        "sans-serif",
    )


def test_css_font_family_quotes_names_and_leaves_the_generic_bare():
    assert css_font_family() == (
        "'Segoe UI', 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', "
        "'FunnelFlow Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', "
        "'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"
    )


# --- registration with Qt -------------------------------------------------------------------


def test_register_fonts_is_idempotent(qapp):
    assert register_fonts() == BUNDLED_FAMILY
    assert register_fonts() == BUNDLED_FAMILY
    assert QFontDatabase.families().count(BUNDLED_FAMILY) == 1


def test_ui_font_lists_the_fallbacks_in_order(qapp):
    font = ui_font(point_size=18)
    assert font.families() == ui_families() == list(FONT_FAMILIES[:-1])
    assert font.pointSizeF() == 18
    assert font.styleHint() == QFont.StyleHint.SansSerif


def test_application_font_becomes_every_widgets_default(qapp):
    from PySide6.QtWidgets import QLabel

    before = QGuiApplication.font()
    try:
        install_application_font(point_size=15)
        label = QLabel("转化率")
        assert label.font().families() == ui_families()  # Latin fonts, then the CJK one
        assert BUNDLED_FAMILY in label.font().families()
        assert label.font().pointSizeF() == 15
        assert QFontMetrics(label.font()).horizontalAdvance("转化率") > 0
    finally:
        QGuiApplication.setFont(before)


def test_headless_gui_application_registers_and_renders_chinese():
    """The export path of the command line: a QGuiApplication, no widgets, no display."""
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtGui import QGuiApplication, QImage, QPainter, QColor, QFont
        from app.ui.fonts import register_fonts, install_application_font
        app = QGuiApplication(sys.argv)
        family = register_fonts()
        install_application_font()
        font = QFont(family)
        font.setPixelSize(40)
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
        image = QImage(200, 60, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.drawText(5, 45, "线索")
        painter.end()
        dark = sum(1 for x in range(200) for y in range(60) if image.pixelColor(x, y).value() < 128)
        print(family, QGuiApplication.font().families()[5], dark)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    family_and_default, dark = result.stdout.strip().rsplit(" ", 1)
    assert family_and_default == f"{BUNDLED_FAMILY} {BUNDLED_FAMILY}"
    assert int(dark) > 100  # two 40 px ideographs leave plenty of ink


# --- glyph coverage -------------------------------------------------------------------------


def test_font_covers_all_of_gb2312_and_the_name_characters(raw_font):
    gb2312 = list(build.gb2312_characters())
    assert len(gb2312) == 7445  # 6,763 hanzi + 682 symbols
    assert _missing(raw_font, gb2312) == [], REBUILD
    assert _missing(raw_font, "囧喆堃昇玥珺镕赟") == [], REBUILD
    assert _missing(raw_font, WORKSHOP_WORDS.replace(" ", "")) == [], REBUILD


def test_font_covers_every_chinese_string_in_templates_translations_and_messages(
    raw_font, bundled_only
):
    sources = build.source_files(REPO)
    # The translations always exist; templates and checklist messages are counted when present.
    assert any(p.suffix == ".ts" for p in sources)
    missing = _lacking(sources, raw_font, QFontMetrics(bundled_only))
    assert not missing, f"the bundled font lacks {missing}; {REBUILD}"


def test_coverage_check_names_the_file_and_the_missing_character(tmp_path, raw_font, bundled_only):
    template = tmp_path / "rare.yaml"
    template.write_text("owner: 王\U0002a6a5 😀\n", encoding="utf-8")  # ext-B hanzi, emoji
    # The emoji is not promised (system fonts draw it); the rare hanzi is, and is missing.
    assert _lacking([template], raw_font, QFontMetrics(bundled_only)) == {
        str(template): ["\U0002a6a5"]
    }


def _lacking(paths, raw_font: QRawFont, metrics: QFontMetrics) -> dict[str, list[str]]:
    """Per file, the promised characters the bundled font cannot draw."""
    missing: dict[str, list[str]] = {}
    for path in paths:
        promised = {ch for ch in build.characters_in_files([path]) if _promised(ch)}
        # inFontUcs4, not inFont: PySide6's inFont("线") wrongly says False.
        lacking = sorted(
            ch
            for ch in promised
            if not raw_font.supportsCharacter(ord(ch)) or not metrics.inFontUcs4(ord(ch))
        )
        if lacking:
            name = path.relative_to(REPO) if path.is_relative_to(REPO) else path
            missing[str(name)] = lacking
    return missing


def test_inFontUcs4_agrees_with_the_raw_font(bundled_only, raw_font):
    metrics = QFontMetrics(bundled_only)
    assert metrics.inFontUcs4(ord("线"))
    assert not metrics.inFontUcs4(0xE000)  # private use: no glyph
    assert not raw_font.supportsCharacter(0xE000)
    assert not raw_font.supportsCharacter(0x1F600)  # emoji come from the system


# --- rendering ------------------------------------------------------------------------------


def _render(font: QFont, text: str) -> QImage:
    image = QImage(80, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def _ink(image: QImage) -> int:
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).value() < 128
    )


def test_chinese_renders_as_glyphs_not_tofu(bundled_only):
    line = _render(bundled_only, "线")
    tofu = _render(bundled_only, "\ue000")  # a code point the font lacks: its .notdef box
    assert _ink(line) > 50
    assert line != tofu
    # Different ideographs draw differently; identical boxes would compare equal.
    assert _render(bundled_only, "索") != line


def test_english_curly_quotes_are_not_drawn_full_width(qapp):
    """Latin text comes from a Latin font: “Purchase” keeps narrow quotes, 中 stays CJK."""
    from app.render.fonts import LATIN_FAMILIES

    register_fonts()
    if not set(LATIN_FAMILIES) & set(QFontDatabase.families()):
        pytest.skip("no Latin UI font installed here")
    metrics = QFontMetrics(ui_font(point_size=20))
    quote, hanzi, letter = (metrics.horizontalAdvance(ch) for ch in ("\u201c", "中", "P"))
    assert quote < 0.6 * hanzi and quote <= letter
    assert metrics.inFont("中")  # Chinese is still drawn (by the bundled CJK font)
