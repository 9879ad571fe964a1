"""SVG export: parsed by an XML parser, rendered by an independent renderer (rsvg-convert)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.analysis import analyze
from app.export.svg_export import export_svg, render_svg
from app.io import load_diagram
from app.model import Diagram
from app.render.fonts import BUNDLED_FAMILY, LATIN_FAMILIES, SYSTEM_FALLBACKS
from app.resources import resource_path

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'A&B <c> "d" \'e\''


def four_lanes() -> Diagram:
    """A Chinese 4-lane funnel with an XML-hostile label and a handoff between lanes."""
    return Diagram.model_validate({
        "funnelflow": 1, "title": "季度获客计划 & <Q3>", "currency": "CNY",
        "lanes": [{"id": "mkt", "name": "市场部"}, {"id": "sales", "name": "销售部"},
                  {"id": "cs", "name": "客服部"}, {"id": "tech", "name": "技术部"}],
        "phases": [{"id": "aware", "name": "认知期"}, {"id": "decide", "name": "决策期"}],
        "nodes": [
            {"id": "ads", "label": "付费广告", "kind": "entry", "lane": "mkt", "phase": "aware",
             "owner": "张伟", "volume": 20000,
             "kpis": [{"name": "点击率", "target": "2%", "actual": "1.4%"}]},
            {"id": "lead", "label": HOSTILE, "lane": "mkt", "phase": "aware", "owner": "李娜"},
            {"id": "deal", "label": "成交", "kind": "decision", "lane": "sales",
             "phase": "decide"},
            {"id": "won", "label": "签约", "kind": "goal", "lane": "sales", "value": 1200},
            {"id": "lost", "label": "流失", "kind": "exit", "lane": "cs"},
            {"id": "api", "label": "接口对接", "lane": "tech", "owner": "赵敏"},
        ],
        "edges": [
            {"from": "ads", "to": "lead", "label": "点击",
             "conversion": {"target": "5%", "actual": "3.2%"}},
            {"from": "lead", "to": "deal", "conversion": "40%"},
            {"from": "deal", "to": "won", "conversion": {"target": "30%", "actual": "35%"}},
            {"from": "deal", "to": "lost", "conversion": {"target": "20%", "actual": "30%"}},
            {"from": "deal", "to": "api"},
            {"from": "api", "to": "won"},
        ],
    })


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_svg_is_well_formed_and_self_describing():
    root = ET.fromstring(render_svg(four_lanes(), lang="zh"))
    assert root.find(f"{SVG}title").text == "季度获客计划 & <Q3>"
    desc = root.find(f"{SVG}desc").text
    assert "4 个泳道" in desc and "6 个步骤" in desc
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # ids unique
    for wanted in ("lanes", "phases", "edges", "nodes", "legend", "lane-mkt", "phase-decide",
                   "node-lead", "edge-ads->lead"):
        assert wanted in ids


def test_every_label_lane_phase_and_kpi_is_in_the_file_as_text():
    diagram = four_lanes()
    root = ET.fromstring(render_svg(diagram, lang="zh"))
    shown = texts(root)
    # A title or label that wraps is drawn as one text per line, in its node's or label's group.
    inner = [g for g in root.iter(f"{SVG}g") if g.find(f".//{SVG}g") is None]
    groups = [" ".join(texts(g)) for g in inner] + ["".join(texts(g)) for g in inner]
    for name in ["市场部", "销售部", "客服部", "技术部", "认知期", "决策期", HOSTILE,
                 "付费广告", "成交", "签约", "流失", "接口对接", "张伟", "李娜", "赵敏",
                 "未指定负责人", "20,000/月", "点击 3.2% / 5%", "40%", "35% / 30%", "图例",
                 "达标", "未达标", "未测量", "跨部门交接"]:
        assert name in shown or any(name in group for group in groups), name


def test_groups_carry_classes_and_data_for_tools():
    root = ET.fromstring(render_svg(four_lanes(), lang="en"))
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    ads = by_id["node-ads"]
    assert ads.get("class") == "node kind-entry status-off"
    assert ads.get("data-owner") == "张伟" and ads.get("data-lane") == "mkt"
    assert ads.get("data-volume-target") == "20000"
    assert ads.get("data-volume-computed-actual") == "20000"
    assert json.loads(ads.get("data-kpis")) == [
        {"name": "点击率", "target": 0.02, "actual": 0.014, "unit": "%", "better": "higher",
         "status": "off"}]
    won = by_id["node-won"]
    assert won.get("class").startswith("node kind-goal ")
    assert float(won.get("data-volume-computed-actual")) == pytest.approx(
        20000 * 0.032 * 0.4 * (0.35 + (1 - 0.35 - 0.3)))  # api gets what is left, all won
    edge = by_id["edge-deal->lost"]
    assert edge.get("class") == "edge status-off handoff"  # a leak above target is off
    assert edge.get("data-conversion-actual") == "0.3"
    assert by_id["edge-deal->won"].get("class") == "edge status-on"
    assert by_id["lane-cs"].get("data-name") == "客服部"
    assert by_id["node-lead"].get("data-label") == HOSTILE


def test_font_family_list_ends_in_cjk_fallbacks_and_sans_serif():
    svg = render_svg(four_lanes(), lang="zh")
    rule = next(line for line in svg.splitlines() if line.startswith("text{font-family:"))
    families = [f.strip().strip("'") for f in rule.split(":", 1)[1].rstrip("}").split(",")]
    # Latin text in a Latin font (narrow quotes), Chinese in the bundled CJK font
    assert families[:len(LATIN_FAMILIES)] == list(LATIN_FAMILIES)
    rest = families[len(LATIN_FAMILIES):]
    assert rest[0] == BUNDLED_FAMILY
    assert rest[1:-1] == list(SYSTEM_FALLBACKS) and rest[-1] == "sans-serif"


def test_export_never_changes_the_document_and_is_deterministic(tmp_path):
    diagram = four_lanes()
    before = diagram.model_dump()
    export_svg(diagram, tmp_path / "a.svg", lang="zh")
    export_svg(diagram, tmp_path / "b.svg", lang="zh")
    assert diagram.model_dump() == before
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_language_of_the_legend_follows_lang_and_defaults_to_the_diagrams():
    diagram = four_lanes()
    assert "Legend" in texts(ET.fromstring(render_svg(diagram, lang="en")))
    assert "图例" in texts(ET.fromstring(render_svg(diagram)))  # Chinese labels: Chinese legend
    with pytest.raises(ValueError, match="unknown language"):
        render_svg(diagram, lang="fr")


def test_a_failing_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    from app.io import atomic

    out = tmp_path / "keep.svg"
    out.write_text("old")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(atomic.SaveError, match="unchanged"):
        export_svg(four_lanes(), out)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.svg"]  # no temp file left behind


# -- an independent renderer ----------------------------------------------------------------
needs_rsvg = pytest.mark.skipif(shutil.which("rsvg-convert") is None,
                                reason="rsvg-convert is not installed (apt: librsvg2-bin)")


def _fontconfig(tmp_path: Path) -> dict[str, str]:
    """An environment whose fontconfig also finds the bundled font (none is installed here)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{resource_path('fonts')}</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
        "</fontconfig>")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def _render(svg_path: Path, png_path: Path, env: dict[str, str]):  # noqa: ANN202 - QImage
    subprocess.run(["rsvg-convert", "-o", str(png_path), str(svg_path)], check=True,
                   env=env, timeout=120)
    from PySide6.QtGui import QImage

    return QImage(str(png_path))


