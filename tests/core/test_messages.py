"""Messages are ids with arguments: one catalogue, English rendered from it, nothing read back.

The window's side (every id translated) is ``tests/gui/test_core_text.py``.
"""

from __future__ import annotations

import ast
import copy
import errno
import json
import marshal
import pickle
import random
import re
import string
from pathlib import Path

import pytest
from email_validator import EmailNotValidError, validate_email

import ghl_desktop
from ghl_desktop.core import messages as M
from ghl_desktop.core.errors import InputError, MessageError, OutputIsFolder
from ghl_desktop.core.messages import CATALOGUE, Message
from ghl_desktop.core.normalize.emails import library_reason, normalize_email
from ghl_desktop.core.speed.helper import _pack, _unpack
from ghl_desktop.core.table import INVALID_EMAIL, INVALID_PHONE, LAZY_PHONE_REASON, ContactTable, Problem

PACKAGE = Path(ghl_desktop.__file__).parent
NESTED = Message(M.FILE_UNREADABLE, "a.csv", Message(M.OS_PERMISSION_DENIED))
LISTED = Message(M.EMAIL_LOCAL_CHARS, (Message(M.CHAR_SPACE), "','"))


def test_str_is_the_english_with_each_argument_written_by_its_kind():
    assert str(Message(M.FILE_EMPTY, "vazia.csv")) == "vazia.csv: the file is empty"
    assert str(Message(M.ROW_TOO_WIDE, "w.csv", 300_000, 2_000)) == (
        "w.csv: a row has 300,000 columns; the limit is 2,000 (is this really a contact list?)")
    assert str(Message(M.AT_LINE, 12345, Message(M.LINE_BREAK))) == (
        "line 12345: a line break inside an unquoted value; joined to the row above")  # a line: plain digits
    assert str(Message(M.ZIP_BOMB, "b.xlsx", 12_000, 1.25)) == (
        "b.xlsx: the workbook would unpack to 12,000 MB from 1.2 MB; refused as unsafe (a 'zip bomb')")
    assert str(NESTED) == "a.csv: cannot be read (Permission denied)" == NESTED.text == f"{NESTED}"
    assert str(LISTED) == "The email address contains invalid characters before the @-sign: SPACE, ','."
    assert (NESTED.id, NESTED.args) == (M.FILE_UNREADABLE, ("a.csv", Message(M.OS_PERMISSION_DENIED)))


def test_a_message_is_a_value():
    assert NESTED == Message(M.FILE_UNREADABLE, "a.csv", Message(M.OS_PERMISSION_DENIED))
    assert hash(NESTED) == hash(Message(M.FILE_UNREADABLE, "a.csv", Message(M.OS_PERMISSION_DENIED)))
    assert NESTED != Message(M.FILE_UNREADABLE, "b.csv", Message(M.OS_PERMISSION_DENIED))
    assert tuple.__new__(Message, (M.FILE_EMPTY, ("x",))) == Message(M.FILE_EMPTY, "x")  # as hot paths make it
    for m in (pickle.loads(pickle.dumps(LISTED)), copy.deepcopy(NESTED), copy.copy(NESTED)):
        assert type(m) is Message and m in (LISTED, NESTED)
    assert repr(NESTED) == "Message('file.unreadable', 'a.csv', Message('os.permission_denied'))"
    with pytest.raises(AttributeError):
        NESTED.other = 1


def test_only_catalogue_ids_with_their_arguments_are_messages():
    with pytest.raises(ValueError):
        Message("file.no_such_id", "x")
    with pytest.raises(ValueError):
        Message(M.FILE_EMPTY)  # the file name is missing
    with pytest.raises(ValueError):
        M._entry("x.bad", "{0} and {2}", M.ARG_TEXT, M.ARG_TEXT)


def test_text_arguments_can_be_replaced_everywhere():
    m = Message(M.FILE_UNREADABLE, "abc123.csv", M.verbatim("cannot open /data/abc123.csv"))
    assert str(m.replace_text("abc123.csv", "clientes.csv")) == (
        "clientes.csv: cannot be read (cannot open /data/clientes.csv)")
    assert LISTED.replace_text("','", "'x'").args[0] == (Message(M.CHAR_SPACE), "'x'")


