"""Reported numbers of people as low/best/high, by documented rules (docs/casualty-rules.md).

``parse_quantity`` reads a number phrase ("over a dozen", "dozens of", "between 10 and 15",
"an unknown number of") and says which rule it applied. Number words go through text2num;
the vague words and the modifiers ("over", "nearly", "about", "up to") are our own rules.
``acled_fatalities`` turns a :class:`~sitrep.model.Count` into ACLED's single conservative figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Count

# Rule names (stable: Count.rule holds them, docs/casualty-rules.md tabulates them).
EXACT = "exact"
ZERO = "none"
AT_LEAST = "at-least"  # over, more than, at least, upwards of ... N
NEARLY = "nearly"  # nearly, almost, close to N
FEWER_THAN = "fewer-than"  # fewer than, less than, under N
UP_TO = "up-to"  # up to, as many as, at most N
ABOUT = "about"  # about, around, some, roughly, approximately N
RANGE = "range"  # N to M, N-M, between N and M, N or M
UNIT_PLURAL = "unit-plural"  # tens, dozens, scores, hundreds, thousands (of)
VAGUE = "vague"  # several, a few, many, a number of
UNKNOWN = "unknown"  # an unknown / unspecified / undisclosed number
JOINT = "joint"  # one figure for killed and/or wounded (set by the casualty stage)

# No report counts more people than this in one figure (the deadliest wars' totals are in the tens of
# millions); a larger number is a typo, an identifier or an attack on the reader, and SQLite's integers
# end at 2**63. It is not read as a figure (docs/casualty-rules.md).
MAX_PLAUSIBLE_COUNT = 100_000_000
ACLED_UNKNOWN = 10  # ACLED codes an unknown number of fatalities as 10 (codebooks.md, fatality rule 5)

_LOWER_BOUND = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "not less than",
    "a minimum of",
    "a total of at least",
)
_NEARLY = ("nearly", "almost", "close to", "just under", "around almost")
_FEWER = ("fewer than", "less than", "under")
_UP_TO = ("up to", "as many as", "at most", "no more than", "a maximum of")
_ABOUT = (
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "approx.",
    "an estimated",
    "estimated",
    "circa",
    "nearly about",
    "a reported",
    "reportedly",
)
_EXACT_PREFIX = ("a total of", "exactly", "only", "just", "all", "the", "another", "a further", "further")

# unit -> value of one unit (ACLED's conservative reading of the plural)
_UNITS = {"ten": 10, "dozen": 12, "score": 20, "hundred": 100, "thousand": 1000}
# vague word -> (low, best)
_VAGUE = {
    "several": (3, 3),
    "a few": (2, 3),
    "few": (2, 3),
    "a couple": (2, 2),
    "a couple of": (2, 2),
    "many": (3, 3),
    "a number": (2, 3),
    "a number of": (2, 3),
    "numerous": (3, 3),
    "multiple": (2, 2),
    "some": (2, 2),
}
_SINGLE = {"a", "an", "one", "a single", "single", "a lone", "lone"}
_ZERO_WORDS = {"no", "none", "nobody", "no one", "zero", "not a single", "not one", "nil"}
_UNKNOWN_RE = re.compile(
    r"^(?:an? )?(?:unknown|unspecified|undisclosed|unconfirmed|undetermined|unclear|"
    r"uncounted|unidentified)(?: number)?(?: of)?$"
)
_NUM_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_RANGE_RE = re.compile(r"^(?:between )?(\S+)\s*(?:to|-|–|—|and|or)\s*(\S+)$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A reported number: ``high`` None means no upper bound. ``rule`` names the rule applied."""

    low: int
    best: int
    high: int | None
    rule: str
    reason: str | None = None

    def __post_init__(self) -> None:
        if not (0 <= self.low <= self.best and (self.high is None or self.best <= self.high)):
            raise ValueError(f"quantity breaks 0 <= low <= best <= high: {self}")


def _normalise(text: str) -> str:
    s = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip(" ,.;:()\"'")
    s = re.sub(r"\s*-\s*", "-", s)
    return s


@lru_cache(maxsize=4096)
def _number(word: str) -> int | None:
    """One number: digits (with thousands commas), a number word, or "a hundred"."""
    w = word.strip()
    if _NUM_RE.match(w):
        return _digits(w)
    if w in _SINGLE:
        return 1
    if w in {"a dozen", "one dozen", "dozen"}:
        return 12
    if w in {"half a dozen", "half-a-dozen"}:
        return 6
    if w in {"a score", "one score"}:
        return 20
    if w in {"a couple", "a couple of", "a pair of", "a pair", "couple"}:
        return 2
    m = re.match(r"^(\S+) dozen$", w)
    if m and (n := _number(m.group(1))) is not None:
        return _plausible(n * 12)
    from text_to_num import alpha2digit

    converted = alpha2digit(w, "en", threshold=0).strip()
    converted = re.sub(r"^(?:a|an|one) (\d+)$", r"\1", converted)
    if _NUM_RE.match(converted):
        return _digits(converted)
    return None


def _digits(text: str) -> int | None:
    digits = text.replace(",", "")
    # Checked before int(): Python refuses to convert more than 4,300 digits (a ValueError).
    return _plausible(int(digits)) if len(digits.lstrip("0")) <= len(str(MAX_PLAUSIBLE_COUNT)) else None


