"""The diagram templates shipped in resources/templates/<lang>/<name>.yaml."""

from __future__ import annotations

from pathlib import Path

from app.io.errors import DiagramFileError
from app.io.yaml_load import load_diagram
from app.model import Diagram
from app.resources import resource_path

LANGUAGES = ("en", "zh")


def template_names(lang: str) -> list[str]:
    """The names of the templates in language `lang` ("en" or "zh"), sorted."""
    folder = resource_path("templates", lang)
    return sorted(path.stem for path in folder.glob("*.yaml")) if folder.is_dir() else []


def template_path(name: str, lang: str) -> Path:
    """The file of template `name`; raises KeyError naming the templates that exist."""
    if name not in template_names(lang):
        known = ", ".join(template_names(lang)) or "(none)"
        raise KeyError(f"no template named {name!r} in language {lang!r}; choose one of: {known}")
    return resource_path("templates", lang, f"{name}.yaml")


def load_template(name: str, lang: str) -> Diagram:
    """The validated diagram of a template; raises KeyError or DiagramFileError."""
    return load_diagram(template_path(name, lang))


def template_description(name: str, lang: str) -> str:
    """One line about a template: the first line of its notes (or its title)."""
    try:
        diagram = load_template(name, lang)
    except DiagramFileError as error:
        return f"(cannot be read: {error.problems[0]})"
    first = (diagram.notes or "").strip().splitlines()
    return first[0] if first else diagram.title


_BLANK = {"en": ("Untitled", "Team"), "zh": ("未命名", "团队")}


def blank_diagram(lang: str) -> Diagram:
    """File → New: an empty diagram with one lane, ready to draw on."""
    from app.model import FORMAT_VERSION, Lane

    title, lane = _BLANK.get(lang, _BLANK["en"])
    return Diagram(funnelflow=FORMAT_VERSION, title=title, lanes=(Lane(id="team", name=lane),))
