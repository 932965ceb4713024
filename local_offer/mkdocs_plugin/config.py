"""Typed configuration of the local-offer mkdocs plugin."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class LocalOfferConfig(Config):
    # The folder holding services/, data/ and schema/; default: beside mkdocs.yml.
    project_dir = opt.Optional(opt.Type(str))
    # Pin "today" (YYYY-MM-DD) for reproducible builds, tests and previews.
    today = opt.Optional(opt.Type(str))
    # Index the service pages for the site search (Pagefind) after every build and preview.
    search_index = opt.Type(bool, default=True)
