"""How the gazetteer keys a place name: folded (case, accents, apostrophes and hyphens dropped), a
spelling-blind skeleton, without a leading Arabic article or administrative words; the kinds of
entry; the tuple form of an entry the index holds. Shared by the index build and the lookups."""

from __future__ import annotations

import unicodedata
from typing import Any

CITY = "city"
REGION = "region"
COUNTRY = "country"

_FOLD_TABLE = str.maketrans(
    {
        "ə": "a",
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "’": "",
        "‘": "",
        "'": "",
        "`": "",
        "ʼ": "",
        "ʻ": "",
        "´": "",
        "-": " ",
        "‐": " ",
        "–": " ",
        ".": "",
        ",": " ",
    }
)


def fold(name: str) -> str:
    """Index key of a name: lower case, accents and apostrophes dropped, hyphens as spaces."""
    if name.isascii():  # no accents to take off (most names; a GeoNames dump folds millions)
        return " ".join(name.lower().translate(_FOLD_TABLE).split())
    decomposed = unicodedata.normalize("NFKD", name.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_FOLD_TABLE).split())


ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "an", "az", "ash", "ath", "ed", "er", "es", "et", "ul"})


_SKELETON_TABLE = str.maketrans("yqc", "ikk", "h'")  # y -> i, q and c -> k; h and apostrophes dropped


def skeleton(name: str) -> str:
    """A spelling-blind key for transliterated names: "Ash Shaddadah" and "Shadadah" share one.

    Drops a leading Arabic article, spaces, "h", doubled letters and a final "a"/"e"; folds
    y/i, q/c/k and ou/u. Collisions are common across the world, so it is only compared among the
    towns of one area or one country.
    """
    key = without_article(fold(name)).replace(" ", "").replace("ou", "u").replace("ee", "i").replace("oo", "u")
    key = key.translate(_SKELETON_TABLE)
    squeezed = "".join(c for i, c in enumerate(key) if i == 0 or c != key[i - 1])
    return squeezed[:-1] if len(squeezed) > 3 and squeezed[-1] in "ae" else squeezed


def without_article(key: str) -> str:
    """A folded name without a leading Arabic article ("as sulaymaniyah" -> "sulaymaniyah")."""
    first, _, rest = key.partition(" ")
    return rest if rest and first in ARTICLES else key


Row = tuple[Any, ...]  # GazEntry fields in order: what the index holds (an entry is made on first lookup)


_ADMIN_WORDS = frozenset(
    "district municipality county province region governorate department prefecture division "
    "subdistrict sub district tehsil tahsil taluk taluka lga local government area city commune "
    "municipio municipal raion rayon oblast state circle sector zone".split()
)


def strip_admin_suffix(key: str) -> str:
    """A folded area name without administrative words ("kaduna north lga" -> "kaduna north")."""
    words = [w for w in key.split() if w not in _ADMIN_WORDS]
    return " ".join(words) if words else key
