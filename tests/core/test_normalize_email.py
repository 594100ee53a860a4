"""Emails: exactly email-validator's answer, lower-cased; typos suggested, never applied."""

import random
import string

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.normalize import EmailResult, normalize_email, suggest_domain


def _library(v: str) -> tuple[str, str]:
    try:
        return validate_email(v, check_deliverability=False).normalized.lower(), ""
    except EmailNotValidError as exc:
        return "", str(exc)


def test_normalized_and_lowercased():
    r = normalize_email("  Maria.Souza@Exemplo.COM.br ")
    assert r == EmailResult(("maria.souza@exemplo.com.br",), "valid")


def test_accents_are_kept():
    assert normalize_email("JOÃO@Exemplo.com.br").emails == ("joão@exemplo.com.br",)


@pytest.mark.parametrize("raw", ["", "   ", "\t\n", ";", " , / "])
def test_empty(raw):
    assert normalize_email(raw) == EmailResult((), "empty")


@pytest.mark.parametrize("raw", ["maria@", "maria.exemplo.com", "ma ria@x.com", "a@@b.com", "@x.com", "a@x.test",
                                 "a@localhost", "\x00", "a@x.com\x00", "😀@😀", "a@-x.com"])
def test_invalid_keeps_the_library_reason(raw):
    r = normalize_email(raw)
    assert r.status == "invalid" and r.emails == () and r.invalid_parts == (raw.strip(),)
    assert str(r.reason) == _library(raw.strip())[1] != ""


@pytest.mark.parametrize("raw,suggestion", [
    ("ana@gmial.com", "ana@gmail.com"), ("ana@gmai.com", "ana@gmail.com"), ("ana@gamil.com", "ana@gmail.com"),
    ("ana@gmaill.com", "ana@gmail.com"), ("ana@hotmial.com", "ana@hotmail.com"), ("ana@hotmal.com", "ana@hotmail.com"),
    ("ana@hotmail.con", "ana@hotmail.com"), ("ana@gmail.con", "ana@gmail.com"), ("ana@gmail.co", "ana@gmail.com"),
    ("ana@gmail.cmo", "ana@gmail.com"), ("ana@gmail.om", "ana@gmail.com"), ("ana@gmial.con", "ana@gmail.com"),
    ("ana@yaho.com.br", "ana@yahoo.com.br"), ("ana@yahoo.com.bt", "ana@yahoo.com.br"),
    ("ana@yahooo.com.br", "ana@yahoo.com.br"), ("ana@outlok.com", "ana@outlook.com"),
    ("ana@uol.com.bt", "ana@uol.com.br"), ("ana@bol.com.bt", "ana@bol.com.br"), ("ana@terra.com.bt", "ana@terra.com.br"),
    ("ana@icloud.co", "ana@icloud.com"), ("ana@hotmail.com.bt", "ana@hotmail.com.br"), ("ana@uol.br", "ana@uol.com.br"),
    ("ana@gmail.com.br", "ana@gmail.com"),  # gmail has no Brazilian domain
    ("Ana@GMIAL.COM", "ana@gmail.com"),
])
def test_domain_typos_are_suggested_not_applied(raw, suggestion):
    r = normalize_email(raw)
    assert r.suggestion == suggestion
    assert r.emails == (raw.lower(),) and r.status == "valid"


@pytest.mark.parametrize("raw,suggestion", [
    ("ana@gmailcom", "ana@gmail.com"), ("ana@gmail,com", "ana@gmail.com"), ("ana@gmail.com.", "ana@gmail.com"),
    ("ana@hotmail..com", "ana@hotmail.com"), ("ana@uolcombr", "ana@uol.com.br"), ("ana@gmial,com", "ana@gmail.com"),
])
def test_invalid_addresses_of_popular_providers_get_a_suggestion_too(raw, suggestion):
    r = normalize_email(raw)
    assert r.status == "invalid" and r.emails == () and r.invalid_parts == (raw,)
    assert r.suggestion == suggestion


@pytest.mark.parametrize("raw", ["ana@empresa,com", "ana silva@gmail.com", "ana@"])
def test_no_suggestion_when_the_fix_is_a_guess(raw):
    assert normalize_email(raw).suggestion == ""


