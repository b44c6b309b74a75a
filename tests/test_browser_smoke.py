"""The built site opens in Chromium in both languages without any request leaving the machine."""
import pytest
from conftest import Guard, _new_page


@pytest.mark.parametrize("path, heading", [("", "贯通"), ("en/", "Guantong")])
def test_home_page_opens_in_both_languages(page, base_url, path, heading):
    page.goto(base_url + path)
    assert heading in page.locator("h1").first.inner_text()


@pytest.mark.parametrize("path, lang, heading", [("catalogue/", "zh", "职业对应目录"),
                                                 ("en/catalogue/", "en", "Occupation catalogue")])
def test_catalogue_lists_every_row_and_committee(page, base_url, model, path, lang, heading):
    page.goto(base_url + path)
    assert page.locator("html").get_attribute("lang").startswith(lang)
    assert page.locator("h1").first.inner_text().startswith(heading)
    assert page.locator(".gt-catalogue table tbody tr").count() == len(model.rows)
    text = page.locator(".gt-catalogue table").inner_text()
    for name in ("焊工", "广东省工程系列机电专业高级职称评审委员会", "钢琴调律师", "各地市相关职称评审委员会"):
        assert name in text


@pytest.mark.parametrize("url", ["https://example.com/x.png", "http://192.0.2.1/x.png"], ids=["name", "address"])
def test_a_request_to_another_host_fails_in_the_browser_and_is_counted_by_the_guard(browser, url):
    ctx, pg = _new_page(browser)
    with pg.expect_event("requestfailed") as failed:
        pg.set_content(f'<img src="{url}">')
    ctx.close()
    assert failed.value.failure == "net::ERR_PROXY_CONNECTION_FAILED"  # it never left the machine
    assert pg.guard.blocked == [url]
    assert isinstance(pg.guard, Guard)


def test_a_request_to_the_local_server_is_not_sent_to_the_dead_proxy(page, base_url):
    response = page.goto(base_url + "assets/images/favicon.png")
    assert response.ok and page.guard.blocked == []


def _turn(contexts, base_url, before=None, script=None):
    """One test's turn with the pooled desktop context: the context it had, and what ``script`` returned."""
    pg = contexts.page("page")
    if before:
        before(pg)
    pg.goto(base_url)
    value = pg.evaluate(script) if script else None
    ctx = pg.context
    contexts.give_back("page")
    return ctx, value


def test_a_clean_context_is_handed_to_the_next_test(contexts, base_url):
    first, _ = _turn(contexts, base_url)
    assert _turn(contexts, base_url)[0] is first


def test_a_context_left_with_local_storage_is_not_handed_on(contexts, base_url):
    spoilt, _ = _turn(contexts, base_url, script="localStorage.setItem('gt-test', '1')")
    ctx, stored = _turn(contexts, base_url, script="localStorage.getItem('gt-test')")
    assert ctx is not spoilt and stored is None


def test_a_context_whose_clock_was_fixed_is_not_handed_on(contexts, base_url):
    spoilt, _ = _turn(contexts, base_url, before=lambda pg: pg.clock.set_fixed_time("2030-01-01T00:00:00+08:00"))
    ctx, year = _turn(contexts, base_url, script="new Date().getFullYear()")
    assert ctx is not spoilt and year < 2030
