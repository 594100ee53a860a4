"""The frozen app's entry script (PyInstaller runs this file, not ``ghl_desktop/__main__.py``).

``ghl_desktop/__main__.py`` uses package-relative imports, so PyInstaller cannot run it as a
top-level script; this file imports it as part of the package instead.

``multiprocessing.freeze_support()`` comes before anything else: in a frozen Windows app a child
process started by ``multiprocessing`` re-runs this very executable, and without this call it
would open a second window instead of doing the child's work. (``main()`` calls it again; the
second call is a no-op.)
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

import os  # noqa: E402
import sys  # noqa: E402


def _give_windowed_exe_streams() -> None:
    """A windowed (no console) Windows exe has ``sys.stdout``/``sys.stderr`` set to ``None``.

    ``ghl-desktop.exe convert ...`` must still work (its exit code and files are the contract),
    so text that has nowhere to go is dropped instead of raising ``AttributeError``.
    ``ghl-desktop-cli.exe`` is the console twin that actually shows it.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _start_startup_probe(path: str) -> None:
    """Measurement only, off unless ``GHL_DESKTOP_STARTUP_PROBE`` names a file.

    Writes the wall-clock time (``time.time()``) at which the main window is visible and the
    event loop is running, so ``installer/measure.py`` can compute process start → window shown
    without any hook in the GUI code. A helper thread waits for the ``QApplication`` to exist, then
    queues a check onto the GUI thread (Qt moves a single-shot timer to its context object's
    thread); that check fires on the first event-loop turn, after ``window.show()``.
    """
    import threading
    import time

    def record() -> None:
        from PySide6.QtWidgets import QApplication

        if any(w.isVisible() and w.isWindow() for w in QApplication.topLevelWidgets()):
            with open(path, "w", encoding="utf-8") as f:
                f.write(repr(time.time()))
        else:  # not shown yet: look again on a later turn of the event loop
            from PySide6.QtCore import QTimer

            QTimer.singleShot(5, QApplication.instance(), record)

    def wait_for_app() -> None:
        while "PySide6.QtWidgets" not in sys.modules:
            time.sleep(0.002)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        while (app := QApplication.instance()) is None:
            time.sleep(0.002)
        QTimer.singleShot(0, app, record)

    threading.Thread(target=wait_for_app, name="startup-probe", daemon=True).start()


if __name__ == "__main__":
    _give_windowed_exe_streams()
    if os.environ.get("GHL_DESKTOP_STARTUP_PROBE"):
        _start_startup_probe(os.environ["GHL_DESKTOP_STARTUP_PROBE"])
    from ghl_desktop.__main__ import main

    sys.exit(main())
