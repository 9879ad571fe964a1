"""PNG and PDF exports (Qt, headless): opened by Qt, poppler and the PNG-source reader."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.io import load_diagram, loads_diagram
from app.io.png_source import read_png_source
from app.io.yaml_load import load_png_diagram
from app.io.yaml_save import dumps_diagram
from app.model import Diagram
from app.resources import resource_path

pytestmark = pytest.mark.usefixtures("qapp")


def four_lanes() -> Diagram:
    """A Chinese 4-lane funnel: what the issue's "done when" asks to export."""
    return Diagram.model_validate({
        "funnelflow": 1, "title": "季度获客计划",
        "lanes": [{"id": "mkt", "name": "市场部"}, {"id": "sales", "name": "销售部"},
                  {"id": "cs", "name": "客服部"}, {"id": "tech", "name": "技术部"}],
        "nodes": [
            {"id": "ads", "label": "付费广告", "kind": "entry", "lane": "mkt", "owner": "张伟",
             "volume": 20000, "kpis": [{"name": "点击率", "target": "2%", "actual": "1.4%"}]},
            {"id": "deal", "label": "成交", "kind": "decision", "lane": "sales",
             "owner": "王强"},
            {"id": "won", "label": "签约", "kind": "goal", "lane": "sales", "owner": "王强"},
            {"id": "lost", "label": "流失", "kind": "exit", "lane": "cs", "owner": "客服主管"},
            {"id": "api", "label": "接口对接", "lane": "tech", "owner": "赵敏"},
        ],
        "edges": [
            {"from": "ads", "to": "deal", "label": "点击",
             "conversion": {"target": "5%", "actual": "3.2%"}},
            {"from": "deal", "to": "won", "conversion": {"target": "30%", "actual": "25%"}},
            {"from": "deal", "to": "lost", "conversion": "20%"},
            {"from": "deal", "to": "api"},
            {"from": "api", "to": "won"},
        ],
    })


def _image(path):  # noqa: ANN202 - QImage
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    return image


def _distinct_colors(image) -> int:  # noqa: ANN001
    return len({image.pixel(x, y) for x in range(0, image.width(), 5)
                for y in range(0, image.height(), 5)})


# -- PNG --------------------------------------------------------------------------------------
def test_png_is_twice_the_picture_size_non_blank_and_carries_its_source(tmp_path):
    from app.ui.export.png import export_png, picture_size

    diagram = four_lanes()
    out = tmp_path / "plan.png"
    export_png(diagram, out, lang="zh")
    image = _image(out)
    width, height, _legend = picture_size(diagram, "zh")
    assert (image.width(), image.height()) == (pytest.approx(2 * width, abs=1),
                                               pytest.approx(2 * height, abs=1))
    assert _distinct_colors(image) > 20
    assert image.pixelColor(1, 1).name() == "#ffffff"  # white around the diagram
    assert read_png_source(out) == dumps_diagram(diagram)
    assert load_png_diagram(out) == diagram  # `funnelflow plan.png` reopens the same model
    assert image.text("funnelflow") == dumps_diagram(diagram)  # Qt reads it back too


def test_png_scale_and_transparent_options_as_the_command_line_passes_them(tmp_path):
    from app.ui.export.png import export_png

    diagram = four_lanes()
    export_png(diagram, tmp_path / "one.png", lang="en", scale="1", transparent=True)
    export_png(diagram, tmp_path / "two.png", lang="en")
    one, two = _image(tmp_path / "one.png"), _image(tmp_path / "two.png")
    assert abs(two.width() - 2 * one.width()) <= 2
    assert one.pixelColor(1, 1).alpha() == 0 and two.pixelColor(1, 1).alpha() == 255
    with pytest.raises(ValueError, match="scale"):
        export_png(diagram, tmp_path / "bad.png", scale="huge")
    assert not (tmp_path / "bad.png").exists()


def test_png_of_a_chinese_diagram_draws_the_chinese_text(tmp_path):
    """Missing glyphs all look alike (boxes): two different names must paint differently."""
    from PySide6.QtGui import QImage

    from app.export.svg_export import MARGIN
    from app.render.layout import layout
    from app.ui.export.png import render_png

    diagram = four_lanes()
    other = diagram.evolve(lanes=[diagram.lanes[0].model_copy(update={"name": "客服部"}),
                                  *diagram.lanes[1:]])
    header = layout(diagram).lanes[0].header
    crops = []
    for variant in (diagram, other):
        image = QImage.fromData(render_png(variant, lang="zh", scale=1), "PNG")
        crops.append(image.copy(round(header.x + MARGIN), round(header.y + MARGIN),
                                round(header.w), round(header.h)))
    assert crops[0] != crops[1]
    assert _distinct_colors(crops[0]) > 3  # anti-aliased glyph edges, not a flat header


def test_a_png_without_a_diagram_is_refused_clearly(tmp_path):
    from PySide6.QtGui import QImage

    from app.io import DiagramFileError

    foreign = tmp_path / "photo.png"
    image = QImage(4, 4, QImage.Format_RGB32)
    image.fill(0)
    image.save(str(foreign))
    with pytest.raises(DiagramFileError, match="holds no FunnelFlow diagram"):
        load_png_diagram(foreign)


