"""Actor mentions: countries, "Azerbaijani forces", "the government of X", named groups, IGOs, raw ORGs.

Dictionary phrases (``resolve/actors.py``) are matched first (leftmost-longest); neighbouring hits
are then combined: demonym or country + role ("Turkish regime", "Armenia's Ministry of Defence"),
role + "of" + country ("the dictatorial regime of Azerbaijan"). A role without a country ("the
army", "protesters") takes the country evoked by its sentence, else by the document, and says so in
``reason``. A bare country name is an actor only when it is not used as a place ("in Armenia"); it
resolves to the state (sector GOV). Subjects of protest and riot verbs become protesters and
rioters. spaCy ORG entities the dictionary does not know are kept raw (``raw=True``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..actor_kinds import is_crowd
from ..errors import ResourceError
from ..model import Actor, Evidence, Mention
from ..registry import stage
from ..resolve.actors import ActorDictionary, Entry, Role, fold
from ..resolve.lexicon import PhraseMatcher
from ..span_index import DisjointSpans, GrowingSpans, SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..annotated import Annotated

NAME = "actors.lexicon.v1"

# A country after one of these prepositions names a place, not an actor ("shelling in Armenia").
LOCATIVE = frozenset(
    "in at near to into from across within throughout inside towards toward along on via outside "
    "around over through between beyond of against".split()
)
# ... except when the noun before "of"/"by" is an actor's action or body ("the aggression of Azerbaijan").
ACTOR_HEADS = frozenset(
    "aggression attack attacks offensive shelling army forces president leadership side actions "
    "provocation provocations troops military invasion occupation bombardment".split()
)
PROTEST_VERBS = {
    "protest": "protesters",
    "demonstrate": "protesters",
    "rally": "protesters",
    "march": "protesters",
    "picket": "protesters",
    "riot": "rioters",
}
PROTEST_NOUNS = {
    "protest": "protesters",
    "demonstration": "protesters",
    "rally": "protesters",
    "sit-in": "protesters",
    "march": "protesters",
    "riot": "rioters",
    "rioting": "rioters",
    "mob": "rioters",
}
QUOTES = "\"“”‘’'«»"
NOT_ACTORS = frozenset({"covid-19", "covid", "coronavirus", "sars-cov-2", "twitter", "facebook"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ARMED_ROLE_SECTORS = frozenset({"REB", "UAF", "PRM", "CRM"})
# A name followed by one of these is a place ("Gajiram town"), not an organisation.
PLACE_WORDS = frozenset(
    "town village city district province county area region neighbourhood neighborhood camp "
    "municipality locality suburb commune department governorate state".split()
)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # token indices
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # token indices of the evidence
    end: int
    actor: Actor
    score: float


@lru_cache(maxsize=4)
def _matcher(dictionary: ActorDictionary) -> PhraseMatcher[Entry]:
    return PhraseMatcher(dictionary.entries())


def _accept(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    if entry.case and doc[start:end].text.replace(" ", "") != entry.form.replace(" ", ""):
        return False
    if end - start == 1:
        tok = doc[start]
        if entry.kind == "role" and tok.pos_ not in {"NOUN", "PROPN"}:
            return False
        if (
            entry.kind == "country"
            and tok.ent_type_ == "PERSON"
            and tok.ent_iob_ == "B"
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].ent_type_ == "PERSON"
        ):
            return False  # a person's first name ("Jordan Peterson")
    return True


@stage(NAME, requires=(), assigns=("actor",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Actor mentions resolved against the actor dictionary; unknown organisations kept raw."""
    return tuple(find_actors(annotated.doc, annotated.resources.actors, _place_countries(annotated)))


def _place_countries(annotated: Annotated) -> list[tuple[int, str]]:
    """(character offset, ISO3) of every place the places stage resolved, for the country of a bare role.

    Without a places stage in the pipeline, spaCy's place entities are looked up in the gazetteer.
    """
    resolved = annotated.of("place")
    if resolved:
        return [(m.start, m.value.country) for m in resolved if m.value.country]
    try:
        gazetteer = annotated.resources.gazetteer
    except ResourceError:
        return []
    out: list[tuple[int, str]] = []
    for ent in annotated.doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        found = [e for e in gazetteer.lookup(ent.text.strip(QUOTES)) if e.country3]
        if found:
            country3 = max(found, key=lambda e: (e.kind == "COUNTRY", e.population)).country3
            if country3:  # always: only entries with a country were kept
                out.append((ent.start_char, country3))
    return out


