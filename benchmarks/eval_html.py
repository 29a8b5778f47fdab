"""Main-content extraction on pages built like provincial and ministry sites (table
layout, div layout, article between sidebars: benchmarks/report_formats.make_html), for
each development text: how many of the 17 boilerplate markers (navigation, breadcrumb,
share bar, related links, footer) leak into the text, how many of the article's
paragraphs are kept, and the time per page.

    python -m benchmarks.eval_html

Compares the importer as it is (readability-lxml finds the article, the page's own
parser keeps its tables and bold), the plain parser alone (before issue 14),
trafilatura and readability-lxml's summary alone. trafilatura is not a dependency:
`pip install trafilatura` to include it.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

from benchmarks.report_formats import (
    DEV_TEXTS,
    FOOTER,
    NAV,
    RELATED,
    make_html,
    paragraphs,
    report_of,
)

MARKERS = [*NAV, *RELATED, *FOOTER, "当前位置", "分享到"]


def _importer(data: bytes) -> str:
    from desktop.io.html_import import read_page

    return "\n".join(b.text for b in read_page(data, "page.html")[1])


def _plain(data: bytes) -> str:
    from desktop.io.html_import import _parse, decode_html

    return "\n".join(b.text for b in _parse(decode_html(data, "p"), "p").blocks)


def _readability(data: bytes) -> str:
    from readability import Document

    from desktop.io.html_import import decode_html

    return re.sub(r"<[^>]+>", "\n", Document(decode_html(data, "p")).summary(html_partial=True))


def _trafilatura(data: bytes) -> str:
    import trafilatura

    from desktop.io.html_import import decode_html

    return trafilatura.extract(decode_html(data, "p"), include_tables=True) or ""


def _squeeze(text: str) -> str:
    return re.sub(r"\s+|\*\*", "", text)


def main() -> int:
    extractors: dict[str, Callable[[bytes], str]] = {
        "importer (readability + parser)": _importer, "plain parser (before)": _plain,
        "readability-lxml summary": _readability}
    try:
        import trafilatura  # noqa: F401

        extractors["trafilatura"] = _trafilatura
    except ImportError:
        print("(trafilatura is not installed: pip install trafilatura to compare it)")
    texts = [report_of(p) for p in DEV_TEXTS if p.is_file()]
    print(f"{'extractor':<32} {'layout':<8} {'markers leaked':>15} {'paragraphs kept':>16} {'ms/page':>8}")
    for name, extract in extractors.items():
        for layout in ("table", "div", "article"):
            leaked = kept = total = 0
            t0 = time.perf_counter()
            for text in texts:
                out = _squeeze(extract(make_html(text, layout)))
                leaked += sum(_squeeze(m) in out for m in MARKERS)
                body = paragraphs(text)[1:]
                kept += sum(_squeeze(p) in out for p in body)
                total += len(body)
            ms = 1000 * (time.perf_counter() - t0) / len(texts)
            print(f"{name:<32} {layout:<8} {leaked / len(texts):>9.1f} of {len(MARKERS)} "
                  f"{kept / total:>16.1%} {ms:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
