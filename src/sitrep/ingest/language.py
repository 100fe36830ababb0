"""A light, offline check that a text is English.

sitrep's stages are English-only. Rather than pull in a language-identification model, this module
looks at two cheap signals: which script the letters are written in, and how many tokens are
English function words ("the", "of", "and" ...). Running English prose has 35-50 % of its tokens
in that list; other languages written in Latin script have only a few percent (shared loan words
and names). A handful of other languages' function-word lists put a name on the guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..errors import WARNING_NOT_ENGLISH
from ..safe_text import printable

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a about above after against all also an and any are as at be been before being between both but by
    can could did do does during each from had has have having he her here hers him his how i if in into
    is it its itself may me might more most must my no nor not of off on once only or other our ours out
    over own said same she should so some such than that the their theirs them then there these they this
    those through to too under until up upon very was we were what when where which while who whom whose
    why will with within without would you your
    """.split()
)

# Small lists of frequent function words that are *not* English words, to name the language.
OTHER_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "French": frozenset(
        "le la les des du une est et dans pour que qui sur pas au aux avec ce cette sont ont par il elle nous vous leur".split()
    ),
    "Spanish": frozenset(
        "el la los las del una es y en por que con para se su sus al lo como pero fue han está están".split()
    ),
    "Portuguese": frozenset("o os da das do dos uma é e em por que com para se não ao foi são está pelo pela".split()),
    "German": frozenset(
        "der die das und ist nicht mit den dem des ein eine einen zu auf für sich von im sind wurde".split()
    ),
    "Italian": frozenset("il lo la gli le di del della che è e per con una sono non nel alla dei ha".split()),
    "Dutch": frozenset("de het een en van is niet met op voor zijn aan ook die dat bij werd".split()),
}

SCRIPT_LANGUAGES = {
    "CYRILLIC": "a Cyrillic-script language",
    "ARABIC": "Arabic script (Arabic, Persian, Urdu ...)",
    "HEBREW": "Hebrew",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "GREEK": "Greek",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "DEVANAGARI": "a Devanagari-script language (Hindi, Nepali ...)",
    "THAI": "Thai",
    "ETHIOPIC": "Amharic or Tigrinya",
}

# Below this share of English function words a Latin-script text is judged not English.
MIN_ENGLISH_SHARE = 0.12
# Texts with fewer word tokens than this are too short to judge: they are taken as English.
MIN_TOKENS = 8
# How much of the text is looked at: the start is enough to decide.
SAMPLE_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@dataclass(frozen=True, kw_only=True, slots=True)
class LanguageGuess:
    code: str  # "en" or "und"
    name: str  # "English", "French", "not English", "Cyrillic-script language" ...
    english_share: float  # share of tokens that are English function words, 0..1
    tokens: int

    @property
    def is_english(self) -> bool:
        return self.code == "en"


def _script_of(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "UNKNOWN"
    first = name.split(" ", 1)[0]
    if first == "CJK":
        return "CJK"
    return first


def _dominant_script(text: str) -> tuple[str, float]:
    """The script of most letters and its share of all letters."""
    scripts = Counter(_script_of(ch) for ch in text if ch.isalpha())
    total = sum(scripts.values())
    if not total:
        return "LATIN", 1.0
    script, n = scripts.most_common(1)[0]
    return script, n / total


def guess_language(text: str) -> LanguageGuess:
    sample = text[:SAMPLE_CHARS]
    script, script_share = _dominant_script(sample)
    tokens = [t.lower().replace("\u2019", "'") for t in _WORD.findall(sample)]
    n = len(tokens)
    english = sum(1 for t in tokens if t in ENGLISH_FUNCTION_WORDS)
    share = english / n if n else 0.0
    if script != "LATIN" and script_share > 0.5:
        return LanguageGuess(
            code="und", name=SCRIPT_LANGUAGES.get(script, f"{script.title()} script"), english_share=share, tokens=n
        )
    if n < MIN_TOKENS or share >= MIN_ENGLISH_SHARE:
        return LanguageGuess(code="en", name="English", english_share=share, tokens=n)
    counts = Counter(tokens)
    scores = {lang: sum(counts[w] for w in words) / n for lang, words in OTHER_FUNCTION_WORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    name = lang if best >= 0.15 else "not English"
    return LanguageGuess(code="und", name=name, english_share=share, tokens=n)


def language_warning(text: str, source: str) -> str | None:
    """The W001 warning line for a text that does not look English, else None."""
    guess = guess_language(text)
    if guess.is_english:
        return None
    return (
        f"[{WARNING_NOT_ENGLISH}] {printable(source)}: text looks like {guess.name} "
        f"(English function words: {guess.english_share:.0%})"
    )
