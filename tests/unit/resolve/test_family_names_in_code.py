"""Every event-family name written in the code exists in the family table.

Rules compare a trigger's family with a name ("family == 'clash'", "family in ('attack', 'beat')",
"Frame('shelling', ...)", "KeyedWords(family='protest', ...)"). Renaming or removing a family in
data/triggers.json would silently switch such a rule off; this test reads the names from the code
itself, so a new comparison needs no list kept by hand.
"""

from __future__ import annotations

import ast
from pathlib import Path

import sitrep
from sitrep.resolve.families import family_table

SRC = Path(sitrep.__file__).parent


def _is_family(node: ast.expr) -> bool:
    """`family`, `x.family` or `x.family.name`."""
    if isinstance(node, ast.Name):
        return node.id == "family"
    if isinstance(node, ast.Attribute):
        return node.attr == "family" or (node.attr == "name" and _is_family(node.value))
    return False


def _strings(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for e in node.elts for s in _strings(e)]
    return []


def family_names_in_code() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Compare) and (
                _is_family(node.left) or any(_is_family(c) for c in node.comparators)
            ):
                names = [s for c in (node.left, *node.comparators) for s in _strings(c)]
            elif isinstance(node, ast.Call):
                callee = node.func.id if isinstance(node.func, ast.Name) else ""
                names = [s for k in node.keywords if k.arg == "family" for s in _strings(k.value)]
                if callee == "Frame" and node.args:
                    names += _strings(node.args[0])
            for name in names:
                found.setdefault(name, set()).add(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_the_code_names_families_it_compares_with() -> None:
    names = family_names_in_code()
    assert {"clash", "protest", "shelling", "loot", "attack"} <= set(names)  # the scan reads what it should


def test_every_family_the_code_names_is_in_the_table() -> None:
    table = {f.name for f in family_table().families}
    unknown = {name: sorted(where) for name, where in family_names_in_code().items() if name not in table}
    assert not unknown, f"family names in the code that the table lacks: {unknown}"
