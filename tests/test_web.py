"""The web edition, the download page and the check report in a real browser: headless
Chromium with axe-core, screenshots with decodable QR codes, no request off the machine."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
PUBLIC_URL = "https://example.org/integrationszentrum/leichte-sprache/"
LANGUAGES = ("de", "en", "fr", "ru", "ar")


class _Page(HTMLParser):
    """Links, elements with lang/dir, headings and landmarks of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "a":
            self.links.append(found)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


# --- structure, without a browser --------------------------------------------------------


def test_download_page_links_every_edition_and_they_resolve(bundled_dist: Path) -> None:
    index = bundled_dist / "index.html"
    page = _parse(index)
    hrefs = [link["href"] for link in page.links if link.get("href")]
    files = [h for h in hrefs if h and not h.startswith("#")]
    for href in files:
        assert href is not None and (bundled_dist / href).is_file(), href
    for lang in LANGUAGES:
        for suffix in (".pdf", "-print.pdf", "-booklet.pdf", ".html"):
            assert f"minijob/minijob-{lang}{suffix}" in files, (lang, suffix)
    items = {
        attrs.get("lang"): attrs
        for tag, attrs in page.tags
        if tag == "li" and "language" in (attrs.get("class") or "")
    }
    assert set(items) == set(LANGUAGES)
    assert items["ar"].get("dir") == "rtl" and items["de"].get("dir") == "ltr"
    text = " ".join(index.read_text(encoding="utf-8").split())
    assert "العربية" in text and "(Arabisch)" in text  # autonym and the name in German
    assert "العمل الصغير" in text  # the title in that language
    assert re.search(r"\d+ Seiten, \d+ KB, 29\. November 2026", text)


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_web_edition_is_marked_up_for_assistive_technology(bundled_dist: Path, lang: str) -> None:
    path = bundled_dist / "minijob" / f"minijob-{lang}.html"
    page = _parse(path)
    html = next(attrs for tag, attrs in page.tags if tag == "html")
    assert html.get("lang") == lang and html.get("dir") == ("rtl" if lang == "ar" else "ltr")
    tags = [tag for tag, _ in page.tags]
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in tags
    assert page.links[0].get("href") == "#content"  # the skip link comes first
    headings = [int(tag[1]) for tag in tags if re.fullmatch(r"h[1-6]", tag)]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(headings))
    assert tags.count("dt") == tags.count("dd") > 20  # the word book is a <dl>
    others = [link for link in page.links if link.get("hreflang")]
    assert {link["hreflang"] for link in others} == set(LANGUAGES) - {lang}
    arabic = next((link for link in others if link["hreflang"] == "ar"), None)
    if arabic is not None:
        assert arabic.get("dir") == "rtl" and arabic.get("lang") == "ar"
    hrefs = {link.get("href") for link in page.links}
    for suffix in (".pdf", "-print.pdf", "-booklet.pdf"):
        assert f"minijob-{lang}{suffix}" in hrefs
    text = path.read_text(encoding="utf-8")
    assert "@media print" in text
    assert not re.search(r"""(?:src|href)=["'](?!#|data:|minijob-|mailto:|tel:|https://)""", text)


def test_download_page_without_public_url_has_a_note_and_the_build_warns(
    run_cli, sample_project: Path
) -> None:
    result = run_cli("build", "--project", sample_project, "--edition", "web", "--edition", "index")
    assert result.exit_code == 0, result.output
    assert "public_url" in result.output  # the warning says what to set
    text = (sample_project / "dist" / "index.html").read_text(encoding="utf-8")
    assert "<svg" not in text and 'class="no-qr"' in text


# --- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Any:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("Chromium is not installed (sh scripts/install-system-packages.sh --test)")
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (sh scripts/install-system-packages.sh --test)")
    from selenium import webdriver  # a test extra
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()


def _open(driver: Any, path: Path, width: int = 1000, height: int = 900) -> list[str]:
    """Load a page; return the URLs of every request it made."""
    driver.set_window_size(width, height)
    driver.get_log("performance")  # drop what came before
    driver.get(path.as_uri())
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    return requests


def _axe(driver: Any) -> list[tuple[str, str, int]]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations)).catch(e => done(String(e)));"
    )
    assert isinstance(result, list), result
    return [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from leichtesprache.check import check_project
    from leichtesprache.config import load_project
    from leichtesprache.readability.report import format_html

    path = tmp_path_factory.mktemp("report") / "report.html"
    from leichtesprache.i18n import use_language

    with use_language("de"):
        path.write_text(format_html(check_project(load_project(ROOT))), "utf-8")
    return path


@pytest.mark.parametrize(
    "page", ["index.html", "minijob/minijob-de.html", "minijob/minijob-ar.html", "report"]
)
def test_axe_finds_no_serious_violation_and_nothing_loads_from_outside(
    browser: Any, bundled_dist: Path, report: Path, page: str
) -> None:
    path = report if page == "report" else bundled_dist / page
    requests = _open(browser, path)
    assert requests and all(url.startswith(("file:", "data:")) for url in requests), requests
    assert _axe(browser) == []


def test_qr_codes_on_a_screenshot_decode_to_each_web_edition(
    browser: Any, bundled_dist: Path, tmp_path: Path
) -> None:
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbar-tools is not installed (sh scripts/install-system-packages.sh --test)")
    _open(browser, bundled_dist / "index.html", width=1000, height=900)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1000, height + 100)
    shot = tmp_path / "index.png"
    browser.save_screenshot(str(shot))
    decoded = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(shot)], capture_output=True, text=True
    ).stdout.split()
    assert sorted(decoded) == sorted(
        f"{PUBLIC_URL}minijob/minijob-{lang}.html" for lang in LANGUAGES
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_web_edition_fits_phone_and_desktop(browser: Any, bundled_dist: Path, width: int) -> None:
    _open(browser, bundled_dist / "minijob" / "minijob-de.html", width=width)
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    inner = browser.execute_script("return window.innerWidth")
    assert scroll <= inner  # no sideways scrolling
    size = browser.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"
    )
    assert size >= 18


def test_arabic_web_edition_reads_right_to_left(
    browser: Any, bundled_dist: Path, tmp_path: Path
) -> None:
    _open(browser, bundled_dist / "minijob" / "minijob-ar.html", width=400)
    direction = browser.execute_script("return getComputedStyle(document.body).direction")
    assert direction == "rtl"
    box = browser.execute_script(
        "const r = document.querySelector('main p').getBoundingClientRect();"
        "const m = document.querySelector('main').getBoundingClientRect();"
        "return [r.right, m.right, r.left, m.left];"
    )
    assert abs(box[0] - box[1]) < 20  # text starts at the right edge of the column
    browser.save_screenshot(str(tmp_path / "ar.png"))


def test_web_works_for_the_sample_project(run_cli, sample_project: Path) -> None:
    """A project without its own templates gets the web edition from the packaged ones."""
    result = run_cli("build", "--project", sample_project, "--edition", "web")
    assert result.exit_code == 0, result.output
    html = (sample_project / "dist" / "sample" / "sample-ar.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert "data:image/svg+xml;base64," in html
    assert (DATA / "sample_project").is_dir()
