"""The core's messages in the Portuguese window: refusals, reader warnings, cell reasons, job errors.

Every message here comes from the real code: the bad-input corpus, crafted files for the other
refusals and warnings, the normalizers on bad values, a conversion with problems, jobs that fail.
Each is a ``Message`` (an id of ``core/messages.py`` and its arguments) and the window translates
it by id; every catalogue id must have an entry in ``ghl_desktop/gui/core_text.py`` with the
catalogue's exact words and a finished Portuguese translation. The window never reads English.
"""

from __future__ import annotations

import ast
import builtins
import io
import os
import re
import xml.etree.ElementTree as ET
import shutil
import struct
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from ghl_desktop.core import messages as M
from ghl_desktop.core.errors import InputError
from ghl_desktop.core.schema import GHL_COLUMNS
from ghl_desktop.core.limits import Limits
from ghl_desktop.core.messages import ARG_LIST, ARG_MESSAGE, ARG_TEXT, CATALOGUE, Message
from ghl_desktop.core.normalize.dates import normalize_date
from ghl_desktop.core.normalize.emails import normalize_email
from ghl_desktop.core.normalize.phones import normalize_phone
from ghl_desktop.core.pipeline import ConvertOptions, convert
from ghl_desktop.core.reader import read_source
from ghl_desktop.gui import core_text
from ghl_desktop.gui.core_text import CONTEXT, TEMPLATES, translate_core_text
from ghl_desktop.gui.i18n import LanguageSwitcher
from ghl_desktop.gui.jobs_panel import error_text
from ghl_desktop.gui.paths import translations_dir
from ghl_desktop.gui.preview_model import PreviewModel
from ghl_desktop.jobs import states as S
from ghl_desktop.jobs.store import JobStore
from ghl_desktop.jobs.worker import process_job

from .helpers import drop, wait_finished

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "bad"))
import make_corpus  # noqa: E402

#: English words of the core's messages that no Portuguese translation contains ("no", "use", "data",
#: "real" are Portuguese words too, and "Excel", "CSV", "UTF-8", "IDNA" stay as they are).
ENGLISH = re.compile(
    r"\b(?:the|is|are|not|cannot|can't|file|has|have|this|with|and|or|rows?|lines?|sheets?|limit|"
    r"empty|header|read|there|than|more|folder|such|values?|damaged|workbook|contains|binary|text|"
    r"spreadsheet|settings|split|change|unsafe|refused|archive|image|document|password|program|"
    r"page|email|address|must|after|before|period|hyphen|characters?|invalid|valid|phone|"
    r"number|short|long|date|year|future|country|code|digits?|mean|mobile|added|name|starts|"
    r"formula|leading|type|bare|check|day|month|quote|closed|delimiter|break|joined|above|"
    r"skipped|were|was|found|missing|extra|dropped|repeated|numbered|most|space|stored|gone|"
    r"memory|unexpected|error|too|many|wrong|unknown|says|its|but|although|again|save)\b",
    re.IGNORECASE,
)


# -- languages --------------------------------------------------------------------------------------
@pytest.fixture
def portuguese(qapp):
    languages = LanguageSwitcher(qapp)
    assert languages.apply("pt_BR")
    yield
    languages.apply("en")


@pytest.fixture
def english(qapp):
    languages = LanguageSwitcher(qapp)
    languages.apply("en")
    yield
    languages.apply("en")


def ids(message: Message) -> list[str]:
    """The ids of ``message`` and of every message inside it."""
    out = [message.id]
    for kind, value in zip(CATALOGUE[message.id].kinds, message.args):
        if kind == ARG_MESSAGE:
            out += ids(value)
        elif kind == ARG_LIST:
            out += [i for v in value if isinstance(v, Message) for i in ids(v)]
    return out


def kept_values(message: Message) -> list[str]:
    """The arguments put back as written (file names, paths, a library's words), nested ones too."""
    out: list[str] = []
    for kind, value in zip(CATALOGUE[message.id].kinds, message.args):
        if kind == ARG_TEXT:
            out.append(value)
        elif kind == ARG_MESSAGE:
            out += kept_values(value)
        elif kind == ARG_LIST:
            out += [v for v in value if isinstance(v, str)]
            out += [k for v in value if isinstance(v, Message) for k in kept_values(v)]
    return out


