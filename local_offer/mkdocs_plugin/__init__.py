"""The thin mkdocs plugin that hands the generated pages to mkdocs."""
