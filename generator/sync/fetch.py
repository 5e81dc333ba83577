"""Fetch one folder of a git repository at a ref: shallow (one commit), sparse (that folder's
blobs only), into a scratch directory. Git runs without prompts; its errors become one line."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

#: A ref git could mistake for an option, or that holds spaces or control characters.
_BAD_REF = re.compile(r"^-|[\s\x00-\x1f\x7f]")
_ENV = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "true", "LC_ALL": "C"}
TIMEOUT = 600


def fetch_folder(repository: str, folder: str, ref: str, work: Path) -> tuple[str, Path]:
    """Fetch ``folder`` of ``repository`` at ``ref`` into the empty directory ``work``.

    Returns the resolved commit and the folder's checked-out path; ValueError (one line) when
    the repository, the ref or the folder cannot be had.
    """
    if _BAD_REF.search(ref) or not ref:
        raise ValueError(f"invalid ref {ref!r}")
    if repository.startswith("-"):
        raise ValueError(f"invalid repository {repository!r}")
    _git(work, "init", "--quiet")
    _git(work, "remote", "add", "origin", repository)
    _git(work, "sparse-checkout", "set", "--no-cone", f"/{folder}/")
    _git(work, "fetch", "--quiet", "--depth=1", "--filter=blob:none", "--no-tags", "origin", ref,
         what=f"cannot fetch {ref} from {repository}")
    commit = _git(work, "rev-parse", "--verify", "FETCH_HEAD^{commit}").strip()
    _git(work, "checkout", "--quiet", "--detach", commit, what=f"cannot check out {folder} at {commit}")
    checked_out = work / folder
    if not checked_out.is_dir() or checked_out.is_symlink():
        raise ValueError(f"{repository} has no folder {folder} at {ref} ({commit})")
    return commit, checked_out


def _git(cwd: Path, *args: str, what: str = "") -> str:
    try:
        done = subprocess.run(["git", "-c", "advice.detachedHead=false", *args], cwd=cwd, env=_ENV,
                              capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ValueError(f"{what or 'git ' + args[0]}: no answer within {TIMEOUT} s") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        reason = next((line for line in lines if line.startswith(("fatal:", "error:"))),
                      lines[-1] if lines else f"exit {done.returncode}")
        raise ValueError(f"{what or 'git ' + args[0]}: {reason}")
    return done.stdout
