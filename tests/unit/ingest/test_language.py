from __future__ import annotations

from pathlib import Path

from sitrep.ingest.language import guess_language, language_warning

ENGLISH = (
    "Artillery fire hit the town on Sunday and the ministry said that two of the people were killed in their homes."
)
FRENCH = (
    "Des tirs d'artillerie ont frappé la ville de Stepanakert dimanche, selon le ministère de la défense. "
    "Les habitants se sont réfugiés dans les abris pendant la nuit."
)
SPANISH = (
    "Los bombardeos alcanzaron la ciudad el domingo, según el ministerio de defensa. "
    "Los vecinos se refugiaron en los sótanos de sus casas durante la noche."
)


def test_english_is_english() -> None:
    g = guess_language(ENGLISH)
    assert g.code == "en" and g.english_share > 0.3
    assert language_warning(ENGLISH, "a.txt") is None


def test_the_defining_example_is_english(shared_dir: Path) -> None:
    text = (shared_dir / "examples" / "artsakh-2020-09-28.txt").read_text(encoding="utf-8")
    assert guess_language(text).code == "en"


def test_french_and_spanish_are_named_with_the_share() -> None:
    assert guess_language(FRENCH).name == "French"
    assert guess_language(SPANISH).name == "Spanish"
    warning = language_warning(FRENCH, "fr.txt")
    assert warning == "[W001] fr.txt: text looks like French (English function words: 0%)"
    assert guess_language(SPANISH).code == "und"


def test_other_scripts() -> None:
    g = guess_language("Артиллерийский обстрел города продолжался всю ночь, сообщили в министерстве обороны.")
    assert g.code == "und" and "Cyrillic" in g.name
    assert guess_language("قصفت المدفعية المدينة ليلة الأحد وقالت الوزارة إن اثنين قتلا").code == "und"


def test_short_texts_are_not_judged() -> None:
    assert guess_language("Kabul: gunfire").code == "en"


def test_unnamed_latin_language() -> None:
    g = guess_language(
        "Artilleria ampumalla kaupunkia sunnuntaina, kertoi puolustusministeriö tiedotteessaan iltapäivällä tänään."
    )
    assert g.code == "und" and g.name == "not English"
