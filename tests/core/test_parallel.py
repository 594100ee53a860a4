"""Two cores: chunks normalized in the helper process equal the ones normalized here."""

import sys
from concurrent.futures import Future

import pytest

from ghl_desktop.core.speed import tuning
from ghl_desktop.core import pipeline
from ghl_desktop.core.speed import helper as parallel
from ghl_desktop.core.speed.helper import ChunkHelper
from ghl_desktop.core.pipeline import ConvertOptions, convert

ROWS = 3_000


@pytest.fixture
def messy_csv(tmp_path):
    """Every kind of value the normalizers treat differently, in one seeded file."""
    import random

    rnd = random.Random(5)
    lines = ["Nome completo;E-mail;Celular;Empresa;Tags"]
    for i in range(ROWS):
        email = rnd.choice([f"p{i}@gmail.com", f"P{i}@GMIAL.COM", f"p{i}.gmail.com", f"p{i}@@x.com", "",
                            f"a{i}@x.com, b{i}@y.com", f"joão{i}@exemplo.com.br"])
        phone = rnd.choice([f"(11) 9{i % 10_000:04d}-{i % 7_000:04d}", f"(21) 8{i % 1000:03d}-{i % 10_000:04d}",
                            "123", f"11 98765-{i % 10_000:04d} / 11 3333-4444", f"(11) 1{i % 1000:03d}-0000",
                            f"+1 212 555 {i % 10_000:04d}", ""])
        lines.append(f"MARIA DA SILVA {i % 50};{email};{phone};=HYPERLINK(1);vip, cliente")
    path = tmp_path / "contatos.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _snapshot(result):
    t = result.table
    problems = {r: {f: [(p.kind, p.reason, p.value) for p in ps] for f, ps in fs.items()}
                for r, fs in t.problems.items()}
    return t.columns, t.sources, problems, t.suggestions, t.merged, result.report["invalid_emails"]


def _one_core_then_two(monkeypatch, path, options):
    """``path`` converted on this process alone, then with the helper process taking chunks of 500
    rows; and, per chunk the helper was asked for, whether it answered."""
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 500)
    monkeypatch.setattr(tuning, "MIN_ROWS", 10**9)
    one_core = convert([path], options)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    used = []
    real_result = ChunkHelper.result

    def spy(self, future, *args):
        table = real_result(self, future, *args)
        used.append(table is not None)
        return table

    monkeypatch.setattr(ChunkHelper, "result", spy)
    two_cores = convert([path], options)
    return one_core, two_cores, used


def test_helper_process_gives_the_same_result_as_one_core(messy_csv, monkeypatch):
    monkeypatch.setattr(tuning, "PIECE_ROWS", 120)  # several pieces per chunk, the last one short
    one_core, two_cores, used = _one_core_then_two(monkeypatch, messy_csv, ConvertOptions())
    assert used and all(used), "the helper process normalized no chunk"
    assert len(used) < ROWS // 500, "this process normalized no chunk"
    assert _snapshot(two_cores) == _snapshot(one_core)


def test_the_helper_reads_each_rows_phones_in_its_own_country(tmp_path, monkeypatch):
    """A list mixing countries: the helper's chunks read each row's phones in that row's country,
    exactly as this process does (and as the full normalizer does for that country)."""
    import random

    from ghl_desktop.core.normalize import normalize_phone

    rnd = random.Random(6)
    shapes = [("Brasil", "BR", "(11) 9{0}-{1}"), ("Portugal", "PT", "912 {0:.3} {1:.3}"),
              ("Argentina", "AR", "011 15-{0}-{1}"), ("EUA", "US", "(415) 555-{1}"), ("", "BR", "+351 21 {0:.3} {1}")]
    lines, expected = ["Nome;Celular;País"], []
    for i in range(ROWS):
        country, region, layout = rnd.choice(shapes)
        phone = layout.format(f"{rnd.randint(0, 9999):04d}", f"{rnd.randint(0, 9999):04d}")
        lines.append(f"Pessoa {i};{phone};{country}")
        full = normalize_phone(phone, region)
        expected.append(full.phones[0] if full.phones else "")
    path = tmp_path / "mundo.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one_core, two_cores, used = _one_core_then_two(monkeypatch, path, ConvertOptions(dedupe=False))
    assert used and all(used), "the helper process normalized no chunk"
    assert _snapshot(two_cores) == _snapshot(one_core)
    assert two_cores.table.columns["Phone"] == expected
    assert sum(1 for p in expected if p and not p.startswith("+55")) > ROWS // 2


