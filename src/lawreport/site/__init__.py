"""Rendering the published site: report YAML -> HTML pages in both scripts.

    urls       where each page lives, relative links
    strings    interface strings in both scripts
    display    display-only punctuation normalisation
    text       the one function stored text becomes HTML through
    context    view objects templates see
    citations  GB/T 7714 (2015, 2025), BibTeX, CSL-JSON
    notes      editor's notes per section
    markdown_pages / markdown_text   editorial pages
    pages      Jinja environment and render_page (usable by other page types)
    site       the site's own page types
    sitemap    sitemap.xml, robots.txt
"""
