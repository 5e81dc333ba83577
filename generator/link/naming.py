"""Readable names: operationIds from labels or titles, schema names from captions."""

from __future__ import annotations

import re

_NAME_LABEL = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
_DOC_ID = re.compile(r"(topic|_api|api_?\d|\d{3,})", re.I)
_VERBS: tuple[tuple[str, str], ...] = (
    ("querying details about", "Show"),
    ("querying details of", "Show"),
    ("querying the details of", "Show"),
    ("querying the details about", "Show"),
    ("obtaining details about", "Show"),
    ("obtaining details of", "Show"),
    ("querying", "List"),
    ("listing", "List"),
    ("obtaining", "Show"),
    ("viewing", "Show"),
    ("getting", "Show"),
    ("creating", "Create"),
    ("adding", "Create"),
    ("deleting", "Delete"),
    ("removing", "Delete"),
    ("updating", "Update"),
    ("modifying", "Update"),
    ("changing", "Update"),
    ("setting", "Set"),
    ("resetting", "Reset"),
    ("enabling", "Enable"),
    ("disabling", "Disable"),
    ("starting", "Start"),
    ("stopping", "Stop"),
    ("restarting", "Restart"),
    ("rebooting", "Reboot"),
    ("binding", "Bind"),
    ("unbinding", "Unbind"),
    ("associating", "Associate"),
    ("disassociating", "Disassociate"),
    ("attaching", "Attach"),
    ("detaching", "Detach"),
    ("uploading", "Upload"),
    ("downloading", "Download"),
    ("importing", "Import"),
    ("exporting", "Export"),
    ("checking", "Check"),
    ("verifying", "Check"),
    ("configuring", "Configure"),
    ("applying for", "Create"),
    ("assigning", "Assign"),
    ("granting", "Grant"),
    ("revoking", "Revoke"),
    ("batch", "Batch"),
)
_STOP = {"a", "an", "the", "of", "about", "for", "to", "in", "on", "by", "with", "and", "or",
         "from", "details", "detail", "information", "info", "specified", "list", "all"}


def is_name_label(label: str | None) -> bool:
    """Whether a page label is an API name (``ListTasks``) rather than a document id."""
    return bool(label and _NAME_LABEL.match(label) and not _DOC_ID.search(label)
                and any(c.isupper() for c in label))


def operation_id_from_title(title: str, method: str) -> str:
    """``Creating a VPC`` → ``CreateVpc``; ``Querying Subnets`` → ``ListSubnets``."""
    text = re.sub(r"\(.*?\)", " ", title).strip()
    lowered = text.lower()
    verb = ""
    for phrase, mapped in _VERBS:
        if lowered.startswith(phrase + " ") or lowered == phrase:
            verb = mapped
            text = text[len(phrase):]
            break
    if not verb:
        verb = {"GET": "Show", "POST": "Create", "PUT": "Update", "DELETE": "Delete",
                "PATCH": "Update"}.get(method, method.title())
    words = [w for w in re.split(r"[^A-Za-z0-9]+", text) if w and w.lower() not in _STOP]
    if verb == "List" and words and not words[-1].lower().endswith("s") and method == "GET":
        verb = "Show"
    return verb + "".join(_cap(w) for w in words)


def pascal(text: str) -> str:
    """``listeners parameter description`` → ``Listeners``; keeps ``SampleMetadata`` as is."""
    text = re.sub(r"(?i)\b(data structure|structure|parameters?|fields?|description|"
                  r"descriptions|object|objects|of the|field description)\b", " ", text)
    words = [w for w in re.split(r"[^A-Za-z0-9]+", text) if w]
    name = "".join(_cap(w) for w in words)
    if name and name[0].isdigit():
        name = "T" + name
    return name


def _cap(word: str) -> str:
    if word.isupper() and len(word) > 1:
        word = word.lower()
    return word[:1].upper() + word[1:]
