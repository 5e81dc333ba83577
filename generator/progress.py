"""Progress of a run on a terminal: pages parsed and services built, as tqdm bars on stderr.

:class:`Progress` itself shows nothing (not a terminal, ``--quiet``, tests);
:func:`for_terminal` returns the visible kind where stderr is a terminal.
"""

from __future__ import annotations

import sys


class Progress:
    """Receives progress and shows nothing."""

    def start(self, pages: int, services: int) -> None:
        """A run of ``pages`` pages in ``services`` services begins."""

    def pages_done(self, n: int) -> None:
        """``n`` more pages are parsed (or were in the cache)."""

    def service_done(self) -> None:
        """One more service is built (or was in the cache)."""

    def close(self) -> None:
        """The run is over."""


class _Bars(Progress):
    def start(self, pages: int, services: int) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: the run forks worker processes
        self.pages = tqdm(total=pages, desc="pages parsed", unit="page", leave=False, file=sys.stderr)
        self.services = tqdm(total=services, desc="services built", unit="service", leave=False,
                             file=sys.stderr)

    def pages_done(self, n: int) -> None:
        if n:
            self.pages.update(n)

    def service_done(self) -> None:
        self.services.update(1)

    def close(self) -> None:
        self.pages.close()
        self.services.close()


def for_terminal(quiet: bool = False) -> Progress:
    """Bars when stderr is a terminal and not ``quiet``, else the silent kind."""
    return _Bars() if not quiet and sys.stderr.isatty() else Progress()
