"""A small corpus whose ranking we can reason about by hand."""

from __future__ import annotations

from lawreport.core.model import Report, Section


def corpus() -> Report:
    return Report(id="demo", title="示例市人民政府关于2023年度法治政府建设情况的报告", script="zh-Hans", sections=[
        Section("1", "一、", "主要举措", children=[
            Section("1-1", "(一)", "规范行政执法", title_end="。",
                    text="全面推行行政执法公示制度。执法人员持证上岗。"),
            Section("1-2", "(二)", "加强合法性审核", title_end="。",
                    text="对重大行政决策开展合法性审核,审核率100%。办理案件2711件,涉及金额5181万余元。"),
            Section("1-3", "(三)", "优化营商环境", title_end="。",
                    text="实行包容审慎监管。推进证明事项告知承诺制。审核清单动态调整,执法与审核衔接。"),
        ]),
        Section("2", "二、", "存在不足", children=[
            Section("2-1", "(一)", "队伍建设", title_end="。",
                    text="部分执法人员能力不足,执法<script>alert(1)</script>记录不规范。"),
        ]),
    ])


def site_pages():
    """The page paths a built site gives the index (build.write_search_index does the same)."""
    from lawreport.core import urls
    from lawreport.search.index import PagePaths

    return PagePaths(urls.section("{report}", "{section}"), urls.full_text("{report}"))