def assert_portuguese(message: Message) -> str:
    """``message`` has entries for all its ids and comes out with no English word left; returns the
    Portuguese."""
    assert isinstance(message, Message), message
    for id in ids(message):
        assert id != M.TEXT, f"the core wrote words it has no id for: {message!r}"
        assert id in TEMPLATES, f"no entry in gui/core_text.py for the core's {id!r} ({message})"
    pt = translate_core_text(message)
    assert pt != str(message)
    rest = pt
    for value in sorted(kept_values(message), key=len, reverse=True):
        rest = rest.replace(value, " ")
    assert not ENGLISH.search(rest), f"English left in {pt!r} (from {str(message)!r})"
    return pt


# -- refusals: every InputError a realistic bad file provokes ------------------------------------
def _xlsx(path: Path, rows: list[list[str]], title: str = "Contatos") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _rewrite_zip(src: Path, dest: Path, change) -> Path:
    """A copy of the zip ``src`` with each member's bytes passed through ``change(name, data)``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for name in zin.namelist():
            zout.writestr(name, change(name, zin.read(name)))
    return dest


def _unsupported_method(src: Path, dest: Path) -> Path:
    """A workbook whose zip members claim a compression method zipfile does not know."""
    data = bytearray(src.read_bytes())
    for magic, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        i = data.find(magic)
        while i != -1:
            data[i + offset : i + offset + 2] = struct.pack("<H", 99)
            i = data.find(magic, i + 4)
    dest.write_bytes(bytes(data))
    return dest


def _contacts(n: int, prefix: str = "p") -> str:
    return "Nome,Email\n" + "".join(f"{prefix}{i},{prefix}{i}@exemplo.com.br\n" for i in range(n))


def _crafted(d: Path) -> dict[str, tuple[list[Path], ConvertOptions]]:
    """name -> (files, options): every other refusal the reader and the pipeline can word."""
    d.mkdir()

    def write(name: str, data: bytes | str) -> Path:
        p = d / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    small = ConvertOptions(limits=Limits(max_rows=5))
    book = _xlsx(d / "clientes.xlsx", make_corpus.CONTACTS, title="Clientes")
    cases: dict[str, tuple[list[Path], ConvertOptions]] = {}
    for magic, ext in [(b"\x89PNG\r\n", "png"), (b"\xff\xd8\xff\xe0", "jpg"), (b"GIF89a", "gif"),
                       (b"Rar!\x1a\x07", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z"), (b"\x1f\x8b\x08", "gz"),
                       (b"{\\rtf1", "rtf"), (b"MZ\x90\x00", "exe")]:
        cases[f"magic_{ext}"] = ([write(f"contatos-{ext}.csv", magic + b"\x00" * 64)], ConvertOptions())
    cases["web_page"] = ([write("pagina.xls", "<!DOCTYPE html><html><body><table></table></body></html>")],
                         ConvertOptions())
    cases["xls_neither"] = ([write("antigo.xls", bytes(range(256)) * 4)], ConvertOptions())
    with zipfile.ZipFile(d / "outro.xlsx", "w") as z:
        z.writestr("leia-me.txt", "oi")
    cases["zip_not_workbook"] = ([d / "outro.xlsx"], ConvertOptions())
    with zipfile.ZipFile(d / "binario.xlsx", "w") as z:
        z.writestr("xl/workbook.bin", "x")
    cases["xlsb"] = ([d / "binario.xlsx"], ConvertOptions())
    cases["too_many_rows"] = ([write("comprida.csv", _contacts(20))], small)
    cases["too_many_rows_while_reading"] = (
        [write("comprida2.csv", 'Nome,Email\n"a,b\n' + _contacts(20_050).partition("\n")[2])],
        ConvertOptions(limits=Limits(max_rows=10_000)),
    )
    cases["too_many_rows_in_all"] = ([write("a.csv", _contacts(4, "a")), write("b.csv", _contacts(4, "b"))], small)
    cases["damaged_utf16"] = ([write("utf16.csv", b"\xff\xfe" + "Nome,Email\n".encode("utf-16-le") + b"\x00\xd8A\x00")],
                              ConvertOptions())
    cases["control_bytes"] = ([write("controle.csv", bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16]) * 20)],
                              ConvertOptions())
    cases["no_values"] = ([write("virgulas.csv", ",,,\n , ,\n,,\n")], ConvertOptions())
    cases["empty_sheet"] = ([_xlsx(d / "vazia.xlsx", [])], ConvertOptions())
    cases["sheet_header_only"] = ([_xlsx(d / "cabecalho.xlsx", [["Nome", "E-mail", "Celular"]])], ConvertOptions())
    cases["no_such_sheet"] = ([book], ConvertOptions(sheet="Leads"))
    cases["sheet_too_wide"] = ([_xlsx(d / "larga.xlsx", [list("abcd"), list("1234")])],
                               ConvertOptions(limits=Limits(max_columns=2)))
    cases["sheet_too_long"] = ([_xlsx(d / "longa.xlsx", [["Nome", "E-mail"]] + [[f"p{i}", f"p{i}@x.com"]
                                                                             for i in range(100)])], small)
    cases["workbook_too_many_rows"] = ([_xlsx(d / "linhas.xlsx", [["Nome", "E-mail"]] + [[f"p{i}", f"p{i}@x.com"]
                                                                                      for i in range(20)])],
                                       ConvertOptions(limits=Limits(max_rows=15)))
    cases["damaged_workbook"] = ([_rewrite_zip(book, d / "danificada.xlsx",
                                               lambda n, b: b"<not xml" if n == "xl/workbook.xml" else b)],
                                 ConvertOptions())
    cases["damaged_sheet"] = ([_rewrite_zip(book, d / "aba-ruim.xlsx", lambda n, b: (
        b"<worksheet><sheetData><row><c r='A1' t='s'><v>99</v></c></row" if n.startswith("xl/worksheets/") else b))],
        ConvertOptions())
    cases["no_sheets"] = ([_rewrite_zip(book, d / "sem-abas.xlsx", lambda n, b: (
        re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", b, flags=re.S) if n == "xl/workbook.xml" else b))],
        ConvertOptions())
    cases["unknown_compression"] = ([_unsupported_method(book, d / "metodo.xlsx")], ConvertOptions())
    return cases


#: The crafted cases (built in the fixture; listed here so each is its own test).
CRAFTED = [
    *(f"magic_{e}" for e in ("png", "jpg", "gif", "rar", "7z", "gz", "rtf", "exe")),
    "web_page", "xls_neither", "zip_not_workbook", "xlsb", "too_many_rows", "too_many_rows_while_reading",
    "too_many_rows_in_all", "damaged_utf16", "control_bytes", "no_values", "empty_sheet", "sheet_header_only",
    "no_such_sheet", "sheet_too_wide", "sheet_too_long", "workbook_too_many_rows", "damaged_workbook",
    "damaged_sheet", "no_sheets", "unknown_compression",
]
#: Refusals of the operating system, simulated (root reads any file; a disk error cannot be made).
SIMULATED = ["permission_denied", "disk_error", "no_input"]


def _refusal(paths: list[Path], options: ConvertOptions | None = None) -> Message | None:
    try:
        convert(paths, options)
    except InputError as exc:
        return exc.message
    return None


def _simulated(d: Path) -> dict[str, tuple[Message | None, str]]:
    target = d / "bloqueada.csv"
    target.write_text(_contacts(2), encoding="utf-8")
    out = {}
    for case, error in (("permission_denied", PermissionError(13, "Permission denied")),
                        ("disk_error", OSError(5, "Input/output error"))):
        real_open, real_io_open = builtins.open, io.open

        def guarded(opener, error=error):
            def _open(file, *a, **k):
                if str(file) == str(target):
                    raise error
                return opener(file, *a, **k)
            return _open

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(builtins, "open", guarded(real_open))
            mp.setattr(io, "open", guarded(real_io_open))
            out[case] = (_refusal([target]), target.name)
    out["no_input"] = (_refusal([]), "")
    return out


@pytest.fixture(scope="module")
def refusals(tmp_path_factory) -> dict[str, tuple[Message | None, str]]:
    """case -> (the core's message, or None when the file was read after all; the file's name)."""
    d = tmp_path_factory.mktemp("refusals")
    out: dict[str, tuple[Message | None, str]] = {}
    corpus = make_corpus.make_all(d / "corpus")
    try:
        for case, path in corpus.items():
            out[case] = (_refusal([path]), path.name)
    finally:
        os.chmod(d / "corpus" / "locked.csv", 0o600)
    for case, (paths, options) in _crafted(d / "crafted").items():
        out[case] = (_refusal(paths, options), paths[0].name if len(paths) == 1 else "")
    out.update(_simulated(d))
    return out


@pytest.mark.parametrize("case", sorted(make_corpus.CASES) + CRAFTED + SIMULATED)
def test_every_refusal_reads_in_portuguese(case, refusals, portuguese):
    message, name = refusals[case]
    if message is None:
        assert case == "unreadable", f"{case}: the core read this file; the case no longer provokes a refusal"
        pytest.skip("this user reads any file (root, or Windows); covered by permission_denied")
    pt = assert_portuguese(message)
    assert name in pt


def test_refusal_examples(refusals, portuguese):
    """A few read in full: numbers in the Brazilian format, the file name and path kept."""
    assert translate_core_text(refusals["empty"][0]) == "empty.csv: o arquivo está vazio"
    assert translate_core_text(refusals["header_only"][0]) == "header-only.csv: tem cabeçalho mas nenhuma linha de dados"
    assert translate_core_text(refusals["very_wide"][0]) == (
        "wide.csv: uma linha tem 300.000 colunas; o limite é 2.000 (é mesmo uma lista de contatos?)")
    missing = refusals["missing"][0]
    assert translate_core_text(missing).startswith("does-not-exist.csv: arquivo não encontrado (")
    assert str(missing).split("(", 1)[1] in translate_core_text(missing)  # the path, as written
    assert translate_core_text(refusals["pdf_renamed"][0]).startswith("report.csv: isto é um documento PDF, ")
    assert "(Input/output error)" not in translate_core_text(refusals["disk_error"][0])
    assert "(Erro de entrada/saída)" in translate_core_text(refusals["disk_error"][0])


# -- reader warnings -----------------------------------------------------------------------------
WARNING_FILES = {
    "quotes.csv": 'Nome,Email\n"Maria,m@x.com\nJo"ao,j@x.com\n"Ana "A" B",a@x.com\n',
    "other-delimiter.csv": "Nome,Email,Cel\nMaria,m@x.com,1\nJoao;j@x.com;2\nAna,a@x.com,3\n",
    "line-break.csv": "Nome,Email,Obs\nMaria,m@x.com,primeira parte\nsegunda parte\nAna,a@x.com,x\n",
    "short-long.csv": "Nome,Email,Obs\nMaria,m@x.com\nJoao,j@x.com,b,extra\nAna,a@x.com,c\n",
    "wider.csv": "Nome,Email\nMaria,m@x.com,1\nJoao,j@x.com,2\nAna,a@x.com,3\n",
    "repeated.csv": "Nome,Email,Email\nMaria,m@x.com,n@x.com\n",
    "title.csv": "Relatório de contatos\nGerado em 2024\nNome,Email,Celular\nMaria,m@x.com,11987654321\n",
    "named.xlsx": "Nome;Email\nMaria;m@x.com\n",
}


@pytest.fixture(scope="module")
def reader_warnings(tmp_path_factory) -> list[Message]:
    d = tmp_path_factory.mktemp("warnings")
    out: list[Message] = []
    for name, text in WARNING_FILES.items():
        p = d / name
        p.write_text(text, encoding="utf-8")
        out.extend(read_source(p).warnings)
    titled = _xlsx(d / "titulo.xlsx", [["Relatório de contatos"], [], ["Nome", "E-mail"], ["Maria", "m@x.com"]])
    out.extend(read_source(titled).warnings)
    return out


def test_reader_warnings_read_in_portuguese(reader_warnings, portuguese):
    for w in reader_warnings:
        assert_portuguese(w)
    kinds = {tuple(ids(w)) for w in reader_warnings}
    assert len(kinds) >= 11, sorted(kinds)  # the files above provoke every kind of warning
    assert translate_core_text(Message(M.AT_LINE, 3, Message(M.LINE_BREAK))) == (
        "linha 3: quebra de linha dentro de um valor sem aspas; juntada à linha de cima")


# -- reasons on cells ------------------------------------------------------------------------------
PHONES = ["abc", "+999 1234 5678", "123", "1234567890123456789", "98765-4321", "(11) 1234-5678",
          "+55 11 9876", "x" * 1001, "1" * 130]
EMAILS = ["maria", "maria@", "@x.com", "maria@x", "maria@@x.com", "ma ria@x.com", ".maria@x.com",
          "maria.@x.com", "ma..ria@x.com", "maria@-x.com", "maria@x.com-", "maria@x.com.", "maria@.x.com",
          "maria@" + "a" * 70 + ".com", "maria@localhost.local", '"maria"@x.com', "maria@[1.2.3.4]",
          "Maria <maria@x.com>", "maria\uff20x.com", "maria\u200b@x.com", "maria@xn--abc.com",
          "maria@ab--cd.com", "maria@x.-com", "ma(ria@x.com", "a@" + "b" * 250 + ".com", "maria@x_y.com"]
DATES = ["31/02/1990", "01/01/2999", "01/01/1800", "abc", "12345"]


def _reasons() -> list[Message]:
    out = [normalize_phone(v).reason for v in PHONES]
    out += [normalize_email(v).reason for v in EMAILS]
    out += [normalize_date(v).reason for v in DATES] + [normalize_date("abc", "US").reason]
    return out


def test_normalizer_reasons_read_in_portuguese(portuguese):
    reasons = _reasons()
    assert all(reasons), "every sample value is invalid and has a reason"
    for reason in reasons:
        assert_portuguese(reason)
    assert translate_core_text(normalize_phone("abc").reason) == "não é um número de telefone"
    assert translate_core_text(normalize_email("maria").reason) == "falta o @"
    assert translate_core_text(normalize_email("ma ria@x.com").reason) == "caracteres inválidos antes do @: espaço"
    assert translate_core_text(normalize_date("abc").reason) == "não é uma data (use DD/MM/AAAA)"


PROBLEM_FILE = (
    "Nome;E-mail;Celular;Data de nascimento;Observação\n"
    "Ana;ana@@exemplo.com;123;31/02/1990;\n"
    "Bia;bia@gmial.com;98765-4321;01/01/2999;\n"
    "Caio;caio;abc;abc;\n"
    "Davi;davi@exemplo.com;(11) 8765-4321;;=SOMA(A1:A9)\n"
    ";;;;só uma observação\n"
)


@pytest.fixture(scope="module")
def problems_result(tmp_path_factory):
    p = tmp_path_factory.mktemp("problems") / "problemas.csv"
    p.write_text(PROBLEM_FILE, encoding="utf-8")
    return convert([p])


def _problems(result) -> list:
    return [p for probs in result.table.problems.values() for ps in probs.values() for p in ps]


def _problem_reasons(result) -> list[Message]:
    return [p.reason for p in _problems(result)]


def test_problems_of_a_conversion_read_in_portuguese(problems_result, portuguese):
    reasons = _problem_reasons(problems_result)
    kinds = {p.kind for probs in problems_result.table.problems.values() for ps in probs.values() for p in ps}
    assert len(kinds) >= 6, kinds  # invalid email/phone/date, typo, repaired phone, no contact, formula
    for reason in reasons:
        assert_portuguese(reason)
    for problem in _problems(problems_result):  # the window passes the problem itself
        assert translate_core_text(problem) == translate_core_text(problem.reason)


def test_cell_tooltips_show_the_reasons_in_portuguese(problems_result, qapp):
    model = PreviewModel()
    model.set_table(problems_result.table, problems_result)
    languages = LanguageSwitcher(qapp)

    def tooltips() -> str:
        return "\n".join(str(model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or "")
                         for r in range(model.rowCount()) for c in range(1, len(GHL_COLUMNS) + 1))

    try:
        english = tooltips()
        assert "not a phone number" in english and "did you mean bia@gmail.com?" in english
        assert languages.apply("pt_BR")
        pt = tooltips()
        assert "não é um número de telefone" in pt and "você quis dizer bia@gmail.com?" in pt
        assert "falta o @" in pt and "data inexistente (confira o dia e o mês)" in pt
        assert "not a phone number" not in pt and "did you mean" not in pt
    finally:
        languages.apply("en")


# -- jobs that fail ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def job_errors(tmp_path_factory) -> list:
    """Failed jobs, run as the window runs them (stored copy, worker), without the window."""
    d = tmp_path_factory.mktemp("jobs")
    store = JobStore(d / "data")
    sources = d / "in"
    sources.mkdir()
    empty = sources / "vazia.csv"
    empty.write_bytes(b"")
    pdf = sources / "relatorio.csv"
    pdf.write_bytes(b"%PDF-1.7\n" + b"0" * 64)
    good = sources / "boa.csv"
    good.write_text(_contacts(2), encoding="utf-8")

    def run(path: Path, **kw):
        sha, size, stored = store.data.store_copy(path)
        job = store.create(path, sha, size, stored, {})
        if kw.pop("remove_copy", False):
            stored.unlink()
        assert process_job(store, job.id, **kw) == S.FAILED
        return store.get(job.id)

    def no_memory(*_a, **_k):
        raise MemoryError

    def bug(*_a, **_k):
        raise RuntimeError("boom")

    try:
        return [run(empty), run(pdf), run(good, remove_copy=True), run(good, engine=no_memory),
                run(good, engine=bug)]
    finally:
        store.close()


def test_failed_jobs_read_in_portuguese(job_errors, portuguese):
    for job in job_errors:
        pt = error_text(job)
        assert job.error_message is not None and str(job.error_message) == job.error
        assert pt == assert_portuguese(job.error_message)
    assert error_text(job_errors[0]) == "vazia.csv: o arquivo está vazio"
    assert error_text(job_errors[2]).startswith("a cópia guardada de boa.csv não existe mais")
    assert error_text(job_errors[4]) == "erro inesperado: RuntimeError: boom"


# -- English, unknown texts, the catalog -------------------------------------------------------------
#: Messages the core makes from the operating system's errors (a dropped file that cannot be copied
#: in, an export to a full disk).
LOCKED = Message(M.FILE_OS_ERROR, "locked.csv", M.os_reason(PermissionError(13, "Permission denied")))
NO_SPACE = OSError(28, "No space left on device", "/tmp/x.csv")


def test_english_comes_back_exactly_as_the_core_wrote_it(refusals, reader_warnings, problems_result,
                                                          job_errors, english):
    messages = [m for m, _ in refusals.values() if m] + reader_warnings + _reasons()
    messages += _problem_reasons(problems_result) + [j.error_message for j in job_errors]
    messages += [LOCKED, M.os_error(NO_SPACE)]
    for message in messages:
        assert translate_core_text(message) == str(message)
    assert translate_core_text(NO_SPACE) == str(NO_SPACE)
    for job in job_errors:
        assert error_text(job) == job.error
    for template in TEMPLATES.values():
        assert QCoreApplication.translate(CONTEXT, template) == template


def test_text_is_never_read_back_into_a_message(portuguese):
    """A plain string is shown as it is, even one that is word for word a catalogue message: only
    ids are translated. (A job that failed before the history kept ids shows its English.)"""
    for message in (Message(M.FILE_EMPTY, "x.csv"), Message(M.AT_LINE, 3, Message(M.LINE_BREAK)), LOCKED,
                    normalize_phone("abc").reason):
        assert translate_core_text(message) != str(message)
        assert translate_core_text(str(message)) == str(message)
    assert translate_core_text("") == "" and translate_core_text(None) == ""
    old_job = type("J", (), {"error": "x.csv: the file is empty", "error_message": None})()
    assert error_text(old_job) == "x.csv: the file is empty"


def test_the_window_matches_no_sentences():
    """``gui/core_text.py`` looks ids up; it has no pattern or text search to match English with."""
    tree = ast.parse(Path(core_text.__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not imported & {"re", "regex", "fnmatch", "difflib", "string"}, imported
    searching = {"split", "rsplit", "partition", "rpartition", "find", "rfind", "index", "startswith",
                 "endswith", "removeprefix", "removesuffix", "match", "fullmatch", "search", "findall", "replace"}
    calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
    assert not calls & searching, calls & searching


def test_messages_after_a_name_and_the_systems_errors_are_translated(portuguese):
    assert translate_core_text(LOCKED) == "locked.csv: Permissão negada"
    assert translate_core_text(NO_SPACE) == "[Errno 28] Não há espaço livre no disco: '/tmp/x.csv'"


def _catalog() -> dict[str, ET.Element]:
    """source text -> <message> of the CoreText context in the Portuguese catalog."""
    root = ET.parse(translations_dir() / "ghl_desktop_pt_BR.ts").getroot()
    return {m.findtext("source"): m for c in root.iter("context") if c.findtext("name") == CONTEXT
            for m in c.iter("message")}


def test_every_catalogue_id_is_translated_with_its_placeholders(portuguese):
    assert set(TEMPLATES) == set(CATALOGUE), "one entry per catalogue id, and no other"
    catalog = _catalog()
    placeholder = re.compile(r"\{\d+\}")
    for id, entry in CATALOGUE.items():
        assert TEMPLATES[id] == entry.template, f"{id}: not the catalogue's words"
        ts = catalog.get(entry.template)
        assert ts is not None, f"{id}: {entry.template!r} is not in the Portuguese catalog"
        assert ts.find("translation").get("type") is None, f"{id}: its translation is unfinished"
        pt = QCoreApplication.translate(CONTEXT, entry.template)
        assert sorted(placeholder.findall(pt)) == sorted(placeholder.findall(entry.template)), id
        words = re.sub(r"\{\d+\}|\[(?:Errno|WinError)\b", "", entry.template)
        if re.search(r"[a-z]", words):  # else nothing to translate but the arguments
            assert pt != entry.template, f"no Portuguese for {id} {entry.template!r}"


# -- the window ----------------------------------------------------------------------------------
def test_window_shows_the_failure_in_portuguese(ctx, qtbot, tmp_path):
    w = ctx.window
    empty = tmp_path / "vazia.csv"
    empty.write_bytes(b"")
    drop(w.drop_area, [empty])
    job = wait_finished(qtbot, ctx, 1)[0]
    assert job.status == S.FAILED
    qtbot.waitUntil(lambda: w.shown_view() == "failed")
    assert ctx.languages.apply("pt_BR")
    qtbot.waitUntil(lambda: "o arquivo está vazio" in w.jobs_panel.detail.text())
    assert "the file is empty" not in w.jobs_panel.detail.text()
    assert "vazia.csv: o arquivo está vazio" in w.review.banner.text()
    status = w.jobs_panel.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert status == "vazia.csv: o arquivo está vazio"
    # A dropped file over the size limit is refused at once, in a message box.
    ctx.settings.max_file_mb = 1
    big = tmp_path / "grande.csv"
    big.write_bytes(b"Nome,Email\n" + b"x" * (2 * 2**20))
    w.handle_paths([big])
    box = w.message_box
    assert box is not None and "grande.csv: o arquivo tem 2 MB; o limite é 1 MB" in box.text()
    box.close()


# -- a saved result that cannot be opened again ------------------------------------------------------
def test_damaged_saved_result_reads_in_portuguese(problems_result, tmp_path, portuguese):
    from ghl_desktop.core.pipeline import ConversionResult

    saved = tmp_path / "result"
    problems_result.save(saved)
    messages: list[Exception] = []
    for damage in ("truncate", "version"):
        for part in ("table.bin", "review.bin"):
            broken = tmp_path / f"{damage}-{part}"
            shutil.copytree(saved, broken)
            data = (broken / part).read_bytes()
            (broken / part).write_bytes(data[:-10] if damage == "truncate" else b"X" * 8 + data[8:])
            with pytest.raises(Exception) as caught:
                ConversionResult.load(broken)
            messages.append(caught.value)
    shutil.copytree(saved, tmp_path / "no-meta")
    (tmp_path / "no-meta" / "meta.json").unlink()
    with pytest.raises(Exception) as caught:
        ConversionResult.load(tmp_path / "no-meta")
    messages.append(caught.value)
    for exc in messages:
        assert translate_core_text(exc) == assert_portuguese(exc.message)
    assert translate_core_text(messages[0]) == "table.bin está danificado (cortado no meio)"
