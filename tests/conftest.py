"""Suite-wide setup: Qt renders offscreen (no display on CI) and the app never touches real user data."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
PEER_SUITES = REPO.parent / "shared" / "peer-suites"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
