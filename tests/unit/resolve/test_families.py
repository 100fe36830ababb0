"""The event-family table: the packaged values, and the faults caught when a table loads."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import BadFamilyTable
from sitrep.model import Trigger
from sitrep.resolve.event_types import classify
from sitrep.resolve.event_typing.rules import TYPING_RULES
from sitrep.resolve.families import (
    FLAGS,
    families_with,
    family_rank,
    family_table,
    load_table,
    packaged_lexicon,
    read_table,
)
from sitrep.resolve.trigger_lexicon import load_lexicon, read_lexicon

# The order the assembly code held before the table (most specific first).
RANKED = (
    "suicide abduct sexual airstrike shelling bombard explosion capture riot mob protest clash beat body attack "
    "loot disrupt arrest pact withdraw base mobilize measures aid other"
).split()
VERBAL = "agree accuse allege investigate request reject threaten consult".split()


def raw() -> dict[str, Any]:
    return copy.deepcopy(dict(packaged_lexicon()))


def test_ranks_keep_the_former_order_and_verbal_families_come_last() -> None:
    names = [f.name for f in family_table().families]
    assert names[: len(RANKED)] == RANKED
    assert sorted(names[len(RANKED) :]) == sorted(VERBAL)
    assert [family_rank(n) for n in RANKED] == list(range(1, len(RANKED) + 1))


def test_flags_keep_the_former_sets() -> None:
    assert families_with("generic") == {"attack", "clash"}
    assert families_with("context_immune") == {
        "protest",
        "riot",
        "mob",
        "arrest",
        "abduct",
        "sexual",
        "suicide",
        "airstrike",
        "capture",
    }
    assert families_with("front_line") == {"attack", "clash", "shelling", "bombard", "explosion"}
    assert families_with("remote") == {"shelling", "airstrike", "bombard", "explosion"}


def test_every_family_of_the_lexicon_is_in_the_table_with_a_registered_rule() -> None:
    table = family_table()
    assert {f.name for f in table.families} == set(packaged_lexicon()["families"])
    assert all(f.typing in TYPING_RULES for f in table.families)
    assert {f.typing for f in table.families} == set(TYPING_RULES)  # no rule left unused


def _fault(families: dict[str, Any]) -> str:
    with pytest.raises(BadFamilyTable) as caught:
        load_table(families, source="test table")
    assert caught.value.code == "E204"
    return str(caught.value)


def test_a_family_without_a_typing_rule_is_an_error() -> None:
    families = raw()["families"]
    del families["loot"]["typing"]
    assert "family 'loot'" in _fault(families) and '"typing"' in _fault(families)


def test_an_unregistered_typing_rule_is_an_error() -> None:
    families = raw()["families"]
    families["loot"]["typing"] = "plunder"
    message = _fault(families)
    assert "'plunder' is not registered" in message and "attack" in message


def test_a_duplicate_rank_is_an_error() -> None:
    families = raw()["families"]
    families["loot"]["rank"] = families["attack"]["rank"]
    assert "share rank" in _fault(families)


def test_a_missing_rank_is_an_error() -> None:
    families = raw()["families"]
    del families["loot"]["rank"]
    assert '"rank"' in _fault(families)


def test_an_unknown_flag_is_an_error() -> None:
    families = raw()["families"]
    families["loot"]["flags"] = ["frontline"]
    assert "unknown flag 'frontline'" in _fault(families)


def test_an_unknown_kind_is_an_error() -> None:
    families = raw()["families"]
    families["loot"]["kind"] = "violence"
    assert "kind 'violence'" in _fault(families)


def test_an_unknown_field_is_an_error() -> None:
    families = raw()["families"]
    families["loot"]["flag"] = ["generic"]
    assert "unknown field 'flag'" in _fault(families)


def test_a_verbal_family_typed_as_violence_is_an_error() -> None:
    families = raw()["families"]
    families["accuse"]["typing"] = "attack"
    assert "verbal" in _fault(families)


def test_a_bad_table_file_is_caught_when_read(tmp_path: Path) -> None:
    data = raw()
    data["families"]["new"] = {"kind": "violent", "plover": "ASSAULT", "rank": 99, "words": ["smite"]}
    path = tmp_path / "triggers.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(BadFamilyTable, match=r"\[E204\] .*triggers.json: family 'new': needs \"typing\""):
        read_table(path)
    with pytest.raises(BadFamilyTable):
        read_lexicon(path)


@pytest.mark.parametrize(
    ("family", "word", "renamed"),
    [
        ("protest", "close/VERB", "shut/VERB"),
        ("attack", "wound/VERB", "hurt/VERB"),
        ("disrupt", "down/VERB", "bring down/VERB"),
        ("capture", "take over", "take charge"),
        ("withdraw", "cede", "yield"),
        ("protest", "gather/VERB", "assemble/VERB"),
    ],
)
def test_renaming_a_word_a_rule_names_is_caught(tmp_path: Path, family: str, word: str, renamed: str) -> None:
    data = raw()
    words = data["families"][family]["words"]
    words[words.index(word)] = renamed
    path = tmp_path / "triggers.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(BadFamilyTable, match=repr(word.partition("/")[0])):
        read_lexicon(path)


def test_a_prefix_no_word_begins_with_is_caught() -> None:
    data = raw()
    data["families"]["other"]["words"] = [
        w for w in data["families"]["other"]["words"] if not w.startswith(("displace", "forced to"))
    ]
    with pytest.raises(BadFamilyTable, match=r"'displace\.\.\.'"):
        load_lexicon(data)


def test_the_packaged_lexicon_loads() -> None:
    assert load_lexicon(raw()).family("protest").plover == "PROTEST"


def test_an_unknown_family_is_never_typed_as_an_assault() -> None:
    with pytest.raises(BadFamilyTable, match="no event family 'smite'"):
        classify(
            Trigger(lemma="smite", family="smite", kind="violent", plover="ASSAULT"),
            weapons=(),
            actors=(),
            recipients=(),
            sentence="They smote the town.",
            killed=False,
        )


def test_flags_are_documented() -> None:
    assert set(FLAGS) == {"generic", "remote", "front_line", "context_immune"}
    with pytest.raises(BadFamilyTable, match="unknown family flag"):
        families_with("frontline")


def test_a_broken_table_stops_the_pipeline_when_it_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.pipeline import Pipeline
    from sitrep.resolve import trigger_lexicon

    broken = raw()
    del broken["families"]["shelling"]["typing"]
    monkeypatch.setattr(trigger_lexicon, "packaged_lexicon", lambda: broken)
    trigger_lexicon.lexicon.cache_clear()
    try:
        with pytest.raises(BadFamilyTable, match="shelling"):
            Pipeline()
    finally:
        monkeypatch.undo()
        trigger_lexicon.lexicon.cache_clear()
    assert Pipeline().stage_names


def test_a_list_field_given_as_a_string_is_an_error() -> None:
    families = raw()["families"]
    families["loot"]["modes"] = "destroy"
    assert '"modes" must be a list of strings' in _fault(families)


def test_a_typing_rule_registered_twice_is_an_error() -> None:
    from sitrep.resolve.event_typing.rules import typing_rule

    with pytest.raises(BadFamilyTable, match="registered twice"):
        typing_rule("loot")(
            lambda case: classify(case.trigger, weapons=(), actors=(), recipients=(), sentence="", killed=False)
        )
