"""The only code that imports mkdocs: the plugin that hands the generated pages and files
to mkdocs, and the build runner (build.py) that the build command calls."""
