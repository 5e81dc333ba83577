"""docutils set-up: Sphinx-only roles and directives registered locally, safe settings.

Directives that would read other files or pass raw markup through (``include``, ``raw``,
``csv-table`` with ``:file:`` or ``:url:``) are replaced by a :class:`disabled` node, so the
page reader reports each at its own line.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from docutils import nodes
from docutils.frontend import Values, get_default_settings
from docutils.parsers.rst import Parser
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.directives.tables import CSVTable
from docutils.transforms import references
from docutils.utils import new_document, unescape

from ..read import MAX_PAGE_BYTES
from . import docutils_fast

SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "doctitle_xform": False,
    "docinfo_xform": False,
    "sectsubtitle_xform": False,
    "input_encoding": "utf-8",
    "warning_stream": False,
    "traceback": True,
    "syntax_highlight": "none",
    # docutils drops a whole page with a line over 10,000 characters; pages are bounded instead.
    "line_length_limit": MAX_PAGE_BYTES,
}


class xref(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils node naming
    """A Sphinx cross-reference (``:ref:``, ``:doc:``, ``:download:``) kept with its target."""


def _xref_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """Split ``Title <target>`` and keep both: the display text and the (normalised) target."""
    text = unescape(text)
    title, target = text, text
    if text.endswith(">") and "<" in text:
        title, _, target = text[:-1].rpartition("<")
        title = title.strip()
    node = xref(rawtext, title or target, reftarget=target.strip().lower(), reftype=name)
    return [node], []


class _Toctree(Directive):
    """``.. toctree::`` lists other pages; docbind reads folders instead, so it yields nothing."""

    has_content = True
    optional_arguments = 0
    option_spec = {
        "maxdepth": directives.unchanged,
        "hidden": directives.flag,
        "caption": directives.unchanged,
        "glob": directives.flag,
        "titlesonly": directives.flag,
        "numbered": directives.unchanged,
    }

    def run(self):
        return []


class disabled(nodes.Element):  # noqa: N801 - docutils node naming
    """A directive docbind does not run (``directive``: its name); its content is not read."""


class _Disabled(Directive):
    """``include`` and ``raw``: any arguments, options and content, none of them read."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = defaultdict(lambda: directives.unchanged)

    def run(self):
        return [disabled(self.block_text, directive=self.name, line=self.lineno)]


class _CsvTable(CSVTable):
    """``csv-table`` with inline content as docutils reads it; from a file or URL, disabled."""

    def run(self):
        if "file" in self.options or "url" in self.options:
            source = "file" if "file" in self.options else "url"
            return [disabled(self.block_text, directive=f"{self.name} :{source}:", line=self.lineno)]
        return super().run()


def _register() -> None:
    for role in ("ref", "doc", "download", "numref", "term"):
        roles.register_local_role(role, _xref_role)
    directives.register_directive("toctree", _Toctree)
    for name in ("include", "raw"):
        directives.register_directive(name, _Disabled)
    directives.register_directive("csv-table", _CsvTable)


_register()
docutils_fast.install()


def _settings() -> Values:
    settings = get_default_settings(Parser)
    for key, value in SETTINGS.items():
        setattr(settings, key, value)
    return settings


_DEFAULTS = _settings()
#: The transforms the page reader needs: substitutions, and each target's id moved onto the
#: element it labels. docutils' other standard transforms resolve hyperlinks and footnotes
#: and collect messages, none of which the reader looks at.
_TRANSFORMS = (references.Substitutions, references.PropagateTargets)


def doctree(text: str, source_path: str) -> nodes.document:
    """Parse RST text into a doctree with docbind's safe settings."""
    document = empty_doctree(source_path)
    Parser().parse(text, document)
    document.transformer.add_transforms(_TRANSFORMS)
    document.transformer.apply_transforms()
    return document


def empty_doctree(source_path: str) -> nodes.document:
    """An empty doctree with the same settings, for front-ends that build the tree themselves."""
    return new_document(source_path, copy.copy(_DEFAULTS))