@pytest.mark.parametrize("domain", [
    "gmail.com", "uol.com.br", "bol.com.br", "gmx.com", "ig.com.br", "empresa.com.br", "terra.com.br", "live.com",
    "me.com", "hotmail.com.br", "outlook.com.br", "yahoo.com", "globo.com", "r7.com", "icloud.com", "msn.com",
    # real domains near a popular one: other countries' provider domains and real companies
    "yahoo.com.ar", "yahoo.com.mx", "hotmail.com.ar", "hotmail.fr", "live.co.uk", "yahoo.co.jp", "outlook.pt",
    "ms.com", "bol.com", "email.com", "hotmart.com", "love.com", "terra.com", "uol.com", "mail.gmail.co",
    "gmx.net", "gmx.de", "aol.co.uk", "yahoo.es",
])
def test_real_domains_are_never_flagged(domain):
    assert suggest_domain(domain) == ""
    assert normalize_email("ana@" + domain).suggestion == ""


def test_a_typo_equally_close_to_two_providers_is_not_guessed():
    assert suggest_domain("xmail.com") == ""  # gmail? ymail?


@pytest.mark.parametrize("raw,emails,invalid", [
    ("a@x.com; B@Y.com, bad@", ("a@x.com", "b@y.com"), ("bad@",)),
    ("a@x.com b@y.com", ("a@x.com", "b@y.com"), ()),
    ("a@x.com / b@y.com\nc@z.com", ("a@x.com", "b@y.com", "c@z.com"), ()),
    ("a@x.com | a@x.com", ("a@x.com",), ()),
    ("ana silva@x.com; b@y.com", ("b@y.com",), ("ana silva@x.com",)),  # never invents "silva@x.com"
    ("bad@; worse@", (), ("bad@", "worse@")),
])
def test_several_addresses_in_one_cell(raw, emails, invalid):
    r = normalize_email(raw)
    assert r.emails == emails and r.invalid_parts == invalid
    assert r.status == ("valid" if emails else "invalid")
    if invalid:
        assert str(r.reason) == _library(invalid[0])[1]


def test_suggestion_comes_from_the_first_typo_in_a_cell():
    r = normalize_email("a@x.com; b@gmial.com; c@hotmial.com")
    assert r.emails == ("a@x.com", "b@gmial.com", "c@hotmial.com") and r.suggestion == "b@gmail.com"


@pytest.mark.parametrize("raw", ["ana@x.com;", "ana@x.com, ", "; ana@x.com", "mailto:ana@x.com", "MAILTO:Ana@X.com"])
def test_export_debris_around_one_address(raw):
    assert normalize_email(raw) == EmailResult(("ana@x.com",), "valid")


@pytest.mark.parametrize("raw", ["a" * 100_000, "a@" * 50_000, "😀" * 10_000, " " * 100_000, "a@b.com " * 2_000])
def test_huge_cells_do_not_raise(raw):
    r = normalize_email(raw)
    assert r.status in {"empty", "valid", "invalid"}


# -- differential test against the library ------------------------------------------------------

_LOCALS = ["maria", "joao.silva", "Ana_Paula", "contato", "j.souza+crm", "FINANCEIRO", "vendas-sp", "joão", "zé",
           "a", "x1", "user.name", "o'neil"]
_DOMAINS = ["gmail.com", "Hotmail.com", "uol.com.br", "bol.com.br", "terra.com.br", "yahoo.com.br", "outlook.com",
            "exemplo.com.br", "empresa.com", "sub.dominio.org", "gmial.com", "hotmail.con", "gmail.co", "x", "a..b.com",
            "-x.com", "ex_ample.com", "localhost", "123.com", "example.invalid", "ç.com", "xn--bcher-kva.com",
            "EMPRESA.COM.BR", "a.b", "gmail.com.", "gmail", "ação.com.br", "1.2.3.4", "[127.0.0.1]"]
_NOISE = string.ascii_letters + string.digits + "._-+ áçé@!#$%&'*/=?^`{|}~\"()<>[]:\\ü\u00a0"


