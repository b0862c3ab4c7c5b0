"""Full-text search: one normalisation, one grammar and one vocabulary for the index (Python, build
time) and the query (search-engine.js, in the browser), so the two sides can never segment
differently.

normalise -> grammar -> tokenize -> index (files described once in ``format``; split into shards
when big, see shards.py) -> search-engine.js ranks.  What a query downloads is measured by
bench/search_plan.py, outside the package.
"""

from lawreport.search.index import PagePaths, build_index, write_search_index

__all__ = ["PagePaths", "build_index", "write_search_index"]
