"""The user's language from the environment's locale (stdlib only: any layer may ask)."""

from __future__ import annotations

import os
from collections.abc import Mapping


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """"zh" when the locale (LC_ALL, LC_MESSAGES, LANG, first one set) is Chinese, else "en"."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
