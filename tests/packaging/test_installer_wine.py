r"""The Windows installer script, compiled with Inno Setup 6 and run under wine, on every ``.ci/run``.

``installer/ghl_desktop.iss`` is otherwise compiled only by the Windows workflow and installed by
nothing. Here:

1. ``ISCC.exe`` (Inno Setup 6.4.1, from the npm package ``innosetup``) compiles the script with
   the version in ``ghl_desktop/__init__.py``, and once more with a newer version number, each
   over a stand-in onedir payload: a real Windows build needs Windows, and what is tested here is
   the script;
2. the installer runs silently, in Portuguese, with both optional tasks; the test checks the
   program files, the Start menu shortcut, the desktop icon, the "Open with" keys of ``.csv`` and
   ``.xlsx`` and the uninstall entry;
3. the same version is installed over it (an upgrade in place), then the newer version, which
   must keep the tasks and language chosen before and drop the old build's ``_internal`` files;
4. the uninstaller the uninstall entry names runs silently: the program, both shortcuts and every
   key are gone, and the person's data folder (``%APPDATA%\GHL Desktop\GHL Desktop``) and
   settings (``HKCU\Software\GHL Desktop``) are still there.

**All users only.** The script's default is a per-user install into ``{autopf}`` =
``%LOCALAPPDATA%\Programs`` (FOLDERID_UserProgramFiles), which wine 8 cannot resolve: setup stops
with "Internal error: Failed to expand shell folder constant "autopf"", with or without ``/DIR=``.
So the installer runs with ``/ALLUSERS``: the same [Files], [Icons], [Registry], [InstallDelete]
and [Code], with ``{autopf}`` = Program Files and ``HKA`` = HKLM in place of
``%LOCALAPPDATA%\Programs`` and HKCU. The per-user mode is only ever run on real Windows.

How wine is driven (each of these was needed):

- one fresh ``WINEPREFIX`` (64-bit, about 1.3 GB with Debian's wine 8) for the module, removed
  afterwards; ``wineboot -i``, ``wineserver -w``, ``winecfg -v win10`` (the script says
  ``MinVersion=10.0``), ``wineserver -w``; Mono and Gecko are not installed (their download
  prompts would wait forever) and winemenubuilder is off, so no ``.desktop`` file or menu entry
  lands in the real home folder (``HOME`` is a scratch folder too);
- one Xvfb display for the whole module: a fresh ``xvfb-run`` per call made the hidden wizard
  fail now and then with "Error reading FPreparingMemo.Lines.Strings";
- ``wineserver -w`` after each installer or uninstaller run, so nothing is still writing when
  the test looks; every wine call has a timeout, and its output goes to files, not pipes (wine's
  server would inherit a pipe and hold it open);
- a failure message carries the command lines, exit codes and output of the last steps, and the
  last installer or uninstaller run's own ``/LOG=`` file.

Marked ``wine``. Skipped where wine, Xvfb or ``ISCC.exe`` is missing; ``.ci/run`` installs them
and sets ``GHL_DESKTOP_ISCC``, and with that variable set a missing tool fails the test instead,
so CI cannot pass by skipping it.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import pytest

pytestmark = pytest.mark.wine

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "ghl_desktop.iss"
ISCC_ENV = "GHL_DESKTOP_ISCC"
ISCC_GLOB = "innosetup-*/node_modules/innosetup/bin/ISCC.exe"  # under /opt, where .ci/run puts it

APP = "GHL Desktop"
EXE = "ghl-desktop.exe"
PROG_ID = "GHLDesktop.Spreadsheet"
CLASSES = r"HKLM\Software\Classes"
UNINSTALL = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
SETTINGS = r"HKCU\Software\GHL Desktop"  # QSettings' native store on Windows (ORG_NAME)
SILENT = ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"]
STALE = "_internal/only-in-the-old-build.pyd"


def _iss(pattern: str) -> str:
    m = re.search(pattern, ISS.read_text(encoding="utf-8"), re.M)
    assert m, f"{pattern} not found in {ISS.name}"
    return m.group(1)


def _versions() -> tuple[str, str, str]:
    """(version, its numeric form as installer/build.ps1 derives it, a newer numeric version)."""
    text = (ROOT / "ghl_desktop" / "__init__.py").read_text(encoding="utf-8")
    version = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.M).group(1)
    numbers = re.findall(r"\d+", version)[:4]
    parts = [int(n) for n in (numbers + ["0", "0"])[:3]]
    parts[2] += 1
    return version, ".".join(numbers), ".".join(map(str, parts))


def _find_iscc() -> Path | None:
    if os.environ.get(ISCC_ENV):
        return Path(os.environ[ISCC_ENV])
    hits = sorted(Path("/opt").glob(ISCC_GLOB))
    return hits[-1] if hits else None


def _z(path: Path) -> str:
    """A host path as wine's Z: drive shows it."""
    return "Z:" + str(path).replace("/", "\\")