@pytest.mark.parametrize("message", [NESTED, LISTED, Message(M.ZIP_BOMB, "b.xlsx", 12_000, 1.25),
                                     Message(M.EMAIL_AFTER_NORMALIZATION, LISTED), M.verbatim("x")])
def test_plain_data_and_json_give_the_same_message_back(message):
    plain = M.to_plain(message)
    assert marshal.loads(marshal.dumps(plain)) == plain  # no Message left inside
    assert M.from_plain(plain) == message and type(M.from_plain(plain)) is Message
    assert M.from_json(M.to_json(message)) == message
    assert M.from_plain(json.loads(json.dumps(plain))) == message  # lists instead of tuples


def test_data_of_no_catalogue_message_is_refused():
    with pytest.raises(KeyError):
        M.from_json('["no.such.id", []]')
    with pytest.raises(ValueError):
        M.from_json('["file.empty", []]')  # its file name is missing
    with pytest.raises(ValueError):
        M.from_json('"just text"')


def test_problems_keep_their_messages_through_the_helper_and_a_saved_result(tmp_path):
    t = ContactTable()
    for c in t.columns:
        t.columns[c] += ["", ""]
    t.sources.extend([(0, 0), (0, 1)])
    t.add_problem(0, "Email", INVALID_EMAIL, LISTED, "ma ria@x.com")
    t.add_problem(0, "Phone", INVALID_PHONE, LAZY_PHONE_REASON + "BR", "123")
    t.add_problem(1, "Email", INVALID_EMAIL, "", "ana@")  # the fast path's: the reason comes when asked
    assert t.problems[0]["Email"][0][1] == M.to_plain(LISTED)  # held as plain data, which marshal takes
    assert t.problems[0]["Email"][0].message == LISTED and type(t.problems[0]["Email"][0].message) is Message
    assert repr(t.problems[0]["Email"][0]).startswith("Problem(kind='invalid_email', message=Message(")
    back = _unpack(marshal.loads(marshal.dumps(_pack(t))))
    assert back.problems == t.problems
    assert [str(p.reason) for _, p in back.row_problems(0)] == [str(LISTED), "too short"]
    assert type(back.row_problems(1)[0][1].reason) is Message

    from ghl_desktop.core.pipeline import ConversionResult

    result = ConversionResult(table=back, report={}, sources=[], mappings=[])
    result.save(tmp_path / "res")
    again = ConversionResult.load(tmp_path / "res").table
    assert again.problems == t.problems
    assert type(again.problems[0]["Email"][0].message) is Message


def test_input_error_carries_its_message_and_says_its_english():
    err = InputError(NESTED)
    assert err.message is NESTED and str(err) == "a.csv: cannot be read (Permission denied)"
    assert pickle.loads(pickle.dumps(err)).message == NESTED
    assert InputError("said elsewhere").message == M.verbatim("said elsewhere")
    folder = OutputIsFolder(Message(M.OUTPUT_IS_FOLDER, "/tmp/out"))
    assert isinstance(folder, IsADirectoryError) and isinstance(folder, MessageError)
    assert str(folder) == "/tmp/out is a folder, not a file name"


@pytest.mark.parametrize("exc,id", [
    (PermissionError(errno.EACCES, "Permission denied"), M.OS_PERMISSION_DENIED),
    (OSError(errno.EIO, "Input/output error"), M.OS_IO_ERROR),
    (OSError(errno.ENOSPC, "No space left on device"), M.OS_NO_SPACE),
    (OSError(errno.EIO, "Erro de entrada/saída"), M.TEXT),  # a system in another language: its own words
    (OSError(errno.EXDEV, "Invalid cross-device link"), M.TEXT),
    (OSError("no errno at all"), M.TEXT),
])
def test_the_systems_reason_becomes_an_id_only_when_its_words_are_the_catalogues(exc, id):
    reason = M.os_reason(exc)
    assert reason.id == id and str(reason) == (exc.strerror or str(exc))


