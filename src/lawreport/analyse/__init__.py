"""Stage 3: analyse a Report -- figures (metrics, derived), keywords, timeline, documents,
places, and how the next year's plan answers the admitted shortcomings.

Every function here computes from the report text; nothing is tuned to one report.
Matching runs on a Simplified, width-folded copy (``textnorm.matching_copy``) whose
offsets equal those of the stored text, so every span points back into the report.
"""
