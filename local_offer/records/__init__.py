"""Records: each service file read with its lines and checked against the schema, and the
council's data files (settings, taxonomy, glossary, comments, coverage) read the same way.

The bottom of the pipeline: it imports no other stage."""
