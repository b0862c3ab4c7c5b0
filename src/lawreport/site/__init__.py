"""The site stage: everything a reader sees, from reports and analysis results to files in site/.

    strings    interface strings in both scripts
    display    display-only punctuation normalisation
    text       the one function stored text becomes HTML through
    context    view objects templates see
    citations  GB/T 7714 (2015, 2025), BibTeX, CSL-JSON, RIS from one record per section
    notes      editor's notes per section
    markdown_pages / markdown_text   editorial pages (sanitised Markdown)
    pages      Jinja environment and the renderer that writes both scripts
    render     the report's and the site's own page types
    analysis   metrics page, metrics.csv and the analysis pages
    charts     SVG bar charts
    across     pages across reports (issuers, indicators, documents, required contents, corpus)
    database   data/corpus.sqlite
    sitemap    sitemap.xml, robots.txt

Where pages live is core.urls; analysis results come from analyse/ as plain data.
"""
