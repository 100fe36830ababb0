"""Country demonyms ("Armenian", "Azeri"): never places themselves, they only bias a document's country."""

from __future__ import annotations

import importlib.resources
import json

from .place_names import fold

# Demonyms of countries (adjectives are never places themselves; they only bias the document): those of
# the actor dictionary's countries, and these, which it spells otherwise or lacks.
_OWN_DEMONYMS = {
    "armenian": "AM",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "turkish": "TR",
    "russian": "RU",
    "ukrainian": "UA",
    "georgian": "GE",
    "syrian": "SY",
    "iraqi": "IQ",
    "iranian": "IR",
    "afghan": "AF",
    "pakistani": "PK",
    "indian": "IN",
    "israeli": "IL",
    "palestinian": "PS",
    "lebanese": "LB",
    "libyan": "LY",
    "egyptian": "EG",
    "yemeni": "YE",
    "saudi": "SA",
    "sudanese": "SD",
    "somali": "SO",
    "ethiopian": "ET",
    "eritrean": "ER",
    "nigerian": "NG",
    "malian": "ML",
    "burkinabe": "BF",
    "nigerien": "NE",
    "chadian": "TD",
    "cameroonian": "CM",
    "congolese": "CD",
    "mozambican": "MZ",
    "kenyan": "KE",
    "ugandan": "UG",
    "burundian": "BI",
    "rwandan": "RW",
    "american": "US",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "chinese": "CN",
    "mexican": "MX",
    "colombian": "CO",
    "venezuelan": "VE",
    "brazilian": "BR",
    "filipino": "PH",
    "philippine": "PH",
    "burmese": "MM",
    "myanmar": "MM",
    "thai": "TH",
    "bangladeshi": "BD",
    "nepali": "NP",
    "kurdish": "IQ",
    "jordanian": "JO",
    "tunisian": "TN",
    "algerian": "DZ",
    "moroccan": "MA",
    "belarusian": "BY",
    "moldovan": "MD",
    "serbian": "RS",
    "kosovar": "XK",
    "cypriot": "CY",
    "greek": "GR",
    "canadian": "CA",
    "australian": "AU",
    "japanese": "JP",
    "korean": "KR",
    "italian": "IT",
    "spanish": "ES",
    "polish": "PL",
}


def _dictionary_demonyms() -> dict[str, str]:
    """Folded demonym -> ISO2, from the countries of ``data/actors.json``."""
    import pycountry

    raw = json.loads((importlib.resources.files("sitrep.data") / "actors.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for iso3, spec in raw["countries"].items():
        country = pycountry.countries.get(alpha_3=iso3)
        if country is None:
            continue
        names = {
            fold(n)
            for n in (country.name, getattr(country, "common_name", ""), spec.get("acled", ""), *spec.get("names", ()))
        }
        # "Azerbaijan forces": a country's name used as an adjective stays a place name here
        out.update((fold(d), country.alpha_2) for d in spec.get("demonyms", ()) if fold(d) not in names)
    return out


DEMONYMS = {**_dictionary_demonyms(), **_OWN_DEMONYMS}
