"""Foreign annotation formats: each writes and reads back the same spans over Chinese
text with characters outside the BMP (𠮷, 😀), each tool's offset counting converted;
a span that does not match its text is refused with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.domain.annotations import AnnotationError, Counting, ForeignDoc, ForeignSpan
from desktop.io import annotations as formats

TEXT = "😀湖南实施“智赋万企”行动，𠮷林工业增长7.8%。\n2026年力争增长6%左右😀。\n\n第三段：𠮷𠮷“广东强芯”工程"


def _doc() -> ForeignDoc:
    def span(needle: str, label: str, nth: int = 0) -> ForeignSpan:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(needle, start + 1)
        return ForeignSpan(start, start + len(needle), label)

    return ForeignDoc("doc", TEXT, [span("“智赋万企”行动", "Program"), span("7.8%", "Metric"),
                                    span("𠮷林", "地区"), span("增长6%左右😀", "Target"),
                                    span("“广东强芯”工程", "Program")])


def _triples(doc: ForeignDoc) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label) for s in doc.spans)


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_round_trip_keeps_text_and_spans(fmt: str, tmp_path: Path) -> None:
    doc = _doc()
    out = tmp_path / {"doccano": "a.jsonl", "labelstudio": "a.json", "brat": "brat",
                      "webanno": "a.tsv"}[fmt]
    files = formats.write([doc], out, fmt)
    assert all(f.exists() for f in files)
    back = formats.read(out, None)  # the format guessed from the name
    assert len(back) == 1
    assert back[0].text == TEXT
    assert _triples(back[0]) == _triples(doc)
    for s in back[0].spans:
        assert s.line > 0


def test_webanno_counts_utf16_units(tmp_path: Path) -> None:
    formats.write([_doc()], tmp_path / "a.tsv", "webanno")
    lines = (tmp_path / "a.tsv").read_text(encoding="utf-8").splitlines()
    emoji = next(line for line in lines if line.startswith("1-1\t"))
    assert emoji.split("\t")[1:3] == ["0-2", "😀"]  # one code point, two UTF-16 units
    second = next(line for line in lines if line.startswith("1-2\t"))
    assert second.split("\t")[1] == "2-3"


def test_label_studio_offsets_of_older_versions_in_utf16_units(tmp_path: Path) -> None:
    counting = Counting(TEXT)
    start = TEXT.index("7.8%")
    task = [{"id": 7, "data": {"text": TEXT}, "annotations": [{"result": [{
        "id": "x1", "type": "labels", "value": {
            "start": counting.to_utf16(start), "end": counting.to_utf16(start + 4),
            "text": "7.8%", "labels": ["Metric"]}}]}]}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(task, ensure_ascii=False, indent=1), encoding="utf-8")
    (doc,) = formats.read(path)
    assert _triples(doc) == [(start, start + 4, "Metric")]


def test_doccano_entities_form(tmp_path: Path) -> None:
    start = TEXT.index("𠮷林")
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": TEXT, "entities": [
        {"id": 1, "label": "地区", "start_offset": start, "end_offset": start + 2}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = formats.read(path)
    assert TEXT[doc.spans[0].start:doc.spans[0].end] == "𠮷林"


def test_a_span_that_does_not_match_is_refused_with_file_and_line(tmp_path: Path) -> None:
    start = TEXT.index("7.8%")
    path = tmp_path / "bad.ann"
    (tmp_path / "bad.txt").write_text(TEXT, encoding="utf-8")
    path.write_text(f"T1\tMetric {start} {start + 4}\t7.8%\n"
                    f"T2\tMetric {start + 1} {start + 5}\t7.8%\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"bad\.ann, line 2"):
        formats.read(path)
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text(json.dumps({"text": "短"}) + "\n"
                     + json.dumps({"text": "短文", "label": [[0, 9, "X"]]}) + "\n")
    with pytest.raises(AnnotationError, match=r"bad\.jsonl, line 2"):
        formats.read(jsonl)
    ls = tmp_path / "bad.json"
    ls.write_text(json.dumps([{"data": {"text": "短文"}, "annotations": [{"result": [
        {"id": "r1", "value": {"start": 0, "end": 1, "text": "文", "labels": ["X"]}}]}]}],
        indent=1), encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"bad\.json, line \d+"):
        formats.read(ls)


def test_webanno_multi_token_and_stacked_spans(tmp_path: Path) -> None:
    tsv = ("#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
           "|identifier|value\n\n\n#Text=广东 强芯\n"
           "1-1\t0-2\t广东\t_\tORG[1]|LOC\t\n1-2\t3-5\t强芯\t_\tORG[1]\t\n")
    path = tmp_path / "n.tsv"
    path.write_text(tsv, encoding="utf-8")
    (doc,) = formats.read(path)
    assert doc.text == "广东 强芯"
    assert _triples(doc) == [(0, 2, "LOC"), (0, 5, "ORG")]
