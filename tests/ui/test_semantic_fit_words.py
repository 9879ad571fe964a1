"""Zoomed out to fit, node titles drawn large (semantic zoom) break between words only: never
"Purchas/e" or "Membershi/p" (a line may end after a hyphen; Chinese breaks anywhere)."""

import pytest

from app.io.templates import load_template, template_names
from app.ui.canvas import semantic

TEMPLATES = [(lang, name) for lang in ("en", "zh") for name in template_names(lang)]


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_fit_titles_break_between_words_only(fit_view, lang, name):
    view = fit_view(load_template(name, lang))
    scene, zoom = view.scene(), view.zoom()
    broken = {}
    for node_id in scene.layout.nodes:
        title = scene.nodes[node_id].node.title
        room = scene.title_room(node_id)
        px, lines = semantic.title_block(title, zoom, (room[0], room[1] + room[2]))
        texts = [line for line, _ in lines]
        assert "".join(texts).replace(" ", "").replace("…", "") in title.replace(" ", "")
        if semantic.broken_inside_word(title, texts):
            broken[node_id] = texts
        if semantic.active(zoom):
            assert px * zoom >= semantic.WORD_MIN_PX - 0.5, (node_id, px * zoom)
    assert broken == {}


def test_a_title_shrinks_until_its_longest_word_fits(qtbot):
    semantic._font(10)  # (fonts need the QApplication qtbot brings)
    zoom = 0.216  # the full funnel at fit, where "Purchas/e" was seen
    for title in ("Purchase decision", "Membership program", "Repeat purchase"):
        px, lines = semantic.title_block(title, zoom, (250.0, semantic.FAR))
        texts = [line for line, _ in lines]
        assert semantic.broken_inside_word(title, texts) == [], texts
        assert " ".join(texts) == title
        assert px * zoom >= semantic.WORD_MIN_PX - 0.5
    # where a word fits at the usual size, the size stays the usual one
    px, _ = semantic.title_block("SEO", zoom, (200.0, semantic.FAR))
    assert px == round(semantic.title_px(zoom) / zoom)


def test_the_measure_sees_a_word_broken():
    assert semantic.broken_inside_word("Purchase decision", ["Purchas", "e", "decision"]) \
        == [("Purchas", "e")]
    assert semantic.broken_inside_word("Limited-time offer", ["Limited-", "time offer"]) == []
    assert semantic.broken_inside_word("留资注册", ["留资", "注册"]) == []


def test_a_title_with_chinese_is_drawn_in_one_weight(qtbot):
    """The bundled CJK font has no bold: a DemiBold title would set "72" bold beside regular
    characters. Titles with CJK take the normal weight, never wider than the measured one."""
    from PySide6.QtGui import QFont

    font, metrics = semantic.title_font("72小时激活?", 12)
    assert font.weight() == QFont.Weight.Normal
    measured, _ = semantic._font(12)
    assert metrics.horizontalAdvance("72小时激活?") <= semantic._font(12)[1].horizontalAdvance(
        "72小时激活?") + 0.01
    assert measured.weight() == QFont.Weight.DemiBold
    assert semantic.title_font("Lead sign-up", 12)[0].weight() == QFont.Weight.DemiBold
