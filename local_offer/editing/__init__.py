"""Tools beside the pipeline for the people who edit records: the pull-request diff,
plain English lint, CODEOWNERS, link checking, synthetic records and safe writes."""
