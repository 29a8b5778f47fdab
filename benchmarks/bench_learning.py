"""The learned suggester, measured (issue 17, part 3). `python -m benchmarks.bench_learning`.

Learning curve: `program` treated as a user kind without rules. For each of the five
development files (the seed and /work/shared/eval/*.txt) held back in turn, a CRF is
trained on the gold programs of k of the other four (k = 1…4, the first k in name order,
each file fully annotated so its untagged text is negative) and predicts on the held-back
file; F1 of exact spans (and of overlapping spans) is averaged over the five hold-outs.

Suppression: in a scratch project holding a development file, the rule suggestions of the
most frequent (kind, shape) (shape = text with figures as 0) are counted; five of them are
rejected, and the rest counted again (learning.suggest, source rules).

Speed: training time for 1 000 and 10 000 tagged programs (the development files repeated
until they hold that many) and suggestion time per MB of text.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

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


def suppression() -> dict[str, Any]:
    from desktop.domain.learning.sequences import shape
    from desktop.io.importers import read_reports
    from desktop.services import importing, suggestions
    from desktop.services.project import open_project_as

    with tempfile.TemporaryDirectory() as folder:
        project = open_project_as(Path(folder) / "p.rmk", "bench")
        try:
            best: tuple[int, str, str, str] | None = None
            for path in [SEED_TEXT, *sorted(EVAL.glob("*.txt"))]:
                importing.add_parsed(project, read_reports(path), path.name)
            from desktop.services import reports

            for row in reports.library(project):
                by_shape: dict[tuple[str, str], int] = {}
                for s in suggestions.for_report(project, row.id):
                    key = (s.kind, shape(s.text))
                    by_shape[key] = by_shape.get(key, 0) + 1
                for (kind, sh), n in by_shape.items():
                    if best is None or n > best[0]:
                        best = (n, row.id, kind, sh)
            assert best is not None
            n, rid, kind, sh = best

            def of_shape() -> list[Any]:
                return [x for x in learning.suggest(project, rid, "rules")
                        if (x.suggestion.kind, shape(x.suggestion.text)) == (kind, sh)]

            before = of_shape()
            for x in before[:5]:
                suggestions.reject(project, rid, x.suggestion)
            after = of_shape()
        finally:
            project.close()
    return {"kind": kind, "shape": sh, "before": len(before), "rejected": min(5, len(before)),
            "still_suggested": len(after), "left_unrejected": len(before) - min(5, len(before))}


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
    out.append({"name": f"rule suggestions of shape {sup['kind']}:{sup['shape']} still suggested "
                        f"after 5 rejections", "value": sup["still_suggested"],
                "unit": f"of {sup['left_unrejected']} not rejected (before: {sup['before']})",
                "budget": None})
    return out


if __name__ == "__main__":
    for item in run():
        print(f"{item['name']:70} {item['value']}  {item['unit']}")