def test_a_failing_helper_only_means_this_process_does_the_chunk(messy_csv, monkeypatch):
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 500)
    monkeypatch.setattr(tuning, "MIN_ROWS", 10**9)
    one_core = convert([messy_csv], ConvertOptions())

    def broken_submit(self, *args, **kwargs):
        future = Future()
        future.set_exception(RuntimeError("helper died"))
        return [future]

    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(ChunkHelper, "start", lambda self: None)
    monkeypatch.setattr(ChunkHelper, "submit", broken_submit)
    assert _snapshot(convert([messy_csv], ConvertOptions())) == _snapshot(one_core)


def test_small_inputs_and_single_core_machines_never_start_a_process(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    assert not ChunkHelper.wanted(10**7)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    assert not ChunkHelper.wanted(tuning.MIN_ROWS - 1) and ChunkHelper.wanted(tuning.MIN_ROWS)


def test_a_callers_script_without_a_main_guard_is_not_run_again_in_the_helper(tmp_path, messy_csv):
    """spawn would re-import an unguarded caller script in the helper: a second conversion."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "unguarded.py"
    marker = tmp_path / "runs.txt"
    out = tmp_path / "out.csv"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        f"open({str(marker)!r}, 'a').write('run\\n')\n"
        "from ghl_desktop.core import pipeline\n"
        "from ghl_desktop.core.speed import helper as parallel, tuning\n"
        "tuning.CHUNK_ROWS = 500\n"
        "used = []\n"
        "real = parallel.ChunkHelper.result\n"
        "parallel.ChunkHelper.result = lambda self, f, *a: used.append(1) or real(self, f, *a)\n"
        f"r = pipeline.convert([{str(messy_csv)!r}])\n"
        f"r.export({str(out)!r}, split_rows=0)\n"
        "print('helper chunks', len(used))\n",
        encoding="utf-8",
    )
    env = dict(os.environ, GHL_DESKTOP_PARALLEL_MIN_ROWS="100")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "helper chunks 0" not in proc.stdout and "helper chunks" in proc.stdout  # the helper did its share
    assert marker.read_text() == "run\n"  # and the script ran once


def test_the_switch_interval_is_restored_after_the_helper_is_done(messy_csv, monkeypatch):
    import sys

    monkeypatch.setattr(tuning, "CHUNK_ROWS", 500)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    before = sys.getswitchinterval()
    seen = []
    real_result = ChunkHelper.result
    monkeypatch.setattr(ChunkHelper, "result",
                        lambda self, *a: seen.append(sys.getswitchinterval()) or real_result(self, *a))
    convert([messy_csv], ConvertOptions())
    assert seen and max(seen) <= tuning.HAND_OFF_SWITCH_INTERVAL_S  # shorter while it worked
    assert sys.getswitchinterval() == before


@pytest.mark.skipif(not hasattr(parallel.fcntl, "F_GETPIPE_SZ"), reason="pipe sizes are a Linux setting")
def test_the_helpers_pipes_hold_a_whole_chunk():
    """A 64 KB pipe made each chunk cross in dozens of GIL hand-offs while the helper waited."""
    import fcntl

    helper = ChunkHelper()
    with helper:
        helper.start()
        pool = helper._pool
        sizes = [fcntl.fcntl(pool._call_queue._writer.fileno(), fcntl.F_GETPIPE_SZ),
                 fcntl.fcntl(pool._result_queue._reader.fileno(), fcntl.F_GETPIPE_SZ)]
    limit = int(open("/proc/sys/fs/pipe-max-size").read())
    assert sizes == [min(tuning.PIPE_BYTES, limit)] * 2 or limit < tuning.PIPE_BYTES


def test_a_pipe_that_cannot_be_widened_leaves_the_helper_working(messy_csv, monkeypatch):
    monkeypatch.setattr(tuning, "PIPE_BYTES", 1 << 30)  # above the system's limit: refused
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 500)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    used = []
    real_result = ChunkHelper.result
    monkeypatch.setattr(ChunkHelper, "result", lambda self, *a: used.append(1) or real_result(self, *a))
    assert _snapshot(convert([messy_csv], ConvertOptions())) == _snapshot(_one_core(monkeypatch, messy_csv))
    assert used


def _two_cores(monkeypatch, block_chars=4096):
    """Small chunks and blocks, so a test file is read in many blocks and chunks are prefed."""
    from ghl_desktop.core.reader import stream

    monkeypatch.setattr(tuning, "CHUNK_ROWS", 200)
    monkeypatch.setattr(stream, "BLOCK_CHARS", block_chars)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(tuning, "BYTES_PER_ROW", 1)  # any test file is "large"


def _one_core(monkeypatch, path):
    with monkeypatch.context() as m:
        m.setattr(tuning, "MIN_ROWS", 10**9)
        return convert([path], ConvertOptions())


def _spy_prefeed(monkeypatch) -> list:
    """The _Prefeed of each conversion, to see what it sent and whether it counted."""
    feeds = []
    real_init = pipeline._Prefeed.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        feeds.append(self)

    monkeypatch.setattr(pipeline._Prefeed, "__init__", init)
    return feeds


def test_chunks_go_to_the_helper_while_the_file_is_still_read(messy_csv, monkeypatch):
    one_core = _one_core(monkeypatch, messy_csv)
    _two_cores(monkeypatch)
    feeds = _spy_prefeed(monkeypatch)
    finals = []
    real_call = pipeline._Prefeed.__call__
    monkeypatch.setattr(pipeline._Prefeed, "__call__",
                        lambda self, header, columns, n: finals.append(n) or real_call(self, header, columns, n))
    result = convert([messy_csv], ConvertOptions())
    assert len(finals) > 5 and finals == sorted(finals) and finals[-1] == ROWS - 1  # told block by block
    (feed,) = feeds
    assert feed.sent and feed.holds(result.sources[0])  # sent during the read, and it counted
    assert _snapshot(result) == _snapshot(one_core)


def test_a_line_continuing_the_last_row_of_a_block_is_joined_before_that_row_is_sent(tmp_path, monkeypatch):
    """Only the last kept row may still change (a later line can continue its value)."""
    lines = ["Nome;E-mail;Celular;Notas"]
    for i in range(1500):
        lines.append(f"Pessoa {i};p{i}@gmail.com;(11) 9{i:04d}-{i:04d};nota {i}")
        if i % 7 == 3:
            lines.append(f"continua {i}")  # an unquoted line break inside the notes
    path = tmp_path / "quebras.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one_core = _one_core(monkeypatch, path)
    assert any("continua" in v for v in one_core.table.columns["Notes"])
    _two_cores(monkeypatch, block_chars=512)  # blocks end on every kind of line
    feeds = _spy_prefeed(monkeypatch)
    result = convert([path], ConvertOptions())
    assert feeds[0].sent and feeds[0].holds(result.sources[0])
    assert _snapshot(result) == _snapshot(one_core)
    assert result.sources[0].columns == one_core.sources[0].columns


@pytest.mark.parametrize("tail", ["wider", "bad quote"])
def test_work_sent_during_a_read_that_falls_back_is_thrown_away(tmp_path, monkeypatch, tail):
    """Late in the file the stream reader gives up (most rows wider than the header; a malformed
    quote): the other reader builds new columns, and what the helper got no longer counts."""
    lines = ["Nome;E-mail;Celular"]
    lines += [f"Pessoa {i};p{i}@gmail.com;(11) 9{i:04d}-{i:04d}" for i in range(4000)]
    if tail == "wider":
        lines += [f"Outra {i};o{i}@gmail.com;(21) 9{i:04d}-{i:04d};extra;mais" for i in range(4300)]
    else:
        lines += ['Quebrada;"sem fim@gmail.com;x'] + [f"Depois {i};d{i}@x.com;1" for i in range(50)]
    path = tmp_path / f"{tail.replace(' ', '-')}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one_core = _one_core(monkeypatch, path)
    _two_cores(monkeypatch)
    feeds = _spy_prefeed(monkeypatch)
    result = convert([path], ConvertOptions())
    assert feeds[0].columns is not None and not feeds[0].holds(result.sources[0])
    assert not feeds[0].sent  # discarded
    assert _snapshot(result) == _snapshot(one_core)
    assert result.report["inputs"][0]["warnings"] == one_core.report["inputs"][0]["warnings"]


def test_a_mapping_decided_by_the_values_is_the_same_when_chunks_are_sent_during_the_read(tmp_path, monkeypatch):
    """Headers that say nothing: the automatic mapping looks at the first rows' values, and the
    chunks sent while reading must be mapped from those same rows."""
    lines = ["Coluna A;Coluna B;Coluna C"]
    lines += [f"Pessoa {i} Silva;p{i}@gmail.com;(11) 9{i % 10_000:04d}-{i % 7_000:04d}" for i in range(3000)]
    path = tmp_path / "sem-nomes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one_core = _one_core(monkeypatch, path)
    fields = [c.field for c in one_core.mappings[0].columns]
    assert "Email" in fields and "Phone" in fields  # decided by the values
    _two_cores(monkeypatch)
    feeds = _spy_prefeed(monkeypatch)
    result = convert([path], ConvertOptions())
    assert feeds[0].sent and feeds[0].holds(result.sources[0])
    assert result.mappings[0].to_dict() == one_core.mappings[0].to_dict()
    assert _snapshot(result) == _snapshot(one_core)


def test_the_cli_lets_the_helper_format_the_export_from_its_chunks_then_closes_it(messy_csv, tmp_path, monkeypatch):
    import multiprocessing
    import time

    from ghl_desktop.cli import main as cli
    from ghl_desktop.core import export

    with monkeypatch.context() as m:
        m.setattr(tuning, "MIN_ROWS", 10**9)
        assert cli(["convert", str(messy_csv), "--out", str(tmp_path / "one.csv"), "--split-rows", "0"]) == 0
    _two_cores(monkeypatch)
    monkeypatch.setattr(tuning, "SLICE_ROWS", 100)
    formatted = []
    real_call = ChunkHelper.call
    monkeypatch.setattr(ChunkHelper, "call", lambda self, fn, *a: formatted.append(fn.__name__) or real_call(self, fn, *a))
    assert cli(["convert", str(messy_csv), "--out", str(tmp_path / "two.csv"), "--split-rows", "0"]) == 0
    assert (tmp_path / "two.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()
    # From the chunks it normalized and kept (rows it did not normalize travel as values).
    assert "_kept_slice" in formatted
    deadline = time.monotonic() + 10  # closed without waiting: the process ends on its own, soon
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


class _SimulatedHelper:
    """A helper on a simulated clock: each item takes ``cost`` after the one before it."""

    failed = False

    def __init__(self, clock: list, cost: float) -> None:
        self.clock, self.cost, self.free_at, self.held_max = clock, cost, 0.0, 0

    def send(self, k: int):
        self.free_at = max(self.clock[0], self.free_at) + self.cost
        return {"k": k, "done_at": self.free_at}

    def ready(self, pending) -> bool:
        return pending is None or self.clock[0] >= pending["done_at"]

    def receive(self, pending):
        self.clock[0] = max(self.clock[0], pending["done_at"])  # waits
        return ("helper", pending["k"])


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 50])
@pytest.mark.parametrize("local_cost,helper_cost", [(80, 90), (80, 40), (80, 400), (80, 80), (80, 85)])
def test_in_order_gives_every_item_once_in_order_and_never_queues_the_last_one(n, local_cost, helper_cost):
    clock = [0.0]
    helper = _SimulatedHelper(clock, helper_cost)
    holding, claims, queued_last = {}, [], []

    def local(k):
        claims.append(k)
        clock[0] += local_cost
        return ("here", k)

    def send(k):
        busy = sum(1 for p in holding.values() if not helper.ready(p))
        assert busy < tuning.HELPER_DEPTH
        claims.append(k)
        if busy and len(claims) == n:  # the last item, behind one the helper is still busy with
            queued_last.append(k)
        holding[k] = helper.send(k)
        return holding[k]

    def receive(k, pending):
        holding.pop(k)
        return helper.receive(pending)

    got = list(parallel.in_order(n, local, send, receive, helper))
    assert [k for k, _ in got] == list(range(n))
    assert [r[1] for _, r in got] == list(range(n))
    assert sorted(claims) == list(range(n))
    assert not queued_last
    if n >= 7 and helper_cost < 2 * local_cost:
        assert any(r[0] == "helper" for _, r in got)  # both took part


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped has ended its work: it counts as gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return "\nState:\tZ" not in fh.read()
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", ["os._exit", "SIGKILL"])
def test_the_helper_never_outlives_the_process_that_started_it(tmp_path, how):
    """Killed, crashed or ended with ``os._exit``: the helper ends too, instead of waiting for work
    for ever (it holds a copy of its own work pipe's writing end, so it never sees that pipe close)."""
    import subprocess
    import textwrap
    import time

    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(f"""
        import os, signal, sys
        from ghl_desktop.core.speed.helper import ChunkHelper
        h = ChunkHelper()
        h.start()
        h.value(h.call(os.getpid))  # the helper is up and has warmed up
        print(*h._pool._processes, flush=True)
        if {how!r} == "SIGKILL":
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(0)
    """))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    pids = [int(p) for p in proc.stdout.split()]
    assert pids, proc.stderr
    deadline = time.monotonic() + 10
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, pids)), f"helper {pids} still running after its parent ended ({how})"


