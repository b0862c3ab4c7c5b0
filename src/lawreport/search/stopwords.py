"""Words too common in government work reports to tell sections apart.

Function words and the genre's connective phrases (我市, 进一步, 一是/二是…). Content words that
recur in the genre (法治, 政府, 建设, 工作) stay searchable: BM25's idf weighs them down, and a
reader may well search for them. Single characters are not indexed at all (a one-character query
is answered by the substring fallback in search-engine.js). The list ships in the index so the engine drops
the same words from queries.
"""

STOPWORDS = frozenset("""
的 了 和 与 及 或 等 在 对 为 是 将 把 被 从 以 并 其 各 之 而 也 都 于 由 向 就 中 上 下 内 后 前
我市 我们 以及 进一步 有关 相关 通过 按照 根据 关于 对于 其中 同时 以来 方面
一是 二是 三是 四是 五是 六是 七是 八是 九是 十是
""".split())
