from lawreport.analyse.places import named
from lawreport.core.model import Report, Section


def _named(text, script="zh-Hans"):
    report = Report(id="t", title="t", script=script,
                    sections=[Section(id="1", number="一、", title="t", text=text)])
    return [(n.kind, n.name) for n in named(report)]


def test_towns_streets_and_bodies():
    found = _named("乐余镇、南丰镇获评示范。塘桥镇、大新镇、后塍街道打造调解室。市司法局牵头,市矛调中心揭牌运行。")
    assert ("place", "乐余镇") in found and ("place", "南丰镇") in found
    assert ("place", "后塍街道") in found and ("place", "大新镇") in found
    assert ("body", "市司法局") in found and ("body", "市矛调中心") in found


def test_generic_words_are_not_names():
    found = _named("部分区镇(街道)统筹作用不明显,乡镇司法所人员薄弱,服务保障党委政府中心工作。")
    assert not [n for k, n in found if k == "place"]
    assert not [n for k, n in found if "中心" in n]


def test_honours_in_quotes_are_not_bodies():
    found = _named("锦丰镇人民调解委员会荣获“全国模范人民调解委员会”。")
    assert found == [("place", "锦丰镇"), ("body", "锦丰镇人民调解委员会")]


def test_traditional_text_names_as_written():
    assert ("place", "鳳凰鎮") in _named("鳳凰鎮積極探索觀察員制度。", "zh-Hant")
