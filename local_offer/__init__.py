"""The Local Offer generator: YAML service records to an accessible static site.

The packages are the pipeline, and imports point one way, down it:
cli -> mkdocs_plugin | editing -> outputs -> site -> freshness -> records.
Only ``local_offer.mkdocs_plugin`` imports mkdocs (pyproject.toml's import-linter
contracts hold every stage to this).
"""
