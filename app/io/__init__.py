"""Reading and writing diagram files: safe YAML in, canonical YAML out, located errors.

Pure Python: nothing here imports Qt, so the command line can check and export headless.
"""

from app.io.atomic import (
    NotARegularFile,
    ReadOnlyFile,
    SaveError,
    refuse_foreign,
    replacing_read_only,
    write_atomic,
)
from app.io.errors import DiagramFileError, Problem
from app.io.yaml_load import MAX_FILE_BYTES, load_diagram, loads_diagram
from app.io.yaml_save import dumps_diagram, save_diagram

__all__ = [
    "MAX_FILE_BYTES",
    "DiagramFileError",
    "Problem",
    "SaveError",
    "dumps_diagram",
    "load_diagram",
    "loads_diagram",
    "save_diagram",
    "write_atomic",
    "NotARegularFile",
    "ReadOnlyFile",
    "refuse_foreign",
    "replacing_read_only",
]
