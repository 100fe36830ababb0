"""Choosing an event's place: the sentence's own places, with the names that only qualify or locate others
left out, and the place named just before when the sentence has none."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..distance import haversine_km
from ..model import Mention, PlacePrecision
from ..resolve.place_names import fold
from .context import Context

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..resolve.gazetteer import Gazetteer

PLACE_RANK = {PlacePrecision.TOWN: 0, PlacePrecision.NEAR_TOWN: 1, PlacePrecision.REGION: 2, PlacePrecision.COUNTRY: 3}
# Nouns a place name may qualify and still be the place ("the Syria border", "Yemen territory").
PLACE_NOUNS = frozenset(
    "border frontier territory side soil city town province region state capital coast "
    "countryside airspace waters".split()
)
# Words after a name that make it a quarter of a town ("Kypseli neighbourhood", "Nima community").
SUBPLACE_AFTER = re.compile(
    r"^\s+(?:neighbou?rhoods?|quarters?|sectors?|communit(?:y|ies)|districts?|areas?|suburbs?|colonia|"
    r"township|market|camp)\b"
)
# "Iran-aligned", "Kabul-based", "US-led": a place name joined by a hyphen to a lower-case word.
HYPHEN_MODIFIER = re.compile(r"-[a-z]")
# How many sentences before an event's own are searched for the place named just before it.
PLACE_LOOKBACK_SENTENCES = 2
# A quarter's reading farther than this from the town told with it is a namesake elsewhere.
QUARTER_NAMESAKE_KM = 50.0
# How much text after a name is searched for a quarter word ("neighbourhood", "community").
SUBPLACE_WORD_CHARS = 25
# A quarter belongs to the town named next when that town starts within this many characters.
QUARTER_TO_TOWN_CHARS = 60
# How much text before a name is searched for a bearing ("west of").
BEARING_WINDOW_CHARS = 30
# A bearing locates the place named before it when that place ends within this many characters.
BEARING_TO_PLACE_CHARS = 40
TOWN_PRECISIONS = (PlacePrecision.TOWN, PlacePrecision.NEAR_TOWN)
# Nouns a capital can qualify as their owner ("Kiev forces", "Baghdad government").
GOVERNMENT_NOUNS = frozenset("force forces troop troops army military government regime authorities officials".split())
# Words before a name that make it where something is, not who acts.
PLACE_PREPOSITIONS = frozenset("in of at near to from towards toward outside inside into across around".split())
# Parts of a city: "Beirut's suburbs" is in Beirut.
PLACE_NOUNS = frozenset(
    "square street streets suburb suburbs outskirts centre center district districts neighbourhood neighborhood "
    "quarter quarters airport port harbour harbor area areas province region city town streets road roads "
    "downtown university hospital prison market".split()
)


def pick_places(ctx: Context, sent: Span, trigger: Mention) -> list[Mention]:
    """Places for a sentence's event: every town-level place (fan-out), else the most specific one."""
    cands = [
        m
        for m in ctx.in_sentence(ctx.places, sent)
        if not ctx.is_dateline(m)
        and not ctx.overlaps_actor(m)
        and not demonym(m)
        and not _modifier(ctx, m)
        and not capital_for_government(ctx, m)
    ]
    if not cands:
        return []
    cands = [m for m in cands if not _admin_of_another(m, cands)] or cands
    cands = [m for m in cands if not _route_end(ctx, m, cands)]
    cands = [m for m in cands if not _bearing_from(ctx, m, cands)] or cands
    cands = [m for m in cands if not _part_of_next(ctx, m, cands)] or cands
    towns = [m for m in cands if m.value.precision in TOWN_PRECISIONS]
    towns = [m for m in towns if not _quarter_far_away(ctx, m, towns)] or towns
    if towns:
        unique: dict[str, Mention] = {}
        for m in towns:
            unique.setdefault(str(m.value.geonameid or m.value.name), m)
        return list(unique.values())
    best = min(cands, key=lambda m: (PLACE_RANK[m.value.precision], abs(m.start - trigger.start)))
    return [best]


def capital_for_government(ctx: Context, m: Mention) -> bool:
    """ "Paris has stepped up its drone strikes", "Moscow's troops": a capital doing or owning something
    stands for its government, and says nothing of where the event happened. (A capital that is hit,
    "Kabul was shelled", is a place.)"""
    if m.value.precision not in TOWN_PRECISIONS or fold(m.value.name) not in _capital_names(ctx):
        return False
    tok = ctx.token_at(m.start, m.end)
    doc = tok.doc
    before = doc[tok.left_edge.i - 1].lower_ if tok.left_edge.i > 0 else ""
    if before in PLACE_PREPOSITIONS:
        return False  # "in Desnianskyi district of Kyiv complaining ...": a place, whatever the parse says
    if tok.dep_ == "nsubj":
        return tok.head.pos_ in {"VERB", "AUX"} and tok.i < tok.head.i
    if tok.dep_ in {"compound", "nmod"} and tok.i < tok.head.i:
        # "Kiev forces", "Moscow government troops": the capital names whose forces they are
        return any(t.lemma_.lower() in GOVERNMENT_NOUNS for t in tok.doc[tok.i + 1 : tok.head.i + 1])
    # "Moscow's troops", "Paris's decision"; not "Baghdad's Tahrir Square", "Beirut's southern suburbs"
    return tok.dep_ == "poss" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in PLACE_NOUNS