def _plausible(n: int) -> int | None:
    return n if n <= MAX_PLAUSIBLE_COUNT else None


def _strip_prefix(s: str, prefixes: tuple[str, ...]) -> tuple[str | None, str]:
    for p in sorted(prefixes, key=len, reverse=True):
        if s == p:
            continue
        if s.startswith(p + " "):
            return p, s[len(p) + 1 :].strip()
    return None, s


def _core(s: str) -> Quantity | None:
    """A number phrase without a modifier."""
    s = re.sub(r" of$", "", s).strip()
    if not s:
        return None
    if s in _ZERO_WORDS:
        return Quantity(0, 0, 0, ZERO)
    if _UNKNOWN_RE.match(s):
        return Quantity(1, 1, None, UNKNOWN, reason="number not reported: at least one, best is that lower bound")
    if s in _VAGUE:
        low, best = _VAGUE[s]
        return Quantity(low, best, None, f"{VAGUE}:{s}")
    m = re.match(r"^(several|a few|a couple of|many|some) (ten|dozen|score|hundred|thousand)s?$", s)
    if m:
        factor, _ = _VAGUE[m.group(1)]
        unit = _UNITS[m.group(2)]
        return Quantity(factor * unit, _VAGUE[m.group(1)][1] * unit, None, f"{VAGUE}:{m.group(1)} {m.group(2)}")
    m = re.match(r"^(tens|dozens|scores|hundreds|thousands)(?: of)?(?: (?:thousands|hundreds))?$", s)
    if m:
        unit = _UNITS[m.group(1)[:-1]]
        return Quantity(unit, 2 * unit, None, f"{UNIT_PLURAL}:{m.group(1)}")
    n = _number(s)
    if n is not None:
        return Quantity(n, n, n, EXACT)
    m = _RANGE_RE.match(s)
    if m:
        a, b = _number(m.group(1)), _number(m.group(2))
        if a is not None and b is not None:
            lo, hi = min(a, b), max(a, b)
            return Quantity(lo, lo, hi, RANGE)
    return None


def _apply(modifier: str, kind: str, q: Quantity) -> Quantity:
    n = q.low
    if kind == AT_LEAST:
        return Quantity(
            q.low, q.best, None, f"{AT_LEAST}:{modifier}" if q.rule == EXACT else f"{AT_LEAST}:{modifier}+{q.rule}"
        )
    if kind == NEARLY:
        if n <= 1:
            return Quantity(n, n, n, f"{NEARLY}:{modifier}", reason="nearly one or zero read as the number")
        high = n - 1
        return Quantity(max(0, n - max(1, n // 10)), high, high, f"{NEARLY}:{modifier}")
    if kind == FEWER_THAN:
        high = max(0, n - 1)
        return Quantity(min(1, high), min(1, high), high, f"{FEWER_THAN}:{modifier}")
    if kind == UP_TO:
        top = q.high if q.high is not None else q.best
        return Quantity(min(1, top), top, top, f"{UP_TO}:{modifier}")
    if kind == ABOUT:
        if q.rule != EXACT:
            return Quantity(q.low, q.best, q.high, f"{ABOUT}:{modifier}+{q.rule}", q.reason)
        r = max(1, round(n / 10)) if n else 0
        return Quantity(max(0, n - r), n, n + r, f"{ABOUT}:{modifier}")
    return q


_MODIFIERS = ((_LOWER_BOUND, AT_LEAST), (_NEARLY, NEARLY), (_FEWER, FEWER_THAN), (_UP_TO, UP_TO), (_ABOUT, ABOUT))


def parse_quantity(text: str, *, strict: bool = False) -> Quantity | None:
    """Read a number phrase; None when it is not one.

    Trailing words ("two children") are ignored unless ``strict``, when the whole text must be the phrase.
    """
    s = _normalise(text)
    if not s:
        return None
    if strict:
        return _parse_exact(s)
    words = s.split(" ")
    # Try the whole phrase, then drop trailing words ("over a dozen people" -> "over a dozen").
    for cut in range(len(words), 0, -1):
        q = _parse_exact(" ".join(words[:cut]))
        if q is not None:
            return q
    return None


def _parse_exact(s: str) -> Quantity | None:
    if s in _ZERO_WORDS:
        return Quantity(0, 0, 0, ZERO)
    _, s = _strip_prefix(s, _EXACT_PREFIX)
    for prefixes, kind in _MODIFIERS:
        modifier, rest = _strip_prefix(s, prefixes)
        if modifier is None:
            continue
        _, rest = _strip_prefix(rest, ("of",))
        core = _core(rest)
        if core is not None:
            return _apply(modifier, kind, core)
    return _core(s)


def acled_fatalities(count: Count | None) -> int:
    """ACLED's single figure for a killed count (docs/casualty-rules.md).

    ACLED takes the most conservative reported figure: the lower bound, so "over a dozen" -> 12,
    "dozens" -> 12, "hundreds" -> 100, "several" -> 3, "N to M" -> N. An unknown number is 10.
    An approximate or "up to" figure is the stated number. No count means 0.
    """
    if count is None:
        return 0
    rule = count.rule
    if rule.startswith(UNKNOWN):
        return ACLED_UNKNOWN
    if rule.startswith((ABOUT + ":", UP_TO + ":", JOINT)):
        return count.best
    return count.low
