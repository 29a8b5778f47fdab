"""Agreement between analysts, and adjudication into the consensus layer.

Agreement compares two analysts' tags over the reports *both* tagged (a report only one
of them has started says nothing about agreement). Adjudication turns a disagreement
into a tag of the analyst named "consensus": pick one version, combine both, or write
your own. Export selects that layer with `--analyst consensus`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import Report, Tag, TagKind, TagLink
from db.queries import agreement as aq
from db.queries import analysts
from db.queries import tags as q
from desktop.domain.agreement import DEFAULT_TOLERANCE, LINK_FIELDS, Agreement, compare
from desktop.domain.errors import EmptySpan, NotFound, RefusedInput, ReportGone, UnknownKind
from desktop.domain.states import HistoryAction, Origin, TagState, TagStatus
from desktop.services.changes import Changes
from desktop.services.project import Project
from desktop.services.review import CONSENSUS


@dataclass(frozen=True, slots=True)
class PairAgreement:
    analyst_a: str
    analyst_b: str
    result: Agreement

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.analyst_a, "b": self.analyst_b, **self.result.as_dict()}


def _analyst_id(session: Session, name: str) -> str:
    found = aq.analyst_id(session, name)
    if found is None:
        known = ", ".join(aq.analyst_names(session))
        raise NotFound("There is no analyst {name!r} in this project (known: {known}).",
                       message_id="analyst.unknown", params={"name": name, "known": known})
    return found


def _link_fields(session: Session) -> frozenset[str]:
    """Fields holding ids (reference fields, the registry entry): never compared."""
    return LINK_FIELDS | aq.reference_fields(session)


def agreement(project: Project, analyst_a: str, analyst_b: str,
              tolerance: float = DEFAULT_TOLERANCE) -> PairAgreement:
    """Figures per kind and overall, and the ranked disagreements, for two analysts (by
    name). Rejected tags do not count."""
    if analyst_a == analyst_b:
        raise RefusedInput("Choose two different analysts.", message_id="agreement.same_analyst")
    with project.uow() as session:
        a_id = _analyst_id(session, analyst_a)
        b_id = _analyst_id(session, analyst_b)
        both = aq.tagged_reports(session, a_id) & aq.tagged_reports(session, b_id)
        a = aq.layer(session, a_id, both)
        b = aq.layer(session, b_id, both)
        kinds = aq.kind_order(session)
        links = _link_fields(session)
    return PairAgreement(analyst_a, analyst_b, compare(a, b, kinds, tolerance, links=links))


def every_pair(project: Project, tolerance: float = DEFAULT_TOLERANCE) -> list[PairAgreement]:
    """Agreement for every pair of analysts who have tags (the consensus layer excluded)."""
    with project.uow() as session:
        names = aq.names_with_tags(session, besides=CONSENSUS)
    return [agreement(project, a, b, tolerance) for a, b in combinations(names, 2)]


def analysts_with_tags(project: Project) -> list[str]:
    with project.uow() as session:
        return aq.names_with_tags(session)


# --------------------------------------------------------------------- adjudication


def _consensus_tag(
    session: Session, project: Project, report_id: str, kind: str, start: int, end: int,
    fields: dict[str, Any], sources: list[str], how: str,
) -> Tag:
    report = session.get(Report, report_id)
    if report is None:
        raise ReportGone
    if not 0 <= start < end <= len(report.text):
        raise EmptySpan
    kind_row = q.kind_by_key(session, kind)
    if kind_row is None:
        raise UnknownKind(kind)
    consensus = analysts.get_or_create(session, CONSENSUS)
    # Adjudicating the same place again replaces the earlier decision (idempotent).
    tag = aq.consensus_at(session, consensus.id, report_id, kind_row.id, start, end)
    if tag is None:
        tag = q.add_tag(session, report_id=report_id, kind_id=kind_row.id, start=start,
                        end=end, quote=report.text[start:end], fields=fields,
                        author_id=consensus.id, origin=Origin.adjudicated(how),
                        status=TagStatus.ACCEPTED)
    else:
        tag.fields = dict(fields)
        tag.origin = Origin.adjudicated(how)
        tag.updated_at = utcnow()
    session.flush()
    for source in sources:
        if source == tag.id or session.get(Tag, source) is None:
            continue
        if not aq.decides_on(session, tag.id, source):
            session.add(TagLink(source_id=tag.id, target_id=source, type=aq.ADJUDICATES))
    q.record_event(session, tag, HistoryAction.adjudicated(how), project.analyst_id,
                   TagState.of(tag, kind, sources=sources, decided_by=project.analyst_name))
    return tag


def _tag_parts(session: Session, tag_id: str) -> tuple[Tag, str]:
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise NotFound("That tag no longer exists.", message_id="tag.gone")
    kind = session.get(TagKind, tag.kind_id)
    assert kind is not None
    return tag, kind.key


def pick(project: Project, tag_id: str, others: tuple[str, ...] = ()) -> Changes:
    """Adopt one analyst's version as the consensus (`others`: the versions set aside)."""
    with project.uow.begin() as session:
        tag, kind = _tag_parts(session, tag_id)
        made = _consensus_tag(session, project, tag.report_id, kind, tag.start, tag.end,
                              dict(tag.fields), [tag_id, *others], "picked")
        return Changes(tags=frozenset({tag.report_id}), analysts=True,
                       created=frozenset({made.id}))


def combine(project: Project, tag_ids: tuple[str, ...]) -> Changes:
    """Combine versions: the span covering them all, the first version's kind, each
    field from the first version that has a value."""
    if not tag_ids:
        raise RefusedInput("Choose the versions to combine.", message_id="agreement.none_chosen")
    with project.uow.begin() as session:
        parts = [_tag_parts(session, t) for t in tag_ids]
        report_ids = {t.report_id for t, _ in parts}
        if len(report_ids) != 1:
            raise RefusedInput("Only versions in the same report can be combined.",
                               message_id="agreement.other_report")
        fields: dict[str, Any] = {}
        for t, _ in parts:
            for key, value in t.fields.items():
                if key not in fields and value not in (None, ""):
                    fields[key] = value
        first, kind = parts[0]
        made = _consensus_tag(
            session, project, first.report_id, kind, min(t.start for t, _ in parts),
            max(t.end for t, _ in parts), fields, list(tag_ids), "combined",
        )
        return Changes(tags=frozenset({first.report_id}), analysts=True,
                       created=frozenset({made.id}))


def write_own(
    project: Project, report_id: str, kind: str, start: int, end: int,
    fields: dict[str, Any] | None = None, sources: tuple[str, ...] = (),
) -> Changes:
    """The adjudicator's own version of a disputed place."""
    with project.uow.begin() as session:
        made = _consensus_tag(session, project, report_id, kind, start, end, dict(fields or {}),
                              list(sources), "own")
        return Changes(tags=frozenset({report_id}), analysts=True,
                       created=frozenset({made.id}))


def adjudicated(project: Project) -> set[str]:
    """Ids of the tags a consensus tag already decides on (picked, combined, set aside)."""
    with project.uow() as session:
        return aq.adjudicated_ids(session)
