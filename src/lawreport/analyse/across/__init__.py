"""Analyses across reports (plain data only): issuer identity, year over year, indicators,
documents, required contents.  Each module answers one question; site/across.py shows them."""
