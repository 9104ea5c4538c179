"""Browser tests: Playwright driving Debian's Chromium, with axe-core and keyboard helpers.

Every test here that asks for a browser skips, naming the install command, when Chromium is
missing; `.ci/run` installs it so CI always runs them (see TESTING.md).
"""

from pathlib import Path

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from django.db import connection, transaction
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer

from tests.browser.pages import make_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_FIXTURES = {"page", "no_js_page", "browser", "context", "new_context", "browser_type"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

_axe = Axe()


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: run `apt-get install chromium` "
        "to run the browser tests"
    )
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP}


def _kept_context(browser, context_args):
    context = browser.new_context(**context_args)
    context.new_page()  # a blank page kept open, so that the context's renderer stays warm
    return context


@pytest.fixture(scope="session")
def _js_context(browser, browser_context_args):
    context = _kept_context(browser, browser_context_args)
    yield context
    context.close()


@pytest.fixture(scope="session")
def _no_js_context(browser, browser_context_args):
    context = _kept_context(browser, {**browser_context_args, "java_script_enabled": False})
    yield context
    context.close()


def _fresh_page(context):
    """A new page in a kept context, as independent as a new context: no cookies, no HTTP cache.

    A new context per test costs a renderer start (about 0.4 s a test); a new page in a kept
    context does not. Each page has its own sessionStorage; the site uses no localStorage.
    """
    context.clear_cookies()
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


def _close_pages(context):
    for page in context.pages[1:]:
        page.close()


@pytest.fixture
def page(_js_context):
    """A new page with JavaScript on (replaces pytest-playwright's page: see _fresh_page)."""
    yield _fresh_page(_js_context)
    _close_pages(_js_context)


@pytest.fixture
def no_js_page(_no_js_context):
    """A new page with JavaScript off."""
    yield _fresh_page(_no_js_context)
    _close_pages(_no_js_context)


@pytest.fixture(scope="session")
def server(playwright, django_db_setup, django_db_blocker):
    """A live server for the whole session that shares the tests' in-memory SQLite connection.

    It serves the rows of the test's own transaction, so browser tests use `db` (each test's
    writes roll back) instead of pytest-django's live_server, which makes every test
    transactional and so empties the database after each one. Content made once per module
    (see `site`) then serves every test of the module. Browser tests run in the SQLite pass
    only (tests/conftest.py), where the test database is in memory.

    It asks for `playwright` first: starting Playwright gives the main thread a new context, and
    with it a new Django connection (asgiref's Local keeps them per context), so the server must
    capture the connection that the tests will use after that. (Not `browser`: pytest-playwright
    parametrizes it, and pytest would stop and start the server again around other tests.)
    """
    with django_db_blocker.unblock():
        if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
            pytest.skip("browser tests share SQLite's in-memory test database with the server")
        live = LiveServer("localhost")
    live._live_server_modified_settings.enable()
    yield live
    live._live_server_modified_settings.disable()
    # Stop serving, but leave the connection shareable (live.stop() would not): the browser's
    # keep-alive request threads may still close it after this.
    live.thread.terminate()


@pytest.fixture(scope="module")
def _site_content(server, django_db_blocker):
    """make_site() once for the module, rolled back at its end; no history rows."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(SIMPLE_HISTORY_ENABLED=False),
    ):
        make_site()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def site(_site_content, server, db):
    """The live server's address, with the content every page type needs (tests/browser/pages.py).

    Once a test of a module asks for it, the rest of the module sees the content too.
    """
    return server.url


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def axe_results(page):
    """axe-core's WCAG 2.0 to 2.2 A and AA rules run on the page as it is now.

    axe is injected once per document (a second run at another width reuses it), and only
    violations come back in full: the other result types do not decide anything here.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe.axe_script)
    return AxeResults(page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS))


def axe_check(page, name=""):
    """Run axe-core's WCAG 2.0 to 2.2 A and AA rules on the page; fail with its report."""
    results = axe_results(page)
    assert results.violations_count == 0, (
        f"axe found violations on {name or page.url} at {page.viewport_size['width']} px:\n"
        + results.generate_report()
    )
    return results


