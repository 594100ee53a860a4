"""Suite-wide setup: Qt renders offscreen (no display on CI) and the app never touches real user data."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
PEER_SUITES = REPO.parent / "shared" / "peer-suites"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Hypothesis: a short run in CI; `HYPOTHESIS_PROFILE=long python -m pytest tests/core/test_fuzz.py`
# for the long run on demand.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
