"""The least a codegen run built on datamodel-code-generator can cost: start Python,
load datamodel-code-generator and make the models of the document's schemas as the
generator's ``models`` worker does (``load_model_generator``, then ``schema_models``, in
a process that owns its garbage collector). Nothing is validated, normalised,
rendered, formatted or written.

``make bench`` times it beside openapi-python-client's whole run (see sidebyside.py):
it is the part of a cold run that no arrangement of our own stages can take away.

Usage: ``python bench/model_generator_alone.py DOCUMENT``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(1, str(ROOT))  # the generator, whose call this times

from generator.collector import own_this_process  # noqa: E402
from generator.load import load_spec  # noqa: E402
from generator.models import load_model_generator, schema_models  # noqa: E402


def main(document: Path) -> int:
    own_this_process()
    load_model_generator()
    models, _ = schema_models(load_spec(document, validate=False), "")
    return 0 if "class " in models else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
