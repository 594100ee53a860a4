"""pandas is not a dependency of the app (only the benchmark's reference uses it): a conversion
through the command line never loads it (``tests/test_layers.py`` checks no module imports it)."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_conversion_loads_no_pandas_and_pandas_is_only_an_extra(tmp_path):
    src = tmp_path / "c.csv"
    src.write_text("Nome,E-mail,Celular\nAna,ana@x.com,(11) 98765-4321\nBia,BIA@X.COM,11987654321\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from ghl_desktop.cli import main\n"
        f"assert main(['convert', {str(src)!r}, '--out', {str(tmp_path / 'o.csv')!r}]) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'numpy', 'pyarrow'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith("pandas") for d in project["dependencies"])
    assert any(d.startswith("pandas") for d in project["optional-dependencies"]["bench"])
