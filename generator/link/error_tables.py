"""A response table the page itself names as the body of failed calls (``**Table 4**
Abnormal response``, ``Error response``): the operation's documented error body."""

from __future__ import annotations

import re

from ..model.page import Table

#: The status a table or example of failed calls stands for: every error status of the
#: operation that has no table of its own (``4XX`` where the page names none).
ERROR_STATUS = "error"

_ERROR_BODY = re.compile(r"^(?:abnormal|error|fail(?:ed|ure)?|unsuccessful)\s+(?:response|result)s?\b", re.I)


def table_status(table: Table, default: str) -> str:
    """The status a response table documents: its ``Status code`` marker, the error status
    where its caption or lead-in says it is the abnormal (error, failed) response, else
    ``default``."""
    if table.status:
        return table.status
    if _ERROR_BODY.match(table.caption.strip()) or _ERROR_BODY.match(table.lead_in.strip()):
        return ERROR_STATUS
    return default
