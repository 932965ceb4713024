"""Importing a council's existing directory: feeds saved as JSON become records.

source.py reads the files and tells their format; one module per format
(oruk3.py, oruk_list.py, outpost.py) reads its services into SourceService;
mapping.py turns a SourceService into a record, counting what mapped, took a
default or was lost; writing.py writes the records, never over a file silently;
report.py says what happened, for people (Markdown) and programs (JSON).
"""