# -- PDF --------------------------------------------------------------------------------------
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="pdftotext/pdfinfo are not installed (apt: poppler-utils)")


def _pdf_text(path, first: int = 1, last: int = 0) -> str:
    args = ["pdftotext", "-f", str(first)] + (["-l", str(last)] if last else [])
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@needs_poppler
def test_pdf_has_the_diagram_page_then_the_checklist_with_all_labels(tmp_path):
    import datetime as dt

    from app.analysis import analyze
    from app.ui.export.pdf import render_pdf

    diagram = four_lanes()
    out = tmp_path / "plan.pdf"
    data = render_pdf(diagram, lang="zh", date=dt.date(2026, 3, 1))
    out.write_bytes(data)
    assert data.startswith(b"%PDF")
    assert _pages(out) == 3  # the diagram, one page of checklist, the dashboard
    first = _pdf_text(out, 1, 1)
    for label in ["季度获客计划", "导出于 2026-03-01", "市场部", "销售部", "客服部", "技术部",
                  "付费广告", "成交", "签约", "流失", "接口对接", "张伟", "赵敏", "点击"]:
        assert label in first, label
    checklist = _pdf_text(out, 2, 2)
    report = analyze(diagram, "zh")
    assert "瓶颈清单" in checklist
    from app.analysis.grouping import by_department

    for item in by_department(report).items():  # every finding once, grouped by lane
        assert item.text[:8] in checklist.replace("\n", ""), item.text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           timeout=60).stdout
    assert "FunnelFlow" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # all embedded


@needs_poppler
@pytest.mark.parametrize(("page", "sizes"), [("A4", ("842 x 595", "595 x 842")),
                                              ("a3", ("1191 x 842", "842 x 1191")),
                                              ("Letter", ("792 x 612", "612 x 792"))])
def test_pdf_on_paper_sizes_keeps_the_text(tmp_path, page, sizes):
    from app.ui.export.pdf import export_pdf

    out = tmp_path / "plan.pdf"
    export_pdf(four_lanes(), out, lang="en", page=page)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          timeout=60).stdout
    assert any(size in info for size in sizes)  # the orientation that takes fewer pages
    assert "付费广告" in _pdf_text(out, 1, 1)  # text kept at a readable scale, not dropped
    with pytest.raises(ValueError, match="fit, A4, A3 or Letter"):
        export_pdf(four_lanes(), out, page="b5")


@pytest.mark.parametrize(("lang", "name"), sorted(
    (lang, p.stem) for lang in ("en", "zh") for p in resource_path("templates", lang)
    .glob("*.yaml")))
def test_every_template_exports_to_png_and_pdf(tmp_path, lang, name):
    from app.ui.export.pdf import export_pdf
    from app.ui.export.png import export_png

    diagram = load_diagram(resource_path("templates", lang, f"{name}.yaml"))
    before = dumps_diagram(diagram)
    export_png(diagram, tmp_path / "t.png", lang=lang, scale=1)
    export_pdf(diagram, tmp_path / "t.pdf", lang=lang)
    assert dumps_diagram(diagram) == before  # exporting never changes the document
    assert loads_diagram(read_png_source(tmp_path / "t.png")) == diagram
    assert (tmp_path / "t.pdf").read_bytes().startswith(b"%PDF")
    assert _distinct_colors(_image(tmp_path / "t.png")) > 20


def test_a_huge_diagram_is_scaled_down_never_cut(monkeypatch):
    """Past the pixel budget the PNG scale drops, past 200 inches the PDF page shrinks."""
    from PySide6.QtGui import QImage

    from app.ui.export import pdf as export_pdf
    from app.ui.export import png as export_png

    diagram = four_lanes()
    width, height, _ = export_png.picture_size(diagram, "zh")
    monkeypatch.setattr(export_png, "MAX_PIXELS", int(width * height / 4))
    image = QImage.fromData(export_png.render_png(diagram, lang="zh", scale=2), "PNG")
    assert image.width() == pytest.approx(width / 2, abs=2)  # 2x asked, 0.5x fits
    monkeypatch.setattr(export_pdf, "MAX_PAGE_POINTS", 500.0)
    data = export_pdf.render_pdf(diagram, lang="zh")
    box = [float(v) for v in data.split(b"/MediaBox [", 1)[1].split(b"]", 1)[0].split()]
    assert max(box[2] - box[0], box[3] - box[1]) == pytest.approx(500, abs=1)


@needs_poppler
def test_pdf_ends_with_the_dashboard_page_in_the_diagram_language(tmp_path):
    """SPEC §6: the dashboard's charts are a page of the PDF export."""
    from app.io.templates import load_template
    from app.ui.export.pdf import export_pdf

    out = tmp_path / "review.pdf"
    export_pdf(load_template("online-course", "zh"), out, lang="zh")
    last = _pages(out)
    page = _pdf_text(out, last, last)
    for title in ("各期目标达成", "渠道投资回报率", "渠道获客成本", "漏斗各步人数"):
        assert title in page, title
    for month in ("2026-06", "2026-11", "本期"):  # six closed months, then today
        assert month in page, month
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(last), "-l", str(last),
                    str(out), str(tmp_path / "page")], check=True, timeout=60)
    assert list(tmp_path.glob("page*.png"))
