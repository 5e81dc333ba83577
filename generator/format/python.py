"""Python source formatting: black for rendered modules, datamodel-code-generator for models."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import black
from datamodel_code_generator import (
    DataModelType,
    Formatter,
    InputFileType,
    PythonVersion,
    generate,
)

_MODE = black.Mode(target_versions={black.TargetVersion.PY311})


def format_python(source: str) -> str:
    """``source`` formatted by black (raises ``black.InvalidInput`` on a syntax error)."""
    return black.format_str(source, mode=_MODE)


def pydantic_models(openapi_text: str, header: str, aliases: dict[str, str]) -> str:
    """The pydantic v2 models module of the component schemas in an OpenAPI document.

    Deterministic: no timestamp, schema order kept; fields keep their
    wire names as aliases and accept the Python names too (``populate_by_name``);
    ``aliases`` renames fields (wire name → Python name).
    """
    with tempfile.TemporaryDirectory(prefix="docbind-models-") as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # its own use of pydantic v1 APIs
        out = Path(tmp) / "models.py"
        generate(
            openapi_text,
            input_file_type=InputFileType.OpenAPI,
            output=out,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            custom_file_header=header,
            aliases=aliases,
            disable_timestamp=True,
            allow_population_by_field_name=True,
            use_standard_collections=True,
            use_union_operator=True,
            use_annotated=True,
            field_constraints=True,
            use_field_description=True,
            use_double_quotes=True,
            keep_model_order=True,
            formatters=[Formatter.BLACK, Formatter.ISORT],
        )
        return out.read_text(encoding="utf-8") if out.exists() else header + "\n"
