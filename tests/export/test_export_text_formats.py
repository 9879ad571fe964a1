"""CSV, Mermaid and Markdown exports, each read back by something that is not the writer."""

from __future__ import annotations

import csv
import io
import re
import sys
import zlib

import pytest

from app.export.csv_export import escape_cell, export_csv, render_csv
from app.export.markdown_export import export_markdown, render_markdown
from app.export.mermaid_export import escape_label, export_mermaid, render_mermaid
from app.io import load_diagram
from app.io.kpi_columns import COLUMNS
from app.io.png_source import (
    PngSourceError,
    png_text_chunks,
    source_from_png,
)
from app.model import Diagram
from app.resources import resource_path

HOSTILE = '=HYPERLINK("http://x")|[a]{b}<i>"q"#1`'


def four_lanes() -> Diagram:
    """A Chinese 4-lane funnel with a label of every character a format could choke on."""
    return Diagram.model_validate({
        "funnelflow": 1, "title": "季度获客计划", "period": "month",
        "lanes": [{"id": "mkt", "name": "市场部"}, {"id": "sales", "name": "销售部"},
                  {"id": "cs", "name": "客服部"}, {"id": "tech", "name": "技术部"}],
        "phases": [{"id": "aware", "name": "认知期"}, {"id": "decide", "name": "决策期"}],
        "nodes": [
            {"id": "ads", "label": "付费广告", "kind": "entry", "lane": "mkt", "phase": "aware",
             "owner": "张伟", "volume": 20000, "cost": 30000,
             "kpis": [{"name": "点击率", "target": "2%", "actual": "1.4%"},
                      {"name": "-CAC", "target": 300, "actual": 420, "unit": "CNY",
                       "better": "lower"}]},
            {"id": "lead", "label": HOSTILE, "lane": "mkt", "phase": "aware", "owner": "@李娜",
             "kpis": [{"name": "+线索质量分", "target": 70}]},
            {"id": "deal", "label": "成交", "kind": "decision", "lane": "sales",
             "phase": "decide", "owner": "王强"},
            {"id": "won", "label": "签约", "kind": "goal", "lane": "sales", "value": 1200},
            {"id": "lost", "label": "流失", "kind": "exit", "lane": "cs"},
            {"id": "api", "label": "接口对接", "lane": "tech", "owner": "赵敏",
             "kpis": [{"name": "响应时长", "target": 2, "actual": 1.5, "unit": "秒",
                       "better": "lower"}]},
        ],
        "edges": [
            {"from": "ads", "to": "lead", "label": "点击", "conversion": {"target": "5%",
                                                                        "actual": "3.2%"}},
            {"from": "lead", "to": "deal", "label": 'say "hi" | [x]', "conversion": "40%"},
            {"from": "deal", "to": "won", "conversion": {"target": "30%", "actual": "35%"}},
            {"from": "deal", "to": "lost", "conversion": {"target": "20%", "actual": "30%"}},
            {"from": "deal", "to": "api"},
            {"from": "api", "to": "won"},
        ],
    })


# -- CSV --------------------------------------------------------------------------------------
def test_csv_has_a_bom_and_one_row_per_kpi_and_measured_conversion(tmp_path):
    out = tmp_path / "kpis.csv"
    export_csv(four_lanes(), out, lang="en")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows needs the BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    body = rows[1:]
    assert len(body) == 1 + 4 + 4  # an entry volume, four KPIs, four edges with a conversion
    assert body[0][4:] == ["volume", "20000", "20000", "", "on target", "0", "", "ads"]
    ctr = next(r for r in body if r[4] == "点击率")
    assert ctr == ["付费广告", "市场部", "认知期", "张伟", "点击率", "2%", "1.4%", "%",
                   "off target", "-0.6%", "", "ads"]
    cost = next(r for r in body if "CAC" in r[4])
    assert cost[4] == "'-CAC" and cost[5:] == ["300", "420", "CNY", "off target", "+120", "",
                                               "ads"]
    unmeasured = next(r for r in body if "线索质量分" in r[4])
    assert unmeasured[4] == "'+线索质量分" and unmeasured[8] == "unmeasured"
    assert unmeasured[9] == ""
    leak = next(r for r in body if r[0].endswith("→ 流失"))
    assert leak[1] == "销售部 → 客服部"  # a handoff names both lanes
    assert leak[8] == "off target"  # more people leaking than planned is worse


