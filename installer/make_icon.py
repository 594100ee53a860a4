"""Draw the app icon with Qt and write ``resources/icons/ghl-desktop.ico`` (multi-size) and ``.png``.

Run from the repository root: ``python installer/make_icon.py``. The outputs are committed, so a
build never depends on a font, a display or an image tool; rerun this after changing the drawing.

Why a hand-written ICO container: Qt's ICO writer stores one image per file, and Windows picks the
entry closest to what it needs (16 px in a list view, 32 px on the taskbar, 48 px in Explorer,
256 px on a large-icons desktop). Sizes below 256 are stored as classic 32-bit DIBs, which every
consumer (Windows shell, PyInstaller, Inno Setup's ``SetupIconFile``) reads; 256 is stored as PNG,
which Windows has read since Vista and which keeps the file small.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen,
)

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
PNG_SIZE = 512

TOP, BOTTOM = QColor("#1f8f6a"), QColor("#12624a")  # green: "clean", and far from an error red
CHECK = QColor("#ffd84d")


def draw(size: int) -> QImage:
    """The icon at ``size`` px: a rounded tile with three spreadsheet rows and a check mark.

    Below 32 px the rows shrink to two and the strokes thicken, so the 16 px taskbar/list icon
    stays a readable shape instead of a grey smudge.
    """
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    margin = max(0.5, s * 0.04)
    tile = QRectF(margin, margin, s - 2 * margin, s - 2 * margin)
    grad = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    grad.setColorAt(0.0, TOP)
    grad.setColorAt(1.0, BOTTOM)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(grad))
    p.drawRoundedRect(tile, s * 0.2, s * 0.2)

    small = size < 32
    rows = 2 if small else 3
    row_h = max(2.0, s * (0.11 if small else 0.085))
    left, right = s * 0.2, s * (0.8 if small else 0.62)
    top = s * (0.3 if small else 0.24)
    gap = s * (0.2 if small else 0.17)
    p.setBrush(QColor(255, 255, 255, 235))
    for i in range(rows):
        y = top + i * gap
        p.drawRoundedRect(QRectF(left, y, right - left, row_h), row_h / 2, row_h / 2)

    pen = QPen(CHECK, max(1.5, s * (0.13 if small else 0.1)))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath(QPointF(s * 0.46, s * 0.7))
    check.lineTo(QPointF(s * 0.58, s * 0.8))
    check.lineTo(QPointF(s * 0.8, s * 0.55))
    p.drawPath(check)
    p.end()
    return img.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise RuntimeError("Qt could not encode PNG")
    buf.close()
    return bytes(data)


def dib_bytes(img: QImage) -> bytes:
    """A 32-bit BGRA DIB as ICO wants it: BITMAPINFOHEADER (height doubled), bottom-up rows, AND mask."""
    w, h = img.width(), img.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    # Format_ARGB32 is 0xAARRGGBB per pixel, i.e. B,G,R,A bytes on a little-endian machine.
    if sys.byteorder != "little":
        raise RuntimeError("run this on a little-endian machine (x86/ARM)")
    stride = img.bytesPerLine()
    raw = bytes(img.constBits())[: stride * h]
    rows = [raw[y * stride : y * stride + w * 4] for y in range(h)]
    pixels = b"".join(reversed(rows))
    mask_stride = ((w + 31) // 32) * 4
    # The alpha channel decides transparency for 32-bit entries; an all-zero AND mask is correct.
    mask = b"\x00" * (mask_stride * h)
    return header + pixels + mask


def ico_bytes(images: list[QImage]) -> bytes:
    entries, blobs = [], []
    offset = 6 + 16 * len(images)
    for img in images:
        blob = png_bytes(img) if img.width() >= 256 else dib_bytes(img)
        dim = 0 if img.width() >= 256 else img.width()  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts/paint engine)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "ghl-desktop.ico").write_bytes(ico_bytes([draw(n) for n in ICO_SIZES]))
    (OUT_DIR / "ghl-desktop.png").write_bytes(png_bytes(draw(PNG_SIZE)))
    print(f"wrote {OUT_DIR / 'ghl-desktop.ico'} ({', '.join(map(str, ICO_SIZES))} px) and ghl-desktop.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