def _capital_names(ctx: Context) -> frozenset[str]:
    return _folded_capitals(ctx.a.resources.gazetteer)


@lru_cache(maxsize=4)
def _folded_capitals(gazetteer: Gazetteer) -> frozenset[str]:
    """The national capitals' folded names, made once per gazetteer (not per place mention)."""
    return frozenset(fold(n) for n in gazetteer.capitals.values())


def place_told_before(ctx: Context, sent: Span, sentences: int = PLACE_LOOKBACK_SENTENCES) -> Mention | None:
    """The last town or region named in the sentences just before ``sent``: "Soldiers chased gunmen in
    Timbuktu. ... the gunmen opened fire" happened there. Countries and demonyms say too little."""
    lo = ctx.a.sentence_start(max(0, ctx.a.sentence_index(sent.start_char) - sentences))
    told = [
        m
        for m in ctx.index(ctx.places).starting_in(lo, sent.start_char)
        if not ctx.is_dateline(m)
        and not ctx.overlaps_actor(m)
        and not demonym(m)
        and m.value.precision is not PlacePrecision.COUNTRY
    ]
    towns = [m for m in told if m.value.precision in TOWN_PRECISIONS]
    towns = [m for m in towns if not _quarter_far_away(ctx, m, towns)]
    return (towns or told)[-1] if told else None


def _quarter_far_away(ctx: Context, m: Mention, towns: list[Mention], km: float = QUARTER_NAMESAKE_KM) -> bool:
    """ "In Timoteo, ... in Nova Primavera neighbourhood": a quarter of the town named with it; a reading of
    its name far from that town is a namesake elsewhere."""
    if not SUBPLACE_AFTER.match(ctx.text[m.end : m.end + SUBPLACE_WORD_CHARS].lower()) or m.value.lat is None:
        return False
    return any(
        n is not m
        and n.value.lat is not None
        and n.value.lon is not None
        and m.value.lon is not None
        and haversine_km(n.value.lat, n.value.lon, m.value.lat, m.value.lon) > km
        for n in towns
    )


def _part_of_next(ctx: Context, m: Mention, cands: list[Mention]) -> bool:
    """ "The Nima community of Accra", "Don Samuel neighbourhood in Barinas": a quarter of the town named next."""
    after = ctx.text[m.end : m.end + SUBPLACE_WORD_CHARS].lower()
    if not SUBPLACE_AFTER.match(after):
        return False
    return any(
        n.start > m.end and n.start - m.end <= QUARTER_TO_TOWN_CHARS and n.value.precision in TOWN_PRECISIONS
        for n in cands
    )


_BEARING = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?(?: part)? of (?:the )?$",
    re.IGNORECASE,
)


def _bearing_from(ctx: Context, m: Mention, cands: list[Mention]) -> bool:
    """ "Majzar district west of Marib city": the town after the bearing only locates the place named before it."""
    window_start = max(0, m.start - BEARING_WINDOW_CHARS)
    cue = _BEARING.search(ctx.text[window_start : m.start])
    if cue is None:
        return False
    cue_start = window_start + cue.start()
    return any(n is not m and n.end <= cue_start and cue_start - n.end <= BEARING_TO_PLACE_CHARS for n in cands)


def _route_end(ctx: Context, m: Mention, cands: list[Mention]) -> bool:
    """ "The Kaduna-Abuja highway": the second town names where the road goes, not a second event place."""
    return any(n.end <= m.start and ctx.text[n.end : m.start] in {"-", "\u2013", "\u2014", "/"} for n in cands)


def _admin_of_another(m: Mention, cands: list[Mention]) -> bool:
    """ "Kafr Nabl in Idlib": a name that is the province or district of another place in the sentence locates it."""
    said = {m.text.casefold(), m.value.name.casefold()}
    for n in cands:
        if n is m or n.value.name == m.value.name or n.value.precision not in TOWN_PRECISIONS:
            continue
        admins = {a.casefold() for a in (n.value.admin1, n.value.admin2) if a}
        if said & admins or any(a.startswith(x + " ") or x.startswith(a + " ") for a in admins for x in said):
            return True
    return False


def _modifier(ctx: Context, m: Mention) -> bool:
    """ "The US dollar", "Russian drones", "Iran-aligned factions", "Kabul-based": a name qualifying a thing,
    not where the event took place."""
    if HYPHEN_MODIFIER.match(ctx.text, m.end):
        return True
    if m.value.precision != PlacePrecision.COUNTRY:
        return False
    tok = ctx.token_at(m.start, m.end)
    if tok.dep_ not in {"compound", "amod", "nmod"} or tok.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = tok.head
    return head.lemma_.lower() not in PLACE_NOUNS and not ctx.index(ctx.places).any_covering(head.idx)


def demonym(m: Mention) -> bool:
    """ "A Turkish drone": the adjective says whose drone, not where it struck."""
    return (m.value.evidence.reason or "").startswith("demonym")
