"""Interface strings, written out in both scripts (never converted at run time).

Templates use them as ``t.key``; every key must have both scripts (a test checks).
"""

from __future__ import annotations

from lawreport.core.script import HANS, HANT

STRINGS: dict[str, tuple[str, str]] = {
    # key: (Simplified, Traditional)
    "site_name": ("法治政府建设报告库", "法治政府建設報告庫"),
    "site_tagline": ("地方政府法治政府建设年度报告：全文、逐节永久链接、可引用",
                     "地方政府法治政府建設年度報告：全文、逐節永久連結、可引用"),
    "skip": ("跳到正文", "跳到正文"),
    "home": ("首页", "首頁"),
    "search": ("搜索", "搜尋"),
    "search_label": ("搜索报告全文", "搜尋報告全文"),
    "search_placeholder": ("搜索……", "搜尋……"),
    "other_script": ("繁體", "简体"),
    "other_script_label": ("切换到繁体中文", "切換到簡體中文"),
    "reports": ("报告", "報告"),
    "report_list": ("收录的报告", "收錄的報告"),
    "issuer": ("发布机关", "發布機關"),
    "issuer_reports": ("该机关各年度报告", "該機關各年度報告"),
    "issuer_years": ("该机关其他年度的报告", "該機關其他年度的報告"),
    "previous_year": ("上一年度", "上一年度"),
    "next_year": ("下一年度", "下一年度"),
    "year_report": ("年度报告", "年度報告"),  # after the year: 2022年度报告
    "corpus_link": ("全部报告概览：发布机关、指标、引用文件、规定内容", "全部報告概覽：發布機關、指標、引用文件、規定內容"),
    "addressee": ("报送对象", "報送對象"),
    "date": ("成文日期", "成文日期"),
    "year": ("报告年度", "報告年度"),
    "sections_count": ("节数", "節數"),
    "figures_count": ("数据点", "數據點"),
    "publication_note": ("公开属性", "公開屬性"),
    "source_script": ("原文字形", "原文字形"),
    "source_file": ("原文文件", "原文文件"),
    "title_source": ("标题来源", "標題來源"),
    "title_source_source": ("原文标题", "原文標題"),
    "title_source_inferred": ("原文无标题，按发布机关与年度推定", "原文無標題，按發布機關與年度推定"),
    "title_source_editor": ("编者拟定", "編者擬定"),
    "script_zh-Hans": ("简体", "簡體"),
    "script_zh-Hant": ("繁体", "繁體"),
    "overview": ("概览", "概覽"),
    "full_text": ("全文", "全文"),
    "read_full_text": ("阅读全文", "閱讀全文"),
    "parts": ("报告结构", "報告結構"),
    "contents": ("目录", "目錄"),
    "downloads": ("数据下载", "數據下載"),
    "download_yaml": ("报告数据（YAML，可编辑的原始记录）", "報告數據（YAML，可編輯的原始記錄）"),
    "download_json": ("报告数据（JSON）", "報告數據（JSON）"),
    "analysis": ("分析", "分析"),
    "items": ("项", "項"),
    "subsections": ("下设", "下設"),
    "no_subsections": ("无下级条目", "無下級條目"),
    "category_responsibilities": ("第一责任人履职", "第一責任人履職"),
    "category_measures": ("主要举措和成效", "主要舉措和成效"),
    "category_shortcomings": ("存在的不足", "存在的不足"),
    "category_plan": ("下一步工作安排", "下一步工作安排"),
    "category_other": ("其他", "其他"),
    "section_number": ("原文编号", "原文編號"),
    "section_id": ("永久标识", "永久標識"),
    "section_id_help": ("永久标识不随编号或文字修改而改变，用于链接与引用。",
                        "永久標識不隨編號或文字修改而改變，用於連結與引用。"),
    "in_full_text": ("在全文中查看", "在全文中查看"),
    "previous": ("上一节", "上一節"),
    "next": ("下一节", "下一節"),
    "breadcrumb": ("位置", "位置"),
    "anchor": ("本节链接", "本節連結"),
    "editor_note": ("编者按", "編者按"),
    "editor_note_help": ("以下为本站编者的说明，不是报告原文。", "以下為本站編者的說明，不是報告原文。"),
    "cite": ("引用本节", "引用本節"),
    "cite_report": ("引用本报告", "引用本報告"),
    "permalink": ("永久链接", "永久連結"),
    "copy": ("复制", "複製"),
    "copied": ("已复制", "已複製"),
    "copy_failed": ("复制失败，请手动选择文本", "複製失敗，請手動選擇文本"),
    "cite_gbt2025": ("GB/T 7714—2025", "GB/T 7714—2025"),
    "cite_gbt2015": ("GB/T 7714—2015", "GB/T 7714—2015"),
    "cite_bibtex": ("BibTeX", "BibTeX"),
    "cite_csl": ("CSL-JSON（Zotero、Mendeley、Pandoc）", "CSL-JSON（Zotero、Mendeley、Pandoc）"),
    "cite_ris": ("RIS（EndNote、NoteExpress）", "RIS（EndNote、NoteExpress）"),
    "cite_access_note": ("引用日期按您打开本页的日期自动填写（GB/T 7714—2015、BibTeX、CSL-JSON、RIS 均同）。",
                         "引用日期按您打開本頁的日期自動填寫（GB/T 7714—2015、BibTeX、CSL-JSON、RIS 均同）。"),
    "cite_2025_note": ("按 GB/T 7714—2025 的官方 CSL 样式著录：联机文献不著录引用日期。2025 版是否仍要求引用日期尚有不同理解，需要时请改用 2015 版格式。",
                       "按 GB/T 7714—2025 的官方 CSL 樣式著錄：聯機文獻不著錄引用日期。2025 版是否仍要求引用日期尚有不同理解，需要時請改用 2015 版格式。"),
    "cite_locator": ("引用位置", "引用位置"),
    "no_base_url": ("本站未配置公开网址，引文中的链接为您当前浏览的地址。",
                    "本站未配置公開網址，引文中的連結為您當前瀏覽的地址。"),
    "preamble": ("导语", "導語"),
    "signature": ("落款", "落款"),
    "removed_title": ("此节已在后来的版本中删除", "此節已在後來的版本中刪除"),
    "removed_body": ("您打开的永久链接指向的一节，在本报告后来收到的修订版本中已不存在。原来的编号和标题是：",
                     "您打開的永久連結指向的一節，在本報告後來收到的修訂版本中已不存在。原來的編號和標題是："),
    "removed_nearest": ("现行版本中最接近的一节：", "現行版本中最接近的一節："),
    "removed_overview": ("返回报告概览", "返回報告概覽"),
    "not_found_title": ("页面不存在", "頁面不存在"),
    "not_found_body": ("您要找的页面不存在或已移动。报告各节的永久链接不会改变；请从首页或搜索重新查找。",
                       "您要找的頁面不存在或已移動。報告各節的永久連結不會改變；請從首頁或搜尋重新查找。"),
    "about": ("关于", "關於"),
    "pages": ("说明", "說明"),
    "footer_note": ("报告文字来自发布机关公开的原文；编者按与分析为本站所加。",
                    "報告文字來自發布機關公開的原文；編者按與分析為本站所加。"),
    "search_results": ("搜索结果", "搜尋結果"),
    "search_not_built": ("全文检索索引尚未生成；以下列出全部章节，可用浏览器的页内查找。",
                         "全文檢索索引尚未生成；以下列出全部章節，可用瀏覽器的頁內查找。"),
    # search-page.js shows these (given to it as JSON in search.html); {n} is the number found
    "search_count": ("找到 {n} 个章节", "找到 {n} 個章節"),
    "search_any": ("没有同时包含全部词语的章节，以下章节包含其中部分词语。",
                   "沒有同時包含全部詞語的章節，以下章節包含其中部分詞語。"),
    "search_none": ("没有找到相关章节。", "沒有找到相關章節。"),
    "search_hint_shorter": ("试试更短的词语，或去掉引号；", "試試更短的詞語，或去掉引號；"),
    "search_hint_scripts": ("繁体和简体查询结果相同。", "繁體和簡體查詢結果相同。"),
    "search_hint_examples": ("例如：", "例如："),
    "search_loading": ("正在加载索引…", "正在載入索引…"),
    "search_failed": ("无法加载搜索索引文件：", "無法載入搜尋索引檔案："),
    "figure": ("数据", "數據"),
    "metrics": ("数据要点", "數據要點"),
    "level_part": ("部分", "部分"),
    "untitled": ("（无标题）", "（無標題）"),
}


class Strings:
    """``t.home`` or ``t["home"]`` in templates; a missing key fails loudly.

    Not a dict subclass, so keys such as ``copy`` never resolve to dict methods.
    """

    def __init__(self, values: dict[str, str]):
        self._values = values

    def __getitem__(self, key: str) -> str:
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(f"no interface string {key!r}") from None

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(f"no interface string {key!r}") from None


def strings_for(script: str) -> Strings:
    index = {HANS: 0, HANT: 1}[script]
    return Strings({key: pair[index] for key, pair in STRINGS.items()})
