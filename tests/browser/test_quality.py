"""Quality bars of the public pages in real Chromium, in both languages:
axe-core finds no WCAG 2.1 A/AA violation, the Nu Html Checker no error in
the HTML the server sends, no page scrolls sideways at 360 px, the skip
link and focus are visible to keyboard users (on the error pages too), and documents and meetings
print without the site's chrome. Screenshots of the home page at 360 and
1280 px go to var/test-output/screenshots/ for review.

The tools come from npm (package.json: axe-core, vnu-jar; `make test` runs
`npm ci`); the checker runs on the machine's Java. Missing tools skip the
tests, or fail them under CI=true."""

from __future__ import annotations

import datetime
import importlib
import json
import shutil
import subprocess

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path as url_path
from playwright.sync_api import Page, expect

from almaty_portal.urls import urlpatterns as portal_urlpatterns
from archive.search import document_index
from tests.conftest import ROOT, unavailable
from tests.factories.actionplan import plan_2012_with_an_answered_round
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.chairmanship import ChairmanshipFactory
from tests.factories.content import NewsItemFactory, ProjectFactory
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import OrganisationFactory, ParticipantStateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The data migrations' reference data, which a transactional test's flush
# removes: (migration module, its idempotent forward function).
REFERENCE_DATA = [
    ("archive.migrations.0004_thematic_areas", "load_thematic_areas"),
    ("content.migrations.0003_partner_reference_data", "load_partners"),
    ("content.migrations.0006_contact_details_reference", "create_contact_details"),
    ("content.migrations.0008_about_reference_data", "load"),
    ("content.migrations.0009_turkiye_in_reference_texts", "forwards"),
]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OUTPUT = ROOT / "var" / "test-output"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's landmark rules are "best practice", outside the WCAG tags: each
# landmark a screen reader lists must be told from the others (issue 24,
# item 20: two unnamed search forms, a region named like its section).
LANDMARK_RULES = [
    "landmark-unique", "landmark-one-main", "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main",
    "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level", "landmark-complementary-is-top-level",
]
NARROW = 360
WIDE = 1280




def _denies(request):
    raise PermissionDenied


def _too_many(request):
    return render(request, "429.html", status=429)


def _fails(request):
    raise RuntimeError("a bug, for the server error page's quality test")


# The portal's URLs plus three that answer 403, 429 and 500, for the error
# pages' test (@pytest.mark.urls(__name__)); 404 is any unknown address.
urlpatterns = [
    *portal_urlpatterns,
    *i18n_patterns(
        url_path("quality-403/", _denies), url_path("quality-429/", _too_many),
        url_path("quality-500/", _fails),
    ),
]
ERROR_PAGES = {"quality-403/": 403, "no-such-page/": 404, "quality-429/": 429, "quality-500/": 500}


@pytest.fixture(autouse=True)
def reference_data():
    """What a fresh database holds: the thematic areas, partners, contact
    details and About texts (as after `migrate`)."""
    from django.apps import apps

    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        unavailable(f"axe-core not installed at {AXE}: run `npm ci` (make test does)")
    return AXE.read_text()


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    if not VNU.exists():
        unavailable(f"vnu-jar not installed at {VNU}: run `npm ci` (make test does)")
    java = shutil.which("java")
    if java is None:
        unavailable("java not found: install default-jre-headless (make test does)")
    return [java, "-Xss4m", "-jar", str(VNU), "--format", "json", "--errors-only"]


