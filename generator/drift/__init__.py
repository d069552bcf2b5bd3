"""Drift: how the live OpenAPI document differs from the committed ``spec/openapi.json``.

``fetch`` gets the live document, ``schemas`` and ``compare`` find the semantic
changes and classify each as breaking or not for a client of this package,
``report`` renders them as text, JSON or Markdown, and ``command`` ties it together
behind ``python -m generator drift``.
"""
