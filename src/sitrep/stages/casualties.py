"""Killed and wounded figures read from the dependency parse (rules in docs/casualty-rules.md).

A figure is a number phrase ("over a dozen", "two", "dozens of", "no one") joined to a word of
death or injury ("killed", "dead", "deaths", "lost their lives", "death toll", "wounded",
"injuries") by a syntactic link: the victim of a passive or intransitive verb, the object of an
active one ("killed 3 soldiers", "killing one"), a noun counted by the number ("5 deaths"), a
noun the word modifies ("100 wounded", "people killed"), or, failing those, the words side by side
("1 killed, 7 injured"). "including at least one child" is a subset of the figure it follows;
"2 civilians and 3 soldiers were killed" gives two subsets and their sum as the total.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import CasualtyFigure, Count, Evidence, Mention
from ..registry import stage
from ..resolve.quantities import EXACT, JOINT, UNKNOWN, ZERO, Quantity, parse_quantity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..annotated import Annotated

NAME = "casualties.rules.v1"

KILLED = frozenset(
    {
        "kill",
        "killed",
        "die",
        "dead",
        "death",
        "fatality",
        "slay",
        "slain",
        "massacre",
        "execute",
        "murder",
        "behead",
        "assassinate",
        "perish",
        "slaughter",
        "lynch",
        "body",
        "corpse",
    }
)
WOUNDED = frozenset({"wound", "wounded", "injure", "injured", "injury", "hurt", "maim", "casualty"})
# Verbs whose victim is their object when active ("killed 3 soldiers"); others take it as subject.
TRANSITIVE = frozenset(
    {
        "kill",
        "slay",
        "massacre",
        "execute",
        "murder",
        "behead",
        "assassinate",
        "slaughter",
        "lynch",
        "wound",
        "injure",
        "hurt",
        "maim",
    }
)
INTRANSITIVE = frozenset({"die", "perish"})
# Words that need a person beside them before they count ("bodies were found", "executed 3 men").
NEEDS_NUMBER = frozenset({"body", "corpse", "execute"})

# Words that may stand left of a number inside its phrase ("over a", "at least", "up to").
MODIFIER_WORDS = frozenset(
    {
        "over",
        "more",
        "than",
        "at",
        "least",
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "up",
        "to",
        "a",
        "an",
        "as",
        "many",
        "estimated",
        "upwards",
        "of",
        "in",
        "excess",
        "no",
        "fewer",
        "less",
        "under",
        "between",
        "close",
        "just",
        "another",
        "further",
        "total",
        "minimum",
        "maximum",
        "only",
        "exactly",
        "single",
        "not",
        "the",
        "all",
        "these",
        "those",
        "both",
    }
)
VAGUE_HEADS = frozenset(
    {
        "dozen",
        "dozens",
        "score",
        "scores",
        "tens",
        "hundreds",
        "thousands",
        "several",
        "few",
        "many",
        "number",
        "unknown",
        "unspecified",
        "undisclosed",
        "unconfirmed",
        "undetermined",
        "numerous",
        "multiple",
        "nobody",
        "none",
        "couple",
    }
)
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
UNIT_WORDS = frozenset(
    {
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "km",
        "kilometres",
        "kilometers",
        "mile",
        "miles",
        "metres",
        "meters",
        "mm",
        "percent",
        "%",
        "am",
        "pm",
        "times",
        "calibre",
        "caliber",
        "o'clock",
        "tonnes",
        "kg",
    }
)
MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
DEFINITE = frozenset({"the", "these", "those", "all", "both"})
GROUPS = {
    "children": {
        "child",
        "children",
        "kid",
        "minor",
        "boy",
        "girl",
        "infant",
        "baby",
        "toddler",
        "teenager",
        "schoolchild",
        "student",
        "pupil",
    },
    "civilians": {
        "civilian",
        "resident",
        "villager",
        "farmer",
        "passer",
        "passerby",
        "bystander",
        "worker",
        "shepherd",
        "herder",
        "local",
    },
    "soldiers": {
        "soldier",
        "troop",
        "serviceman",
        "servicemen",
        "army",
        "paratrooper",
        "marine",
        "conscript",
        "officer",
        "commander",
        "personnel",
    },
    "police": {"police", "policeman", "policemen", "policewoman", "gendarme", "cop", "guard"},
    "fighters": {
        "fighter",
        "militant",
        "insurgent",
        "rebel",
        "jihadist",
        "terrorist",
        "gunman",
        "gunmen",
        "militiaman",
        "militiamen",
        "combatant",
        "attacker",
        "assailant",
    },
    "women": {"woman", "women"},
}
GENERIC_PEOPLE = frozenset(
    {"people", "person", "persons", "individual", "other", "others", "victim", "man", "men", "member", "body", "corpse"}
)
COLLECTIVE = frozenset(
    {
        "family",
        "group",
        "crew",
        "unit",
        "patrol",
        "convoy",
        "population",
        "people",
        "number",
        "toll",
        "village",
        "town",
        "house",
        "vehicle",
        "car",
        "building",
        "area",
        "life",
        "lives",
    }
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
SHARED_OUTCOMES = frozenset({"capture", "arrest", "abduct", "kidnap", "detain", "displace"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A number phrase: tokens ``start..end`` (exclusive), its quantity and the noun it counts."""

    start: int
    end: int
    quantity: Quantity
    noun: Token | None
    head: Token

    @property
    def anchor(self) -> Token:
        return self.noun if self.noun is not None else self.head