@pytest.fixture
def public_pages() -> list[str]:
    """Every public page type, one example each, as paths after /<lang>/."""
    theme = ThemeFactory(name_ru="Управление границами", name_en="Border management",
                         slug="border-management-q")
    state = ParticipantStateFactory(name_ru="Казахстан", name_en="Kazakhstan", iso3="KAZ",
                                    iso2="KZ")
    ChairmanshipFactory(state=state, start=datetime.date(2025, 6, 5))
    OrganisationFactory(name_en="International Organization for Migration", acronym_en="IOM")
    document = DocumentFactory(title_ru="Алматинская декларация", title_en="Almaty Declaration",
                               slug="almaty-declaration", themes=[theme], states=[state])
    document_index(document_id=document.pk)
    news = NewsItemFactory(title_ru="Семинар в Алматы", title_en="Seminar in Almaty",
                           lead_ru="Двадцать должностных лиц.", lead_en="Twenty officials.",
                           body_ru="<p>Текст.</p>", body_en="<p>Text.</p>")
    project = ProjectFactory(name_ru="Программа БОМКА", name_en="BOMCA programme")
    past = MeetingFactory(title_ru="Совещание в Алматы 2024", title_en="Meeting in Almaty 2024",
                          slug="som-2024")
    MeetingFactory(title_ru="Совещание 2030", title_en="Meeting 2030", slug="som-2030",
                   start=datetime.date(2030, 10, 15), status="planned")
    plan_2012_with_an_answered_round(meeting=past)
    return [
        "", "about/", "search/?q=almaty", "search/?q=seminar&kind=news", "search/?q=снегопад",
        "news/",
        f"news/{news.slug}/", "partners/", "projects/", f"projects/{project.slug}/", "contact/",
        "meetings/", f"meetings/{past.slug}/", "states/", "states/kaz/", "observers/",
        "chairmanship/", "archive/", f"archive/{document.slug}/", "no-such-page/",
        "accounts/login/", "action-plan/", "action-plan/progress/",
    ]


def _violations(page: Page, axe_source: str) -> list[str]:
    # evaluate() runs outside the page's CSP, which refuses injected scripts.
    page.evaluate(axe_source)
    result = page.evaluate(
        "([tags, rules]) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " rules: Object.fromEntries(rules.map(rule => [rule, {enabled: true}]))})",
        [WCAG_TAGS, LANDMARK_RULES],
    )
    return [
        f"{violation['id']}: {node['target']} ({violation['help']})"
        for violation in result["violations"] for node in violation["nodes"]
    ]


def _findability_gaps(page: Page, server: str) -> list[str]:
    """What the head lacks: an absolute canonical URL, the three hreflang
    alternates, a title and a description."""
    head = page.evaluate("""() => ({
        canonical: document.querySelector('link[rel=canonical]')?.href || '',
        alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')]
            .map(link => link.getAttribute('hreflang') + ' ' + link.getAttribute('href')),
        title: document.title,
        description: document.querySelector('meta[name=description]')?.content || '',
    })""")
    gaps = []
    if not head["canonical"].startswith(f"{server}/"):
        gaps.append(f"canonical URL not absolute: {head['canonical']!r}")
    languages = sorted(alternate.split(" ")[0] for alternate in head["alternates"])
    if languages != ["en", "ru", "x-default"] or not all(
        alternate.split(" ")[1].startswith(f"{server}/") for alternate in head["alternates"]
    ):
        gaps.append(f"hreflang alternates: {head['alternates']}")
    if not head["title"].strip() or not head["description"].strip():
        gaps.append("no title or description")
    return gaps


