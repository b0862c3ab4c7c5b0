"""The lowest stage: what every other stage shares.

    model      the dataclasses passed between stages (Report, Section, RemovedSection)
    errors     LawreportError and its kinds (content: exit 1; usage/setup: exit 2)
    script     Simplified/Traditional conversion (OpenCC)
    normalise  the one width/case folding (index, query, matching)
    urls       where every page lives and how pages link
    safefile   reading only regular files, up to a size limit
    pathnames  the one validator of values that become paths
"""
