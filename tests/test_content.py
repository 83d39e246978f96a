"""Test reading publications: blocks, stable ids, locations and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from leichtesprache.content import load_publication, parse_section
from leichtesprache.errors import ContentError

SECTION = """\
# Der Lohn {#lohn.title}

![Geld in einer Hand.](pictures/money.svg) {#lohn.pic}

Sie bekommen den Mindest·lohn. {#lohn.intro}
Das sind {minimum_wage} für 1 Stunde.

## Wann? {#lohn.when}

- Jeden Monat. {#lohn.li-month}
- Auf Ihr Konto. {#lohn.li-account}

> **Wichtig:** Fragen Sie nach. {#lohn.box}
"""


def test_blocks_have_ids_kinds_text_and_lines() -> None:
    section = parse_section(SECTION.encode(), "lohn", "sections/lohn.md")
    blocks = list(section.blocks())
    assert [(b.id, b.kind, b.line) for b in blocks] == [
        ("lohn.title", "heading", 1),
        ("lohn.pic", "picture", 3),
        ("lohn.intro", "paragraph", 5),
        ("lohn.when", "heading", 8),
        ("lohn.li-month", "list_item", 10),
        ("lohn.li-account", "list_item", 11),
        ("lohn.box", "box", 13),
    ]
    intro = blocks[2]
    assert intro.text == "Sie bekommen den Mindest·lohn.\nDas sind {minimum_wage} für 1 Stunde."
    assert blocks[1].text == "Geld in einer Hand." and blocks[1].src == "pictures/money.svg"
    assert blocks[6].text == "**Wichtig:** Fragen Sie nach."
    assert [n.kind for n in section.body] == ["picture", "paragraph", "heading", "list", "box"]


def test_ids_do_not_depend_on_order_or_text() -> None:
    moved = SECTION.replace("Sie bekommen den Mindest·lohn.", "Sie bekommen Geld.")
    a = {b.id for b in parse_section(SECTION.encode(), "lohn", "x.md").blocks()}
    b = {b.id for b in parse_section(moved.encode(), "lohn", "x.md").blocks()}
    assert a == b


def test_missing_id_names_line_and_suggests_one() -> None:
    bad = "# Titel {#t}\n\nEin Satz ohne Id.\n"
    with pytest.raises(ContentError) as err:
        parse_section(bad.encode(), "s", "sections/s.md")
    problem = err.value.problems[0]
    assert (problem.file, problem.line) == ("sections/s.md", 3)
    assert "{#s.ein-satz-ohne}" in (problem.hint or "")


def test_html_tables_and_code_are_refused() -> None:
    bad = "# T {#t}\n\n```\ncode\n```\n"
    with pytest.raises(ContentError, match="not used in easy language"):
        parse_section(bad.encode(), "s", "s.md")


def test_not_utf8_names_line() -> None:
    with pytest.raises(ContentError) as err:
        parse_section("# T {#t}\n\nÄrger {#a}\n".encode("latin-1"), "s", "s.md")
    assert err.value.problems[0].line == 3


def test_sample_publication_loads(sample_project: Path) -> None:
    pub = load_publication(sample_project / "content" / "sample", "sample", sample_project)
    ids = [b.id for b in pub.blocks()]
    assert ids[:2] == ["meta.title", "meta.subtitle"]
    assert "glossary.mindestlohn.term" in ids and "contact.minijob-zentrale.name" in ids
    assert len(ids) == len(set(ids))
    assert pub.version.isoformat() == "2026-11-24"


def test_all_problems_reported_at_once(sample_project: Path) -> None:
    root = sample_project / "content" / "sample"
    (root / "sections" / "urlaub.md").write_text("Kein Titel {#u.x}\n", encoding="utf-8")
    text = (root / "publication.toml").read_text(encoding="utf-8")
    (root / "publication.toml").write_text(
        text.replace('sections = ["lohn", "urlaub"]', 'sections = ["lohn", "urlaub", "fehlt"]'),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as err:
        load_publication(root, "sample", sample_project)
    messages = [p.message for p in err.value.problems]
    assert any("no '# Title'" in m for m in messages)
    assert any("sections/fehlt.md does not exist" in m for m in messages)


def test_duplicate_ids_are_errors(sample_project: Path) -> None:
    path = sample_project / "content" / "sample" / "sections" / "urlaub.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("urlaub.li-days", "lohn.intro"), encoding="utf-8"
    )
    with pytest.raises(ContentError, match="used twice"):
        load_publication(sample_project / "content" / "sample", "sample", sample_project)


def test_toml_syntax_error_has_line(sample_project: Path) -> None:
    path = sample_project / "content" / "sample" / "publication.toml"
    path.write_text(
        '[publication]\ntitle = "x"\nversion = 2026-11-24\nsubtitle = "kaputt\n', encoding="utf-8"
    )
    with pytest.raises(ContentError) as err:
        load_publication(sample_project / "content" / "sample", "sample", sample_project)
    assert err.value.problems[0].line == 4
    assert "TOML syntax error" in err.value.problems[0].message