def _horizontal_overflow(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def _checker_problems(vnu_command: list[str], html_files: dict[str, str]) -> dict:
    """The Nu Html Checker's errors per page, in one Java run for every page
    (the checker starts in seconds, then is fast)."""
    run = subprocess.run(
        [*vnu_command, *html_files], capture_output=True, text=True, timeout=300, check=False,
    )
    # Exit status 1 means errors found (listed below); anything else, no run.
    assert run.returncode in (0, 1), run.stderr[-2000:]
    problems: dict[str, list[str]] = {}
    for message in json.loads(run.stderr)["messages"]:
        url = html_files.get(message.get("url", "").removeprefix("file:"), message.get("url"))
        problems.setdefault(url, []).append(
            f"HTML line {message.get('lastLine')}: {message['message']}",
        )
    return problems


def _keyboard_gaps(page: Page) -> list[str]:
    """What a keyboard user would miss: the skip link first, visible, taking
    focus to the content; then a visible outline on what Tab reaches."""
    gaps = []
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    if skip.count() != 1:
        return ["no skip link"]
    box = skip.bounding_box()
    if not skip.evaluate("e => e === document.activeElement"):
        gaps.append("the first Tab does not reach the skip link")
    elif box is None or box["x"] < 0 or box["y"] < 0 or box["width"] < 1:
        gaps.append(f"the focused skip link is not visible: {box}")
    page.keyboard.press("Enter")
    if not page.evaluate("document.activeElement?.id === 'main'"):
        gaps.append("the skip link does not move focus to the content")
    for _ in range(4):
        page.keyboard.press("Tab")
        tag, style, width = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
        )
        if tag != "BODY" and (style == "none" or width == "0px"):
            gaps.append(f"no visible focus on a {tag}")
    return gaps


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_public_pages_pass_axe_html_checker_and_narrow_screens(
    live_server, page: Page, public_pages, axe_source, vnu_command, lang, tmp_path,
):
    problems: dict[str, list[str]] = {}
    html_files: dict[str, str] = {}
    page.set_viewport_size({"width": NARROW, "height": 800})
    for index, path in enumerate(public_pages):
        url = f"/{lang}/{path}"
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None
        assert response.status == (404 if path == "no-such-page/" else 200), url
        expect(page.locator("html")).to_have_attribute("lang", lang)
        if path == "about/":  # checked with its texts, as after `migrate`
            expect(page.locator("section#membership")).to_be_visible()
        found = _violations(page, axe_source)
        if path == "no-such-page/":
            # An error answers the address asked: it names no canonical or
            # other-language address for it.
            if page.locator("link[rel=canonical], link[rel=alternate][hreflang]").count():
                found.append("the 404 page names a canonical or alternate address")
        else:
            found += _findability_gaps(page, live_server.url)
        overflow = _horizontal_overflow(page)
        if overflow > 0:
            found.append(f"scrolls sideways by {overflow}px at {NARROW}px")
        if found:
            problems[url] = found
        saved = tmp_path / f"page-{index:02d}.html"
        saved.write_text(response.text(), encoding="utf-8")
        html_files[str(saved)] = url

    for url, messages in _checker_problems(vnu_command, html_files).items():
        problems.setdefault(url, []).extend(messages)

    assert problems == {}


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_error_pages_pass_axe_the_html_checker_and_keyboard_checks(
    live_server, page: Page, axe_source, vnu_command, lang, tmp_path,
):
    """403, 404, 429 and 500 as the server sends them, at 360 px: no axe
    violation, no sideways scrolling, the skip link and visible focus, and
    valid HTML (the 500 page is written out by hand, without base.html)."""
    problems: dict[str, list[str]] = {}
    html_files: dict[str, str] = {}
    page.set_viewport_size({"width": NARROW, "height": 800})
    for path, status in ERROR_PAGES.items():
        url = f"/{lang}/{path}"
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None
        assert response.status == status, url
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("main h1")).to_be_visible()
        found = _violations(page, axe_source)
        overflow = _horizontal_overflow(page)
        if overflow > 0:
            found.append(f"scrolls sideways by {overflow}px at {NARROW}px")
        found += _keyboard_gaps(page)
        if found:
            problems[url] = found
        saved = tmp_path / f"error-{status}.html"
        saved.write_text(response.text(), encoding="utf-8")
        html_files[str(saved)] = url

    for url, messages in _checker_problems(vnu_command, html_files).items():
        problems.setdefault(url, []).extend(messages)

    assert problems == {}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_home_page_screenshots_at_narrow_and_wide_screens(
    live_server, page: Page, public_pages, lang,
):
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for width in (NARROW, WIDE):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/{lang}/")
        target = folder / f"home-{lang}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        saved.append(target)
    # Where to look, in the test's output (pytest -s or the -rA summary).
    print(f"\nScreenshots of the home page ({lang}): {', '.join(map(str, saved))}")  # noqa: T201

    assert all(target.stat().st_size > 0 for target in saved)


NAVIGATION_SECTIONS = [
    "", "about/", "states/", "chairmanship/", "operational-mechanism/", "observers/",
    "partners/", "meetings/", "archive/", "action-plan/", "decisions/", "work-plans/", "news/",
    "projects/", "contact/",
]
# The three groups, and the page of the second entry of the last one.
GROUPS = {"ru": ["Процесс", "Документы", "Новости и проекты"],
          "en": ["The process", "Documents", "News and projects"]}


