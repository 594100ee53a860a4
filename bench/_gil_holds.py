"""Which single C calls hold the GIL long: drop FILE on the real window (offscreen, as
``_window_probe.py``) with a line tracer on the job's thread, the pool's threads and Python threads,
and print the 40 longest stretches of one thread's CPU time (``time.thread_time``) between two
trace events, with where they began and ended. Between two events a thread runs C without coming
back to the interpreter, so it holds the GIL unless that C code frees it (file reads, zlib, pipe
I/O: those show here too, to be told apart by their place). The tracer slows Python several times,
not C calls; a diagnostic, not a benchmark.

    python bench/_gil_holds.py FILE [THRESHOLD_MS]
"""
import os, sys, threading, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
THR = float(sys.argv[2]) / 1000 if len(sys.argv) > 2 else 0.01
holds = []
tt = time.thread_time

def make_tracer():
    st = {"last": tt(), "where": None}
    def tracer(frame, event, arg):
        now = tt()
        d = now - st["last"]
        if d > THR:
            holds.append((d, st["where"], f"{event} {os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}:{frame.f_code.co_name}",
                          threading.current_thread().name))
        st["where"] = f"{event} {os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}:{frame.f_code.co_name} < " + (
            f"{os.path.basename(frame.f_back.f_code.co_filename)}:{frame.f_back.f_lineno}:{frame.f_back.f_code.co_name}" if frame.f_back else "")
        st["last"] = tt()
        return tracer
    return tracer

def traced(run):
    def wrapper(self, *a, **k):
        sys.settrace(make_tracer())
        try:
            return run(self, *a, **k)
        finally:
            sys.settrace(None)
    return wrapper

def boot(frame, event, arg):
    t = make_tracer(); sys.settrace(t); return t(frame, event, arg)
threading.settrace(boot)
from ghl_desktop.jobs import runner
from ghl_desktop.gui import tasks
runner._JobRunnable.run = traced(runner._JobRunnable.run)
tasks._Task.run = traced(tasks._Task.run)
import _window_probe
try:
    _window_probe.main()
finally:
    holds.sort(reverse=True)
    for d, prev, cur, th in holds[:40]:
        print(f"{d*1000:7.1f} ms  [{th}] after {prev}  -> {cur}", file=sys.stderr)
