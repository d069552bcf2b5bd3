"""Where the generator finds its own inputs: the repository, the templates, itself."""

from __future__ import annotations

from pathlib import Path

GENERATOR = Path(__file__).resolve().parent
ROOT = GENERATOR.parent
TEMPLATES = ROOT / "templates"
