"""Link the parsed pages of one service into the API model.

The stages, each in its module: ``references`` indexes how tables link; ``operations``
reads every operation line with its page's tables (``parameters``, ``bodies``,
``responses``, whose rows become ``fields``); ``schemas`` merges identical tables and names
them; ``accounting`` covers every row left out with a diagnostic.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import PurePosixPath

from ..model.api import Service
from ..model.diagnostics import Diagnostic
from ..model.page import Page
from .accounting import account_unplaced_tables
from .anchors import misplaced_labels
from .context import LinkContext
from .operations import METHOD_ORDER, read_operations
from .own_tables import own_copy_links
from .references import implicit_links, label_index, referenced_tables
from .errors import documented_error_example, error_schemas
from .request_syntax import shared_placeholder_names
from .responses import ERROR_REF
from .schemas import name_schemas, rename_operation


@dataclasses.dataclass
class LinkResult:
    """The service model plus what the linker found and which rows reached the output."""

    service: Service
    diagnostics: list[Diagnostic]
    placed: set[tuple[str, int]]


def link_service(name: str, pages: list[Page]) -> LinkResult:
    """Build the service model from its pages (sorted by file for determinism)."""
    pages, renamed = shared_placeholder_names(sorted(pages, key=lambda p: p.file))
    ctx = LinkContext(name, pages, label_index(pages), diagnostics=renamed)
    ctx.relabelled = misplaced_labels(ctx)
    ctx.referenced = referenced_tables(ctx)
    ctx.implicit = implicit_links(ctx)
    ctx.implicit |= own_copy_links(ctx)
    ctx.referenced |= set(ctx.implicit.values())
    operations = read_operations(ctx)
    schemas, rename = name_schemas(ctx)
    error_name = ""
    if ctx.error_source:
        errors = error_schemas(documented_error_example(pages), ctx.error_source, {s.name for s in schemas})
        schemas = sorted([*schemas, *errors], key=lambda s: s.name)
        error_name = rename[ERROR_REF] = errors[0].name
    operations = [rename_operation(op, rename) for op in operations]
    operations.sort(key=lambda op: (op.path, METHOD_ORDER.get(op.method, 9), op.operation_id))
    account_unplaced_tables(ctx)
    service = Service(name, service_title(name, pages), tuple(operations), tuple(schemas), error_name)
    return LinkResult(service, ctx.diagnostics, ctx.placed)


def service_title(name: str, pages: list[Page]) -> str:
    """The title of the reference's top index page without "- API Reference", else the name."""
    for page in pages:
        if PurePosixPath(page.file).name == "index.rst" and len(PurePosixPath(page.file).parts) <= 3:
            if page.title:
                return re.sub(r"\s*[-–]\s*API Reference$", "", page.title, flags=re.I) or page.title
    return name
