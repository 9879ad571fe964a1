"""Paper: `export --page A4|A3|Letter` splits a wide diagram over pages with no diagram text
under 7 pt (measured in the PDF with poppler's `pdftotext -bbox`), lane titles on every page,
page numbers, the checklist after; `--page fit` keeps one page; `--pages-wide N`."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from app.io.templates import load_template

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is not installed (apt: poppler-utils)")

FOOTER_PX = 11.0  # app/ui/paper.py draws the page number at 11 px: the yardstick
PAGE_RE = {"en": re.compile(r"Page (\d+) of (\d+)"), "zh": re.compile(r"第 (\d+) 页，共 (\d+) 页")}
WORD = re.compile(r'<page width|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="([\d.]+)">([^<]*)</word>')


def pages_of_words(path) -> list[list[tuple[float, str]]]:
    """Per page, (word height in points, word) of every word pdftotext finds on it."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    pages: list[list[tuple[float, str]]] = []
    for match in WORD.finditer(xml):
        if match.group(0).startswith("<page"):
            pages.append([])
        else:
            pages[-1].append((float(match.group(4)) - float(match.group(2)), match.group(5)))
    return pages


def export(tmp_path, name, lang, **options):
    from app.ui.export.pdf import export_pdf

    out = tmp_path / f"{name}-{lang}.pdf"
    export_pdf(load_template(name, lang), out, lang=lang, **options)
    return out


def diagram_pages(pages, lang):
    """The pages that carry a page number (the diagram's), with their (n, m)."""
    found = []
    for words in pages:
        text = " ".join(w for _, w in words)
        match = PAGE_RE[lang].search(text)
        if match:
            found.append((int(match.group(1)), int(match.group(2)), words))
    return found


@pytest.mark.parametrize("page", ["A4", "A3"])
@pytest.mark.parametrize(("lang", "name"), [(lang, name) for lang in ("en", "zh")
                                            for name in ("full-funnel", "lifecycle", "aarrr")])
def test_no_diagram_text_under_7_pt(tmp_path, lang, name, page):
    pages = pages_of_words(export(tmp_path, name, lang, page=page))
    numbered = diagram_pages(pages, lang)
    assert numbered, "no numbered diagram page"
    for n, m, words in numbered:
        # The footer's words are 11 px = 8.25 pt: their height in this font is the yardstick
        # (word boxes include the font's ascent and descent, ~1.45 em for Noto Sans SC).
        digits = [h for h, w in words if w == str(n) or w == str(m)]
        per_point = min(digits) / (FOOTER_PX * 0.75)
        smallest = min(words)
        assert smallest[0] / per_point >= 7.0 - 0.05, (page, n, smallest,
                                                       smallest[0] / per_point)


def test_a_wide_diagram_is_split_with_lane_titles_and_page_numbers_on_every_page(tmp_path):
    diagram = load_template("full-funnel", "zh")
    lanes = [lane.name for lane in diagram.lanes]
    pages = pages_of_words(export(tmp_path, "full-funnel", "zh", page="A4"))
    numbered = diagram_pages(pages, "zh")
    count = numbered[0][1]
    assert count > 1
    assert [n for n, _, _ in numbered] == list(range(1, count + 1))
    assert all(m == count for _, m, _ in numbered)
    for n, _, words in numbered:
        text = "".join(w for _, w in words)
        for lane in lanes:  # the lane headers are repeated on every page
            assert lane in text, (n, lane)
    # the checklist pages come after the diagram's
    rest = ["".join(w for _, w in words) for words in pages[count:]]
    assert rest and "瓶颈清单" in rest[0]
    # a node cut by a page edge is whole on one of the pages (the overlap): every title shows
    every = "".join(w for _, _, words in numbered for _, w in words)
    for node in diagram.nodes:
        assert node.title.replace(" ", "") in every, node.title


def test_fit_keeps_one_page_and_pages_wide_spreads_across(tmp_path):
    fit = pages_of_words(export(tmp_path, "full-funnel", "en", page="fit"))
    assert diagram_pages(fit, "en") == []  # today's one page, sized to the diagram
    assert "Bottleneck" in " ".join(w for _, w in fit[1])  # then the checklist
    from app.render import paging
    from app.ui.export.paper import DiagramPicture

    a3 = pages_of_words(export(tmp_path, "full-funnel", "en", page="A3", pages_wide=3))
    numbered = diagram_pages(a3, "en")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    from app.analysis import analyze
    from app.ui.export.paper import room

    diagram = load_template("full-funnel", "en")
    picture = DiagramPicture(diagram, analyze(diagram, "en"), "en")
    margins = QMarginsF(12, 12, 12, 12)
    rooms = {o: room(QPageLayout(QPageSize(QPageSize.PageSizeId.A3), o, margins,
                                 QPageLayout.Unit.Millimeter))
             for o in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait)}
    _, plan = paging.best_plan((picture.width, picture.height), rooms, picture.headers, 3)
    assert plan.columns == 3
    assert len(numbered) == plan.count == numbered[0][1]
    with pytest.raises(ValueError, match="pages-wide"):
        export(tmp_path, "aarrr", "en", page="A4", pages_wide="two")
