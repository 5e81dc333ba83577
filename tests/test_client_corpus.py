"""The corpus tier for the Python clients: for all six published API references in CORPUS
the client packages generate, import, and pass ``mypy --strict``.

Timings are for ``tests/bench_clients.py``; nothing here is timed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.render.python_client import package_name
from generator.write import write_tree


pytestmark = pytest.mark.corpus

SERVICES = ("cloud-container-engine", "elastic-cloud-server", "identity-access-management",
            "modelarts", "relational-database-service", "virtual-private-cloud")


@pytest.fixture(scope="module")
def packages(tmp_path_factory, corpus_results) -> dict[str, Path]:
    """Each service's generated client package folder."""
    out = tmp_path_factory.mktemp("corpus-clients")
    write_tree(out, {rel: text for r in corpus_results.values() for rel, text in r.files.items()
                     if rel.startswith("python/")})
    return {service: out / "python" / service for service in SERVICES}


def test_all_six_clients_are_generated(packages):
    assert [s for s in SERVICES if not (packages[s] / package_name(s) / "client.py").exists()] == []


@pytest.mark.parametrize("service", SERVICES)
def test_the_client_imports_with_a_method_per_operation(packages, service):
    check = (f"import {package_name(service)} as c; "
             "print(len([m for m in vars(c.Client) if not m.startswith('_')]))")
    done = subprocess.run([sys.executable, "-c", check], cwd=packages[service],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0


def test_the_clients_pass_mypy_strict(packages, tmp_path):
    mypy = Path(sys.executable).parent / "mypy"
    done = subprocess.run([str(mypy), "--strict", "--cache-dir", str(tmp_path),
                           *(str(packages[s] / package_name(s)) for s in SERVICES)],
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr


@pytest.mark.parametrize("service", SERVICES)
def test_the_client_module_is_blacks_text_for_the_whole_module(corpus_results, service):
    """Formatted piecewise, asynchronous methods from their synchronous twins: still black's text."""
    import black

    rel = f"python/{service}/{package_name(service)}/client.py"
    text = corpus_results[service].files[rel]
    assert black.format_str(text, mode=black.Mode(target_versions={black.TargetVersion.PY311})) == text
