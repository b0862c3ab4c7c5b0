"""Web pages in the shapes Chinese government sites publish reports in, wrapped around a plain
report text with realistic chrome (menus, breadcrumbs, metadata, share links, related articles,
footers).  Each builder returns (bytes, chrome strings that must never reach the report)."""

from __future__ import annotations

from html import escape

FOOTER = ["主办单位：某市人民政府办公室", "网站标识码：3205820001", "苏ICP备05018752号-1",
          "苏公网安备 32058202010198号", "技术支持：某市大数据管理局"]
NAV = ["网站首页", "政务公开", "政务服务", "互动交流", "走进本市"]
RELATED = ["关于开展2024年度行政执法案卷评查工作的通知", "市司法局召开全市行政复议工作推进会",
           "我市举办领导干部法治专题讲座"]
SHARE = ["分享到：", "打印本页", "关闭窗口"]


def _paras(text: str, indent: str = "　　") -> str:
    return "\n".join(f"<p>{indent}{escape(line)}</p>" for line in text.split("\n") if line.strip())


def _nav() -> str:
    items = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(NAV))
    return f'<div class="header"><div class="logo">某市人民政府</div><ul class="nav">{items}</ul></div>'


def _related() -> str:
    items = "".join(f'<li><a href="/art/{i}.html">{t}</a><span>2024-03-0{i + 1}</span></li>'
                    for i, t in enumerate(RELATED))
    return f'<div class="related"><h3>相关文章</h3><ul>{items}</ul></div>'


def _footer() -> str:
    return '<div class="footer">' + "".join(f"<p>{f}</p>" for f in FOOTER) + "</div>"


def _doc(title: str, body: str, head: str = '<meta charset="utf-8">') -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n{head}\n<title>{escape(title)}_某市人民政府"
            f"</title>\n<script>var _hmt = _hmt || [];</script>\n<style>.nav li{{float:left}}</style>\n"
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def trs_editor(title: str, text: str) -> tuple[bytes, list[str]]:
    body = f"""{_nav()}
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<div class="article">
<h1 class="title">{escape(title)}</h1>
<div class="info">发布时间：2024-03-20 09:30　来源：市司法局　字号：[<a>大</a> <a>中</a> <a>小</a>]</div>
<div class="TRS_Editor"><div class="TRS_Editor">
{_paras(text)}
</div></div>
<div class="share">{SHARE[0]}<a>微信</a><a>微博</a> <a onclick="window.print()">{SHARE[1]}</a> <a>{SHARE[2]}</a></div>
</div>
{_related()}
{_footer()}"""
    return _doc(title, body).encode("utf-8"), NAV + RELATED + SHARE + FOOTER + ["当前位置", "字号"]


def hanweb_zoom(title: str, text: str) -> tuple[bytes, list[str]]:
    lines = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + escape(line) for line in text.split("\n") if line.strip())
    body = f"""{_nav()}
<table class="crumbs"><tr><td>您当前的位置：<a href="/">首页</a> &gt; <a>信息公开</a> &gt; <a>计划总结</a></td></tr></table>
<div class="main">
<div class="art-title">{escape(title)}</div>
<div class="art-info">发布日期：2024-03-20 10:12 浏览次数：<span id="visit">1024</span></div>
<div id="zoom">{lines}<br></div>
<div class="tools"><a>【我要纠错】</a> <a>【打印本页】</a> <a>【关闭窗口】</a></div>
</div>
{_footer()}"""
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    return _doc(title, body, head).encode("gb18030"), NAV + FOOTER + ["我要纠错", "打印本页", "浏览次数", "您当前的位置"]


def open_government(title: str, text: str, issuer: str = "某市人民政府", date: str = "2024-03-15"
                    ) -> tuple[bytes, list[str]]:
    table = f"""<table class="xxgk-table">
<tr><th>索&nbsp;引&nbsp;号：</th><td>014009375/2024-00031</td><th>主题分类：</th><td>政务公开</td></tr>
<tr><th>发布机构：</th><td>{escape(issuer)}</td><th>成文日期：</th><td>{date}</td></tr>
<tr><th>发布日期：</th><td>2024-03-20</td><th>文　　号：</th><td></td></tr>
<tr><th>标　　题：</th><td colspan="3">{escape(title)}</td></tr>
</table>"""
    body = f"""{_nav()}
<div class="crumb">首页 &gt; 政府信息公开 &gt; 法定主动公开内容 &gt; 法治政府建设年度报告</div>
{table}
<div class="content-title"><h2>{escape(title)}</h2></div>
<div id="UCAP-CONTENT">
{_paras(text)}
</div>
<div class="bottom-tools"><span>【<a>打印</a>】</span><span>【<a>关闭</a>】</span></div>
{_related()}
{_footer()}"""
    return _doc(title, body).encode("utf-8"), NAV + RELATED + FOOTER + ["014009375", "主题分类"]


