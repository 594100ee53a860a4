"""The speed machinery, behind one boundary.

What is here makes a conversion fast and keeps the window responsive; none of it decides a value.
The rules (``normalize``, ``mapping``, ``dedupe``'s merge, ``export``'s format) do not import it.

- ``helper``: a second process that normalizes chunks (and formats export slices), its codec, the
  chunks it keeps for the export, and the in-order scheduling of work between two processes;
- ``fastpath``: column-at-a-time paths for plain emails and phones that give exactly the answers
  of ``email-validator`` and ``phonenumbers`` (differential tests hold them equal);
- ``export_ahead``: the export's first slices handed to the helper while the merge runs;
- ``memory``: the garbage collector paused while millions of objects are built, big results freed
  a slice at a time, the command line's quick exit;
- ``tuning``: every tuning number, and the one switch ``ONE_PROCESS`` that runs everything in one
  process (same bytes, ``tests/core/test_parallel.py``).
"""
