"""The learned suggester, measured (issue 17, part 3). `python -m benchmarks.bench_learning`.

Learning curve: `program` treated as a user kind without rules. For each of the five
development files (the seed and /work/shared/eval/*.txt) held back in turn, a CRF is
trained on the gold programs of k of the other four (k = 1…4, the first k in name order,
each file fully annotated so its untagged text is negative) and predicts on the held-back
file; F1 of exact spans (and of overlapping spans) is averaged over the five hold-outs.

Suppression (`suppression`): a team accepts and rejects the rules' metric suggestions of
four development files by the gold and rejects 增长0% five times; how many 增长0% still
come, and how many of the fifth file's suggestions on gold metrics (growth rates, and all),
with the model's confidence deciding and with the shape rule alone; each file held back in
turn.

Speed: training time for 1 000 and 10 000 tagged programs (the development files repeated
until they hold that many) and suggestion time per MB of text.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from desktop.domain.report_text import ParsedReport, Structure
from desktop.services import learning

REPO = Path(__file__).resolve().parents[1]
# the development texts sit beside the repository (/work/shared/eval beside /work/main);
# a worktree (/work/wt/NAME) finds them one level further up
EVAL = next((p / "shared" / "eval" for p in REPO.parents if (p / "shared" / "eval").is_dir()),
            REPO.parent / "shared" / "eval")
SEED_TEXT = REPO / "seeds" / "000_f66df8a97ae95764.txt"


def dev_files() -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, gold program spans) of each development file."""
    out = []
    for gold in sorted(EVAL.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        txt = SEED_TEXT if stem.startswith("seed_000") else EVAL / f"{stem}.txt"
        text = txt.read_text(encoding="utf-8")
        spans = [(g["start"], g["end"]) for g in json.loads(gold.read_text(encoding="utf-8"))
                 if g["kind"] == "program"]
        for a, b in spans:
            assert 0 <= a < b <= len(text), (stem, a, b)
        out.append((stem, text, spans))
    return out


def _f1(pred: set[tuple[int, int]], gold: set[tuple[int, int]], overlap: bool) -> float:
    if overlap:
        tp_p = sum(any(a < d and c < b for c, d in gold) for a, b in pred)
        tp_g = sum(any(a < d and c < b for c, d in pred) for a, b in gold)
    else:
        tp_p = tp_g = len(pred & gold)
    p = tp_p / len(pred) if pred else 0.0
    r = tp_g / len(gold) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def learning_curve() -> list[dict[str, Any]]:
    files = dev_files()
    rows = []
    for k in range(1, len(files)):
        exact, loose, tags = [], [], []
        for i, (_, text, gold) in enumerate(files):
            train = [f for j, f in enumerate(files) if j != i][:k]
            seqs = [s for _, t, g in train for s in learning.sequences_for(t, g, [], True)]
            model = learning.train_sequences(seqs)
            pred = {(a, b) for a, b, _ in learning.predict(model, text)}
            exact.append(_f1(pred, set(gold), False))
            loose.append(_f1(pred, set(gold), True))
            tags.append(sum(len(g) for _, _, g in train))
        rows.append({"k": k, "train_tags": round(statistics.mean(tags)),
                     "f1_exact": round(statistics.mean(exact), 3),
                     "f1_overlap": round(statistics.mean(loose), 3)})
    return rows


def training_times() -> list[dict[str, Any]]:
    files = dev_files()
    per_round = sum(len(g) for _, _, g in files)
    seqs_round = [s for _, t, g in files for s in learning.sequences_for(t, g, [], False)]
    out = []
    for wanted in (1000, 10000):
        rounds = -(-wanted // per_round)
        seqs = seqs_round * rounds
        began = time.perf_counter()
        learning.train_sequences(seqs)
        out.append({"tags": per_round * rounds, "sentences": len(seqs),
                    "seconds": round(time.perf_counter() - began, 2)})
    return out


def suggestion_speed() -> dict[str, Any]:
    files = dev_files()
    seqs = [s for _, t, g in files for s in learning.sequences_for(t, g, [], True)]
    model = learning.train_sequences(seqs)
    joined = "\n".join(t for _, t, _ in files)
    text = (joined * (1 + 1_000_000 // len(joined.encode("utf-8"))))
    mb = len(text.encode("utf-8")) / 1_000_000
    began = time.perf_counter()
    found = learning.predict(model, text)
    seconds = time.perf_counter() - began
    return {"mb": round(mb, 2), "seconds": round(seconds, 2),
            "seconds_per_mb": round(seconds / mb, 2), "spans": len(found)}


_GROWTH = re.compile(r"增长[0-9]+(?:\.[0-9]+)?%")


def _gold_spans(project: Any, rid: str, gold: set[str]) -> list[tuple[int, int]]:
    """Where the file's gold metric texts stand in one of its reports (every occurrence)."""
    from desktop.services import reports

    doc = reports.document(project, rid)
    assert doc is not None
    out = []
    for g in gold:
        out += [(m.start(), m.end()) for m in re.finditer(re.escape(g), doc.text)]
    return out


def _accepted(project: Any, rid: str, gold: set[str], found: list[Any]) -> list[str]:
    """The texts of the metric suggestions a team following the gold accepts or corrects
    (they overlap a gold metric)."""
    spans = _gold_spans(project, rid, gold)
    return [s.text for s in found if any(a < s.end and s.start < b for a, b in spans)]


def _dev_metrics() -> list[tuple[Path, set[str]]]:
    """(file, its gold metric texts) of each development file."""
    files = []
    for gold in sorted(EVAL.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        path = SEED_TEXT if stem.startswith("seed_000") else EVAL / f"{stem}.txt"
        texts = {g["text"] for g in json.loads(gold.read_text(encoding="utf-8"))
                 if g["kind"] == "metric"}
        files.append((path, texts))
    return files


def _suppression_round(files: list[tuple[Path, set[str]]], held_back: int) -> dict[str, int]:
    from desktop.domain.learning.sequences import sentences
    from desktop.io.importers import read_reports
    from desktop.services import importing, suggestions, tags
    from desktop.services.project import open_project_as

    out: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        project = open_project_as(Path(folder) / "p.rmk", "bench")
        try:
            reports = []
            for path, gold in files:
                outcome = importing.add_parsed(project, read_reports(path), path.name)
                reports.append(([rid for rid, _ in outcome.imported], gold))
            held = reports[held_back]
            decided = [r for i, r in enumerate(reports) if i != held_back]
            for ids, gold in decided:
                for rid in ids:
                    spans = _gold_spans(project, rid, gold)
                    for s in suggestions.for_report(project, rid):
                        if s.kind != "metric":
                            continue
                        hit = next(((a, b) for a, b in spans if a < s.end and s.start < b), None)
                        if hit is None:
                            suggestions.reject(project, rid, s)
                        elif hit == (s.start, s.end):
                            suggestions.accept(project, rid, s)
                        else:  # accepted with the gold's bounds (增长5% → 增长5%左右)
                            tags.create_tag(project, rid, "metric", *hit,
                                            origin=suggestions.origin_of(s))
                            spans.remove(hit)
            zero_lines = [_GROWTH.sub("增长0%", c.text.strip())
                          for i, (path, _) in enumerate(files) if i != held_back
                          for c in sentences(path.read_text(encoding="utf-8"))
                          if _GROWTH.search(c.text)]
            zid = importing.add_parsed(project, [
                ParsedReport(title="zero growth", agency="", region="", year=None,
                             text="\n".join(zero_lines), structure=Structure())],
                "zero growth").imported[0][0]
            zeros = [s for s in suggestions.for_report(project, zid)
                     if s.kind == "metric" and s.text == "增长0%"]
            for s in zeros[:5]:
                suggestions.reject(project, zid, s)
            learning.train(project, "metric")

            def shown(rid: str, model: bool) -> list[Any]:
                ruled = suggestions.for_report(project, rid)
                scored = (learning.suggest(project, rid, "rules") if model
                          else learning.open_suggestions(project, rid, ruled, None))
                return [x.suggestion for x in scored if x.suggestion.kind == "metric"]

            out["left_zeros"] = len(zeros) - min(5, len(zeros))
            ids, gold = held
            for model in (True, False):
                name = "model" if model else "shape_rule"
                out[f"{name}_zero"] = [x.text for x in shown(zid, model)].count("增长0%")
                good = [t for rid in ids for t in _accepted(project, rid, gold, shown(rid, model))]
                out[f"{name}_rates"] = sum(bool(_GROWTH.match(t)) for t in good)
                out[f"{name}_metrics"] = len(good)
            ruled = [x for rid in ids for x in suggestions.for_report(project, rid)
                     if x.kind == "metric"]
            good = [t for rid in ids for t in _accepted(project, rid, gold, ruled)]
            out["gold_rates"] = sum(bool(_GROWTH.match(t)) for t in good)
            out["gold_metrics"] = len(good)
        finally:
            project.close()
    return out


def suppression() -> dict[str, int]:
    """Each development file held back in turn: the team accepts the rules' metric
    suggestions of the other four that a gold metric overlaps (with the gold's bounds where
    they differ) and rejects the others, and in a report of those files' growth-rate
    sentences with the rate set to 0 it rejects 增长0% five times; the metric model is
    trained on those decisions. Summed over the five rounds: how many of the other 增长0%
    still come (the rejected shape), and how many of the held-back file's rule suggestions
    that a gold metric overlaps still come (what the team accepts; growth rates 增长X% and
    all), with the model's confidence deciding and with the shape rule alone (a family
    rejected 3 times held back when never tagged)."""
    files = _dev_metrics()
    total: dict[str, int] = {}
    for i in range(len(files)):
        for key, n in _suppression_round(files, i).items():
            total[key] = total.get(key, 0) + n
    return total


def run() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row in learning_curve():
        out.append({"name": f"learned program F1 (exact), k={row['k']}", "value": row["f1_exact"],
                    "unit": f"F1 ({row['train_tags']} training tags; overlap F1 "
                            f"{row['f1_overlap']})", "budget": None})
    for row in training_times():
        out.append({"name": f"training time, {row['tags']} tags", "value": row["seconds"],
                    "unit": "s", "budget": None})
    speed = suggestion_speed()
    out.append({"name": "learned suggestion time", "value": speed["seconds_per_mb"],
                "unit": "s per MB", "budget": None})
    sup = suppression()

    def rate(n: int, of: int) -> float:
        return round(n / of, 3) if of else 0.0

    for name, label in (("model", "model's confidence"), ("shape_rule", "shape rule alone")):
        out.append({"name": f"rejected shape 增长0% still suggested after 5 rejections ({label})",
                    "value": rate(sup[f"{name}_zero"], sup["left_zeros"]),
                    "unit": f"{sup[f'{name}_zero']} of {sup['left_zeros']} not rejected",
                    "budget": None})
        out.append({"name": f"accepted shapes (增长X% on a gold metric) still suggested ({label})",
                    "value": rate(sup[f"{name}_rates"], sup["gold_rates"]),
                    "unit": f"{sup[f'{name}_rates']} of {sup['gold_rates']} in held-back files",
                    "budget": None})
        out.append({"name": f"accepted metrics (any on a gold metric) still suggested ({label})",
                    "value": rate(sup[f"{name}_metrics"], sup["gold_metrics"]),
                    "unit": f"{sup[f'{name}_metrics']} of {sup['gold_metrics']} in held-back files",
                    "budget": None})
    return out


if __name__ == "__main__":
    for item in run():
        print(f"{item['name']:70} {item['value']}  {item['unit']}")