@dataclass(frozen=True, slots=True)
class Link:
    phrase: Phrase
    trigger: Token
    outcome: str  # killed, wounded, or "both" for a zero "casualties"
    how: str  # which rule joined them
    group: str | None = None


def _outcome(token: Token) -> str | None:
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in KILLED or lower in KILLED:
        return "killed"
    if lemma in WOUNDED or lower in WOUNDED:
        return "wounded"
    if lemma == "life" and token.head.lemma_ in {"lose", "claim", "take", "cost"}:
        return "killed"
    if lemma == "toll":
        return "wounded" if any(c.lemma_ in {"injury", "casualty"} for c in token.children) else "killed"
    return None


# ---------------------------------------------------------------- number phrases


def _counts_people(t: Token) -> bool:
    """A number tagged as a date that plainly counts a noun ("between 10 and 15 people")."""
    if t.ent_type_ != "DATE" or (t.i > 0 and t.nbor(-1).lower_ in MONTHS):
        return False
    head = _root_of(t).head
    if head.pos_ == "NOUN" and head.lower_ not in UNIT_WORDS and head.lemma_ not in UNIT_WORDS:
        return True
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in UNIT_WORDS and nxt.ent_type_ != "DATE"


def _is_count_token(t: Token) -> bool:
    if t.ent_type_ in NOT_COUNTS and t.lower_ not in VAGUE_HEADS and not _counts_people(t):
        return False
    if t.lower_ in VAGUE_HEADS:
        return t.lower_ != "number" or (t.i > 0 and t.nbor(-1).lower_ in {"a", "unknown", "unspecified", "undisclosed"})
    if not (t.like_num or t.pos_ == "NUM"):
        return False
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and (
        nxt.lower_ in UNIT_WORDS or (nxt.text == "-" and t.i + 2 < len(t.doc) and t.nbor(2).lower_ in UNIT_WORDS)
    ):
        return False
    if t.i > 0 and t.nbor(-1).text in {"$", "€", "£", "#", "No.", "no."}:
        return False
    text = t.text.replace(",", "")
    if text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100 and "," not in t.text:
        return False  # a year
    if "." in t.text or ":" in t.text:
        return False  # 12.7, 10:30
    return True


def _phrase_at(sent: Span, t: Token, taken: set[int]) -> Phrase | None:
    doc = sent.doc
    head = t
    end = t.i + 1
    # Glue number words and ranges on the right ("two hundred", "10 to 15", "between 10 and 15").
    while end < sent.end:
        nxt = doc[end]
        if nxt.like_num or nxt.lower_ in {"hundred", "thousand", "dozen"}:
            end += 1
            head = nxt
        elif (
            nxt.lower_ in {"to", "-", "–", "or", "and"}
            and end + 1 < sent.end
            and doc[end + 1].like_num
            and (doc[end + 1].ent_type_ not in NOT_COUNTS or _counts_people(doc[end + 1]))
        ):
            end += 2
            head = doc[end - 1]
        else:
            break
    if end < sent.end and doc[end].lower_ == "number" and head.lower_ in VAGUE_HEADS:
        head = doc[end]
        end += 1
    if end < sent.end and doc[end].lower_ == "of" and head.lower_ in VAGUE_HEADS | {"dozen", "hundred", "thousand"}:
        end += 1
    start = t.i
    while (
        start - 1 >= sent.start
        and t.i - (start - 1) <= 5
        and doc[start - 1].lower_ in MODIFIER_WORDS
        and (start - 1) not in taken
    ):
        start -= 1
    for s in range(start, t.i + 1):
        words = [w.text for w in doc[s:end]]
        quantity = _parse_words(words)
        if quantity is not None:
            noun = _counted_noun(doc, head, end) or (_counted_noun(doc, t, end) if t.i != head.i else None)
            return Phrase(start=s, end=end, quantity=quantity, noun=noun, head=head)
    return None


