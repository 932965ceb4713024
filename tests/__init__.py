"""The test suite, laid out as the code is: tests/records/ tests local_offer/records/, and so on.

Every folder is a package, so pytest imports each test module by its full name
(tests.site.test_render): two folders may hold files of the same name, and
tests/site/ never stands in for Python's own `site` module. Shared helpers are
imported the same way, e.g. `from tests.helpers import record_yaml`.
"""
