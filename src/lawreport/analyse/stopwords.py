"""Words of the genre that say little about a report's content.

Every report on rule-of-law government says 工作, 推进, 加强, 开展, 全面, 深入…; ranking
keywords or matching shortcomings to plans on them would rank the genre, not the report.
Written in Simplified: matching always runs on the Simplified copy.
"""

from __future__ import annotations

GENRE = set("""
工作 推进 加强 开展 进一步 全面 深入 持续 建设 提升 落实 完善 积极 强化 推动 实现 有效 不断 坚持 健全
机制 情况 方面 水平 相关 有关 各类 各级 全市 我市 本市 全区 全县 年度 重点 主要 组织 实施 进行 通过 以及
提供 做好 切实 扎实 充分 发挥 作用 深化 打造 创新 注重 着力 大力 努力 加大 力度 确保 促进 不断 统筹
全力 立足 围绕 聚焦 结合 按照 根据 依据 对于 关于 其中 同时 目前 当前 今年 去年 明年 全年 年内 年底
成效 效果 质量 高质量 体系 工作机制 制度 建立 形成 取得 进一步 更加 明显 较大 较为 一批 一系列 多种
部署 要求 任务 举措 措施 具体 有力 有序 重要 全面推进 深入推进 扎实推进 持续推进 不断完善 切实加强
制定 完成 确定 发展 邀请 实行 执行 行政 机关 市委 市政府 政府 法治 法治政府 法治政府建设 法治建设 依法 依法行政 工作者 领域 问题 方式 能力 服务 管理 单位 部门
""".split())

FUNCTION = set("""
的 了 和 与 及 或 等 在 对 为 以 把 被 将 由 从 向 于 之 其 并 也 又 都 就 还 而 且 但 是 有 个 这 那 该
各 每 所 让 使 给 可 能 会 要 应 已 着 过 上 下 中 内 外 后 前 时 再 更 最 很 不 没 无 非 未 及其 以及 以上
""".split())

STOP = GENRE | FUNCTION


def is_content_word(word: str) -> bool:
    """A word worth counting: two or more characters, not a number, not a stop word."""
    return (len(word) >= 2 and word not in STOP and not any(ch.isdigit() for ch in word)
            and all("\u4e00" <= ch <= "\u9fff" for ch in word))