def _tail(text: str, n: int = 6000) -> str:
    return text if len(text) <= n else "[...]\n" + text[-n:]


@dataclass
class Wine:
    """Runs Windows programs in one scratch prefix; keeps a transcript for failure messages."""

    prefix: Path
    env: dict[str, str]
    scratch: Path
    steps: list[str] = field(default_factory=list)
    last_setup: str = ""  # the last installer/uninstaller step, with its /LOG= file

    def run(self, args: list[str], *, timeout: float, log: Path | None = None,
            ok: tuple[int, ...] | None = (0,)) -> tuple[int, str]:
        """Run ``args`` (``wine ...`` or ``wineserver ...``); return (exit code, output).

        Output goes to a file: a pipe would be inherited by the wine server and held open.
        A timeout kills the process group and every process of the prefix, then fails.
        A program that could not reach the wine server at all ("wine client error": the server
        was shutting down as it started, seen once in a few dozen runs) is started once more,
        after waiting for that server to be gone; the transcript keeps both tries.
        """
        rc, output = self._once(args, timeout, log)
        if rc not in (0, None) and "wine client error" in output:
            self._once(["wineserver", "-w"], 120, None)
            rc, output = self._once(args, timeout, log)
        if rc is None:
            self.kill()
            pytest.fail(self.why(f"timed out after {timeout:.0f} s: {' '.join(args)}"), pytrace=False)
        if ok is not None and rc not in ok:
            pytest.fail(self.why(f"exit code {rc}: {' '.join(args)}"), pytrace=False)
        return rc, output

    def _once(self, args: list[str], timeout: float, log: Path | None) -> tuple[int | None, str]:
        out_path = self.scratch / f"step{len(self.steps):02d}.out"
        t0 = time.monotonic()
        with out_path.open("wb") as out:
            proc = subprocess.Popen(args, env=self.env, cwd=self.scratch, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            try:
                rc = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                rc = None
        output = out_path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
        record = f"$ {' '.join(args)}\n-> exit {rc} after {time.monotonic() - t0:.1f} s\n"
        if output.strip():
            record += f"--- output ---\n{_tail(output, 3000)}\n"
        if log is not None:
            text = log.read_text(encoding="utf-8-sig", errors="replace") if log.exists() else "(no log written)"
            record += f"--- {log.name} (/LOG=) ---\n{_tail(text)}\n"
            self.last_setup = record
        self.steps.append(record)
        return rc, output

    def wine(self, *args: str, timeout: float = 60, **kw) -> tuple[int, str]:
        return self.run(["wine", *args], timeout=timeout, **kw)

    def settle(self) -> None:
        """Wait until every process of the prefix has exited (and the registry is saved)."""
        self.run(["wineserver", "-w"], timeout=120)

    def kill(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=30, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def why(self, message: str, last: int = 4) -> str:
        """``message``, the last installer or uninstaller run (output and log), the last steps."""
        steps = self.steps[-last:]
        if self.last_setup and self.last_setup not in steps:
            steps = [self.last_setup, "[...]", *steps]
        return f"{message}\n\n=== wine steps ===\n" + "\n".join(steps)

    def host(self, path: str) -> Path:
        """``C:\\a\\b`` -> the file in the prefix."""
        p = PureWindowsPath(path)
        assert p.drive.upper() == "C:", path
        return self.prefix / "drive_c" / Path(*p.parts[1:])

    def reg(self, key: str) -> dict[str, dict[str, str]] | None:
        """``reg query KEY /s`` as {subkey: {value name: data}}; None when the key does not exist.

        The default value is named "" (reg prints "(Default)").
        """
        # /reg:64: Debian's `wine reg` is the 32-bit reg.exe, which would see WOW6432Node.
        rc, out = self.wine("reg", "query", key, "/s", "/reg:64", ok=(0, 1))
        if rc == 1:
            return None
        tree: dict[str, dict[str, str]] = {}
        current = None
        for line in out.split("\n"):
            if not line.strip():
                continue
            m = re.match(r"^    (.*?)    (REG_\w+)    ?(.*)$", line)
            if m and current is not None:
                name = "" if m.group(1) == "(Default)" else m.group(1)
                tree[current][name] = m.group(3)
            elif not line.startswith(" "):
                current = line.strip()
                tree[current] = {}
        return {k.split("\\", 1)[1].lower(): v for k, v in tree.items()}  # drop the hive's long name

    def value(self, key: str, name: str = "") -> str | None:
        tree = self.reg(key)
        if tree is None:
            return None
        return tree.get(key.split("\\", 1)[1].lower(), {}).get(name)


@pytest.fixture(scope="module")
def tools() -> Path:
    """The path of ISCC.exe, once wine, wineserver and Xvfb are known to be there."""
    if sys.platform == "win32":
        pytest.skip("runs the installer under wine; on Windows the `windows` workflow builds the real one")
    missing = [name for name in ("wine", "wineserver", "Xvfb") if shutil.which(name) is None]
    iscc = _find_iscc()
    if iscc is None or not iscc.is_file():
        missing.append(f"ISCC.exe (${ISCC_ENV}, or /opt/{ISCC_GLOB})")
    if missing:
        reason = ("needs " + ", ".join(missing) + ": `bash .ci/run` installs them (Debian: wine "
                  "wine64 wine32:i386 xvfb; npm: innosetup@6.4.1 into /opt/innosetup-6.4.1)")
        if os.environ.get(ISCC_ENV):
            pytest.fail(f"{ISCC_ENV} is set, so the installer test must run, but it {reason}")
        pytest.skip(reason)
    return iscc


@pytest.fixture(scope="module")
def display(tools, tmp_path_factory):
    """One Xvfb display for the whole module (a display number Xvfb picks itself)."""
    read_fd, write_fd = os.pipe()
    log = tmp_path_factory.mktemp("xvfb") / "xvfb.log"  # a file: a full pipe would stall Xvfb
    with log.open("wb") as err:
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1024x768x24",
                                 "-nolisten", "tcp"], pass_fds=(write_fd,), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + 30
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_fd], [], [], 1)
        if ready:
            chunk = os.read(read_fd, 16)
            if not chunk:
                break
            number += chunk
    os.close(read_fd)
    if not number.strip().isdigit():
        xvfb.kill()
        xvfb.wait()
        pytest.fail(f"Xvfb did not start: {log.read_text(errors='replace')[-2000:]}")
    try:
        yield f":{number.strip().decode()}"
    finally:
        xvfb.terminate()
        try:
            xvfb.wait(timeout=10)
        except subprocess.TimeoutExpired:
            xvfb.kill()
            xvfb.wait()


