"""Tell the person a job finished when the window is not in front: a tray message, or a taskbar flash.

No tray (some Linux desktops, the offscreen platform) degrades to ``QApplication.alert``, which
flashes the taskbar entry where the platform supports it and does nothing otherwise.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget


class Notifier:
    def __init__(self, window: QWidget, icon: QIcon) -> None:
        self.window = window
        self.icon = icon
        self.tray: QSystemTrayIcon | None = None
        #: Messages sent (title, text, how): "tray" or "alert"; kept for the window's tests.
        self.sent: list[tuple[str, str, str]] = []
        self.in_front: Callable[[], bool] = self._window_in_front

    def _window_in_front(self) -> bool:
        w = self.window
        return w.isVisible() and w.isActiveWindow() and not (w.windowState() & Qt.WindowState.WindowMinimized)

    def notify(self, title: str, text: str, error: bool = False) -> bool:
        """Show ``text`` unless the window is in front; True when something was shown."""
        if self.in_front():
            return False
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.icon, self.window)
                self.tray.activated.connect(lambda _reason: self._raise_window())
                self.tray.messageClicked.connect(self._raise_window)
            self.tray.show()
            kind = QSystemTrayIcon.MessageIcon.Warning if error else QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(title, text, kind, 8000)
            self.sent.append((title, text, "tray"))
        else:
            QApplication.alert(self.window)
            self.sent.append((title, text, "alert"))
        return True

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()
