"""The site's pages, engine-neutral: content made once from the reviewed records,
page types, components (one folder each under components/), every address (urls.py),
search data and glossary explanations. A site engine (mkdocs_plugin) serves them."""