def find_actors(doc: Doc, dictionary: ActorDictionary, places: list[tuple[int, str]] | None = None) -> list[Mention]:
    """Actor mentions in ``doc``, in text order, without overlaps."""
    hits = [Hit(h.start, h.end, h.payload) for h in _matcher(dictionary).find(doc, accept=_accept)]
    quoted = [q for q in (_quoted_name(doc, ent) for ent in doc.ents if ent.label_ == "ORG") if q is not None]
    # A quoted organisation name is one actor, whatever dictionary words it contains.
    hits = [
        h
        for h in hits
        if not any(q.start <= h.start and h.end <= q.end and (h.start, h.end) != (q.start, q.end) for q in quoted)
    ]
    countries = _CountryContext(doc, dictionary, hits, places or [])
    found: list[Found] = []
    i = 0
    while i < len(hits):
        made, used = _combine(doc, dictionary, hits, i, countries)
        if made is not None:
            found.append(made)
        i += used
    found = _distribute_roles(doc, dictionary, found)
    found = _occupiers(doc, dictionary, found)
    found = _protesters(doc, dictionary, found, countries)
    found += _raw_orgs(doc, dictionary, found, hits)
    found.sort(key=lambda f: f.start)
    return [_mention(doc, f) for f in found]


class _CountryContext:
    """Which country a role without one belongs to: the sentence's, else the document's."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary, hits: list[Hit], places: list[tuple[int, str]]) -> None:
        self.doc = doc
        self.by_sentence: dict[int, Counter[str]] = {}
        self.total: Counter[str] = Counter()
        for h in hits:
            if h.entry.kind in {"country", "demonym"}:
                self._add(doc[h.start].idx, h.entry.key, 2 if h.entry.kind == "country" else 1)
            elif h.entry.kind == "group":
                g = dictionary.groups[h.entry.key]
                if g.country and len(g.country) == 3 and g.country not in {"IGO", "NGO", "IMG"}:
                    self._add(doc[h.start].idx, g.country, 1)
        for offset, iso3 in places:
            self._add(offset, iso3, 2)

    def _add(self, offset: int, iso3: str, weight: int) -> None:
        sent = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        key = sent.sent.start if sent is not None else 0
        self.by_sentence.setdefault(key, Counter())[iso3] += weight
        self.total[iso3] += weight

    def at(self, token: Token) -> tuple[str | None, str]:
        here = self.by_sentence.get(token.sent.start)
        if here:
            return here.most_common(1)[0][0], "country from the places and names of the sentence"
        if self.total:
            return self.total.most_common(1)[0][0], "country from the places and names of the document"
        return None, "no country named in the text"


def _combine(doc: Doc, d: ActorDictionary, hits: list[Hit], i: int, ctx: _CountryContext) -> tuple[Found | None, int]:
    """The actor starting at hit ``i`` and how many hits it used."""
    h = hits[i]
    nxt = hits[i + 1] if i + 1 < len(hits) else None
    kind = h.entry.kind
    if (
        kind in {"country", "demonym", "group"}
        and nxt is not None
        and nxt.entry.kind == "role"
        and _modifier_gap(doc, h.end, nxt.start)
    ):
        return _owner_and_role(doc, d, hits, i, ctx)
    if kind == "role":
        return _role_first(doc, d, hits, i, ctx)
    if kind == "country":
        if not _used_as_actor(doc, h):
            return None, 1
        return Found(h.start, h.end, d.actor(h.entry.key, None, evidence=_evidence(doc, h.start, h.end, None)), 0.7), 1
    if kind == "group":
        return _group_alone(doc, d, h, ctx), 1
    return None, 1  # a demonym alone is an adjective, not an actor


def _owner_and_role(
    doc: Doc, d: ActorDictionary, hits: list[Hit], i: int, ctx: _CountryContext
) -> tuple[Found | None, int]:
    """A country, demonym or group followed by a role: "Azerbaijani forces", "Hamas gunmen"."""
    h = hits[i]
    kind = h.entry.kind
    used, role, loaded = _role_run(doc, d, hits, i + 1)
    end = hits[i + used].end
    start = _loaded_start(doc, d, h.start)
    loaded = loaded or start < h.start
    ev = _evidence(doc, start, end, None)
    if kind == "group":
        group = d.groups[h.entry.key]
        hint = ctx.at(doc[h.start])[0] if group.country is None else None
        actor = d.group_actor(group, evidence=ev, role=role, loaded=loaded, country_hint=hint)
    else:
        actor = d.actor(h.entry.key, role, evidence=ev, loaded=loaded)
    return Found(start, end, actor, 0.9), used + 1


def _role_first(
    doc: Doc, d: ActorDictionary, hits: list[Hit], i: int, ctx: _CountryContext
) -> tuple[Found | None, int]:
    """A role, with its owner after "of" ("the forces of Azerbaijan") or the country of the context."""
    h = hits[i]
    used, role, loaded = _role_run(doc, d, hits, i)
    last = hits[i + used - 1]
    start = _loaded_start(doc, d, h.start)
    loaded = loaded or start < h.start
    after = i + used
    owner = hits[after] if after < len(hits) else None
    if (
        owner is not None
        and owner.entry.kind in {"country", "demonym", "group"}
        and _of_gap(doc, last.end, owner.start, role)
    ):
        ev = _evidence(doc, start, owner.end, None)
        actor = _owned_role(doc, d, h, owner, role, ev, loaded, ctx)
        return Found(start, owner.end, actor, 0.9), used + 1
    if loaded and role.sector in {"GOV", "MIL"} and _foreign_word(doc[start : last.end].text):
        country, reason = None, OCCUPIER_REASON
    else:
        country, reason = ctx.at(doc[h.start])
    ev = _evidence(doc, start, last.end, reason)
    return Found(start, last.end, d.actor(country, role, evidence=ev, loaded=loaded), 0.6), used


def _owned_role(
    doc: Doc,
    d: ActorDictionary,
    h: Hit,
    owner: Hit,
    role: Role,
    ev: Evidence,
    loaded: bool,
    ctx: _CountryContext,
) -> Actor:
    """The actor of a role owned by a country or group ("the forces of Azerbaijan", "members of Hamas")."""
    group = d.groups[owner.entry.key] if owner.entry.kind == "group" else None
    if group is not None and role.sector not in {"MIL", "COP", "GOV"} | ARMED_ROLE_SECTORS:
        country = group.country if group.country not in {"IGO", "NGO", "IMG"} else None
        return replace(d.actor(country, role, evidence=ev, loaded=loaded), de_facto=group.de_facto)
    if group is not None:
        hint = ctx.at(doc[h.start])[0] if group.country is None else None
        return d.group_actor(group, evidence=ev, role=role, loaded=loaded, country_hint=hint)
    return d.actor(owner.entry.key, role, evidence=ev, loaded=loaded)


def _group_alone(doc: Doc, d: ActorDictionary, h: Hit, ctx: _CountryContext) -> Found | None:
    group = d.groups[h.entry.key]
    if group.de_facto and h.end - h.start == 1 and not _used_as_actor(doc, h):
        return None  # "villages in Artsakh": the territory, not its forces
    hint: str | None = None
    reason: str | None = None
    if group.country is None:
        hint, reason = ctx.at(doc[h.start])
    start = _loaded_start(doc, d, h.start)
    ev = _evidence(doc, start, h.end, reason)
    return Found(start, h.end, d.group_actor(group, evidence=ev, country_hint=hint, loaded=start < h.start), 0.9)


def _distribute_roles(doc: Doc, d: ActorDictionary, found: list[Found]) -> list[Found]:
    """ "Military forces of India and Pakistan": the role applies to every country of the list."""
    out = list(found)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        between = [t.lower_ for t in doc[prev.end : cur.start]]
        bare_country = (
            cur.actor.sector == "GOV" and cur.actor.country and doc[cur.start : cur.end].text == cur.actor.name
        )
        if between not in (["and"], [","], [",", "and"]) or not bare_country:
            continue
        role = d.role_of(prev.actor)
        if role is None or role.sector == "GOV" or "{X}" not in role.acled:
            continue
        ev = _evidence(doc, cur.start, cur.end, "the role named before the list applies to it")
        out[k] = replace(cur, actor=d.actor(cur.actor.country, role, evidence=ev, loaded=prev.actor.loaded))
    return out


OCCUPIER_REASON = "an occupier or invader without a named state: not the country of the place"


def _occupiers(doc: Doc, d: ActorDictionary, found: list[Found]) -> list[Found]:
    """ "The occupation forces", after "Israeli occupation forces": an occupier the sentence leaves unnamed
    is the one state the report names as an occupier or invader."""
    states = {
        f.actor.country
        for f in found
        if f.actor.country and f.actor.loaded and f.actor.sector == "MIL" and _foreign_word(doc[f.start : f.end].text)
    }
    if len(states) != 1:
        return found
    (state,) = states
    out = list(found)
    for k, f in enumerate(out):
        if f.actor.country is None and f.actor.evidence.reason == OCCUPIER_REASON:
            role = d.role_of(f.actor)
            if role is None:
                continue
            ev = replace(f.actor.evidence, reason="an unnamed occupier: the one state the report names as occupier")
            out[k] = replace(f, actor=d.actor(state, role, evidence=ev, loaded=True))
    return out


def _foreign_word(text: str) -> bool:
    """ "Occupiers", "invaders", "the aggressor" name a foreign force; "the regime" governs where it acts."""
    low = text.lower()
    return any(stem in low for stem in ("occup", "invad", "invasion", "aggressor", "punitive"))


def _role_run(doc: Doc, d: ActorDictionary, hits: list[Hit], i: int) -> tuple[int, Role, bool]:
    """Adjacent role hits read as one ("regime forces"): the last is the head, any loaded one marks it."""
    j = i
    loaded = d.roles[hits[i].entry.key].loaded
    while j + 1 < len(hits) and hits[j + 1].entry.kind == "role" and hits[j + 1].start == hits[j].end:
        j += 1
        loaded = loaded or d.roles[hits[j].entry.key].loaded
    return j - i + 1, d.roles[hits[j].entry.key], loaded


def _modifier_gap(doc: Doc, end: int, start: int) -> bool:
    """Only "'s", adjectives or compounds (at most two tokens) between a country and its role."""
    gap = doc[end:start]
    return len(gap) <= 2 and all(
        t.lower_ in {"'s", "’s", "'"}
        or t.pos_ in {"ADJ", "PROPN", "NOUN", "VERB"}
        and t.dep_ in {"amod", "compound", "case"}
        for t in gap
    )


def _of_gap(doc: Doc, end: int, start: int, role: Role) -> bool:
    """ "forces of X"; "in X" only for people who belong where they are ("civilians in Syria", not "troops in Syria")."""
    words = [t.lower_ for t in doc[end:start]]
    if words in (["of"], ["of", "the"]):
        return True
    if not words and role.sector in ARMED_ROLE_SECTORS:
        return True  # "the Sufi militia Ahlu Sunna Wal Jama'a": the role names the group that follows
    return role.inter >= 5 and words in (["in"], ["in", "the"])


def _loaded_start(doc: Doc, d: ActorDictionary, start: int) -> int:
    """Move the start left over loaded adjectives ("dictatorial regime")."""
    while start > 0 and fold(doc[start - 1].text) in d.loaded_adjectives:
        start -= 1
    return start


def _used_as_actor(doc: Doc, h: Hit) -> bool:
    """False when a name is a place: the object of a locative preposition, or a modifier of a place noun."""
    tok = doc[h.start : h.end].root
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ not in LOCATIVE:
            return True
        return prep.lower_ in {"of", "by", "against"} and prep.head.lemma_.lower() in ACTOR_HEADS | {"attack", "force"}
    return tok.dep_ not in {"compound", "nmod", "npadvmod"}


def _protesters(doc: Doc, d: ActorDictionary, found: list[Found], ctx: _CountryContext) -> list[Found]:
    """Subjects of protest or riot verbs become protesters or rioters; protest words without one imply them."""
    out = list(found)
    # the spans of ``out`` (a replaced entry keeps its span): those found before, and those added here
    before = SpanIndex(range(len(found)), lambda k: (found[k].start, found[k].end))
    added = GrowingSpans()
    by_sentence_has: set[int] = {doc[f.start].sent.start for f in out if is_crowd(f.actor)}
    for tok in doc:
        lemma = tok.lemma_.lower()
        role_key = (
            PROTEST_VERBS.get(lemma) if tok.pos_ == "VERB" else PROTEST_NOUNS.get(lemma) if tok.pos_ == "NOUN" else None
        )
        if role_key is None:
            continue
        role = d.roles[role_key]
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if tok.pos_ == "VERB" else None
        if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
            first = min(t.i for t in subj.subtree if t.dep_ in {"amod", "compound", "nummod"} or t is subj)
            covering = before.covering(subj.i) + added.covering(subj.i)
            for k in covering:
                f = out[k]
                if f.actor.sector in {"CVL", "SOC", "OPP", "EDU", "LAB", "UNK", "JRN"}:
                    country = f.actor.country or ctx.at(subj)[0]
                    ev = _evidence(doc, f.start, f.end, f"subject of the verb {tok.text!r}")
                    out[k] = Found(f.start, f.end, d.actor(country, role, evidence=ev), 0.8)
                    break
            else:
                if not covering:
                    country, reason = ctx.at(subj)
                    ev = _evidence(doc, first, subj.i + 1, f"subject of the verb {tok.text!r}; {reason}")
                    added.add(first, subj.i + 1, len(out))
                    out.append(Found(first, subj.i + 1, d.actor(country, role, evidence=ev), 0.7))
            by_sentence_has.add(tok.sent.start)
            continue
        if tok.sent.start in by_sentence_has or before.any_covering(tok.i) or added.covering(tok.i):
            continue
        country, reason = ctx.at(tok)
        ev = _evidence(doc, tok.i, tok.i + 1, f"implied by the word {tok.text!r}; {reason}")
        added.add(tok.i, tok.i + 1, len(out))
        out.append(Found(tok.i, tok.i + 1, d.actor(country, role, evidence=ev), 0.4))
        by_sentence_has.add(tok.sent.start)
    return out


def _raw_orgs(doc: Doc, d: ActorDictionary, found: list[Found], hits: list[Hit]) -> list[Found]:
    """ORG entities the dictionary does not know, kept as written ("raw")."""
    blocked = SpanIndex([(f.start, f.end) for f in found] + [(h.start, h.end) for h in hits], lambda b: b)
    kept = DisjointSpans()  # the spans kept here
    out: list[Found] = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        span = _quoted_name(doc, ent) or _trim(ent)
        if span is None or blocked.any_overlapping(span.start, span.end):
            continue
        if kept.overlaps(span.start, span.end):
            continue
        text = span.text
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE - {"of", "by", "against"}:
            continue  # "in the area of X", "near X": a place spaCy took for an organisation
        if span.end < len(doc) and doc[span.end].lower_ in PLACE_WORDS:
            continue  # "Gajiram town", "Zarghun district": a place the gazetteer does not know
        if _in_place_list(doc, span):
            continue  # "(Poonch district, J&K)": the admin areas of a place
        if fold(text) in NOT_ACTORS or any(t.like_num for t in span) or d.role(text) or d.country_named(text):
            continue
        group = d.group_named(text)
        ev = _evidence(doc, span.start, span.end, None if group else "not in actor dictionary")
        actor = d.group_actor(group, evidence=ev) if group else d.raw_actor(text, evidence=ev)
        out.append(Found(span.start, span.end, actor, 0.8 if group else 0.5))
        kept.add(span.start, span.end)
    return out


def _in_place_list(doc: Doc, span: Span) -> bool:
    """Inside parentheses that list a place's district and province, after a comma or the opening bracket."""
    opened = None
    for t in doc[span.sent.start : span.start]:
        if t.text == "(":
            opened = t.i
        elif t.text == ")":
            opened = None
    if opened is None:
        return False
    inside = doc[opened + 1 : span.end]
    closes = next((t.i for t in doc[span.end : span.sent.end] if t.text == ")"), None)
    return (
        closes is not None
        and (span.start == opened + 1 or doc[span.start - 1].text == ",")
        and (any(t.text == "," for t in inside) or doc[span.end].text == ",")
    )