def test_csv_escapes_formulas_but_keeps_negative_numbers():
    rows = list(csv.reader(io.StringIO(render_csv(four_lanes(), lang="en")[1:])))
    hostile = [r for r in rows if r[0].startswith("'=HYPERLINK")]
    assert [r[0] for r in hostile] == ["'" + HOSTILE, "'" + HOSTILE + " → 成交"]
    owners = {r[3] for r in rows[1:]}
    assert "'@李娜" in owners
    assert escape_cell("-0.6%") == "-0.6%" and escape_cell("-12") == "-12"
    assert escape_cell("-1+2") == "'-1+2" and escape_cell("\t=1") == "'\t=1"


def test_csv_headers_and_status_follow_the_language():
    rows = list(csv.reader(io.StringIO(render_csv(four_lanes(), lang="zh")[1:])))
    assert rows[0] == ["节点", "泳道", "阶段", "负责人", "指标", "目标", "实际", "单位", "状态",
                       "差距", "趋势", "id"]
    assert {r[8] for r in rows[1:]} == {"达标", "未达标", "未测量"}


# -- Mermaid ----------------------------------------------------------------------------------
def test_mermaid_has_one_subgraph_per_lane_and_one_line_per_edge():
    diagram = four_lanes()
    text = render_mermaid(diagram, lang="zh")
    lines = text.splitlines()
    assert "flowchart LR" in lines
    subgraphs = [line.strip() for line in lines if line.strip().startswith("subgraph ")]
    assert subgraphs == ['subgraph lane_mkt["市场部"]', 'subgraph lane_sales["销售部"]',
                         'subgraph lane_cs["客服部"]', 'subgraph lane_tech["技术部"]']
    assert sum(1 for line in lines if line.strip() == "end") == 4
    edge_lines = [line for line in lines if "-->" in line]
    assert len(edge_lines) == len(diagram.edges)
    assert '  n_ads -->|"点击 3.2% / 5%"| n_lead' in lines
    # no conversion of its own: it shares what the measured siblings leave, and says so
    assert '  n_deal -->|"≈35%（均分）"| n_api' in lines
    # shapes by kind
    assert re.search(r'n_ads\(\["付费广告', text) and re.search(r'n_deal\{"成交', text)
    assert re.search(r'n_won\[\["签约', text) and re.search(r'n_lost\{\{"流失', text)


def test_mermaid_escapes_hostile_labels_so_quotes_and_brackets_survive():
    text = render_mermaid(four_lanes(), lang="en")
    node_line = next(line for line in text.splitlines() if line.strip().startswith("n_lead"))
    label = node_line.split('("', 1)[1].rsplit('")', 1)[0]
    assert '"' not in label and "|" not in label and "<i>" not in label and "`" not in label
    assert "#quot;q#quot;" in label and "#124;" in label and "#lt;i#gt;" in label
    assert "#35;1" in label and "[a]{b}" in label  # brackets are safe inside quotes
    edge_line = next(line for line in text.splitlines() if "n_lead -->" in line)
    assert edge_line == '  n_lead -->|"say #quot;hi#quot; #124; [x] 40%"| n_deal'
    assert escape_label("a\nb") == "a b"


def test_mermaid_ids_that_differ_only_by_punctuation_stay_apart():
    diagram = Diagram.model_validate({
        "funnelflow": 1, "lanes": [{"id": "end"}],
        "nodes": [{"id": "a.b", "kind": "entry", "lane": "end", "volume": 1},
                  {"id": "a-b", "kind": "goal", "lane": "end"}],
        "edges": [{"from": "a.b", "to": "a-b"}]})
    text = render_mermaid(diagram, lang="en")
    assert "subgraph lane_end[" in text  # `end` alone would close the subgraph
    assert "n_a_b --> n_a_b_2" in text


# -- Markdown ---------------------------------------------------------------------------------
def test_markdown_has_picture_checklist_and_a_kpi_table_per_lane(tmp_path):
    out = tmp_path / "plan.md"
    export_markdown(four_lanes(), out, lang="zh")
    text = out.read_text("utf-8")
    assert text.startswith("![季度获客计划](plan.svg)")
    assert (tmp_path / "plan.svg").read_text("utf-8").startswith("<?xml")
    assert "# 瓶颈清单" in text and "- [ ] " in text
    for lane in ("### 市场部", "### 销售部", "### 客服部", "### 技术部"):
        assert lane in text
    table = text.split("### 技术部", 1)[1]
    assert "| 接口对接 |  | 赵敏 | 响应时长 | 2 | 1.5 | 秒 | ✅ 达标 | -0.5 |" in table
    cs = text.split("### 客服部", 1)[1].split("###", 1)[0]
    assert "暂无 KPI" in cs  # the exit node has nothing measured
    hostile_row = next(line for line in text.splitlines()
                       if line.startswith("| =HYPERLINK"))
    assert r"\|\[a\]" in hostile_row and hostile_row.count(" | ") == 9  # pipes escaped