@pytest.mark.parametrize("n", [0, 1, 499, 500, 1999, 2000, 2001, 7777])
@pytest.mark.parametrize("sent_until", [0, 500, 3000, 8000])
def test_chunks_cover_every_row_once_with_small_last_ones(n, sent_until, monkeypatch):
    """The last chunks of a two-process conversion are smaller (the wait for the other process's
    last chunk, before the merge, is short), but never where whole chunks were sent during the read."""
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 500)
    for last in (False, True):
        bounds = pipeline._chunk_bounds(n, last, sent_until)
        if not n:
            assert bounds == []
            continue
        assert [a for a, _ in bounds] == [0] + [b for _, b in bounds][:-1] and bounds[-1][1] == n
        assert all(a < b for a, b in bounds)
        whole = {a for a, b in bounds if b - a == 500 or b == n}
        assert all(a in whole for a in range(0, min(sent_until, n), 500) if a + 500 <= n)
        small = [b - a for a, b in bounds if a >= max(n - 4 * 500, sent_until)]
        if last:
            assert all(size <= 125 for size in small)
        else:
            assert bounds == [(a, min(a + 500, n)) for a in range(0, n, 500)]


def test_the_chunks_the_helper_keeps_are_the_table_rows_it_says(messy_csv, monkeypatch):
    """``ChunkHelper(keep=True)``: every run in ``kept_runs`` names table rows whose normalized
    columns the helper process holds, exactly; a helper made without ``keep`` keeps nothing."""
    from ghl_desktop.core.schema import GHL_COLUMNS

    _two_cores(monkeypatch)
    monkeypatch.setattr(tuning, "PIECE_ROWS", 120)  # pieces of chunks, the last one of each short
    assert ChunkHelper().keep_token is None and not ChunkHelper().kept_runs
    with ChunkHelper(keep=True) as helper:
        result = convert([messy_csv], ConvertOptions(dedupe=False), helper=helper)
        runs = sorted(helper.kept_runs)
        assert runs and sum(n for _, n, _ in runs) < len(result.table)  # some rows, not all
        for first, n, key in runs:
            kept = helper.value(helper.call(parallel.kept_columns, helper.keep_token, key))
            for name, values in zip(GHL_COLUMNS, kept):
                want = result.table.columns[name][first:first + n]
                assert (values if values is not None else [""] * n) == want, (key, name)
        assert all(a + n <= b for (a, n, _), (b, _, _) in zip(runs, runs[1:]))


