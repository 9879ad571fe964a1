"""The command line end to end across modules: PNG reopening, bad export options."""

import os
import subprocess
import sys

from app.io import load_diagram
from app.model import Diagram
from app.render.labels import conversion_text

ZH_TEMPLATE = "resources/templates/zh/lifecycle.yaml"


def funnelflow(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_an_exported_png_reopens_as_the_same_diagram(tmp_path):
    out = tmp_path / "plan.png"
    assert funnelflow("export", ZH_TEMPLATE, "-o", str(out)).returncode == 0
    assert load_diagram(out) == load_diagram(ZH_TEMPLATE)
    checked = funnelflow("check", str(out), "--format", "json")
    assert checked.returncode == 0 and '"客户生命周期"' in checked.stdout


def test_bad_option_values_are_one_line_and_exit_2(tmp_path):
    result = funnelflow("export", ZH_TEMPLATE, "-o", str(tmp_path / "x.png"), "--scale", "x")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "--scale" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_a_target_only_conversion_reads_in_the_diagram_language():
    diagram = Diagram.model_validate({
        "funnelflow": 1, "lanes": [{"id": "m"}],
        "nodes": [{"id": "a", "lane": "m"}, {"id": "b", "lane": "m"}],
        "edges": [{"from": "a", "to": "b", "conversion": {"target": "5%"}}]})
    edge = diagram.edges[0]
    assert conversion_text(edge, "zh") == "目标 5%"
    assert conversion_text(edge, "en") == "target 5%"
