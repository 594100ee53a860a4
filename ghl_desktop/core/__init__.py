"""The conversion engine: reading, mapping, normalizing, dedupe, report, export.

Nothing in this package imports Qt, so it runs (and is tested) headless and from the CLI;
``tests/core/test_no_qt.py`` proves it.
"""
