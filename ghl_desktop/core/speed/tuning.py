"""Every number the speed machinery is tuned by, in one place (why each has its value is in
``docs/performance.md``). Modules read them as ``tuning.NAME`` when they run, so a test may set
one for a small input."""

import os

#: One switch: everything in this process, no helper process (``GHL_DESKTOP_ONE_PROCESS=1``).
#: The output is the same byte for byte either way; only the time differs.
ONE_PROCESS = os.environ.get("GHL_DESKTOP_ONE_PROCESS", "") not in ("", "0")

# -- normalizing in chunks (the pipeline) ---------------------------------------------------------
#: Rows normalized per chunk: small enough that progress moves and cancel is prompt, large enough
#: that per-chunk overhead stays negligible.
CHUNK_ROWS = 20_000
#: The last ``TAIL_CHUNKS`` chunks' rows of a conversion on two processes are normalized in chunks
#: ``TAIL_SPLIT`` times smaller, so the process that finishes first waits little for the other.
TAIL_CHUNKS, TAIL_SPLIT = 4, 4

# -- the helper process ----------------------------------------------------------------------------
#: Inputs with fewer rows are normalized in the main process only (the start-up costs more).
MIN_ROWS = int(os.environ.get("GHL_DESKTOP_PARALLEL_MIN_ROWS", "150000"))
#: The GIL switch interval while the helper works (see ``ChunkHelper.start``).
HAND_OFF_SWITCH_INTERVAL_S = 0.001
#: Rows per message to and from the helper (see ``ChunkHelper.submit``).
PIECE_ROWS = 20_000
#: Pipe capacity asked for the helper's two pipes (Linux; see ``_widen_pipes``). A chunk's columns
#: and its normalized table are one to three MB each way.
PIPE_BYTES = 1 << 20
#: Rows of normalized chunks a helper made with ``keep=True`` keeps at most; the export's later
#: rows travel to it as values, as without ``keep``.
KEEP_MAX_ROWS = 2_000_000
#: A contact row is rarely shorter than this in a file, so size / this is a fair row count guess.
BYTES_PER_ROW = 60
#: The same for a worksheet's XML (``<row>``, a ``<c r=.. t=..><v>..</v></c>`` per cell).
XML_BYTES_PER_ROW = 150
#: Items the helper process holds at a time: one at work and two waiting, so it never idles while
#: this process is busy, and never holds so many that this process runs out of work.
HELPER_DEPTH = 3
#: Pieces of a large worksheet (``speed.pieces``) the helper holds at a time: one at work and two
#: waiting, so it never idles while this process reads a piece or places the pieces that came
#: back; a piece is ~10 ms of work (~40 ms in a workbook with shared strings, whose pieces are
#: larger: ``reader.excel._SHARED_SCALE``), so the two processes end within a few pieces of each other.
PIECES_DEPTH = 3
#: While this process reads a workbook's shared strings (``shared_sheet.read_strings``), the
#: helper holds a piece per this many bytes of them, up to ``STRINGS_PIECES_MAX``, rather than
#: ``PIECES_DEPTH``: it is not left idle once the ``PIECES_DEPTH`` it would otherwise hold are
#: read. The pieces it reads then are pieces this process does not read, cut and look up later,
#: so it is given more than it reads while the strings are read alone (about one per 8 MB of
#: them); given every piece, it is left with all the reading and this process idles at the end.
STRINGS_BYTES_PER_PIECE = 2 * 1024 * 1024
STRINGS_PIECES_MAX = 40

# -- the export ------------------------------------------------------------------------------------
#: Rows written per step: each step is a handful of C calls over this many rows, so an export
#: never holds the GIL long, and only one slice of text exists at a time.
SLICE_ROWS = 10_000
#: Fewer slices than this are formatted here only: the helper's share would not pay for sending.
PARALLEL_MIN_SLICES = 4
#: Slices handed to the helper before the merge (``ExportAhead``): about what it formats while
#: this process merges the duplicates and builds the report; and at most ``AHEAD_PERCENT`` % of
#: the export's slices: the others are shared as they come (``helper.in_order``), so that a short
#: export does not end with this process waiting for the helper to format every slice.
AHEAD_SLICES = 36
AHEAD_PERCENT = 50
