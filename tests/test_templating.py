"""The Jinja2 environments of the pages: compiled templates shared within a process."""

from __future__ import annotations

from pathlib import Path

from leichtesprache.languages import get_language
from leichtesprache.templating import _COMPILED, make_environment
from leichtesprache.translate import UiLabels


def test_environments_share_compiled_templates_and_see_changes(tmp_path: Path) -> None:
    """Every page gets an environment of its own (its language's labels and filters); a
    template compiled for one is run by the next without compiling it again, and a
    template changed on disk is compiled anew."""
    (tmp_path / "page.html").write_text(
        '<p dir="{{ dir }}">{% trans %}Contents{% endtrans %}: {{ text | ltr_text }}</p>',
        encoding="utf-8",
    )
    german = UiLabels({(None, "Contents"): "Inhalt"})
    arabic = UiLabels({(None, "Contents"): "المحتويات"})
    first = make_environment(tmp_path, german, get_language("de"), 40)
    html = first.get_template("page.html").render(dir="ltr", text="030 12")
    assert html.startswith('<p dir="ltr">Inhalt: ')
    compiled = dict(_COMPILED._code)
    second = make_environment(tmp_path, arabic, get_language("ar"), 40)
    html = second.get_template("page.html").render(dir="rtl", text="030 12")
    assert html.startswith('<p dir="rtl">المحتويات: ')
    assert _COMPILED._code == compiled  # run from the first one's code
    (tmp_path / "page.html").write_text("<p>{% trans %}Contents{% endtrans %}</p>", "utf-8")
    third = make_environment(tmp_path, german, get_language("de"), 40)
    assert third.get_template("page.html").render() == "<p>Inhalt</p>"
    assert _COMPILED._code != compiled  # compiled again: the source changed