def test_the_helper_keeps_chunks_up_to_a_bound_and_the_export_is_the_same(messy_csv, monkeypatch, tmp_path):
    """Past ``KEEP_MAX_ROWS`` rows the helper keeps no more chunks (its memory stays bounded for
    a huge input): the rows after them reach it as values, and the export is unchanged."""
    from ghl_desktop.core import export
    from ghl_desktop.core.speed.export_ahead import ExportAhead

    with monkeypatch.context() as m:
        m.setattr(tuning, "MIN_ROWS", 10**9)
        want = convert([messy_csv], ConvertOptions())
        want.export(tmp_path / "want.csv", 0)
    _two_cores(monkeypatch)
    monkeypatch.setattr(tuning, "KEEP_MAX_ROWS", 1_000)
    monkeypatch.setattr(tuning, "SLICE_ROWS", 100)
    with ChunkHelper(keep=True) as helper:
        ahead = ExportAhead(helper, 0)
        got = convert([messy_csv], ConvertOptions(), helper=helper, before_merge=ahead)
        assert 0 < sum(n for _, n, _ in helper.kept_runs) <= 1_000
        got.export(tmp_path / "got.csv", 0, helper=helper, ahead=ahead)
    assert (tmp_path / "got.csv").read_bytes() == (tmp_path / "want.csv").read_bytes()


