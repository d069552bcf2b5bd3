"""The least a codegen run built on datamodel-code-generator can cost: start Python,
load datamodel-code-generator and make the models of the document's schemas as the
generator's ``models`` stage does (``schema_models``). Nothing is validated,
normalised, rendered, formatted or written.

``make bench`` times it beside openapi-python-client's whole run (see sidebyside.py):
it is the part of a cold run that no arrangement of our own stages can take away.

Usage: ``python bench/model_generator_alone.py DOCUMENT``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(1, str(ROOT))  # the generator, whose call this times

from generator.load import load_spec  # noqa: E402
from generator.models import schema_models  # noqa: E402


def main(document: Path) -> int:
    models, _ = schema_models(load_spec(document, validate=False), "")
    return 0 if "class " in models else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