def _hrefs(nav) -> list[str]:
    links = nav.locator("a")
    return [links.nth(n).get_attribute("href") for n in range(links.count())]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_main_navigation_is_one_row_of_entries_and_groups_on_a_wide_screen(
    live_server, page: Page, lang,
):
    """Issue 24, item 17: thirteen items in two rows became six entries in
    one row, three of them groups that open with the keyboard and close
    with Escape."""
    page.set_viewport_size({"width": WIDE, "height": 800})
    page.goto(f"{live_server.url}/{lang}/projects/")
    nav = page.get_by_role("navigation", name="Main navigation" if lang == "en"
                           else "Основная навигация")
    entries = nav.locator(".site-nav__list > li")
    rows = {round(entries.nth(n).bounding_box()["y"]) for n in range(entries.count())}
    summaries = nav.locator("summary")
    projects = nav.locator(f'a[href="/{lang}/projects/"]')

    assert _hrefs(nav) == [f"/{lang}/{section}" for section in NAVIGATION_SECTIONS]
    assert entries.count() == 6
    assert max(rows) - min(rows) < 8  # one row (entries and groups centred on it)
    assert [summaries.nth(n).inner_text().strip(" ▾") for n in range(3)] == GROUPS[lang]
    expect(nav.locator("button")).to_be_hidden()
    expect(projects).to_have_attribute("aria-current", "page")
    expect(projects).to_be_hidden()
    summaries.nth(2).focus()
    page.keyboard.press("Enter")
    expect(projects).to_be_visible()
    page.keyboard.press("Tab")
    expect(nav.locator(f'a[href="/{lang}/news/"]')).to_be_focused()
    page.keyboard.press("Escape")
    expect(projects).to_be_hidden()
    expect(summaries.nth(2)).to_be_focused()
    expect(page.locator("header form[role=search]").get_by_role("searchbox")).to_be_visible()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_main_navigation_folds_under_a_menu_button_on_a_phone(live_server, page: Page, lang):
    """At 360 px, with the demo notice shown as `make run` shows it, the
    header, the folded menu and the notice leave most of the first 800 px
    to the page; the menu opens from the keyboard and reaches every
    section without sideways scrolling."""
    from django.core.cache import cache

    from almaty_portal.selectors import DEMO_DATA_CACHE_KEY

    cache.set(DEMO_DATA_CACHE_KEY, True, None)
    page.set_viewport_size({"width": NARROW, "height": 800})
    page.goto(f"{live_server.url}/{lang}/news/")
    nav = page.locator("nav.site-nav")
    toggle = nav.get_by_role("button")
    menu = nav.locator("#site-nav-list")
    expect(page.locator(".demo-notice")).to_be_visible()
    heading_top = page.locator("main h1").bounding_box()["y"]

    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_attribute("aria-controls", "site-nav-list")
    expect(menu).to_be_hidden()
    assert heading_top < 400, f"the page's heading starts at {heading_top}px"
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    summaries = nav.locator("summary")
    for n in range(summaries.count()):
        summaries.nth(n).focus()
        page.keyboard.press("Enter")
        links = summaries.nth(n).locator("xpath=..").locator("a")
        for index in range(links.count()):
            box = links.nth(index).bounding_box()
            assert box is not None
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= NARROW
    expect(nav.locator(f'a[href="/{lang}/news/"]')).to_have_attribute("aria-current", "page")
    assert _horizontal_overflow(page) == 0
    page.keyboard.press("Escape")  # closes the open group
    page.keyboard.press("Escape")  # then the menu
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()


LAYOUT_SHIFT = """() => new Promise(resolve => {
  new PerformanceObserver(list => resolve(
    list.getEntries().reduce((sum, entry) => sum + (entry.hadRecentInput ? 0 : entry.value), 0)
  )).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(0), 500);
})"""


