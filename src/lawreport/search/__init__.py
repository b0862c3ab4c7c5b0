"""Full-text search: one normalisation and one vocabulary for the index (Python, build time) and
the query (search.js, in the browser), so the two sides can never segment differently.

normalise -> tokenize -> index (JSON loaded as a <script>, works from file://) -> search.js ranks.
"""

from lawreport.search.index import build_index, write_search_index

__all__ = ["build_index", "write_search_index"]
