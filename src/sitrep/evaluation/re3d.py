"""`sitrep eval re3d DIR`: entity spans against Dstl re3d's gold (Weapon, MilitaryPlatform, Location, Organisation).

re3d (github:dstl/re3d) is a set of folders, one per source, each with ``documents.json`` and
``entities.json`` in mongoexport JSON-lines form; entities carry character offsets into the
document text. DIR may be the corpus folder (every subset in it is read) or one subset folder.

What sitrep predicts for each class, from the mentions its stages find (events are not needed):

* Weapon / MilitaryPlatform: weapon mentions (``weapons.lexicon.v1``), split by the lexicon
  phrase's kind ("platform" for tanks, aircraft, drones, ships; "weapon" otherwise); phrases that
  name the use of a weapon or its user ("shelling", "shelled", "gunmen") count as neither;
* Location: place mentions;
* Organisation: actor mentions whose PLOVER sector names an organisation (government, military,
  police, armed group, party, media, ...) or whose pseudo-country is IGO/NGO, and raw ORG entities.

Matching is by overlapping spans, per class: a gold entity is found when some prediction of the
same class overlaps it (recall); a prediction is right when it overlaps some gold entity of its
class (precision). Every gold entity counts, whatever its annotator-agreement ``confidence``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..annotated import Annotated
from ..errors import MalformedRecord, MissingField, UnreadableInput
from ..ingest.documents import make_document
from ..model import Actor, Mention, Weapon
from ..pipeline import Pipeline
from ..stages.weapons import PLATFORM, WEAPON, kind_at, kind_of
from .metrics import ratio

if TYPE_CHECKING:
    from spacy.tokens import Doc

CLASSES = ("Weapon", "MilitaryPlatform", "Location", "Organisation")
FILES = ("documents.json", "entities.json")
# PLOVER sectors that name an organisation rather than people at large (civilians, refugees, rioters).
ORGANISATION_SECTORS = frozenset(
    "GOV MIL COP REB PRM UAF OPP PRE PTY JUD LEG SPY MED JRN SOC BUS EDU REL LAB CRM AGR ELI".split()
)
ORGANISATION_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})
# How many most frequent missed / wrongly predicted texts the report lists per class.
TOP_ERRORS = 15


@dataclass(frozen=True, kw_only=True, slots=True)
class Span:
    start: int
    end: int
    label: str
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, kw_only=True, slots=True)
class Re3dDocument:
    id: str
    subset: str
    title: str | None
    text: str
    gold: tuple[Span, ...]


# ---------------------------------------------------------------- reading


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnreadableInput(f"cannot open: {exc.strerror or exc}", source=str(path)) from None
    except UnicodeDecodeError:
        raise UnreadableInput("not UTF-8 text", source=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(f"line {number}: not JSON: {exc.msg}", source=str(path)) from None
        if not isinstance(record, dict):
            raise MalformedRecord(f"line {number}: not a JSON object", source=str(path))
        yield record


def read_subset(folder: Path) -> list[Re3dDocument]:
    """One re3d subset folder: its documents with their gold spans of the evaluated classes."""
    documents: dict[str, dict[str, Any]] = {}
    for record in _json_lines(folder / "documents.json"):
        if "_id" not in record or not isinstance(record.get("text"), str):
            raise MissingField("a document has no _id or text", source=str(folder / "documents.json"))
        documents[record["_id"]] = record
    gold: dict[str, list[Span]] = {key: [] for key in documents}
    for record in _json_lines(folder / "entities.json"):
        try:
            doc_id, start, end, label = record["documentId"], int(record["begin"]), int(record["end"]), record["type"]
        except (KeyError, TypeError, ValueError):
            raise MissingField(
                "an entity lacks documentId, begin, end or type", source=str(folder / "entities.json")
            ) from None
        if label not in CLASSES or doc_id not in gold:
            continue
        text = documents[doc_id]["text"]
        gold[doc_id].append(Span(start=start, end=end, label=label, text=text[start:end]))
    return [
        Re3dDocument(
            id=key,
            subset=folder.name,
            title=rec.get("title"),
            text=rec["text"],
            gold=tuple(sorted(gold[key], key=lambda s: (s.start, s.end, s.label))),
        )
        for key, rec in documents.items()
    ]


def subset_folders(path: Path) -> list[Path]:
    """``path`` itself when it is a subset folder, else its subset folders (sorted by name)."""
    if not path.is_dir():
        raise UnreadableInput("not a folder (expected the re3d folder or one of its subsets)", source=str(path))
    if all((path / f).is_file() for f in FILES):
        return [path]
    folders = sorted(p for p in path.iterdir() if p.is_dir() and all((p / f).is_file() for f in FILES))
    if not folders:
        raise MissingField("no re3d subset here: expected documents.json and entities.json", source=str(path))
    return folders


def read_corpus(path: Path) -> list[Re3dDocument]:
    return [doc for folder in subset_folders(path) for doc in read_subset(folder)]


# ---------------------------------------------------------------- what sitrep predicts


def is_organisation(actor: Actor) -> bool:
    if actor.raw:
        return True
    return actor.sector in ORGANISATION_SECTORS or actor.country in ORGANISATION_COUNTRIES


def predicted_label(mention: Mention, doc: Doc | None = None) -> str | None:
    """The re3d class a sitrep mention stands for, or None when it stands for none of them.

    A weapon mention that names the use of a weapon rather than the weapon ("shelling", "gunmen",
    "shelled") stands for no class; without the parse (``doc``) its entry's kind is taken.
    """
    if mention.kind == "weapon" and isinstance(mention.value, Weapon):
        kind = kind_at(doc, mention.start, mention.end) if doc is not None else None
        kind = kind or kind_of(mention.value.name)
        if kind == PLATFORM:
            return "MilitaryPlatform"
        return "Weapon" if kind == WEAPON else None
    if mention.kind == "place":
        return "Location"
    if mention.kind == "actor" and isinstance(mention.value, Actor) and is_organisation(mention.value):
        return "Organisation"
    return None


def predicted_spans(annotated: Annotated) -> tuple[Span, ...]:
    out = set()
    for m in annotated.mentions:
        label = predicted_label(m, annotated.doc)
        if label is not None:
            out.add(Span(start=m.start, end=m.end, label=label, text=m.text))
    return tuple(sorted(out, key=lambda s: (s.start, s.end, s.label)))


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True, kw_only=True, slots=True)
class ClassScore:
    label: str
    gold: int  # gold entities of this class
    predicted: int  # predicted spans of this class
    found: int  # gold entities overlapped by a prediction of this class
    correct: int  # predictions overlapping a gold entity of this class
    missed: tuple[tuple[str, int], ...] = ()  # most frequent texts of gold entities not found
    wrong: tuple[tuple[str, int], ...] = ()  # most frequent texts of predictions matching no gold entity

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_class(label: str, pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> ClassScore:
    """Overlap scores for one class over (gold, predicted) span lists, one pair per document."""
    gold_n = pred_n = found = correct = 0
    missed: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for gold_all, pred_all in pairs:
        gold = [s for s in gold_all if s.label == label]
        pred = [s for s in pred_all if s.label == label]
        gold_n += len(gold)
        pred_n += len(pred)
        for g in gold:
            if any(g.overlaps(p) for p in pred):
                found += 1
            else:
                missed[g.text.lower()] += 1
        for p in pred:
            if any(p.overlaps(g) for g in gold):
                correct += 1
            else:
                wrong[p.text.lower()] += 1
    return ClassScore(
        label=label,
        gold=gold_n,
        predicted=pred_n,
        found=found,
        correct=correct,
        missed=tuple(missed.most_common(TOP_ERRORS)),
        wrong=tuple(wrong.most_common(TOP_ERRORS)),
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Re3dReport:
    source: str
    documents: int
    subsets: tuple[str, ...]
    scores: tuple[ClassScore, ...]

    def score(self, label: str) -> ClassScore:
        return next(s for s in self.scores if s.label == label)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "documents": self.documents, "subsets": list(self.subsets)}
        for s in self.scores:
            key = s.label.lower()
            out[f"{key}_precision"] = s.precision
            out[f"{key}_recall"] = s.recall
            out[f"{key}_f1"] = s.f1
        out["per_class"] = {
            s.label: {
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
                "gold": s.gold,
                "predicted": s.predicted,
                "found": s.found,
                "correct": s.correct,
                "missed": [list(x) for x in s.missed],
                "wrong": [list(x) for x in s.wrong],
            }
            for s in self.scores
        }
        return out

    def table(self) -> str:
        lines = [
            f"re3d evaluation: {self.source} ({self.documents} documents, {len(self.subsets)} subsets)",
            "",
            f"{'class':18} {'prec':>6} {'recall':>6} {'f1':>6} {'gold':>6} {'pred':>6} {'found':>6} {'right':>6}",
        ]
        for s in self.scores:
            lines.append(
                f"{s.label:18} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                f"{s.gold:6d} {s.predicted:6d} {s.found:6d} {s.correct:6d}"
            )
        for s in self.scores:
            if s.missed:
                lines += ["", f"{s.label}: most frequent misses: " + ", ".join(f"{t!r} x{n}" for t, n in s.missed)]
            if s.wrong:
                lines += [f"{s.label}: most frequent false positives: " + ", ".join(f"{t!r} x{n}" for t, n in s.wrong)]
        return "\n".join(lines)


def evaluate_re3d(
    path: Path, pipeline: Pipeline, *, limit: int | None = None, progress: Callable[[int, int], None] | None = None
) -> Re3dReport:
    documents = read_corpus(path)
    if limit is not None:
        documents = documents[:limit]
    texts = [d.text for d in documents]
    pairs: list[tuple[tuple[Span, ...], tuple[Span, ...]]] = []
    parses = pipeline.resources.nlp.pipe(texts, batch_size=8)
    for i, (doc, parsed) in enumerate(zip(documents, parses), start=1):
        document = make_document(doc.text, title=doc.title, source=f"{doc.subset}/{doc.id}")
        pairs.append((doc.gold, predicted_spans(pipeline.annotate(document, parsed))))
        if progress is not None:
            progress(i, len(documents))
    return Re3dReport(
        source=path.name,
        documents=len(documents),
        subsets=tuple(sorted({d.subset for d in documents})),
        scores=tuple(score_class(label, pairs) for label in CLASSES),
    )
