"""Upgrading raw file data of an older format version to the current one (SPEC §2).

Each step takes the raw mapping of version N (plain dicts and lists straight from YAML)
and returns the mapping of version N+1. The loader always runs `migrate`, so the
mechanism is exercised on every load even while only version 1 exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.model import FORMAT_VERSION
from app.model.diagram import as_written

VERSION_KEY = "funnelflow"


class VersionProblem(ValueError):
    """The `funnelflow:` version is missing, malformed or too new; the message says which."""

    def __init__(self, message: str, *, missing: bool = False):
        super().__init__(message)
        self.missing = missing


def _from_0(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (pre-release) called phases `stages` and a node's phase `stage`."""
    data = {key: value for key, value in raw.items() if key != "stages"}
    if "stages" in raw and "phases" not in raw:
        data["phases"] = raw["stages"]
    nodes = raw.get("nodes")
    if isinstance(nodes, list):
        data["nodes"] = [_rename(node, "stage", "phase") for node in nodes]
    return data


def _rename(item: Any, old: str, new: str) -> Any:
    if not isinstance(item, dict) or old not in item or new in item:
        return item
    return {(new if key == old else key): value for key, value in item.items()}


#: Step N upgrades a version-N mapping to version N+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_0}

#: Keys renamed by migrations, current name -> older name: lets the loader point an error
#: in a migrated file at the line the user actually wrote.
LEGACY_KEYS: dict[str, str] = {"phases": "stages", "phase": "stage"}


def file_version(raw: dict[str, Any]) -> int:
    """The format version a raw mapping declares; raises VersionProblem if it cannot be used."""
    if VERSION_KEY not in raw:
        raise VersionProblem(
            f"this is not a FunnelFlow diagram yet: add `{VERSION_KEY}: {FORMAT_VERSION}` "
            "as the first line",
            missing=True,
        )
    version = raw[VERSION_KEY]
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # `1.0` is the number 1, as in JSON and the JSON Schema
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise VersionProblem(
            f"the format version must be a whole number such as {FORMAT_VERSION}, "
            f"got {as_written(version)}; write `{VERSION_KEY}: {FORMAT_VERSION}`"
        )
    if version > FORMAT_VERSION:
        raise VersionProblem(
            f"this file is format version {version}, but this FunnelFlow reads up to "
            f"version {FORMAT_VERSION}; update FunnelFlow to open it"
        )
    return version


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """The raw mapping upgraded, step by step, to the current FORMAT_VERSION."""
    version = file_version(raw)
    data = {**raw, VERSION_KEY: version}
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data = {**data, VERSION_KEY: version}
    return data