def test_two_files_through_the_cli_with_kept_chunks_give_the_one_core_export(messy_csv, tmp_path, monkeypatch):
    """Two inputs: the helper keeps chunks of both (their rows numbered on in the one table), and
    the export made from them, rejects included, is the one-core export byte for byte."""
    from ghl_desktop.cli import main as cli
    from ghl_desktop.core import export

    second = tmp_path / "outra.csv"
    lines = messy_csv.read_text(encoding="utf-8").splitlines()
    second.write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")
    args = [str(messy_csv), str(second), "--split-rows", "700"]
    with monkeypatch.context() as m:
        m.setattr(tuning, "MIN_ROWS", 10**9)
        assert cli(["convert", *args, "--out", str(tmp_path / "one.csv"), "--rejects", str(tmp_path / "r1.csv")]) == 0
    _two_cores(monkeypatch)
    monkeypatch.setattr(tuning, "SLICE_ROWS", 100)
    formatted = []
    real_call = ChunkHelper.call
    monkeypatch.setattr(ChunkHelper, "call", lambda self, fn, *a: formatted.append(fn.__name__) or real_call(self, fn, *a))
    assert cli(["convert", *args, "--out", str(tmp_path / "two.csv"), "--rejects", str(tmp_path / "r2.csv")]) == 0
    assert "_kept_slice" in formatted
    ones = sorted(tmp_path.glob("one-part*.csv"))
    twos = sorted(tmp_path.glob("two-part*.csv"))
    assert len(ones) == len(twos) > 1
    for a, b in zip(ones, twos):
        assert a.read_bytes() == b.read_bytes(), (a.name, b.name)
    assert (tmp_path / "r1.csv").read_bytes() == (tmp_path / "r2.csv").read_bytes()