@pytest.mark.parametrize("exc", [
    OSError(errno.ENOSPC, "No space left on device", "/tmp/x.csv"),
    OSError(errno.ENOSPC, "No space left on device"),
    OSError(errno.EXDEV, "Invalid cross-device link", "a", None, "b"),
    OSError("plain"),
    FileNotFoundError(errno.ENOENT, "No such file or directory", "/nope/meta.json"),
])
def test_an_os_error_as_a_message_says_exactly_what_str_says(exc):
    assert str(M.os_error(exc)) == str(exc) == str(M.message_of(exc))
    assert M.message_of(InputError(NESTED)) is NESTED
    assert M.message_of(RuntimeError("boom")) == M.verbatim("boom")


#: Addresses that provoke email-validator's reasons (``tests/gui/test_core_text.py`` has most of them).
EMAILS = ["maria", "maria@", "@x.com", "maria@x", "maria@@x.com", "ma ria@x.com", ".maria@x.com",
          "maria.@x.com", "ma..ria@x.com", "maria@-x.com", "maria@x.com-", "maria@x.com.", "maria@.x.com",
          "maria@" + "a" * 70 + ".com", "maria@localhost.local", '"maria"@x.com', "maria@[1.2.3.4]",
          "Maria <maria@x.com>", "maria\uff20x.com", "maria\u200b@x.com", "maria@xn--abc.com",
          "maria@ab--cd.com", "maria@x.-com", "ma(ria@x.com", "a@" + "b" * 250 + ".com", "maria@x_y.com",
          "a" * 70 + "@x.com", '"a b"c@x.com', "maria@[IPv6:::1%eth0]", "maria@[ab]", "maria\u00a0@x.com",
          "m\tar@x.com", "ma\u00adria@x.com", "maria@\ufe6bx.com", "a@b\u200bc.com"]


def test_email_validators_reasons_are_read_into_ids_with_the_same_english():
    rnd = random.Random(14)
    alphabet = string.ascii_letters + string.digits + ' .@-_"<>()[],;:\\\u00a0\u200b\ufeff\u00ad\t\u00e7\uff20'
    samples = EMAILS + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    seen = set()
    for address in samples:
        try:
            validate_email(address, check_deliverability=False)
            continue
        except EmailNotValidError as exc:
            said = str(exc)
        reason = library_reason(said)
        assert reason.id != M.TEXT, f"no catalogue id for email-validator's {said!r}"
        assert str(reason) == said
        seen.add(reason.id)
    assert len(seen) >= 25, sorted(seen)
    assert library_reason("something the library never said").id == M.TEXT
    assert normalize_email("ma ria@x.com").reason == Message(M.EMAIL_LOCAL_CHARS, (Message(M.CHAR_SPACE),))


# -- one place per sentence ------------------------------------------------------------------------
def _sources(*parts: str) -> list[Path]:
    return [p for part in parts for p in sorted((PACKAGE / part).rglob("*.py"))]


def _string_literals(path: Path) -> list[str]:
    """The strings a module's code holds (not its docstrings or comments)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_no_core_jobs_or_cli_module_writes_a_catalogue_sentence_itself():
    """The catalogue's sentences are written in ``core/messages.py`` only."""
    files = [p for p in _sources("core", "jobs") + [PACKAGE / "cli.py"] if p.name != "messages.py"]
    literals = {p: _string_literals(p) for p in files}
    pieces = [(e.id, piece) for e in CATALOGUE.values() for piece in re.split(r"\{\d+\}", e.template)
              if len(piece) >= 12]
    assert len(pieces) > 100
    for path, strings in literals.items():
        for id, piece in pieces:
            assert not any(piece in s for s in strings), f"{path.relative_to(PACKAGE)} writes {piece!r} ({id})"


def test_errors_and_warnings_are_made_from_messages_not_strings():
    makers = {"InputError", "ResultUnreadable", "OutputIsFolder", "MessageError"}
    for path in _sources("core", "jobs") + [PACKAGE / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in makers or name == "append" and "warnings" in ast.unparse(node.func):
                arg = node.args[-1]
                assert not isinstance(arg, (ast.Constant, ast.JoinedStr, ast.BinOp)), (
                    f"{path.relative_to(PACKAGE)}:{node.lineno} makes {name} from a string")
