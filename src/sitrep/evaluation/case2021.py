"""`sitrep eval case2021 FILE.tsv`: CASE 2021 Task 2 snippets, each labelled with one fine-grained event class.

The file is tab-separated with a header (``id``, ``EventSnippet``, ``SubType``; quoted cells as
a spreadsheet writes them). Each snippet is extracted on its own, with no publication date, and
the ACLED view's primary event (sitrep.acled_view) stands for it.

Scoring (as the shared task scores sub-task 1, and as ../shared/eval/README.md says):

* 25 of the classes are ACLED's sub-event types (``CODES`` maps them one to one). On the rows
  whose gold is one of them, the primary event's sub-type is compared with the gold: per-class
  precision, recall and F1, their average weighted by gold support (``weighted_f1_25``, the
  shared task's headline), the plain average (``macro_f1_25``) and accuracy. A row with no event
  is a miss of its gold class (it lowers recall, not any class's precision). ``micro_f1_25``
  counts "no event" as an answer of its own, so it equals the accuracy.
* The five other classes (``NON_ACLED``: organised crime, disasters, diplomacy, claims of
  responsibility) are no ACLED event: a row of them is right when no ACLED event is found
  (``non_acled_rejection``). Their rows never enter the 25-class figures.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..acled_view import primary_event
from ..errors import EmptyInput, MalformedRecord, MissingField
from ..ingest.documents import make_document
from ..model import Event
from ..pipeline import Pipeline
from .gold_files import coded_tsv_errors, open_gold
from .metrics import Classes, ratio

COLUMNS = ("id", "EventSnippet", "SubType")
# The CASE 2021 Task 2 codes of ACLED's 25 sub-event types, spelled as sitrep spells the sub-types.
CODES: dict[str, str] = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
CODE_OF = {subtype: code for code, subtype in CODES.items()}
# The classes that are no ACLED event: the right answer for them is no ACLED event at all.
NON_ACLED = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
NONE = "(none)"
# How many of the most frequent confusions the table lists.
TOP_CONFUSIONS = 20


@dataclass(frozen=True, kw_only=True, slots=True)
class Snippet:
    line: int
    id: str
    text: str
    code: str  # the gold SubType, one of CODES or NON_ACLED

    @property
    def is_acled(self) -> bool:
        return self.code in CODES


@dataclass(frozen=True, kw_only=True, slots=True)
class Outcome:
    """What the pipeline made of one snippet."""

    line: int
    id: str
    gold: str  # CASE code
    has_event: bool  # an ACLED-typed event that happened was found
    predicted: str | None  # the primary event's ACLED sub-type

    @property
    def is_acled(self) -> bool:
        return self.gold in CODES

    @property
    def correct(self) -> bool:
        return self.predicted == CODES[self.gold] if self.is_acled else not self.has_event


# ---------------------------------------------------------------- reading


def read_snippets(path: Path) -> Iterator[Snippet]:
    """The gold rows of a CASE 2021 Task 2 file. A row that cannot be read stops the evaluation with a
    coded error naming its line: figures measured on the rows that happened to read would mislead."""
    with open_gold(path) as handle:
        reader = csv.DictReader(handle, delimiter="\t", strict=True)
        with coded_tsv_errors(path, lambda: reader.line_num):
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise MissingField(
                    f"not a CASE 2021 Task 2 file: columns missing: {', '.join(missing)}", source=str(path)
                )
            rows = 0
            for record in reader:
                rows += 1
                yield _snippet(record, reader.line_num, path)
            if not rows:
                raise EmptyInput("no snippet after the header", source=str(path))


def _snippet(record: dict[str | None, str | None], line: int, path: Path) -> Snippet:
    where = f"{path}:{line}"
    if any(record.get(c) is None for c in COLUMNS):
        raise MalformedRecord("the row has fewer cells than the header", source=where)
    if record.get(None):
        raise MalformedRecord("the row has more cells than the header", source=where)
    code = (record["SubType"] or "").strip()
    if code not in CODES and code not in NON_ACLED:
        raise MalformedRecord(f"unknown SubType {code!r}", source=where)
    text = record["EventSnippet"] or ""
    if not text.strip():
        raise MalformedRecord("empty EventSnippet", source=where)
    return Snippet(line=line, id=(record["id"] or "").strip(), text=text, code=code)


# ---------------------------------------------------------------- scoring


@dataclass
class Case2021Report:
    file: str
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, snippet: Snippet, event: Event | None) -> None:
        self.outcomes.append(
            Outcome(
                line=snippet.line,
                id=snippet.id,
                gold=snippet.code,
                has_event=event is not None,
                predicted=event.acled_subtype if event is not None else None,
            )
        )

    @property
    def acled(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.is_acled]

    @property
    def non_acled(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.is_acled]

    def classes(self) -> Classes:
        """The 25-class task: gold and predicted as ACLED sub-type names, no event as ``None``."""
        c = Classes()
        for o in self.acled:
            c.add(CODES[o.gold], o.predicted)
        return c

    def figures(self) -> dict[str, float | int]:
        acled, other = self.acled, self.non_acled
        c = self.classes()
        no_event = sum(not o.has_event for o in acled)
        rejected = sum(not o.has_event for o in other)
        return {
            "weighted_f1_25": c.weighted_f1(),
            "macro_f1_25": c.macro_f1(),
            "micro_f1_25": c.accuracy(),  # single label, "no event" an answer of its own: micro-F1 = accuracy
            "accuracy_25": c.accuracy(),
            "no_event_share_25": ratio(no_event, len(acled)),
            "non_acled_rejection": ratio(rejected, len(other)),
            "rows": len(self.outcomes),
            "acled_rows": len(acled),
            "acled_rows_correct": sum(o.correct for o in acled),
            "acled_rows_without_event": no_event,
            "non_acled_rows": len(other),
            "non_acled_rows_without_event": rejected,
        }

    def confusions(self, top: int = TOP_CONFUSIONS) -> list[tuple[str, str, int, str]]:
        """(gold code, predicted code or sub-type or "(none)", count, first row id), most frequent first."""
        counts: Counter[tuple[str, str]] = Counter()
        first: dict[tuple[str, str], str] = {}
        for o in self.acled:
            if o.correct:
                continue
            key = (o.gold, _answer(o))
            counts[key] += 1
            first.setdefault(key, o.id)
        return [(g, p, n, first[(g, p)]) for (g, p), n in counts.most_common(top)]

    def table(self) -> str:
        f = self.figures()
        lines = [
            f"CASE 2021 Task 2 evaluation: {self.file} ({f['rows']} snippets: "
            f"{f['acled_rows']} of the 25 ACLED classes, {f['non_acled_rows']} of the 5 others)",
            "",
            f"{'measure':32} value",
        ]
        for key in (
            "weighted_f1_25",
            "macro_f1_25",
            "micro_f1_25",
            "accuracy_25",
            "no_event_share_25",
            "non_acled_rejection",
        ):
            lines.append(f"{key:32} {f[key]:.3f}")
        per = self.classes().per_class()
        support = Counter(o.gold for o in self.acled)
        lines += [
            "",
            f"{'code':30} {'ACLED sub-type':36} {'n':>4} {'prec':>6} {'recall':>6} {'f1':>6}",
        ]
        for code, subtype in sorted(CODES.items()):
            if not support[code] and subtype not in per:
                continue
            s = per.get(subtype, {"precision": 0.0, "recall": 0.0, "f1": 0.0})
            lines.append(
                f"{code:30} {subtype:36} {support[code]:4d} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}"
            )
        lines += ["", "most frequent confusions (gold -> predicted: count, first row id):"]
        lines += [f"  {g} -> {p}: {n} (first id {i})" for g, p, n, i in self.confusions()] or ["  none"]
        lines += ["", "the five classes that are no ACLED event: rows, rows with no event, sub-types wrongly given:"]
        for code in NON_ACLED:
            rows = [o for o in self.non_acled if o.gold == code]
            if not rows:
                continue
            given = Counter(o.predicted or "(no sub-type)" for o in rows if o.has_event)
            wrong = ", ".join(f"{p} x{n}" for p, n in given.most_common()) or "none"
            lines.append(f"  {code:20} {len(rows):4d} {sum(not o.has_event for o in rows):4d}  {wrong}")
        return "\n".join(lines)


def _answer(outcome: Outcome) -> str:
    """The predicted answer as a CASE code (every ACLED sub-type has one), "(none)" for no event."""
    if not outcome.has_event:
        return NONE
    if outcome.predicted is None:
        return "(no sub-type)"
    return CODE_OF.get(outcome.predicted, outcome.predicted)


def evaluate_case2021(
    path: Path, pipeline: Pipeline, *, limit: int | None = None, progress: Callable[[int, int], None] | None = None
) -> Case2021Report:
    snippets = list(read_snippets(path))
    if limit is not None:
        snippets = snippets[:limit]
    report = Case2021Report(file=path.name)
    documents = [make_document(s.text, source=f"{path}:{s.line}") for s in snippets]
    for i, (snippet, extraction) in enumerate(zip(snippets, pipeline.pipe(documents, batch_size=64)), start=1):
        report.add(snippet, primary_event(extraction))
        if progress is not None:
            progress(i, len(snippets))
    return report