def axe_rule_ids(page):
    """The ids of the axe rules the page violates (for tests that expect a failure)."""
    return {violation["id"] for violation in axe_results(page).response["violations"]}


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with {limit} presses of Tab")


def no_horizontal_scroll(page):
    """Fail when the page is wider than the viewport (WCAG 1.4.10 Reflow)."""
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], (
        f"{page.url} scrolls sideways at {page.viewport_size['width']} px: "
        f"content {widths[0]} px wide in a {widths[1]} px viewport"
    )


# Reads the styles that can draw a focus indicator on the focused element, then blurs it,
# reads them again and gives focus back, so the caller can compare focused with unfocused.
_FOCUS_STYLES_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const read = () => {
    const s = getComputedStyle(el);
    return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
            outlineColor: s.outlineColor, boxShadow: s.boxShadow,
            background: s.backgroundColor, color: s.color,
            textDecoration: s.textDecorationLine + " " + s.textDecorationThickness};
  };
  const focused = read();
  el.blur();
  const unfocused = read();
  el.focus();
  const rect = el.getBoundingClientRect();
  return {focused, unfocused, tag: el.tagName.toLowerCase(), html: el.outerHTML.slice(0, 120),
          label: (el.id ? "#" + el.id + " " : "")
                 + (el.textContent || el.value || "").trim().slice(0, 60),
          size: rect.width * rect.height};
}
"""

_TRANSPARENT = {"transparent", "rgba(0, 0, 0, 0)"}


def _has_visible_indicator(styles):
    focused, unfocused = styles["focused"], styles["unfocused"]
    outline = (
        focused["outlineStyle"] != "none"
        and focused["outlineWidth"] > 0
        and focused["outlineColor"] not in _TRANSPARENT
    )
    changed = any(
        focused[key] != unfocused[key] for key in ("boxShadow", "background", "color")
    )
    return outline or changed


def assert_focus_visible(page, styles=None):
    """The focused element shows a focus indicator: an outline, or a changed shadow or colour.

    `styles`: what _FOCUS_STYLES_JS returned for it, when the caller has just read it.
    """
    styles = page.evaluate(_FOCUS_STYLES_JS) if styles is None else styles
    assert styles is not None, f"nothing has focus on {page.url}"
    assert styles["size"] > 0, f"focused {styles['tag']} {styles['label']!r} is not on screen"
    assert _has_visible_indicator(styles), (
        f"focused {styles['tag']} {styles['label']!r} on {page.url} shows no focus indicator: "
        f"{styles}"
    )


def tab_through(page, limit=80):
    """Press Tab until focus leaves the page or comes round again; check every stop is visible.

    Returns the focused elements' descriptions in order.
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        styles = page.evaluate(_FOCUS_STYLES_JS)  # null when focus has left the page
        stop = styles and styles["html"]
        if stop is None or (stops and stop == stops[0]):
            break
        assert_focus_visible(page, styles)
        stops.append(stop)
    return stops


def assert_error_summary_focused(page):
    """GOV.UK error pattern: title starts "Error: ", the summary has focus, each link
    reaches its field.

    Call it straight after submitting a form with errors. Each link is followed by keyboard
    (focus it, press Enter) and must put focus on the field it names.
    """
    assert page.title().startswith("Error: "), f"title {page.title()!r} lacks 'Error: '"
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible(), "no visible .govuk-error-summary"
    assert page.evaluate(
        "() => document.activeElement.classList.contains('govuk-error-summary')"
    ), "the error summary does not have focus"
    links = summary.locator(".govuk-error-summary__list a")
    assert links.count() > 0, "the error summary lists no errors"
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href")
        assert target and target.startswith("#"), f"error link {target!r} is not #field-id"
        field = page.locator(f"[id='{target[1:]}']")
        assert field.count() == 1, f"error link {target} points to no field"
        link.focus()
        page.keyboard.press("Enter")
        focused_id = page.evaluate("() => document.activeElement.id")
        assert focused_id == target[1:], f"{target} put focus on #{focused_id}, not the field"