@pytest.fixture(scope="module")
def wine(tools, display, tmp_path_factory):
    scratch = tmp_path_factory.mktemp("wine")
    prefix, home = scratch / "prefix", scratch / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WINE", "XDG_"))}
    env.update(WINEPREFIX=str(prefix), WINEARCH="win64", WINEDEBUG="-all", DISPLAY=display,
               HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               # no Mono/Gecko download prompt, no menu entries in the (scratch) home folder
               WINEDLLOVERRIDES="mscoree=d;mshtml=d;winemenubuilder.exe=d")
    w = Wine(prefix=prefix, env=env, scratch=scratch)
    try:
        w.wine("wineboot", "-i", timeout=300)
        w.settle()
        w.wine("winecfg", "-v", "win10", timeout=120)
        w.settle()
        yield w
    finally:
        w.kill()
        shutil.rmtree(prefix, ignore_errors=True)  # ~1.3 GB; the logs stay in scratch


def _payload_files(version: str, stale: bool) -> dict[str, bytes]:
    """A stand-in for PyInstaller's dist/ghl-desktop: the two executables and an _internal/.

    With ``stale``, a library only this build has: the next version's [InstallDelete] must
    remove it from the installed folder.
    """
    files = {name: f"MZ stand-in for {name} {version}".encode() for name in (EXE, "ghl-desktop-cli.exe")}
    files["_internal/python311.dll"] = f"python for {version}".encode()
    files["_internal/resources/readme.txt"] = version.encode()
    if stale:
        files[STALE] = b"old"
    return files