def test_one_switch_runs_everything_in_this_process_and_writes_the_same_bytes(messy_csv, monkeypatch, tmp_path):
    """``tuning.ONE_PROCESS``: no helper process at all, and the export and rejects are the
    two-process ones byte for byte."""
    from ghl_desktop.core import convert_and_export

    _two_cores(monkeypatch)
    sent = []
    real_submit = ChunkHelper.submit
    monkeypatch.setattr(ChunkHelper, "submit", lambda self, *a: sent.append(r := real_submit(self, *a)) or r)
    options = ConvertOptions(split_rows=0)
    convert_and_export([messy_csv], tmp_path / "two.csv", options, rejects_path=tmp_path / "two-rejects.csv")
    assert any(p is not None for p in sent)  # the helper normalized chunks
    sent.clear()
    monkeypatch.setattr(tuning, "ONE_PROCESS", True)
    convert_and_export([messy_csv], tmp_path / "one.csv", options, rejects_path=tmp_path / "one-rejects.csv")
    assert all(p is None for p in sent)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert (tmp_path / "one-rejects.csv").read_bytes() == (tmp_path / "two-rejects.csv").read_bytes()


def test_columns_equal_to_their_source_share_its_strings_on_both_cores(tmp_path, monkeypatch):
    """A custom field left as typed (a code per row) holds the source's own strings, also in the
    helper's chunks (sent back as the source column's index and the few cells that differ, not
    its cells); rows repeating a combination of two tag columns share one joined string. The
    result is the one core's."""
    import random

    rnd = random.Random(7)
    lines = ["Nome;E-mail;Código interno;Tags;Segmento;Valor"]
    for i in range(ROWS):
        code = f" c {i} " if i < 250 and i % 7 == 0 else f"C{rnd.randint(0, 10**8):08d}"  # cleaned
        lines.append(f"Ana {i};a{i}@x.com;{code};{rnd.choice(['vip', 'lead, vip', ''])};"
                     f"{rnd.choice(['varejo', 'saúde'])};{rnd.randint(0, 999)},50")
    path = tmp_path / "crm.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(tuning, "PIECE_ROWS", 120)
    one_core, two_cores, used = _one_core_then_two(monkeypatch, path, ConvertOptions())
    assert used and all(used)
    assert _snapshot(two_cores) == _snapshot(one_core)
    for result in (one_core, two_cores):  # the helper's own strings would be other objects
        src, table = result.sources[0], result.table
        codes = src.columns[src.header.index("Código interno")]
        out = table.columns["Código interno"]
        same = [r for r in range(ROWS) if codes[r] == out[r]]
        # (a piece with a cleaned cell comes back as the source's cells and the cleaned ones)
        assert len(same) == ROWS - 36 and all(out[r] is codes[r] for r in same)
        assert [r for r in range(ROWS) if codes[r] != out[r]] == list(range(0, 250, 7))
        tags = table.columns["Tags"]
        assert len({id(t) for t in tags}) <= 6 * (ROWS // 120 + 1)  # 6 combinations, per piece at most
        assert "lead, vip, varejo" in tags


@pytest.mark.parametrize("changed", [0, 1, 7, 60, 61, 120])
def test_a_column_sent_as_its_source_and_patches_is_the_column(changed):
    """``_source_patch`` then ``_patched`` give back the normalized column, whatever share of its
    cells differ from the source's (none, a few, half, most, all); the rows that match are the
    source's own strings."""
    import marshal
    import random

    rnd = random.Random(changed)
    source = [f"c{i}" if i % 9 else "" for i in range(500)]
    col = list(source)
    for r in rnd.sample(range(120), changed):
        col[r] = f"new {r}"
    columns = [["x"] * 500, source]
    for a, b in ((0, 120), (120, 240), (380, 500)):
        sent = parallel._source_patch(col[a:b], source[a:b], 1)
        travels = col[a:b] if sent is None else sent  # None: the whole column is sent
        got = parallel._patched(marshal.loads(marshal.dumps(travels)), columns, a, b)
        assert got == col[a:b]
        if sent is not None:
            assert all(g is s for g, s, c in zip(got, source[a:b], col[a:b]) if c == s)
    assert parallel._source_patch(col[:10], source[:11], 1) is None


def test_a_workbook_sheet_goes_to_the_helper_while_its_rows_are_converted(tmp_path, monkeypatch):
    """An Excel-saved workbook (shared strings, phones as numbers) is built into columns slice by
    slice and prefed like text; the conversion is the one-process one, blank rows and all."""
    from openpyxl import Workbook

    from ghl_desktop.core import reader

    wb = Workbook()
    ws = wb.active
    ws.append(["Nome", "E-mail", "Celular", "Cidade"])
    for i in range(1500):
        ws.append([f"Pessoa {i % 900}", f"p{i % 1100}@gmail.com", 5511900000000 + i % 1300, ["Recife", "Natal"][i % 2]])
    path = tmp_path / "contatos.xlsx"
    wb.save(path)
    one_core = _one_core(monkeypatch, path)
    _two_cores(monkeypatch)
    monkeypatch.setattr(reader, "_SLICE_ROWS", 50)
    assert parallel.likely_rows([path]) >= 1500  # a workbook's guess is its sheet XML's
    feeds = _spy_prefeed(monkeypatch)
    result = convert([path], ConvertOptions())
    (feed,) = feeds
    assert feed.sent and feed.holds(result.sources[0])
    assert _snapshot(result) == _snapshot(one_core)
    assert result.sources[0].columns == one_core.sources[0].columns
