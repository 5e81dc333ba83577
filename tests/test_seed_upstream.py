"""What changed between each seed page and its upstream page in the published ModelArts
reference (``../shared/corpus/modelarts``), as ``docbind diff`` reports it.

Seed 000 (AutoAnnotationProgress) is the upstream page but for trailing spaces, and 004
(DescWorkforceTask) differs in nothing the API shows; 001 (ListTasks) and 002
(UpdateWorkforceSamplingTask) are older revisions. The API changes are listed exactly;
documentation changes (descriptions, summaries, examples) are only counted as present.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import CORPUS, SEEDS

UPSTREAM = CORPUS / "modelarts" / "historical_apis" / "data_management_old_version"

pytestmark = pytest.mark.skipif(not UPSTREAM.is_dir(), reason=f"upstream pages {UPSTREAM} are absent")

LIST_SAMPLE_STATES = ("__ALL__, __NONE__, __UNCHECK__, __ACCEPTED__, __REJECTED__, __UNREVIEWED__, "
                      "__REVIEWED__, __WORKFORCE_SAMPLED__, __WORKFORCE_SAMPLED_UNCHECK__, "
                      "__WORKFORCE_SAMPLED_CHECKED__, __WORKFORCE_SAMPLED_ACCEPTED__, "
                      "__WORKFORCE_SAMPLED_REJECTED__, __AUTO_ANNOTATION__")
OLD_SAMPLE_STATES = LIST_SAMPLE_STATES.replace("__", "")


def score_and_coefficient(prefix: str, score_line: int, coefficient_line: int) -> set[tuple]:
    """The value ranges upstream gives `score` and `@modelarts:hard_coefficient` (0 to 1)."""
    return {
        ("range-changed", f"response 200 field `{prefix}labels[].score`", f"{bound} unset → {value}", False,
         score_line) for bound, value in (("minimum", 0), ("maximum", 1))
    } | {
        ("range-changed", f"response 200 field `{prefix}metadata.@modelarts:hard_coefficient`",
         f"{bound} unset → {value}", False, coefficient_line) for bound, value in (("minimum", 0), ("maximum", 1))
    }


EXPECTED = {
    "auto_annotation_progress": ("obtaining_details_about_an_auto_labeling_task", set()),
    "desc_workforce_task": ("querying_details_about_a_team_labeling_task", set()),
    "update_workforce_sampling_task": ("updating_status_of_a_team_labeling_acceptance_task", {
        *score_and_coefficient("samples[].", 259, 433),
        # sample_status: the seed's "- \\__ALL__: labeled" items are read as its value list too
    }),
    "list_tasks": ("obtaining_an_auto_labeling_task_list_by_page", {
        ("enum-values-removed", "query parameter `type`", "enum values removed: auto-deploy", True, 52),
        ("field-added", "response 200 field `exist_running_deploy_task`", "added (optional)", False, 76),
        ("enum-values-added", "response 200 field `tasks[].config.export_params.sample_state`",
         f"enum values added: {LIST_SAMPLE_STATES}", True, 278),
        ("enum-values-removed", "response 200 field `tasks[].config.export_params.sample_state`",
         f"enum values removed: {OLD_SAMPLE_STATES}", False, 278),
        ("enum-values-added",
         "response 200 field `tasks[].config.export_params.search_conditions[].label_list.labels[].type`",
         "enum values added: 3", True, 396),
        ("enum-values-added", "response 200 field `tasks[].result.dataset_type`", "enum values added: 3", True, 489),
        # one entry per row reached by several paths (tasks[].config.samples[], tasks[].result.samples[])
        *[(kind, f"response 200 field `tasks[].config.samples[].{field}` (also `tasks[].result.samples[].{field}`)",
           detail, breaking, line) for kind, field, detail, breaking, line in (
            ("range-changed", "labels[].score", "minimum unset → 0", False, 677),
            ("range-changed", "labels[].score", "maximum unset → 1", False, 677),
            ("range-changed", "metadata.@modelarts:hard_coefficient", "minimum unset → 0", False, 851),
            ("range-changed", "metadata.@modelarts:hard_coefficient", "maximum unset → 1", False, 851),
            ("enum-values-added", "labels[].type", "enum values added: 3", True, 679),
            ("field-added", "metadata.@modelarts:import_origin", "added (optional)", False, 843),
        )],
    }),
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_the_changelog_from_seed_to_upstream_page(seed, tmp_path, capsys):
    upstream, api_changes = EXPECTED[seed]
    sides = {}
    for side, page in (("seed", SEEDS / "modelarts" / f"{seed}.rst"), ("upstream", UPSTREAM / f"{upstream}.rst")):
        folder = tmp_path / side / "docs_src" / "modelarts"
        folder.mkdir(parents=True)
        shutil.copyfile(page, folder / f"{upstream}.rst")  # one name on both sides: one page, revised
        sides[side] = str(folder.parent)
    code = main(["diff", sides["seed"], sides["upstream"], "--format", "json"])
    changes = json.loads(capsys.readouterr().out)["changes"]
    found = {(c["kind"], c["target"], c["detail"], c["breaking"], int(c["source"].rsplit(":", 1)[1]))
             for c in changes if c["kind"] != "documentation"}
    assert found == api_changes
    assert all(c["source"].startswith(f"docs_src/modelarts/{upstream}.rst:") for c in changes)
    assert code == (1 if changes else 0)
    assert bool(changes) == bool(api_changes)
