"""Test dated facts, their formatting per language and the safe placeholder formatter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leichtesprache.errors import ContentError, PlaceholderError
from leichtesprache.facts import fact_warnings, load_facts, undated_amounts, values_for
from leichtesprache.placeholders import fill_placeholders, find_placeholders

FACTS = """\
[minijob_limit]
kind = "money"
description = "Grenze"
[[minijob_limit.values]]
valid_from = 2026-01-01
value = 603
source = "Quelle A"
[[minijob_limit.values]]
valid_from = 2027-01-01
value = 633
source = "Quelle B"

[minimum_wage]
kind = "money"
[[minimum_wage.values]]
valid_from = 2026-01-01
value = 13.90
source = "Quelle C"
[[minimum_wage.values]]
valid_from = 2027-01-01
value = 14.60
source = "Quelle C"

[reform]
kind = "date"
review = true
note = "Gesetz noch nicht verkündet"
[[reform.values]]
valid_from = 2026-01-01
value = 2026-07-01
source = "Quelle D"
"""


@pytest.fixture
def facts(tmp_path: Path) -> dict:
    path = tmp_path / "facts.toml"
    path.write_text(FACTS, encoding="utf-8")
    return load_facts(path)


@pytest.mark.parametrize(
    ("language", "day", "limit", "wage", "reform"),
    [
        ("de", date(2026, 11, 24), "603 Euro", "13,90 Euro", "1. Juli 2026"),
        ("de", date(2027, 1, 15), "633 Euro", "14,60 Euro", "1. Juli 2026"),
        ("en", date(2026, 11, 24), "603 euros", "13.90 euros", "1 July 2026"),
        ("fr", date(2027, 1, 15), "633 euros", "14,60 euros", "1er juillet 2026"),
        ("ru", date(2026, 11, 24), "603 евро", "13,90 евро", "1 июля 2026 года"),
        ("ar", date(2027, 1, 15), "633 يورو", "14.60 يورو", "1 يوليو 2026"),
    ],
)
def test_values_for_date_and_language(facts, language, day, limit, wage, reform) -> None:
    values = values_for(facts, language, day)
    current = {k: v for k, v in values.items() if ":" not in k}
    assert current == {"minijob_limit": limit, "minimum_wage": wage, "reform": reform}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "de",
            "Ab {minijob_limit:from}: {minijob_limit}.\nAb {minijob_limit:next_from}: "
            "{minijob_limit:next}.",
            "Ab 1. Januar 2026: 603 Euro.\nAb 1. Januar 2027: 633 Euro.",
        ),
        (
            "ru",
            "С {minimum_wage:from}: {minimum_wage}.\nС {minimum_wage:next_from}: "
            "{minimum_wage:next}.",
            "С 1 января 2026 года: 13,90 евро.\nС 1 января 2027 года: 14,60 евро.",
        ),
        (
            "ar",
            "من {minijob_limit:next_from}: {minijob_limit:next}.",
            "من 1 يناير 2027: 633 يورو.",
        ),
    ],
)
def test_current_and_next_value_with_dates(facts, language, text, expected) -> None:
    values = values_for(facts, language, date(2026, 11, 29))
    assert fill_placeholders(text, values) == expected


def test_lines_with_an_unknown_next_value_are_left_out(facts) -> None:
    values = values_for(facts, "de", date(2027, 3, 1))
    text = (
        "Die Grenze ist {minijob_limit}.\n"
        "Ab {minijob_limit:next_from}: {minijob_limit:next}.\n"
        "Seit {minijob_limit:from}."
    )
    assert fill_placeholders(text, values) == "Die Grenze ist 633 Euro.\nSeit 1. Januar 2027."
    assert "minijob_limit:next" not in values
    with pytest.raises(PlaceholderError, match="minijob_limt:next"):
        fill_placeholders("{minijob_limt:next}", values)
    with pytest.raises(PlaceholderError, match="is not a placeholder"):
        fill_placeholders("{minijob_limit:later}", values)


def test_no_value_yet_is_an_error(facts) -> None:
    with pytest.raises(ContentError, match="no value valid on 2025-06-01"):
        values_for(facts, "de", date(2025, 6, 1))


def test_warnings_pending_change_and_review(facts) -> None:
    notes = fact_warnings(facts, date(2026, 11, 24))
    messages = [n.problem.message for n in notes]
    assert {n.rule for n in notes} == {"fact-change", "fact-review"}
    assert any("minijob_limit' changes on 2027-01-01" in m for m in messages)
    assert any("reform' is marked for legal review" in m for m in messages)
    assert not any(
        "changes on" in m
        for m in [n.problem.message for n in fact_warnings(facts, date(2027, 2, 1))]
    )


def test_missing_source_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(
        '[x]\nkind = "money"\n[[x.values]]\nvalid_from = 2026-01-01\nvalue = 1\n', encoding="utf-8"
    )
    with pytest.raises(ContentError, match="every value needs a source"):
        load_facts(path)


@pytest.mark.parametrize(
    "text",
    [
        "{0.__class__}",
        "{x[0]}",
        "{{ 7*7 }}",
        "%(x)s",
        "{minijob_limit!r}",
        "{a.__init__}",
        "{",
        "}",
        "{Name}",
    ],
)
def test_unsafe_placeholders_are_errors_not_evaluated(text: str) -> None:
    with pytest.raises(PlaceholderError):
        fill_placeholders(f"Text {text} Ende", {"minijob_limit": "603 Euro", "x": "1"})


def test_a_broken_text_is_one_problem_with_a_short_hint() -> None:
    values = {f"fact_{n}": f"{n} Euro" for n in range(30)}
    with pytest.raises(PlaceholderError) as err:
        fill_placeholders("{fact_1 und {fact_x}", values, hint="see facts.toml")
    (problem,) = err.value.problems
    assert "'{'" in problem.message and "{fact_x}" in problem.message
    assert problem.hint == "see facts.toml"  # the known facts are not listed


def test_percent_in_prose_is_fine() -> None:
    assert find_placeholders("Sie bekommen 80 % des Lohns.") == ([], [])


@given(st.text())
def test_formatter_never_evaluates(text: str) -> None:
    values = {"a": "A"}
    try:
        result = fill_placeholders(text, values)
    except PlaceholderError:
        return
    assert result == text.replace("{a}", "A")


@pytest.mark.parametrize(
    ("kind", "value", "language", "expected"),
    [
        ("weeks", "12", "ar", "12 أسبوعًا"),  # Babel's long Arabic form lacks plurals
        ("weeks", "4", "ar", "4 أسابيع"),
        ("months", "6", "de", "6 Monate"),  # Babel 2.18 has no long 'duration-month' alias
        ("months", "12", "ar", "12 شهرًا"),
        ("weeks", "12", "ru", "12 недель"),
        ("money", "1206", "ar", "1206 يورو"),  # no '1,206' beside '13.90' in Arabic lines
        ("money", "1206", "de", "1.206 Euro"),
    ],
)
def test_units_and_grouping(kind: str, value: str, language: str, expected: str) -> None:
    from decimal import Decimal

    from leichtesprache.facts import Fact, format_value

    assert format_value(Fact("x", kind, "", ()), Decimal(value), language) == expected


def test_undated_amount_is_reported_at_its_line(facts) -> None:
    text = "Das ist die Grenze.\nSie ist {minijob_limit} im Monat."
    notes = undated_amounts(text, facts, date(2026, 11, 29), file="a.md", line=5)
    assert [(n.rule, n.problem.file, n.problem.line) for n in notes] == [
        ("fact-undated", "a.md", 6)
    ]
    dated = text + "\nAb {minijob_limit:next_from}: {minijob_limit:next}."
    assert undated_amounts(dated, facts, date(2026, 11, 29), file="a.md", line=5) == []
    # More than a year before the change, or after it: nothing to say yet.
    assert undated_amounts(text, facts, date(2024, 12, 1), file="a.md", line=5) == []
    assert undated_amounts(text, facts, date(2027, 1, 2), file="a.md", line=5) == []
