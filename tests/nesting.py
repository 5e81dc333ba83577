"""Pages with deeply nested object tables (a chain, or a ring that links back to its start)."""

from __future__ import annotations


def chain_page(levels: int, ring: bool = False) -> str:
    """One operation whose response body nests ``levels`` object tables, each table's ``child``
    row linking to the next; with ``ring`` the last links back to the first."""
    head = (".. _ShowChain:\n\nShowing a Chain\n===============\n\nURI\n---\n\nGET /v1/chain\n\n"
            "Response Parameters\n-------------------\n\n**Status code: 200**\n\n")
    tables = []
    for level in range(levels):
        target = (level + 1) % levels if ring else level + 1
        child = (f"   * - child\n     - :ref:`Level{target} <level_{target}>` object\n     - Next level.\n"
                 if ring or level + 1 < levels else "")
        label = f".. _level_{level}:\n\n"
        caption = "Response body parameters" if level == 0 else f"Level{level}"
        tables.append(
            f"{label}.. list-table:: **Table {level + 1}** {caption}\n   :header-rows: 1\n\n"
            "   * - Parameter\n     - Type\n     - Description\n"
            f"   * - name\n     - String\n     - Name at level {level}.\n" + child)
    return head + "\n".join(tables)
