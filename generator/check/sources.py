"""Row-level citations from the API model, for changelogs of a fresh generation.

The OpenAPI documents cite the table of each schema and the page of each operation
(``x-source``); the model knows the row of every field and parameter.
"""

from __future__ import annotations

from ..model.api import Service
from .fields import Sources


def source_index(service: Service) -> Sources:
    """``(schema, property)`` and ``(operationId, location, parameter)`` → ``file:line``."""
    index: Sources = {}
    for schema in service.schemas:
        for field in schema.fields:
            index[(schema.name, field.name)] = field.source
    for op in service.operations:
        for param in op.parameters:
            index[(op.operation_id, param.location or "", param.name)] = param.source
    return index
