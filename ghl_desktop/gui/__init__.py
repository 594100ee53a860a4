"""The desktop window: a thin Qt layer over ``ghl_desktop.core`` and ``ghl_desktop.jobs``.

Every normalization rule lives in core; the widgets here run core work on the thread pool and show
what comes back. Nothing in this package blocks the GUI thread on file or table work.
"""
