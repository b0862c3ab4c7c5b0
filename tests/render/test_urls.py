from lawreport.core import urls


def test_paths():
    assert urls.section("zjg-2023", "2-5-3") == "zjg-2023/2-5-3/index.html"
    assert urls.in_script(urls.section("r", "1"), "zh-Hant") == "zh-hant/r/1/index.html"
    assert urls.in_script(urls.section("r", "1"), "zh-Hans") == "r/1/index.html"


def test_relative_links():
    assert urls.relative("r/1/index.html", "index.html") == "../../index.html"
    assert urls.relative("zh-hant/r/1/index.html", "r/1/index.html") == "../../../r/1/index.html"
    assert urls.relative("index.html", "r/index.html") == "r/index.html"


def test_absolute_only_with_base_url():
    assert urls.absolute(None, "r/index.html") is None
    assert urls.absolute("https://x.org/site", "r/index.html") == "https://x.org/site/r/index.html"
    assert urls.absolute("https://x.org/site/", "r/index.html") == "https://x.org/site/r/index.html"
