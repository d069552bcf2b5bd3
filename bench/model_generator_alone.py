"""The least a codegen run built on datamodel-code-generator can cost: start Python,
load datamodel-code-generator and make the models of the document's schemas, with the
options our generator gives it. Nothing is validated, rendered, formatted or written.

``make bench`` times it beside openapi-python-client's whole run (see sidebyside.py):
when this alone takes about as long as the peer's run, no arrangement of our own
stages brings a cold run under the peer's time.

Usage: ``python bench/model_generator_alone.py DOCUMENT``
"""

from __future__ import annotations

import sys
from pathlib import Path

from datamodel_code_generator import generate
from datamodel_code_generator.enums import DataModelType, InputFileType
from datamodel_code_generator.format import PythonVersion


def main(document: Path) -> int:
    models = generate(
        document.read_text(encoding="utf-8"),
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        disable_timestamp=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_schema_description=True,
        use_field_description=True,
        use_double_quotes=True,
        field_constraints=True,
        set_default_enum_member=True,
        formatters=[],
    )
    return 0 if isinstance(models, str) and "class " in models else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
