"""Doctree fragments to text: Markdown for descriptions, plain text with ``@N`` ref tokens
for names and types."""

from __future__ import annotations

from docutils import nodes

from .rst import xref

_ADMONITIONS = (nodes.note, nodes.warning, nodes.caution, nodes.important, nodes.tip,
                nodes.attention, nodes.danger, nodes.error, nodes.hint, nodes.admonition)


def inline_markdown(node: nodes.Node) -> str:
    """Inline content as Markdown: strong, emphasis and literals kept, refs as their text."""
    if isinstance(node, nodes.Text):
        return node.astext()
    if isinstance(node, nodes.strong):
        inner = _children_inline(node).strip()
        return f"**{inner}**" if inner else ""
    if isinstance(node, nodes.emphasis):
        inner = _children_inline(node).strip()
        return f"*{inner}*" if inner else ""
    if isinstance(node, nodes.literal):
        inner = node.astext()
        return f"`{inner}`" if "`" not in inner else inner
    if isinstance(node, (nodes.system_message, nodes.problematic, nodes.target,
                         nodes.substitution_definition, nodes.comment)):
        return "" if not isinstance(node, nodes.problematic) else node.astext()
    return _children_inline(node)


def _children_inline(node: nodes.Node) -> str:
    return "".join(inline_markdown(child) for child in node.children)


def block_markdown(node: nodes.Node) -> str:
    """Block content (a table cell, a section) as Markdown paragraphs and lists."""
    blocks = [b for b in (_block(child) for child in node.children) if b]
    return "\n\n".join(blocks)


def _block(node: nodes.Node) -> str:
    if isinstance(node, (nodes.paragraph, nodes.title, nodes.rubric, nodes.line)):
        return " ".join(inline_markdown(node).split())
    if isinstance(node, nodes.bullet_list):
        return "\n".join("- " + _indent(block_markdown(item)) for item in node.children)
    if isinstance(node, nodes.enumerated_list):
        return "\n".join(f"{i}. " + _indent(block_markdown(item))
                         for i, item in enumerate(node.children, 1))
    if isinstance(node, nodes.literal_block):
        return "```\n" + node.astext() + "\n```"
    if isinstance(node, _ADMONITIONS):
        label = type(node).__name__.capitalize()
        body = block_markdown(node)
        return f"**{label}:** {body}" if body else ""
    if isinstance(node, (nodes.system_message, nodes.target, nodes.comment,
                         nodes.substitution_definition)):
        return ""
    if isinstance(node, nodes.TextElement):
        return " ".join(inline_markdown(node).split())
    return block_markdown(node)


def _indent(text: str) -> str:
    return text.replace("\n", "\n  ")


def tokens_with_refs(node: nodes.Node) -> tuple[str, tuple[str, ...]]:
    """Plain text of ``node`` where each ref is replaced by ``@N``; returns (text, targets)."""
    targets: list[str] = []

    def walk(n: nodes.Node) -> str:
        if isinstance(n, xref):
            targets.append(n["reftarget"])
            return f" @{len(targets) - 1} "
        if isinstance(n, nodes.Text):
            return n.astext()
        if isinstance(n, (nodes.system_message, nodes.target)):
            return ""
        sep = " " if isinstance(n, (nodes.Element)) and not isinstance(n, nodes.TextElement) else ""
        return sep.join(walk(c) for c in n.children)

    return " ".join(walk(node).split()), tuple(targets)


def ref_targets(node: nodes.Node) -> tuple[str, ...]:
    """The targets of all refs inside ``node``, in document order."""
    return tuple(n["reftarget"] for n in node.findall(xref))


def plain(node: nodes.Node) -> str:
    """Plain text with whitespace collapsed."""
    return " ".join(node.astext().split())