def _word_spans(line: str) -> str:
    """Text pasted from Word: the line cut into styled spans, &nbsp; and <o:p>."""
    spans = []
    for i in range(0, len(line), 7):
        chunk = escape(line[i:i + 7])
        spans.append(f"<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-bidi-font-family:"
                     f"\"Times New Roman\"'>{chunk}</span>")
    return ("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;"
            "mso-line-height-rule:exactly'><span lang=EN-US>&nbsp;&nbsp;</span>" + "".join(spans)
            + "<span lang=EN-US><o:p></o:p></span></p>")


def word_pasted(title: str, text: str) -> tuple[bytes, list[str]]:
    paras = "\n".join(_word_spans(line) for line in text.split("\n") if line.strip())
    body = f"""{_nav()}
<div class="breadcrumb"><a href="/">首页</a> » <a>政策文件</a> » <a>工作报告</a></div>
<div class="detail">
<h1>{escape(title)}</h1>
<div class="meta">来源：市政府办公室 ｜ 2024-03-21</div>
<div class="content">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
{paras}
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</div>
{_related()}
{_footer()}"""
    return _doc(title, body).encode("utf-8"), NAV + RELATED + FOOTER + ["政策文件", "来源：市政府办公室"]


def wechat(title: str, text: str) -> tuple[bytes, list[str]]:
    chrome = ["某市司法局", "微信扫一扫关注该公众号", "预览时标签不可点", "继续滑动看下一个", "轻触阅读原文", "在看"]
    paras = "\n".join(f'<section style="margin-bottom:8px"><p style="text-indent:2em"><span style="font-size:15px">'
                      f"{escape(line)}</span></p></section>" for line in text.split("\n") if line.strip())
    body = f"""<div id="js_article" class="rich_media">
<h1 class="rich_media_title" id="activity-name">{escape(title)}</h1>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname">
<a id="js_name">某市司法局</a></span><em id="publish_time">2024-03-22 18:00</em></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
{paras}
</div>
<div id="js_pc_qr_code"><p>微信扫一扫关注该公众号</p></div>
<div class="rich_media_tool"><a id="js_view_source">轻触阅读原文</a><span>在看</span></div>
<div id="js_tags_preview_toast">预览时标签不可点</div>
<div class="weui-dialog">继续滑动看下一个</div>
</div>"""
    head = '<meta charset="utf-8"><meta property="og:title" content="' + escape(title) + '">'
    return _doc(title, body, head).encode("utf-8"), chrome


def old_table(title: str, text: str) -> tuple[bytes, list[str]]:
    """A 2000s table layout, GBK with no charset declared anywhere."""
    rows = "\n".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    nav = "".join(f'<td class="menu"><a href="/{i}.htm">{n}</a></td>' for i, n in enumerate(NAV))
    body = f"""<table width="980" border="0" cellspacing="0" cellpadding="0" align="center">
<tr>{nav}</tr></table>
<table width="980" align="center"><tr>
<td width="200" valign="top" class="left"><table><tr><td><b>栏目导航</b></td></tr>
<tr><td><a href="/a.htm">通知公告</a></td></tr><tr><td><a href="/b.htm">政策法规</a></td></tr></table></td>
<td width="780" valign="top">
<table width="100%"><tr><td class="bt_title" align="center"><b>{escape(title)}</b></td></tr>
<tr><td align="center">发布时间：2024年03月25日　点击数：<font color="red">356</font></td></tr>
<tr><td class="bt_content">
{rows}
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></td></tr>
</table></td></tr></table>
<table width="980" align="center"><tr><td align="center">版权所有：某市人民政府　地址：某市人民路1号<br>
苏ICP备05018752号　网站标识码：3205820001</td></tr></table>"""
    page = (f"<html><head><title>{escape(title)}</title></head>\n<body>\n{body}\n</body></html>\n")
    return page.encode("gb18030"), NAV + FOOTER[2:3] + ["栏目导航", "通知公告", "点击数", "版权所有", "打印本页"]


SHAPES = {"trs_editor": trs_editor, "hanweb_zoom": hanweb_zoom, "open_government": open_government,
          "word_pasted": word_pasted, "wechat": wechat, "old_table": old_table}
