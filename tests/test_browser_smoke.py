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


def test_a_request_to_another_host_is_caught_by_the_guard(browser):
    ctx, pg = _new_page(browser)
    with pg.expect_event("requestfailed"):
        pg.set_content('<img src="https://example.com/x.png">')
    ctx.close()
    assert pg.guard.blocked == ["https://example.com/x.png"]
    assert isinstance(pg.guard, Guard)