def _ink(image, x0: int, y0: int, x1: int, y1: int) -> int:
    """How many pixels in the box are dark (text and lines), sampled every second pixel."""
    dark = 0
    for y in range(max(0, y0), min(image.height(), y1), 2):
        for x in range(max(0, x0), min(image.width(), x1), 2):
            color = image.pixelColor(x, y)
            if color.red() + color.green() + color.blue() < 300:
                dark += 1
    return dark


@needs_rsvg
def test_rsvg_renders_a_non_blank_picture_of_the_right_size(tmp_path, qapp):
    svg = tmp_path / "d.svg"
    export_svg(four_lanes(), svg, lang="zh")
    root = ET.parse(svg).getroot()
    image = _render(svg, tmp_path / "d.png", _fontconfig(tmp_path))
    assert (image.width(), image.height()) == (round(float(root.get("width"))),
                                               round(float(root.get("height"))))
    colors = {image.pixel(x, y) for x in range(0, image.width(), 7)
              for y in range(0, image.height(), 7)}
    assert len(colors) > 20  # lanes, nodes, text: far from a blank page
    assert _ink(image, 0, 0, image.width(), image.height()) > 500


@needs_rsvg
def test_outline_text_draws_chinese_without_any_font(tmp_path, qapp):
    """With --outline-text the picture needs no font at all: the glyphs are paths."""
    import app.ui.export  # noqa: F401 - registers Qt's glyph outlines with the SVG export

    svg = tmp_path / "o.svg"
    export_svg(four_lanes(), svg, lang="zh", outline_text=True)
    root = ET.parse(svg).getroot()
    assert not list(root.iter(f"{SVG}text"))
    titles = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    assert "付费广告" in titles and "市场部" in titles  # still searchable and accessible
    node = next(e for e in root.iter() if e.get("id") == "node-ads")
    label = next(p for p in node.iter(f"{SVG}path") if p.get("class") == "o-node-label")
    assert len(label.get("d")) > 200  # real glyph outlines, not an empty box
    env = {**os.environ, "FONTCONFIG_FILE": str(tmp_path / "none.conf")}
    (tmp_path / "none.conf").write_text('<?xml version="1.0"?><fontconfig></fontconfig>')
    image = _render(svg, tmp_path / "o.png", env)
    assert _ink(image, 0, 0, image.width(), image.height()) > 500


def test_five_thousand_nodes_are_all_exported():
    """A 5,000-node diagram exports every node (its speed is benchmarks/bench_export.py's)."""
    from benchmarks.generate import synthetic_diagram

    diagram = Diagram.model_validate(synthetic_diagram(5000))
    svg = render_svg(diagram, lang="zh", report=analyze(diagram, "zh"))
    assert svg.count('class="node ') == 5000


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(p.stem for p in resource_path("templates", "en")
                                        .glob("*.yaml")))
def test_every_template_exports_with_all_its_labels(name, lang):
    diagram = load_diagram(resource_path("templates", lang, f"{name}.yaml"))
    root = ET.fromstring(render_svg(diagram, lang=lang))
    nodes = [e for e in root.iter(f"{SVG}g") if (e.get("class") or "").startswith("node ")]
    assert [n.get("id") for n in nodes] == [f"node-{n.id}" for n in diagram.nodes]
    groups = {e.get("id"): e for e in root.iter(f"{SVG}g") if e.get("id")}
    for lane in diagram.lanes:  # lane titles wrap over lines: compare without the breaks
        drawn = "".join(groups[f"lane-{lane.id}"].itertext()).replace(" ", "")
        assert drawn == lane.title.replace(" ", ""), (drawn, lane.title)
    for node in diagram.nodes:
        label = next(n for n in nodes if n.get("id") == f"node-{node.id}")
        assert label.get("data-label", node.id) == (node.label or node.id)
        drawn = "".join(label.itertext())
        assert node.title[:3] in drawn  # elided at most, never missing
