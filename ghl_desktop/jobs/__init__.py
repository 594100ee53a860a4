"""Jobs: one per dropped file, queued on a QThreadPool, remembered in a SQLite history.

``states`` (the transitions), ``store`` (stdlib sqlite3), ``files`` (the data folder), ``engine``
(one file through the core) and ``worker`` (one job to its end state) import no Qt and are tested
with plain pytest; ``runner`` is the thin Qt layer that runs jobs on the pool and reports back by
signals.
"""
