"""Contact lists never leave the machine: no socket may connect while the app works."""

import subprocess
import sys
import textwrap

GUARD = textwrap.dedent(
    """
    import socket, sys
    def refuse(*args, **kwargs):
        sys.stderr.write("NETWORK ATTEMPT %r\\n" % (args,))
        raise SystemExit(99)
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    """
)


def run_guarded(code: str, tmp_path):
    proc = subprocess.run([sys.executable, "-c", GUARD + textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "NETWORK ATTEMPT" not in proc.stderr, proc.stderr
    return proc


def test_convert_and_inspect_open_no_connection(tmp_path):
    src = tmp_path / "c.csv"
    src.write_text("Nome;E-mail;Celular\nAna;ana@gmial.com;11 98765-4321\n", encoding="utf-8")
    proc = run_guarded(
        f"""
        from ghl_desktop.cli import main
        assert main(["convert", {str(src)!r}, "--out", "out.csv", "--report", "r.json"]) == 0
        assert main(["inspect", {str(src)!r}, "--json"]) == 0
        """,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr


def test_the_guard_itself_catches_a_connection(tmp_path):
    proc = subprocess.run([sys.executable, "-c", GUARD + "import socket\nsocket.create_connection(('127.0.0.1', 9))"],
                          capture_output=True, text=True)
    assert proc.returncode == 99 and "NETWORK ATTEMPT" in proc.stderr