def generate_emails(n: int, seed: int) -> list[str]:
    """Realistic messy addresses: CRM shouting, accents, typo domains, broken syntax, random noise."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        r = rnd.random()
        local = rnd.choice(_LOCALS)
        if rnd.random() < 0.3:
            local = local.upper()
        if r < 0.6:
            v = f"{local}@{rnd.choice(_DOMAINS)}"
        elif r < 0.75:  # a random edit of a good address
            v = list(f"{local}@{rnd.choice(_DOMAINS[:8])}")
            i = rnd.randrange(len(v))
            op = rnd.randrange(3)
            if op == 0:
                del v[i]
            elif op == 1:
                v.insert(i, rnd.choice(_NOISE))
            else:
                v[i] = rnd.choice(_NOISE)
            v = "".join(v)
        elif r < 0.9:
            v = "".join(rnd.choice(_NOISE) for _ in range(rnd.randint(0, 14))) + "@" + rnd.choice(_DOMAINS)
        elif r < 0.97:
            v = "".join(rnd.choice(_NOISE) for _ in range(rnd.randint(0, 25)))
        else:
            v = rnd.choice(["", "-", "n/a", "sem email", "não tem", "@", "a@b", "\x00"])
        out.append(v)
    return out


def _single_address(v: str) -> bool:
    """What the module documents as one address: at most one "@", no edge debris, no "mailto:"."""
    return (
        v.count("@") < 2
        and v.strip() == v.strip(" \t\r\n\f\v;,/|")
        and not v.strip().lower().startswith("mailto:")
    )


def check_against_library(n: int, seed: int) -> dict[str, int]:
    counts = {"valid": 0, "invalid": 0, "skipped": 0, "suggested": 0}
    for v in generate_emails(n, seed):
        ours = normalize_email(v)
        for e in ours.emails:
            assert _library(e)[0] == e, (v, e)
        if not _single_address(v):
            counts["skipped"] += 1
            continue
        text = v.strip()
        if not text:
            assert ours.status == "empty", v
            continue
        lib, reason = _library(text)
        if lib:
            assert ours.emails == (lib,) and ours.status == "valid" and not ours.invalid_parts, (v, ours)
            counts["valid"] += 1
        else:
            assert ours == EmailResult((), "invalid", ours.reason, (text,), ours.suggestion), (v, ours)
            assert str(ours.reason) == reason, (v, ours)
            counts["invalid"] += 1
        if ours.suggestion:
            assert _library(ours.suggestion)[0] == ours.suggestion, (v, ours)
            assert ours.suggestion.split("@")[-1] not in {e.split("@")[-1] for e in ours.emails}, (v, ours)
            counts["suggested"] += 1
    return counts


def test_differential_20k_single_addresses_equal_the_library():
    counts = check_against_library(20_000, seed=3)
    assert counts["valid"] > 7_000 and counts["invalid"] > 6_000 and counts["suggested"] > 300, counts


@pytest.mark.slow
def test_differential_100k_single_addresses_equal_the_library():
    counts = check_against_library(100_000, seed=5)
    assert counts["valid"] > 35_000 and counts["invalid"] > 30_000 and counts["suggested"] > 1_500, counts


# -- properties ---------------------------------------------------------------------------------

_addressish = st.builds(
    lambda local, sep, domain: f"{local}{sep}{domain}",
    st.text(max_size=15),
    st.sampled_from(["@", "@", "@@", " @", ";", ", "]),
    st.one_of(st.sampled_from(_DOMAINS), st.text(max_size=15)),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), _addressish, st.lists(_addressish, max_size=4).map("; ".join)))
def test_any_text_never_raises_and_emails_revalidate_to_themselves(text):
    r = normalize_email(text)
    assert r.status in {"empty", "valid", "invalid"}
    assert bool(r.emails) == (r.status == "valid")
    assert r.status != "invalid" or (r.reason and r.invalid_parts)
    assert len(set(r.emails)) == len(r.emails)
    for e in r.emails:
        assert e == e.lower() and _library(e)[0] == e
    if r.suggestion:
        assert _library(r.suggestion)[0] == r.suggestion


def test_googles_separator_splits_addresses():
    res = normalize_email("ana@acme.com.br ::: Ana.Lee@Gmail.com")
    assert res.emails == ("ana@acme.com.br", "ana.lee@gmail.com") and not res.invalid_parts