def test_markdown_links_a_picture_name_with_spaces_safely():
    text = render_markdown(four_lanes(), lang="en", svg_name="Q3 plan (v2).svg")
    assert text.startswith("![季度获客计划](<Q3 plan (v2).svg>)")


def test_markdown_without_svg_has_no_picture(tmp_path):
    text = render_markdown(four_lanes(), lang="en", svg_name=None)
    assert "![" not in text and "## KPIs by lane" in text
    export_markdown(four_lanes(), tmp_path / "x.md", lang="en", svg="no")
    assert not (tmp_path / "x.svg").exists()


# -- PNG source (pure Python) -----------------------------------------------------------------
def _chunk(kind: bytes, body: bytes) -> bytes:
    return (len(body).to_bytes(4, "big") + kind + body
            + zlib.crc32(kind + body).to_bytes(4, "big"))


def _png(*chunks: bytes) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks) + _chunk(b"IEND", b"")


def test_png_source_reads_compressed_and_plain_itxt_and_ztxt():
    text = "title: 全链路\n"
    itxt = b"funnelflow\0\x01\x00\0\0" + zlib.compress(text.encode())
    assert source_from_png(_png(_chunk(b"iTXt", itxt))) == text
    plain = b"funnelflow\0\x00\x00zh\0\0" + text.encode()
    assert source_from_png(_png(_chunk(b"iTXt", plain))) == text
    ztxt = b"Comment\0\x00" + zlib.compress(b"latin")
    assert png_text_chunks(_png(_chunk(b"zTXt", ztxt))) == {"Comment": "latin"}


def test_png_source_refuses_damage_and_foreign_pngs():
    with pytest.raises(PngSourceError, match="no FunnelFlow diagram"):
        source_from_png(_png(_chunk(b"tEXt", b"Software\0GIMP")))
    bad = bytearray(_png(_chunk(b"tEXt", b"funnelflow\0x")))
    bad[-20] ^= 0xFF
    with pytest.raises(PngSourceError, match="damaged"):
        source_from_png(bytes(bad))
    with pytest.raises(PngSourceError, match="not a PNG"):
        source_from_png(b"GIF89a")
    bomb = b"funnelflow\0\x01\x00\0\0" + zlib.compress(b"a" * (21 * 1024 * 1024))
    with pytest.raises(PngSourceError, match="too large"):
        source_from_png(_png(_chunk(b"iTXt", bomb)))


# -- every template, both languages -----------------------------------------------------------
TEMPLATES = sorted((lang, path.stem) for lang in ("en", "zh")
                   for path in resource_path("templates", lang).glob("*.yaml"))


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_every_template_exports_to_csv_mermaid_and_markdown(tmp_path, lang, name):
    diagram = load_diagram(resource_path("templates", lang, f"{name}.yaml"))
    before = diagram.model_dump()
    export_csv(diagram, tmp_path / "t.csv", lang=lang)
    export_mermaid(diagram, tmp_path / "t.mmd", lang=lang)
    export_markdown(diagram, tmp_path / "t.md", lang=lang)
    assert diagram.model_dump() == before  # exporting never changes the document
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text("utf-8-sig"))))
    kpis = sum(len(n.kpis) for n in diagram.nodes)
    conversions = sum(1 for e in diagram.edges if e.conversion is not None)
    volumes = sum(1 for n in diagram.nodes if n.volume is not None)
    assert len(rows) == 1 + volumes + kpis + conversions
    mermaid = (tmp_path / "t.mmd").read_text("utf-8")
    assert mermaid.count("subgraph ") == len(diagram.lanes)
    assert sum(1 for line in mermaid.splitlines() if "-->" in line) == len(diagram.edges)
    markdown = (tmp_path / "t.md").read_text("utf-8")
    for lane in diagram.lanes:
        assert f"### {lane.title}" in markdown
    for node in diagram.nodes:
        if node.kpis:
            assert node.title in markdown


def test_text_exports_do_not_import_qt():
    """SVG, Markdown, CSV and Mermaid run on a server without Qt (checked in a fresh process)."""
    import subprocess

    code = ("import sys; from app.export.registry import export; from app.model import Diagram;"
            "from app.io import load_diagram;"
            f"d = load_diagram({str(resource_path('templates', 'zh', 'full-funnel.yaml'))!r});"
            "import tempfile, os; t = tempfile.mkdtemp();"
            "[export(d, os.path.join(t, 'x' + e)) for e in ('.svg', '.md', '.csv', '.mmd')];"
            "print('PySide6' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "False"