def _payload(root: Path, version: str, stale: bool) -> Path:
    dist = root / f"payload-{version}"
    for rel, data in _payload_files(version, stale).items():
        (dist / rel).parent.mkdir(parents=True, exist_ok=True)
        (dist / rel).write_bytes(data)
    return dist


@pytest.fixture(scope="module")
def setups(wine, tools) -> dict[str, Path]:
    """{version: installer}: the package's version and a newer one, compiled by ISCC.exe."""
    version, numeric, newer = _versions()
    out = wine.scratch / "out"
    built = {}
    for v, num, stale in ((version, numeric, True), (newer, newer, False)):
        dist = _payload(wine.scratch, v, stale)
        wine.wine(str(tools), "/Qp", f"/DAppVersion={v}", f"/DNumericVersion={num}",
                  f"/DDistDir={_z(dist)}", f"/O{_z(out)}", _z(ISS), timeout=180)
        setup = out / f"GHL-Desktop-Setup-{v}.exe"
        assert setup.is_file() and setup.read_bytes()[:2] == b"MZ", wine.why(f"ISCC wrote no {setup.name}")
        built[v] = setup
    return built


def _install(wine: Wine, setup: Path, name: str, *extra: str) -> None:
    log = wine.scratch / f"{name}.log"
    wine.wine(str(setup), *SILENT, "/ALLUSERS", *extra, f"/LOG={_z(log)}",
              timeout=300, log=log)
    wine.settle()


def _folders(wine: Wine) -> dict[str, str]:
    _, out = wine.wine("cmd", "/c", "echo %APPDATA%;%ProgramData%;%PUBLIC%;%ProgramW6432%")
    appdata, programdata, public, programfiles = out.strip().split("\n")[-1].strip().split(";")
    return {"appdata": appdata, "start_menu": programdata + r"\Microsoft\Windows\Start Menu\Programs",
            "desktop": public + r"\Desktop", "app": programfiles + "\\" + APP}


def _open_with_keys(app: str) -> dict[str, dict[str, str]]:
    """What the 'openwith' task must write in Portuguese, key -> {value: data} (under HKLM\\Software\\Classes)."""
    exe = f'"{app}\\{EXE}"'
    keys = {}
    for ext in (".csv", ".xlsx"):
        keys[rf"SystemFileAssociations\{ext}\shell\GHLDesktop.Open"] = {
            "": "Abrir com GHL Desktop", "Icon": f"{exe},0"}
        keys[rf"SystemFileAssociations\{ext}\shell\GHLDesktop.Open\command"] = {"": f'{exe} "%1"'}
        keys[rf"{ext}\OpenWithProgids"] = {PROG_ID: ""}
    keys[PROG_ID] = {"": "Planilha de contatos"}
    keys[rf"{PROG_ID}\DefaultIcon"] = {"": f"{exe},0"}
    keys[rf"{PROG_ID}\shell\open\command"] = {"": f'{exe} "%1"'}
    return keys


def _check_installed(wine: Wine, where: dict[str, str], version: str, uninstall_key: str,
                     stale_present: bool) -> None:
    app = where["app"]
    root = wine.host(app)
    want = _payload_files(version, stale_present)
    got = {rel: (root / rel).read_bytes() for rel in want if (root / rel).is_file()}
    assert got == want, wine.why(f"the program files in {app} are not those of {version}")
    stale = root / STALE
    assert stale.exists() == stale_present, wine.why(
        f"{app}\\{STALE}: " + ("missing" if stale_present else "the previous build's file survived the upgrade"))
    uninstallers = sorted(p.name for p in root.glob("unins*"))
    assert uninstallers == ["unins000.dat", "unins000.exe"], wine.why(f"uninstallers in {app}")

    for where_key, what in (("start_menu", "Start menu shortcut"), ("desktop", "desktop icon")):
        lnk = wine.host(where[where_key] + f"\\{APP}.lnk")
        assert lnk.is_file(), wine.why(f"no {what}: {where[where_key]}\\{APP}.lnk")
        target = f"{app}\\{EXE}"
        data = lnk.read_bytes()
        assert target.encode("latin-1") in data or target.encode("utf-16-le") in data, wine.why(
            f"the {what} does not point at {target}")

    classes = wine.reg(CLASSES + r"\SystemFileAssociations") or {}
    classes.update(wine.reg(CLASSES + "\\" + PROG_ID) or {})
    for ext in (".csv", ".xlsx"):
        classes.update(wine.reg(CLASSES + f"\\{ext}\\OpenWithProgids") or {})
    for key, values in _open_with_keys(app).items():
        got = classes.get(rf"software\classes\{key}".lower())
        assert got is not None and all(got.get(n) == d for n, d in values.items()), wine.why(
            f"'Open with' key HKLM\\Software\\Classes\\{key}: want {values}, got {got}")

    entry = wine.reg(uninstall_key)
    assert entry is not None, wine.why(f"no uninstall entry {uninstall_key}")
    entry = entry[uninstall_key.split("\\", 1)[1].lower()]
    want = {"DisplayName": APP, "DisplayVersion": version, "Publisher": APP,
            "InstallLocation": app + "\\", "UninstallString": f'"{app}\\unins000.exe"',
            "DisplayIcon": f"{app}\\{EXE}"}
    assert {k: entry.get(k) for k in want} == want, wine.why(f"uninstall entry: {entry}")
    others = [k for k, v in (wine.reg(UNINSTALL) or {}).items() if v.get("DisplayName") == APP]
    assert len(others) == 1, wine.why(f"{len(others)} uninstall entries named {APP}: {others}")


