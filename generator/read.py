"""Read page files from the docs folder: regular files only, inside the docs folder only,
of bounded size. A page that cannot be read is a reason, never an exception."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

#: The largest page read (bytes). Real reference pages reach 4 MB (generated pod specs).
MAX_PAGE_BYTES = 8 * 1024 * 1024


class PageReadError(Exception):
    """Why a file was not read (one line, for a page-unreadable diagnostic)."""


@dataclass(frozen=True)
class PageFile:
    """One page file as read: its label (``<docs name>/<path below docs>``) and bytes, or
    why it could not be read (``unreadable``; its bytes are then empty)."""

    label: str
    data: bytes
    unreadable: str = ""


def read_pages(files: list[Path], docs: Path) -> list[PageFile]:
    """Each of ``files`` (below ``docs``) read by :func:`read_page_file`, in order."""
    pages = []
    for path in files:
        label = (Path(docs.name) / path.relative_to(docs)).as_posix()
        try:
            pages.append(PageFile(label, read_page_file(path, docs)))
        except PageReadError as exc:
            pages.append(PageFile(label, b"", str(exc)))
    return pages


def read_page_file(path: Path, docs: Path) -> bytes:
    """The bytes of the page at ``path``; :class:`PageReadError` when it is not a regular file
    inside ``docs`` (after following links), is larger than :data:`MAX_PAGE_BYTES` or cannot
    be read."""
    try:
        real = path.resolve(strict=True)
        inside = real.is_relative_to(docs.resolve(strict=True))
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop
        raise PageReadError(f"cannot read page: {_reason(exc)}") from None
    if not inside:
        raise PageReadError(f"links to {real}, outside the docs folder; not read")
    return read_regular(real, MAX_PAGE_BYTES)


def read_regular(path: Path, limit: int, kind: str = "page") -> bytes:
    """The bytes of the regular file ``path`` (not a link), at most ``limit`` of them.
    FIFOs and devices are never read, so they cannot block or fill memory. ``kind`` names
    the file in the reason."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise PageReadError(f"cannot read {kind}: {_reason(exc)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PageReadError(f"not a regular file ({_kind(info.st_mode)}); not read")
        if info.st_size > limit:
            raise PageReadError(f"{info.st_size} bytes, larger than the limit of {limit}; not read")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise PageReadError(f"cannot read {kind}: {_reason(exc)}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise PageReadError(f"larger than the limit of {limit} bytes; not read")
    return data


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"
