"""Full-text search: one normalisation and one vocabulary for the index (Python, build time) and
the query (search.js, in the browser), so the two sides can never segment differently.

normalise -> tokenize -> index (JSON loaded as a <script>, works from file://; split into shards
when big, see shards.py) -> search.js ranks; plan.download_plan says what a query loads.
"""

from lawreport.search.index import build_index, write_search_index
from lawreport.search.plan import download_plan

__all__ = ["build_index", "download_plan", "write_search_index"]
