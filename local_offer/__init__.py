"""The Local Offer generator: YAML service records to an accessible static site.

Data flows one way: YAML files -> validated records (``records``) -> freshness
state -> pages, feeds and search index -> mkdocs. Nothing under this package
imports mkdocs except ``local_offer.mkdocs``, the thin plugin.
"""