def _parse_words(words: list[str]) -> Quantity | None:
    if words[-1].lower() in {"to", "and", "or", "-", "a", "an", "the"}:
        return None
    return parse_quantity(" ".join(words), strict=True)


def _counted_noun(doc, head: Token, end: int) -> Token | None:  # type: ignore[no-untyped-def]
    """The noun a number counts: its head for "3 soldiers", the object of "of" for "dozens of soldiers"."""
    if (
        head.dep_ in {"nummod", "quantmod", "amod", "det"}
        and head.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and head.head.i >= end - 1
    ):
        noun = head.head
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
            noun = noun.head  # "14 Al Shabaab militants": the number hangs on a name inside the noun phrase
        return noun
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return pobj
    if (
        end < len(doc)
        and doc[end].pos_ == "NOUN"
        and doc[end].tag_ in {"NNS", "NN"}
        and doc[end].dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}
    ):
        return doc[end]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in GROUP_OF:
        return head.head.head  # "a family of three": the number counts the family's members
    return None


def _phrases(sent: Span) -> list[Phrase]:
    found: list[Phrase] = []
    taken: set[int] = set()
    i = sent.start
    while i < sent.end:
        t = sent.doc[i]
        phrase = None
        if _is_count_token(t) or _zero_head(t):
            phrase = _phrase_at(sent, t, taken)
        if phrase is not None:
            found.append(phrase)
            taken.update(range(phrase.start, phrase.end))
            i = phrase.end
        else:
            i += 1
    return found


def _zero_head(t: Token) -> bool:
    """ "nobody", "none", "no one" as a number phrase."""
    if t.lower_ in {"nobody", "none"}:
        return True
    return t.lower_ == "one" and t.i > 0 and t.nbor(-1).lower_ == "no"


# ---------------------------------------------------------------- victims of a death or injury word


