"""Progress on the command line: a tqdm bar on stderr for work that lasts more than a
second, only when stderr is a terminal; silent otherwise (a pipe, a log file, a test).

stdout stays for results, so `reportmark import … > log` and `--json` output are never
interleaved with a bar.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

DELAY_S = 1.0  # a bar appears only once the work has lasted this long
REDRAW_S = 0.1  # and is redrawn at most this often


def wanted() -> bool:
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _silent(done: int, total: int, message: str = "") -> None:
    return None


@contextmanager
def bar(desc: str, unit: str) -> Iterator[Callable[[int, int, str], None]]:
    """A callback `(done, total, message)` that moves a bar on stderr; a no-op when
    stderr is not a terminal."""
    if not wanted():
        yield _silent
        return
    from tqdm import tqdm

    shown: Any = tqdm(desc=desc, unit=unit, total=None, delay=DELAY_S, mininterval=REDRAW_S, file=sys.stderr,
                      leave=False, dynamic_ncols=True)

    def update(done: int, total: int, message: str = "") -> None:
        if total and shown.total != total:
            shown.total = total
        if message:
            shown.set_postfix_str(message[:40], refresh=False)
        shown.update(done - shown.n)  # tqdm draws at most ~10 times a second

    try:
        yield update
    finally:
        shown.close()
