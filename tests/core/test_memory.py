"""``speed.memory``'s heap settings: what the window's process asks of the C library."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ghl_desktop
from ghl_desktop.core.speed import memory


def test_big_blocks_without_glibc_is_a_no_op(monkeypatch):
    monkeypatch.setattr(memory, "_glibc", lambda name: None)
    assert memory.map_big_blocks() is False


@pytest.mark.skipif(memory._glibc("mallopt") is None, reason="glibc's mallopt")
def test_a_growing_big_list_keeps_its_pages_after_map_big_blocks():
    """Once a big block was freed, glibc serves the next big lists from its heap, and a list that
    outgrows its room there is copied into new pages (page faults with the GIL held); with
    ``map_big_blocks`` it is remapped, so growing touches only the pages of what is added."""
    script = textwrap.dedent("""
        import resource, sys
        from ghl_desktop.core.speed.memory import map_big_blocks
        if sys.argv[1] == "mapped":
            assert map_big_blocks()
        freed = [None] * 2_000_000
        del freed  # a 16 MB block freed: glibc's threshold rises past the columns
        cols = [[] for _ in range(8)]
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(40):  # eight columns of a million items growing side by side, a slice at a time
            for c in cols:
                c.extend([None] * 25_000)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    """)
    env = {**os.environ, "PYTHONPATH": str(Path(ghl_desktop.__file__).parents[1])}  # this checkout's package
    faults = {}
    for mode in ("heap", "mapped"):
        out = subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True, check=True, env=env)
        faults[mode] = int(out.stdout)
    pages = 8 * 8_000_000 // 4096  # the columns' pointers themselves
    assert faults["mapped"] < 1.3 * pages < faults["heap"], faults  # here: 1.16 and 1.58 times