def _victims(tr: Token) -> list[tuple[Token, str]]:
    """Tokens that name the victims of trigger ``tr``, with the rule that joins them."""
    out: list[tuple[Token, str]] = []
    lemma = tr.lemma_.lower()
    children = list(tr.children)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) or tr.tag_ == "VBN"
    if tr.pos_ in {"VERB", "AUX"} or tr.tag_.startswith("VB"):
        for c in children:
            if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and (lemma in INTRANSITIVE or lemma not in TRANSITIVE)):
                out.append((c, "subject"))
            elif c.dep_ in {"dobj", "attr"} and (lemma in TRANSITIVE or not passive):
                out.append((c, "object"))
        if not out and tr.dep_ in {"conj", "xcomp"}:
            for c in tr.head.children:
                if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and lemma in INTRANSITIVE):
                    out.append((c, "shared subject"))
        if tr.dep_ in {"acl", "relcl", "amod"} and tr.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
            out.append((tr.head, "modified noun"))
    else:
        if tr.dep_ in {"amod", "acl", "relcl"}:
            out.append((tr.head, "modified noun"))
        if tr.dep_ in {"oprd", "acomp", "xcomp", "attr", "advcl", "ccomp", "conj"} and tr.lower_ in {
            "dead",
            "injured",
            "wounded",
            "hurt",
        }:
            for c in tr.head.children:
                if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c is not tr:
                    out.append((c, "predicate"))
        out.append((tr, "counted noun"))
        if tr.dep_ == "pobj" and tr.head.lower_ == "to" and tr.lemma_.lower() == "death":
            verb = tr.head.head  # "shot to death", "beaten to death"
            out.extend((c, "to death") for c in verb.children if c.dep_ in {"nsubjpass", "dobj"})
        out.extend((p, "death of") for c in children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
    if lemma == "life":
        verb = tr.head
        if verb.lemma_ == "lose":
            out.extend((c, "lost their lives") for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
        out.extend((p, "the lives of") for c in children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
    return out


def _root_of(token: Token) -> Token:
    """Climb conjunctions ("2 civilians and 3 soldiers": soldiers -> civilians) and appositions."""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    return token


def _group(noun: Token | None) -> str | None:
    if noun is None:
        return None
    lemma, lower = noun.lemma_.lower(), noun.lower_
    for group, words in GROUPS.items():
        if lemma in words or lower in words:
            return group
    return None


# ---------------------------------------------------------------- the stage


@stage(NAME, requires=(), assigns=("casualty",))
def find(annotated: Annotated) -> tuple[Mention, ...]:
    """Killed and wounded figures, with subsets (children, civilians, soldiers) and reported zeros."""
    found: list[Mention] = []
    for sent in annotated.doc.sents:
        found.extend(_sentence(annotated, sent))
    return tuple(found)


def _sentence(annotated: Annotated, sent: Span) -> list[Mention]:
    triggers = [t for t in sent if _outcome(t) is not None]
    if not triggers:
        return []
    phrases = _phrases(sent)
    links = _link(sent, phrases, triggers)
    links += _singles(sent, triggers, links)
    links = _subsets(_conjunct_singles(links))
    links += _zeros(sent, triggers, links)
    links += _unknowns(triggers, links)
    return _emit(annotated, sent, links)


def _unknowns(triggers: list[Token], links: list[Link]) -> list[Link]:
    """ "incurring fatalities", "deaths were reported": a plural death word with no number is an unknown number."""
    used = {lk.trigger.i for lk in links}
    out: list[Link] = []
    for tr in triggers:
        if tr.i in used or tr.tag_ != "NNS" or tr.lemma_.lower() not in {"fatality", "death"}:
            continue
        if any(c.dep_ in {"det", "nummod", "amod", "poss"} for c in tr.children):
            continue
        q = Quantity(1, 1, None, UNKNOWN, reason="deaths reported without a number: at least one")
        out.append(
            Link(
                phrase=Phrase(start=tr.i, end=tr.i + 1, quantity=q, noun=None, head=tr),
                trigger=tr,
                outcome="killed",
                how="unknown number",
            )
        )
    return out


def _joint(link: Link) -> str | None:
    """ "killed and wounded 7", "killed, injured or captured": one figure shared by several outcomes."""
    tr = link.trigger
    partners = [c for c in tr.conjuncts if (_outcome(c) not in {None, link.outcome}) or c.lemma_ in SHARED_OUTCOMES]
    if not partners or any(c.dep_ in {"dobj", "nsubjpass", "nsubj"} for p in partners for c in p.children):
        return None
    words = {c.lower_ for t in (tr, *partners) for c in t.children if c.dep_ == "cc"}
    return "or" if "or" in words else "and"


def _link(sent: Span, phrases: list[Phrase], triggers: list[Token]) -> list[Link]:
    victims: dict[int, list[tuple[Token, str, Token]]] = {}
    for tr in triggers:
        for v, how in _victims(tr):
            victims.setdefault(v.i, []).append((v, how, tr))
    links: list[Link] = []
    for ph in phrases:
        link = _link_one(sent, ph, victims, triggers)
        if link is not None:
            links.append(link)
    return links


def _is_single_person(v: Token) -> bool:
    if any(c.dep_ in {"nummod", "det"} and c.lower_ in {"no", "every", "each", "any"} for c in v.children):
        return False
    if any(c.dep_ == "nummod" for c in v.children):
        return False
    return (
        (v.tag_ == "NN" and v.pos_ == "NOUN" and v.lower_ not in COLLECTIVE)
        or (v.pos_ == "PROPN" and v.ent_type_ == "PERSON")
        or v.lower_ in PERSON_PRONOUNS
    )


def _conjunct_singles(links: list[Link]) -> list[Link]:
    """ "the police chief and 2 policemen", "a farmer and his brother": each singular conjunct is one more."""
    anchors = {lk.phrase.anchor.i for lk in links}
    out = list(links)
    for link in links:
        if link.how == "including" or link.phrase.quantity.rule == ZERO:
            continue
        root = _root_of(link.phrase.anchor)
        for member in (root, *root.conjuncts):
            if member.i in anchors or not _is_single_person(member):
                continue
            anchors.add(member.i)
            one = Quantity(1, 1, 1, EXACT, reason="one victim named without a number")
            ph = Phrase(
                start=member.left_edge.i if member.left_edge.i >= member.i - 4 else member.i,
                end=member.i + 1,
                quantity=one,
                noun=member,
                head=member,
            )
            out.append(Link(phrase=ph, trigger=link.trigger, outcome=link.outcome, how=link.how))
    return out


# Nouns whose size is given with "of" ("a family of three", "a group of five").
GROUP_OF = frozenset({"family", "group", "crew", "team", "convoy"})
# Nouns a count can be stated for ("fatalities coded as 11", "the death toll was put at 40").
STATED_NOUNS = frozenset({"fatality", "fatalities", "death", "deaths", "toll"})
SUBSET_CUES = ("among them", "among whom", "of them", "of whom", "including", "among the dead", "among the victims")


def _after_subset_cue(doc, ph: Phrase) -> bool:  # type: ignore[no-untyped-def]
    """ "..., among them three children": the figure counts part of the victims just named."""
    before = doc[max(0, ph.start - 4) : ph.start].text.lower()
    return any(before.endswith((cue, cue + ",")) for cue in SUBSET_CUES)


def _link_one(sent: Span, ph: Phrase, victims, triggers: list[Token]) -> Link | None:  # type: ignore[no-untyped-def]
    subset = _after_subset_cue(sent.doc, ph)
    for candidate in (ph.anchor, _root_of(ph.anchor), ph.head):
        for _v, how, tr in victims.get(candidate.i, ()):
            if tr.lemma_.lower() in NEEDS_NUMBER and ph.quantity.rule == ZERO:
                continue
            if subset:
                return Link(
                    phrase=ph,
                    trigger=tr,
                    outcome=_outcome(tr) or "killed",
                    how="including",
                    group=_group(ph.noun) or _noun_group(ph.noun),
                )
            return Link(phrase=ph, trigger=tr, outcome=_outcome(tr) or "killed", how=how)
    if subset:
        # "killed nine civilians, among them three children": the nearest outcome word before it.
        before = [tr for tr in triggers if tr.i < ph.start and _outcome(tr) is not None]
        if before:
            tr = before[-1]
            return Link(
                phrase=ph,
                trigger=tr,
                outcome=_outcome(tr) or "killed",
                how="including",
                group=_group(ph.noun) or _noun_group(ph.noun),
            )
    # "including at least one child": a subset of the figure the preposition hangs on.
    anchor = _root_of(ph.anchor)
    if anchor.dep_ == "pobj" and anchor.head.lower_ in {"including", "among", "of"}:
        holder = anchor.head.head
        if _outcome(holder) is not None:
            return Link(
                phrase=ph,
                trigger=holder,
                outcome=_outcome(holder) or "killed",
                how="including",
                group=_group(ph.noun) or _noun_group(ph.noun),
            )
    # "Fatalities coded as 11", "deaths put at 40": a count stated for a casualty noun.
    anchor_tok = ph.anchor
    if anchor_tok.dep_ == "pobj" and anchor_tok.head.lower_ in {"as", "at"}:
        verb = anchor_tok.head.head
        for noun in (verb, *verb.children):
            if noun.lemma_.lower() in STATED_NOUNS and noun.i < ph.start:
                return Link(phrase=ph, trigger=noun, outcome="killed", how="stated count")
    # A death toll: the first number after "toll" inside the clause of its verb.
    for tr in triggers:
        if (
            tr.lemma_.lower() == "toll"
            and tr.i < ph.start <= tr.i + 10
            and (tr.head in ph.head.ancestors or tr in ph.head.ancestors)
        ):
            return Link(phrase=ph, trigger=tr, outcome=_outcome(tr) or "killed", how="death toll")
    # Side by side: "1 killed, 7 injured", "4 people dead", "killing 3".
    for tr in triggers:
        gap = tr.i - ph.end
        between = sent.doc[ph.end : tr.i]
        if (
            0 <= gap <= 2
            and all(w.pos_ in {"NOUN", "ADJ", "AUX"} or w.lower_ in {"were", "are", "was"} for w in between)
            and tr.lemma_.lower() not in NEEDS_NUMBER
            and (tr.pos_ in {"ADJ", "NOUN"} or tr.tag_ == "VBN")
        ):
            return Link(phrase=ph, trigger=tr, outcome=_outcome(tr) or "killed", how="side by side")
        if ph.start - tr.i == 1 and tr.lemma_.lower() in TRANSITIVE and tr.tag_ in {"VBG", "VBD"}:
            return Link(phrase=ph, trigger=tr, outcome=_outcome(tr) or "killed", how="object by position")
    return None


def _noun_group(noun: Token | None) -> str | None:
    if noun is None or noun.lower_ in GENERIC_PEOPLE:
        return None
    return noun.lower_


def _subsets(links: list[Link]) -> list[Link]:
    """Coordinated figures with one trigger become subsets; their sum is added as the total."""
    out: list[Link] = []
    by_root: dict[tuple[int, int], list[Link]] = {}
    for link in links:
        if link.how == "including":
            continue
        by_root.setdefault((_root_of(link.phrase.anchor).i, link.trigger.i), []).append(link)
    coordinated = {id(lk) for group in by_root.values() if len(group) > 1 for lk in group}
    for link in links:
        if id(link) in coordinated:
            out.append(
                Link(
                    phrase=link.phrase,
                    trigger=link.trigger,
                    outcome=link.outcome,
                    how="coordinated",
                    group=_group(link.phrase.noun) or _noun_group(link.phrase.noun) or "other",
                )
            )
        else:
            out.append(link)
    return out


def _zeros(sent: Span, triggers: list[Token], links: list[Link]) -> list[Link]:
    """ "no casualties were reported", "without injuries", "did not cause any deaths", "were not killed"."""
    used = {lk.trigger.i for lk in links}
    out: list[Link] = []
    for tr in triggers:
        if tr.i in used:
            continue
        dets = {c.lower_ for c in tr.children if c.dep_ == "det"}
        negated_head = any(c.dep_ == "neg" for c in tr.head.children)
        zero = (
            "no" in dets
            or tr.head.lower_ == "without"
            or ("any" in dets and negated_head)
            or (tr.head.lower_ == "of" and any(c.lower_ == "no" for c in tr.head.head.children))
            or (
                tr.pos_ == "VERB"
                and any(c.dep_ == "neg" for c in tr.children)
                and not any(c.dep_ == "nsubjpass" and c.lower_ in DEFINITE for c in tr.children)
            )
        )
        if not zero or tr.lemma_.lower() in NEEDS_NUMBER | {"toll", "life"}:
            continue
        if tr.pos_ == "VERB" and not any(c.dep_ in {"nsubjpass", "nsubj", "dobj"} for c in tr.children):
            continue
        first = min(
            [tr.i]
            + [c.i for c in tr.children if c.dep_ in {"det", "neg"}]
            + ([tr.head.i] if tr.head.lower_ == "without" else [])
        )
        ph = Phrase(start=first, end=tr.i + 1, quantity=Quantity(0, 0, 0, ZERO), noun=None, head=tr)
        outcome = "both" if tr.lemma_.lower() == "casualty" else (_outcome(tr) or "killed")
        out.append(Link(phrase=ph, trigger=tr, outcome=outcome, how="reported zero"))
    return out


def _singles(sent: Span, triggers: list[Token], links: list[Link]) -> list[Link]:
    """One named or singular victim with no number: "a man was shot dead", "killing him"."""
    used = {lk.trigger.i for lk in links} | {lk.phrase.anchor.i for lk in links}
    out: list[Link] = []
    for tr in triggers:
        if tr.i in used or tr.lemma_.lower() in {"toll", "casualty", "injury", "fatality"}:
            continue
        for v, how in _victims(tr):
            if v is tr or v.i in used:
                continue
            if not _is_single_person(v):
                continue
            if any(c.dep_ == "neg" for c in tr.children):
                continue
            ph = Phrase(
                start=min(v.i, tr.i),
                end=v.i + 1,
                quantity=Quantity(1, 1, 1, EXACT, reason="one victim named without a number"),
                noun=v,
                head=v,
            )
            out.append(Link(phrase=ph, trigger=tr, outcome=_outcome(tr) or "killed", how=f"single victim ({how})"))
            used.add(v.i)
            used.add(tr.i)
            break
    return out


def _emit(annotated: Annotated, sent: Span, links: list[Link]) -> list[Mention]:
    doc = sent.doc
    mentions: list[Mention] = []
    seen: set[tuple[str, str | None, int, int, int | None]] = set()
    totals: dict[int, list[Link]] = {}
    for link in sorted(links, key=lambda lk: lk.phrase.start):
        q = link.phrase.quantity
        outcomes = ("killed", "wounded") if link.outcome == "both" else (link.outcome,)
        if link.how != "reported zero" and link.trigger.lemma_.lower() == "casualty":
            reason = "'casualties' may include the dead; counted as wounded"
        else:
            reason = q.reason
        joint = _joint(link) if q.rule != ZERO else None
        if joint is not None:
            # ACLED halves a joint "killed and wounded" figure; with "or" nothing is known to be dead.
            share = q.low // 2 if joint == "and" else 0
            q = Quantity(
                0,
                share,
                q.high,
                f"{JOINT}-{joint}:{q.rule}",
                reason=f"one figure for killed {joint} other outcomes: best is {'half the low' if joint == 'and' else 0}",
            )
            reason = q.reason
        for outcome in outcomes:
            key = (outcome, link.group, q.low, q.best, q.high)
            definite = doc[link.phrase.start].lower_ in DEFINITE
            if key in seen and (
                definite or (link.phrase.noun is not None and link.phrase.noun.lemma_ in {"victim", "body"})
            ):
                continue  # the same victims mentioned again ("the three victims")
            seen.add(key)
            mentions.append(_mention(annotated, doc, link, outcome, q, reason))
        if link.how == "coordinated":
            totals.setdefault(link.trigger.i, []).append(link)
    for parts in totals.values():
        mentions.append(_sum_mention(annotated, doc, parts))
    return mentions


def _span(doc, link: Link) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    ph, tr = link.phrase, link.trigger
    first, last = ph.start, ph.end - 1
    if ph.noun is not None and ph.noun.i >= ph.end and ph.noun.i - ph.end <= 3:
        last = ph.noun.i
    if link.how != "including" and abs(tr.i - first) <= 8 and abs(tr.i - last) <= 8:
        first, last = min(first, tr.i), max(last, tr.i)
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _mention(annotated: Annotated, doc, link: Link, outcome: str, q: Quantity, reason: str | None) -> Mention:  # type: ignore[no-untyped-def]
    start, end = _span(doc, link)
    text = annotated.text[start:end]
    score = {"side by side": 0.7, "object by position": 0.75}.get(
        link.how, 0.6 if link.how.startswith("single") else 0.9
    )
    raw = doc[link.phrase.start : link.phrase.end].text
    evidence = Evidence(start=start, end=end, text=text, stage=NAME, reason=reason, confidence=score)
    count = Count(low=q.low, best=q.best, high=q.high, raw=raw, rule=q.rule, group=link.group, evidence=evidence)
    victims = link.group or _group(link.phrase.noun)
    figure = CasualtyFigure(outcome=outcome, count=count, victims=victims, additional=_additional(link))
    return Mention(
        kind="casualty", start=start, end=end, text=text, value=figure, stage=NAME, score=score, reason=reason
    )


def _additional(link: Link) -> bool:
    """ "A motorcyclist was also hurt", "two more died", "another soldier was killed": more victims."""
    near = [link.trigger, *link.trigger.children, *(link.phrase.head.doc[link.phrase.start : link.phrase.end])]
    return any(t.lower_ in {"also", "more", "another", "additional", "further"} for t in near)


def _sum_mention(annotated: Annotated, doc, parts: list[Link]) -> Mention:  # type: ignore[no-untyped-def]
    spans = [_span(doc, p) for p in parts]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    highs = [p.phrase.quantity.high for p in parts]
    total = Quantity(
        low=sum(p.phrase.quantity.low for p in parts),
        best=sum(p.phrase.quantity.best for p in parts),
        high=None if any(h is None for h in highs) else sum(h for h in highs if h is not None),
        rule="sum of subsets",
    )
    text = annotated.text[start:end]
    reason = "total is the sum of the coordinated subsets"
    evidence = Evidence(start=start, end=end, text=text, stage=NAME, reason=reason, confidence=0.85)
    count = Count(low=total.low, best=total.best, high=total.high, raw=text, rule=total.rule, evidence=evidence)
    return Mention(
        kind="casualty",
        start=start,
        end=end,
        text=text,
        value=CasualtyFigure(outcome=parts[0].outcome, count=count),
        stage=NAME,
        score=0.85,
        reason=reason,
    )