def _quoted_name(doc: Doc, ent: Span) -> Span | None:
    """The whole name when an entity starts inside quotation marks (“Constructive Dialogue Network of ...”)."""
    i = ent.start
    if doc[i].lower_ == "the" and i + 1 < ent.end:
        i += 1
    if doc[i].text in QUOTES:
        i += 1
    elif not (i > 0 and doc[i - 1].text in QUOTES):
        return None
    j = i
    while j < len(doc) and j - i < 14 and doc[j].text not in QUOTES and not doc[j].is_sent_end:
        j += 1
    if j < len(doc) and doc[j].text in QUOTES and j > i:
        return _trim(doc[i:j])
    return None


def _trim(span: Span) -> Span | None:
    doc = span.doc
    s, e = span.start, span.end
    while s < e and (doc[s].text in QUOTES or doc[s].lower_ == "the" or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].text in QUOTES or doc[e - 1].is_punct):
        e -= 1
    return doc[s:e] if e > s else None


def _evidence(doc: Doc, start: int, end: int, reason: str | None) -> Evidence:
    span = doc[start:end]
    return Evidence(start=span.start_char, end=span.end_char, text=span.text, stage=NAME, reason=reason)


def _mention(doc: Doc, f: Found) -> Mention:
    ev = f.actor.evidence
    actor = f.actor if ev.confidence == f.score else _with_confidence(f.actor, f.score)
    return Mention(
        kind="actor", start=ev.start, end=ev.end, text=ev.text, value=actor, stage=NAME, score=f.score, reason=ev.reason
    )


def _with_confidence(actor: Actor, score: float) -> Actor:
    return replace(actor, evidence=replace(actor.evidence, confidence=score))
