"""Reading and writing diagram files: safe YAML in, canonical YAML out, located errors.

Pure Python: nothing here imports Qt, so the command line can check and export headless.
"""

from app.io.errors import DiagramFileError, Problem
from app.io.yaml_load import MAX_FILE_BYTES, load_diagram, loads_diagram

__all__ = [
    "MAX_FILE_BYTES",
    "DiagramFileError",
    "Problem",
    "load_diagram",
    "loads_diagram",
]