def test_the_phone_menu_is_folded_from_the_first_paint_not_by_the_script(
    live_server, page: Page
):
    """The list folds by the stylesheet where scripts run, so nothing below
    the menu moves when the deferred script runs (Lighthouse saw a layout
    shift of 0.12 come and go with the script's timing): with the script
    held back the list is already folded, and a page loaded with it shifts
    nothing."""
    page.set_viewport_size({"width": NARROW, "height": 800})
    page.route("**/navigation*.js", lambda route: route.abort())
    page.goto(f"{live_server.url}/ru/news/")
    nav = page.locator("nav.site-nav")
    expect(nav.locator("#site-nav-list")).to_be_hidden()
    expect(nav.get_by_role("button")).to_be_visible()

    page.unroute("**/navigation*.js")
    page.goto(f"{live_server.url}/en/news/")
    page.wait_for_load_state("load")
    assert page.evaluate(LAYOUT_SHIFT) == 0


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(
    live_server, page: Page,
):
    page.goto(f"{live_server.url}/en/about/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["y"] >= 0
    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()


def test_keyboard_focus_is_visible_on_links_and_buttons(live_server, page: Page):
    page.goto(f"{live_server.url}/ru/")

    outlines = []
    for _ in range(6):
        page.keyboard.press("Tab")
        outlines.append(page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
        ))

    assert all(style != "none" and width != "0px" for _tag, style, width in outlines), outlines


@pytest.mark.parametrize("path", ["archive/almaty-declaration/", "meetings/som-2024/"])
def test_documents_and_meetings_print_without_the_sites_chrome(
    live_server, page: Page, public_pages, path,
):
    page.goto(f"{live_server.url}/en/{path}")
    page.emulate_media(media="print")

    for selector in (".site-header", ".site-nav", ".site-footer", ".skip-link"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none"
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_demo_portal_pages_pass_axe_and_the_html_checker(
    live_server, page: Page, axe_source, vnu_command, settings, tmp_path,
):
    """What `make run` shows a ministry: the demo data, in both languages."""
    from io import StringIO

    from django.core.management import call_command

    from archive.selectors import public_documents
    from content.selectors import news_for_list, public_projects
    from decisions.models import RegisterOutcome
    from meetings.models import Meeting
    from workplans.models import WorkPlan

    settings.DEBUG = True
    # The public yearly totals of contributions exist only with this on.
    settings.CONTRIBUTIONS_PUBLIC_AGGREGATE = True
    call_command("load_demo", stdout=StringIO())
    # One of each object page, by its path after the language prefix.
    objects = [
        Meeting.objects.order_by("-start").first(), public_documents().order_by("-pk").first(),
        news_for_list().first(), public_projects().first(),
        # An outcome with its follow-up (the decisions register, issue 26).
        RegisterOutcome.objects.filter(follow_up_items__isnull=False).first(),
        # A year's work plan with what carried its activities out (issue 26).
        WorkPlan.objects.filter(activities__meetings__isnull=False).order_by("-year").first(),
    ]
    object_paths = [item.get_absolute_url().split("/", 2)[2] for item in objects]
    problems: dict[str, list[str]] = {}
    html_files: dict[str, str] = {}
    for lang in ("ru", "en"):
        paths = ["", "about/", "meetings/", "news/", "states/", "chairmanship/", "archive/",
                 "projects/", "partners/", "action-plan/", "action-plan/progress/",
                 "search/?q=almaty", "decisions/", "decisions/?kind=chair&q=chair",
                 "operational-mechanism/", "operational-mechanism/versions/",
                 "operational-mechanism/compare/",
                 "alerts/", "alerts/?search=q%3Dalmaty%26type%3Dreport", "alerts/manage/",
                 "contributions/", "work-plans/",
                 *object_paths]
        for index, path in enumerate(paths):
            url = f"/{lang}/{path}"
            response = page.goto(f"{live_server.url}{url}")
            assert response is not None
            assert response.status == 200, url
            found = _violations(page, axe_source)
            if found:
                problems[url] = found
            saved = tmp_path / f"demo-{lang}-{index:02d}.html"
            saved.write_text(response.text(), encoding="utf-8")
            html_files[str(saved)] = url

    for url, messages in _checker_problems(vnu_command, html_files).items():
        problems.setdefault(url, []).extend(messages)

    assert problems == {}
