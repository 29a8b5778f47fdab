"""Guard-rail: PySide6 6.12.0 under Python 3.11 drops a reference to None on every call
of a void C++ method; after a few thousand calls Python aborts (docs/design.md). This test
makes such calls and checks None's reference count stays put, so an upgrade cannot
bring the bug back unnoticed."""

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_calls_do_not_leak_none(qapp) -> None:
    doc = QTextDocument("湖南工业经济增长7.8%" * 50)
    cursor = QTextCursor(doc)
    for _ in range(100):  # warm up caches
        cursor.setPosition(5)
    before = sys.getrefcount(None)
    for i in range(2000):
        cursor.setPosition(i % 500)
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, f"None refcount moved by {after - before}"
