"""HTML rendering: structure, escaping of translations and ui labels, RTL, dates, errors."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from conftest import version_of
from leichtesprache.content import parse_section
from leichtesprache.errors import RenderError
from leichtesprache.model import Block, Contact, GlossaryEntry, Publication
from leichtesprache.render import render_html
from leichtesprache.review import ReviewState

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

SECTION = """# Der Lohn {#lohn.title}

![Geld und Münzen.](pictures/money.svg) {#lohn.pic}

Sie bekommen Geld für Ihre Arbeit. {#lohn.intro}
Das ist der Lohn.

## Wie viel? {#lohn.how}

- Mindestens 13,90 Euro in der Stunde. {#lohn.li1}
- Auch im Mini·job. {#lohn.li2}

> **Wichtig:** Fragen Sie nach Ihrem Lohn. {#lohn.box}
> Rufen Sie uns an.
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">'
    '<circle cx="60" cy="60" r="50" fill="#005a9c"/></svg>'
)

ARABIC = {
    "meta.title": "العمل الصغير",
    "meta.subtitle": "حقوقك وواجباتك",
    "meta.publisher": "مركز الاندماج",
    "meta.imprint": "هذا الكتيب من مركز الاندماج.\nالكتيب بلغة سهلة.",
    "lohn.title": "الأجر",
    "lohn.pic": "نقود وعملات.",
    "lohn.intro": "تحصل على مال مقابل عملك.\nهذا هو الأجر.",
    "lohn.how": "كم؟",
    "lohn.li1": "على الأقل 13,90 يورو في الساعة.",
    "lohn.li2": "أيضاً في Mini·job.",
    "lohn.box": "**مهم:** اسأل عن أجرك.\nاتصل بنا على 030 60 28 00 28.",
    "glossary.lohn.term": "الأجر",
    "glossary.lohn.definition": "الأجر هو المال مقابل العمل.",
    "contact.bmas.name": "هاتف المواطنين",
    "contact.bmas.description": "هنا تحصل على أجوبة.",
}


def _block(block_id: str, kind: str, text: str) -> Block:
    return Block(block_id, kind, text, "test.toml", 1, "test")  # type: ignore[arg-type]


def make_publication(root: Path, svg: str = SVG) -> Publication:
    """A one-section publication in ``root`` with a picture, a word and a contact."""
    (root / "pictures").mkdir(parents=True, exist_ok=True)
    (root / "pictures" / "money.svg").write_text(svg, encoding="utf-8")
    meta = {
        "title": _block("meta.title", "meta", "Mini·job"),
        "subtitle": _block("meta.subtitle", "meta", "Ihre Rechte"),
        "publisher": _block("meta.publisher", "meta", "Integrations·zentrum"),
        "imprint": _block("meta.imprint", "meta", "Wir haben das Heft gemacht.\nEs ist leicht."),
    }
    section = parse_section(SECTION.encode(), "lohn", "sections/lohn.md")
    glossary = (
        GlossaryEntry(
            "lohn",
            _block("glossary.lohn.term", "glossary_term", "Lohn"),
            _block("glossary.lohn.definition", "glossary_definition", "Lohn ist Geld für Arbeit."),
        ),
    )
    contacts = (
        Contact(
            "bmas",
            _block("contact.bmas.name", "contact_name", "Bürger·telefon"),
            _block(
                "contact.bmas.description", "contact_description", "Hier bekommen Sie Antworten."
            ),
            phone="030 60 28 00 28",
            email="info@example.org",
            url="https://www.bmas.de",
            address="Musterweg 1\n10117 Berlin",
            source="test",
        ),
    )
    return Publication("tiny", root, "de", date(2026, 11, 24), meta, (section,), glossary, contacts)


def german_texts(publication: Publication) -> dict[str, str]:
    return {b.id: b.text for b in publication.blocks()}


def render(
    publication: Publication,
    texts: dict[str, str],
    code: str = "de",
    ui: dict[str, str] | None = None,
    *,
    draft: bool = False,
    notes_pages: int = 0,
) -> str:
    version = version_of(publication, texts, code, ui, draft=draft)
    return render_html(version, templates_dir=TEMPLATES, notes_pages=notes_pages)


@pytest.fixture
def pub(tmp_path: Path) -> Publication:
    return make_publication(tmp_path / "tiny")


def test_document_head_and_structure(pub: Publication) -> None:
    out = render(pub, german_texts(pub))
    assert out.startswith("<!DOCTYPE html>")
    assert '<html lang="de" dir="ltr">' in out
    assert "<title>Mini·job</title>" in out
    assert '<meta name="author" content="Integrations·zentrum">' in out
    assert '<meta name="dcterms.created" content="2026-11-24">' in out
    assert '<meta name="dcterms.modified" content="2026-11-24">' in out
    assert '<img class="picto" src="pictures/money.svg" alt="Geld und Münzen.">' in out
    assert "<h2>Der Lohn</h2>" in out
    assert "<h3>Wie viel?</h3>" in out
    assert "Sie bekommen Geld für Ihre Arbeit.<br>\nDas ist der Lohn." in out
    assert '<aside class="box">' in out
    assert "<strong>Wichtig:</strong>" in out
    assert '<a href="#topic-1">' in out  # contents entry with target-counter
    assert 'href="tel:03060280028"' in out
    assert '<a href="https://www.bmas.de" dir="ltr" class="nobreak">www.bmas.de</a>' in out
    assert '<a href="mailto:info@example.org" dir="ltr" class="nobreak">' in out
    assert "Musterweg 1</span><br><span" in out
    assert "24. November 2026" in out
    assert "Integrations·zentrum" in out  # a compound that fits a line is never split
    assert 'class="notes"' not in out
    assert 'data-draft-label="' not in out


def test_stylesheet_rules_for_easy_reading() -> None:
    css = (TEMPLATES / "base.css").read_text("utf-8") + (TEMPLATES / "rtl.css").read_text("utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert "justify" not in rules
    assert "italic" not in rules
    assert "hyphens: manual !important" in rules
    assert "hyphens: auto" not in rules
    assert "overflow-wrap: normal !important" in rules
    assert "font-style: normal !important" in rules
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", rules)]
    assert re.search(r"html \{\s*font-size: 14pt;\s*line-height: 1\.5;", rules)
    assert min(sizes) >= 12  # only margin notes (draft mark) are below 14 pt
    assert "size: A5" in rules
    assert "bleed: 3mm" in rules
    assert "marks" not in rules


def test_untrusted_texts_stay_text(pub: Publication) -> None:
    texts = german_texts(pub)
    texts["meta.title"] = "</title><script>alert(1)</script>"
    texts["lohn.intro"] = "{{ 7*7 }} <img src=file:///etc/passwd> [x](javascript:alert(1))"
    texts["lohn.pic"] = 'Bild" onerror="alert(1)'
    out = render(pub, texts)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "{{ 7*7 }}" in out
    assert "49" not in out
    assert "<img src=file" not in out
    assert "javascript:" not in out
    assert 'alt="Bild&#34; onerror=&#34;alert(1)"' in out


def test_ui_translations_are_escaped_and_used(pub: Publication) -> None:
    ui = {
        "Contents": "<b>Inhalt</b>",
        "Page": "Seite",
        "Imprint": "Impressum 100 %",
        "Word book": "Wörter\u202e·buch",
        "As of": "Stand %(x)s",
    }
    out = render(pub, german_texts(pub), ui=ui)
    assert "&lt;b&gt;Inhalt&lt;/b&gt;" in out
    assert "<b>Inhalt" not in out
    assert 'data-page-label="Seite"' in out
    assert "Impressum 100 %" in out  # a "%" in a translation does not break formatting
    assert "Wörter·buch" in out
    assert "\u202e" not in out
    assert "Stand" in out  # no placeholder in the msgid: "%(x)s" is shown as text


def test_draft_and_notes_pages(pub: Publication) -> None:
    out = render(pub, german_texts(pub), draft=True, notes_pages=2)
    assert 'data-draft-label="Draft – not for printing"' in out
    assert out.count('<section class="notes"') == 2
    assert '<section class="notes" id="notes-0">' in out and 'id="notes-1"' in out
    assert out.index('class="notes"') > out.index('id="help"')
    assert out.index('class="notes"') < out.index('<footer class="back" id="back">')


def test_rtl_document(pub: Publication) -> None:
    out = render(pub, ARABIC, "ar")
    assert '<html lang="ar" dir="rtl">' in out
    assert "right-to-left layer" in out  # rtl.css is added
    assert 'font-family: "Noto Sans Arabic", "Noto Sans"' in out
    assert '<span dir="ltr" class="nobreak">030 60 28 00 28</span>' in out
    assert '<span dir="ltr">13,90</span>' in out
    assert re.search(r"24 نوفمبر 2026", out)  # Latin digits in the date


def _with_contact_description(pub: Publication, text: str) -> Publication:
    """``pub`` whose first contact has the German description ``text``."""
    contact = pub.contacts[0]
    description = replace(contact.description, text=text)
    return replace(pub, contacts=(replace(contact, description=description),))


def test_quoted_source_terms_are_marked_with_their_language(pub: Publication) -> None:
    """A translation that renames a word-book term may quote the German one ("In German,
    this is called: Lohn."): a screen reader must read it in German (WCAG 3.1.2)."""
    definition = "glossary.lohn.definition"
    english = {
        **german_texts(pub),
        "glossary.lohn.term": "Pay",
        definition: "Pay is money for work.\nIn German, this is called: Lohn.",
    }
    assert 'In German, this is called: <span lang="de">Lohn</span>.' in render(pub, english, "en")
    # A term the English text keeps is an English loanword: not marked. A contact's
    # name is the German name of an office: marked, kept or not.
    kept = {**english, "glossary.lohn.term": "Lohn", definition: "Lohn is money for work."}
    assert re.findall(r'<span lang="de">([^<]*)</span>', render(pub, kept, "en")) == [
        "Bürger·telefon"
    ]
    # In Arabic the German term is a left-to-right run in German.
    arabic = {**ARABIC, definition: "الأجر هو المال مقابل العمل.\nبالألمانية: Lohn."}
    assert 'بالألمانية: <span dir="ltr" lang="de">Lohn</span>.' in render(pub, arabic, "ar")
    assert 'lang="de"' not in render(pub, german_texts(pub), "de").split("<body", 1)[1]
    # In another script, what a translation copies from the German text in Latin letters
    # is German too; a Latin word the German text does not have is not.
    copied = {
        **ARABIC,
        "meta.publisher": "مركز الاندماج Integrationszentrum",
        "contact.bmas.description": "هنا تحصل على أجوبة عبر WhatsApp.",
    }
    out = render(pub, copied, "ar")
    assert '<span dir="ltr" lang="de">Integrationszentrum</span>' in out
    assert '<span dir="ltr">WhatsApp</span>' in out
    # An address both texts have is no German word ("de" of "www.bmas.de").
    with_address = {
        **german_texts(pub),
        "contact.bmas.description": "Hier bekommen Sie Antworten: www.bmas.de",
    }
    russian = {
        **with_address,
        "contact.bmas.description": "Здесь Вы получите ответы: www.bmas.de",
    }
    publication = _with_contact_description(pub, with_address["contact.bmas.description"])
    out = render(publication, russian, "ru")
    assert 'Здесь Вы получите ответы: <span class="nobreak">www.bmas.de</span>' in out
    assert not re.search(r'<span lang="de">(www|bmas|de)</span>', out)
    # A name with letters of Latin Extended Additional ("ễ") is one German run, not "Nguy".
    name = {**german_texts(pub), "contact.bmas.description": "Fragen Sie Frau Nguyễn."}
    publication = _with_contact_description(pub, name["contact.bmas.description"])
    russian = {**name, "contact.bmas.description": "Спросите госпожу Nguyễn."}
    out = render(publication, russian, "ru")
    assert 'Спросите госпожу <span lang="de">Nguyễn</span>.' in out


def test_missing_text_is_reported_with_the_block(pub: Publication) -> None:
    texts = german_texts(pub)
    del texts["lohn.box"]
    with pytest.raises(RenderError, match=r"lohn\.box") as info:
        render(pub, texts)
    assert info.value.problems[0].file == "sections/lohn.md"


@pytest.mark.parametrize(
    "src",
    [
        "/etc/passwd",
        "../../etc/passwd",
        "file:///etc/passwd",
        "https://example.org/x.svg",
        "pictures/missing.svg",
    ],
)
def test_pictures_must_be_inside_the_publication(tmp_path: Path, src: str) -> None:
    pub = make_publication(tmp_path / "tiny")
    section = parse_section(
        SECTION.replace("pictures/money.svg", src).encode(), "lohn", "sections/lohn.md"
    )
    pub = Publication(pub.name, pub.root, "de", pub.version, pub.meta, (section,), (), ())
    with pytest.raises(RenderError, match="picture"):
        render(pub, german_texts(pub))


def test_template_errors_are_render_errors(pub: Publication, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "base.css").write_text("", encoding="utf-8")
    (templates / "brochure.html").write_text("{{ no_such_value }}", encoding="utf-8")
    with pytest.raises(RenderError, match="template error"):
        render_html(version_of(pub, german_texts(pub)), templates_dir=templates)


GERMAN_UI = {
    "Page": "Seite",
    "Draft – not for printing": "Entwurf – nicht drucken",
    "Imprint": "Impressum",
    "This brochure is written in easy language.": "Dieses Heft ist in Leichter Sprache.",
    "Published by": "Heraus·geber",
    "As of": "Stand",
    "Where you can get help": "Hier bekommen Sie Hilfe",
    "Phone": "Telefon",
    "Website": "Internet·seite",
    "E-mail": "E-Mail",
    "Address": "Adresse",
    "Contents": "Inhalt",
    "Word book": "Wörter·buch",
    "Easy language": "Leichte Sprache",
    "Here we explain difficult words.": "Hier erklären wir schwere Wörter.",
    "Notes": "Notizen",
    "Checked by readers": "Geprüft von Lesern und Leserinnen",
    "Readers have not checked this text yet.": "Leser haben diesen Text noch nicht geprüft.",
}
#: Labels of the web page and the download page (not in the brochure's HTML).
WEB_UI = {
    "Skip to the content",
    "Other languages",
    "This brochure as a file",
    "To read on screen (PDF)",
    "For the print shop (PDF/X-4)",
    "To print at the office as a booklet (PDF)",
    "Brochures in easy language",
    "Each brochure in many languages: to read, to print and to take away.",
    "There are no QR codes on this page yet: the address where these files are published "
    "is not known.",
    "Web page",
    "%(count)s page",
}


def test_every_template_label_comes_from_the_ui_catalogue(pub: Publication) -> None:
    from leichtesprache.catalog import extract_ui

    pot = extract_ui(TEMPLATES)
    assert {e.msgid for e in pot} == set(GERMAN_UI) | WEB_UI
    out = render(pub, german_texts(pub), ui=GERMAN_UI, draft=True, notes_pages=1)
    reviewed = replace(
        version_of(pub, german_texts(pub), "de", GERMAN_UI),
        review=ReviewState("reviewed", "Prüf·gruppe", date(2026, 11, 20)),
    )
    out += render_html(reviewed, templates_dir=TEMPLATES)
    for msgid, label in GERMAN_UI.items():
        assert label in out
        assert f">{msgid}<" not in out and f'"{msgid}"' not in out
    assert "20. November 2026<br>Prüf·gruppe" in out
