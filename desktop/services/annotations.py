"""Annotations from other tools (doccano, Label Studio, brat, WebAnno/INCEpTION TSV):
brought in as tags, all or nothing, and taken out again.

`plan` reads nothing into the project: it says which documents are reports already in
the project (by the sha256 of their text), which would be imported, and to which kind each
label goes (an existing kind by key, name or Chinese name, else a new kind). `apply`
writes the plan in one transaction. A span already tagged with the same kind is skipped,
so bringing the same file in twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from db.models import Report, TagKind
from db.queries import annotations as aq
from db.queries import kinds as kq
from desktop.domain.annotations import ForeignDoc, ForeignSpan
from desktop.domain.report_text import text_sha256
from desktop.domain.states import Origin
from desktop.io import annotations as formats
from desktop.services.changes import Changes
from desktop.services.indexing import index_reports
from desktop.services.kinds import _slug, _unique
from desktop.services.project import Project

ORIGIN_PREFIX = Origin.IMPORTED
NEW_KIND_COLOURS = ("#0ea5e9", "#a855f7", "#f97316", "#14b8a6", "#e11d48", "#84cc16")


@dataclass(frozen=True, slots=True)
class LabelMapping:
    label: str
    kind_key: str  # the existing kind's key, or the key the new kind will get
    kind_name: str
    new: bool
    spans: int


@dataclass(frozen=True, slots=True)
class AnnotationPlan:
    fmt: str
    docs: tuple[ForeignDoc, ...]
    labels: tuple[LabelMapping, ...]
    matched: tuple[tuple[str, str], ...]  # (document name, report id)
    new_reports: tuple[str, ...]  # document names
    spans: int


@dataclass(frozen=True, slots=True)
class AnnotationOutcome:
    reports_imported: int = 0
    reports_matched: int = 0
    kinds_created: tuple[str, ...] = ()
    tags_created: int = 0
    already_tagged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)
    # what the import added, by id (its undo takes these out)
    report_ids: tuple[str, ...] = ()
    tag_ids: tuple[str, ...] = ()
    kind_ids: tuple[str, ...] = ()


def read(path: Path, fmt: str | None = None) -> tuple[str, list[ForeignDoc]]:
    """The documents of a file (or brat folder) and its format. Raises AnnotationError
    (naming file and line) or ValueError; reads nothing into the project."""
    fmt = fmt or formats.guess_format(path)
    return fmt, formats.read(path, fmt)


def _kind_for(label: str, kinds: list[TagKind]) -> TagKind | None:
    wanted = label.strip().casefold()
    for kind in kinds:
        if wanted in (kind.key.casefold(), kind.name.casefold(), kind.name_zh.casefold()):
            return kind
    return None


def _mapping(session: Session, docs: list[ForeignDoc]) -> list[LabelMapping]:
    kinds = kq.kinds_except(session, None)
    taken = {k.key for k in kinds}
    counts: dict[str, int] = {}
    for doc in docs:
        for span in doc.spans:
            counts[span.label] = counts.get(span.label, 0) + 1
    out: list[LabelMapping] = []
    new_keys: dict[str, str] = {}
    for label in sorted(counts):
        kind = _kind_for(label, kinds)
        if kind is not None:
            out.append(LabelMapping(label, kind.key, kind.name, False, counts[label]))
            continue
        folded = label.strip().casefold()
        if folded not in new_keys:
            new_keys[folded] = _unique(_slug(label, "kind"), taken)
            taken.add(new_keys[folded])
        out.append(LabelMapping(label, new_keys[folded], label.strip()[:80], True, counts[label]))
    return out


def plan(project: Project, fmt: str, docs: list[ForeignDoc]) -> AnnotationPlan:
    """What `apply` would do; writes nothing."""
    with project.uow() as session:
        labels = _mapping(session, docs)
        found = aq.report_ids_by_sha(session, [text_sha256(d.text) for d in docs])
    matched = tuple((d.name, found[text_sha256(d.text)]) for d in docs
                    if text_sha256(d.text) in found)
    new = tuple(d.name for d in docs if text_sha256(d.text) not in found)
    return AnnotationPlan(fmt, tuple(docs), tuple(labels), matched, new,
                          sum(len(d.spans) for d in docs))


def apply(project: Project, the_plan: AnnotationPlan) -> AnnotationOutcome:
    """Write the plan in one transaction: the new kinds, the new reports, the tags."""
    from desktop.services.tags import create_in

    created_reports: list[str] = []
    created_tags: list[str] = []
    new_kinds: list[str] = []
    kind_rows: list[TagKind] = []
    by_kind: dict[str, int] = {}
    skipped = 0
    with project.uow.begin() as session:
        labels = {m.label: m for m in _mapping(session, list(the_plan.docs))}
        position = kq.next_kind_position(session)
        for i, m in enumerate(m for m in labels.values() if m.new):
            if m.kind_key in new_kinds:
                continue
            kind_rows.append(TagKind(key=m.kind_key, name=m.kind_name, name_zh="",
                                     colour=NEW_KIND_COLOURS[i % len(NEW_KIND_COLOURS)],
                                     position=position + len(new_kinds)))
            session.add(kind_rows[-1])
            new_kinds.append(m.kind_key)
        session.flush()
        if new_kinds:
            project.caches.kind_ids.clear()  # a key press looks the kinds up again
        seen: dict[str, str] = {}
        for doc in the_plan.docs:
            sha = text_sha256(doc.text)
            rid = seen.get(sha) or aq.report_ids_by_sha(session, [sha]).get(sha)
            if rid is None:
                row = Report(title=doc.name[:200], source_file=doc.source, text=doc.text,
                             sha256=sha, structure={}, char_count=len(doc.text))
                session.add(row)
                session.flush()
                rid = row.id
                created_reports.append(rid)
            seen[sha] = rid
            existing = aq.spans_of(session, rid)
            for span in doc.spans:
                kind = labels[span.label].kind_key
                if _trimmed_key(doc.text, span, kind) in existing:
                    skipped += 1
                    continue
                made = create_in(session, project, rid, kind, span.start, span.end, None,
                                 f"{ORIGIN_PREFIX}{the_plan.fmt}", None)
                created_tags += made.created
                existing.add(_trimmed_key(doc.text, span, kind))
                by_kind[kind] = by_kind.get(kind, 0) + 1
    index_reports(project, created_reports)
    return AnnotationOutcome(
        reports_imported=len(created_reports),
        reports_matched=len({r for r in seen.values()} - set(created_reports)),
        kinds_created=tuple(new_kinds), tags_created=sum(by_kind.values()),
        already_tagged=skipped, by_kind=by_kind,
        changes=Changes(library=bool(created_reports), kinds=bool(new_kinds),
                        tags=frozenset(seen.values())),
        report_ids=tuple(created_reports), tag_ids=tuple(created_tags),
        kind_ids=tuple(k.id for k in kind_rows),
    )


def _trimmed_key(text: str, span: ForeignSpan, kind: str) -> tuple[str, int, int]:
    """The span as a tag would store it: without surrounding white space."""
    quote = text[span.start:span.end]
    start = span.start + len(quote) - len(quote.lstrip())
    return kind, start, start + len(quote.strip())


# --- out -------------------------------------------------------------------------------


def documents(project: Project, report_ids: list[str] | None = None,
              kind_keys: list[str] | None = None) -> list[ForeignDoc]:
    """The project's reports with their tags (not rejected in review), labelled by kind
    name, as documents to write in a foreign format."""
    out: list[ForeignDoc] = []
    with project.uow() as session:
        for report in aq.reports_for_export(session, report_ids):
            doc = ForeignDoc(report.title or report.id, report.text, source=report.id)
            for start, end, _key, name in aq.tags_for_export(session, report.id, kind_keys):
                doc.spans.append(ForeignSpan(start, end, name))
            out.append(doc)
    return out


def export(project: Project, out: Path, fmt: str, report_ids: list[str] | None = None,
           kind_keys: list[str] | None = None) -> tuple[list[Path], int, int]:
    """Write the project's tags in a foreign format; (files, documents, spans)."""
    docs = documents(project, report_ids, kind_keys)
    files = formats.write(docs, out, fmt)
    return files, len(docs), sum(len(d.spans) for d in docs)
