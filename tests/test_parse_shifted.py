"""Rows whose Type cell holds the Mandatory value: read as shifted cells, with a
``row-shifted`` warning (``parse.shifted``)."""

import textwrap

from generator.model.page import TypeExpr
from generator.parse.page import parse_page


def rows_and_codes(table: str):
    page = parse_page(textwrap.dedent(table).encode(), "a.rst")
    return {r.name: r for t in page.tables for r in t.rows}, [d.code for d in page.diagnostics]


def test_type_and_mandatory_cells_swapped_are_read_swapped():
    rows, codes = rows_and_codes("""\
        .. table:: **Table 1** Query parameters

           ========= ========= ======= ============================
           Parameter Mandatory Type    Description
           ========= ========= ======= ============================
           limit     Integer   No      Number of records per page.
           marker    No        String  Start after this ID.
           ========= ========= ======= ============================
        """)
    assert rows["limit"].type == TypeExpr("integer", "int32")
    assert rows["limit"].mandatory == "No"
    assert rows["marker"].type == TypeExpr("string")
    assert codes == ["row-shifted"]


def test_a_mandatory_value_in_the_type_cell_of_a_table_without_mandatory_column_takes_the_type_from_the_description():
    rows, codes = rows_and_codes("""\
        .. table:: **Table 1** Node parameters

           +-------------------+---------+--------------------------------------+
           | Parameter         | Type    | Description                          |
           +===================+=========+======================================+
           | maxPods           | Integer | Maximum number of pods on the node.  |
           +-------------------+---------+--------------------------------------+
           | containerBaseSize | No      | Integer                              |
           |                   |         |                                      |
           |                   |         | **Details**:                         |
           |                   |         |                                      |
           |                   |         | Disk space of a single container.    |
           +-------------------+---------+--------------------------------------+
           | details           | No      | Details of the node.                 |
           +-------------------+---------+--------------------------------------+
        """)
    assert rows["containerBaseSize"].type == TypeExpr("integer", "int32")
    assert rows["containerBaseSize"].mandatory == "No"
    assert rows["containerBaseSize"].description.startswith("**Details**:")
    assert rows["details"].type_text == "No"  # no type stands anywhere else: not shifted
    assert codes == ["row-shifted"]