def test_installer_installs_upgrades_and_uninstalls_under_wine(wine, setups):
    version, _, newer = _versions()
    app_id = _iss(r"^AppId=\{(\{[0-9A-F-]+\})\s*$")
    uninstall_key = f"{UNINSTALL}\\{app_id}_is1"
    where = _folders(wine)
    tasks = "/TASKS=desktopicon,openwith"

    # 1. A first install, all users, with both optional tasks, in Portuguese (whatever wine's locale).
    _install(wine, setups[version], "install", tasks, "/LANG=brazilianportuguese")
    _check_installed(wine, where, version, uninstall_key, stale_present=True)

    # What the app leaves behind on first use: its data folder and its QSettings.
    data = wine.host(where["appdata"]) / APP / APP
    data.mkdir(parents=True)
    (data / "history.sqlite3").write_bytes(b"the person's history")
    wine.wine("reg", "add", SETTINGS + "\\" + APP, "/v", "lastFolder", "/d", r"C:\planilhas", "/f")

    # 2. The same version again over it, then a newer one. The newer one gets neither /TASKS nor
    # /LANG: like a person clicking through the wizard, it takes the tasks and language chosen last time.
    _install(wine, setups[version], "reinstall", tasks, "/LANG=brazilianportuguese")
    _check_installed(wine, where, version, uninstall_key, stale_present=True)
    _install(wine, setups[newer], "upgrade")
    _check_installed(wine, where, newer, uninstall_key, stale_present=False)

    # 3. Uninstall the way Windows does, with what the entry's UninstallString names, silently.
    uninstaller = wine.value(uninstall_key, "UninstallString").strip('"')
    log = wine.scratch / "uninstall.log"
    wine.wine(uninstaller, *SILENT, f"/LOG={_z(log)}", timeout=300, log=log)
    wine.settle()

    root = wine.host(where["app"])
    left = sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []
    assert not root.exists(), wine.why(f"{where['app']} is still there after uninstalling: {left}")
    for where_key in ("start_menu", "desktop"):
        lnk = where[where_key] + f"\\{APP}.lnk"
        assert not wine.host(lnk).exists(), wine.why(f"{lnk} is still there after uninstalling")
    assert wine.reg(uninstall_key) is None, wine.why("the uninstall entry is still there")
    for key, values in _open_with_keys(where["app"]).items():
        if key.endswith("OpenWithProgids"):  # shared with other programs: only our value goes
            assert wine.value(f"{CLASSES}\\{key}", PROG_ID) is None, wine.why(f"{key} {PROG_ID} is still there")
        else:
            assert wine.reg(f"{CLASSES}\\{key}") is None, wine.why(f"{CLASSES}\\{key} is still there")

    # A silent uninstall never deletes the person's data.
    history = data / "history.sqlite3"
    assert history.is_file() and history.read_bytes() == b"the person's history", wine.why(
        f"the data folder {where['appdata']}\\{APP}\\{APP} was touched by the uninstaller")
    assert wine.value(SETTINGS + "\\" + APP, "lastFolder") == r"C:\planilhas", wine.why(
        "the app's settings were deleted by a silent uninstall")
