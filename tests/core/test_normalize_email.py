"""Emails: exactly email-validator's answer, lower-cased; typos suggested, never applied."""

import random
import string

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.normalize import normalize_email, suggest_domain


def test_normalized_and_lowercased():
    r = normalize_email("  Maria.Souza@Exemplo.COM.br ")
    assert r.emails == ("maria.souza@exemplo.com.br",) and r.status == "valid" and not r.suggestion


@pytest.mark.parametrize("raw", ["maria@", "maria.exemplo.com", "ma ria@x.com", "a@@b.com", "@x.com"])
def test_invalid_keeps_the_library_reason(raw):
    r = normalize_email(raw)
    assert r.status == "invalid" and r.emails == () and r.invalid_parts == (raw,)
    with pytest.raises(EmailNotValidError) as exc:
        validate_email(raw, check_deliverability=False)
    assert r.reason == str(exc.value)


@pytest.mark.parametrize("raw,suggestion", [
    ("ana@gmial.com", "ana@gmail.com"), ("ana@gmai.com", "ana@gmail.com"), ("ana@gamil.com", "ana@gmail.com"),
    ("ana@hotmial.com", "ana@hotmail.com"), ("ana@hotmal.com", "ana@hotmail.com"),
    ("ana@hotmail.con", "ana@hotmail.com"), ("ana@gmail.con", "ana@gmail.com"), ("ana@gmail.co", "ana@gmail.com"),
    ("ana@yaho.com.br", "ana@yahoo.com.br"), ("ana@outlok.com", "ana@outlook.com"),
    ("ana@uol.com.bt", "ana@uol.com.br"), ("ana@bol.com.bt", "ana@bol.com.br"), ("ana@icloud.co", "ana@icloud.com"),
])
def test_domain_typos_are_suggested_not_applied(raw, suggestion):
    r = normalize_email(raw)
    assert r.suggestion == suggestion
    assert r.emails == (raw.lower(),)


@pytest.mark.parametrize("domain", ["gmail.com", "uol.com.br", "bol.com.br", "gmx.com", "ig.com.br", "empresa.com.br",
                                    "terra.com.br", "live.com", "me.com"])
def test_real_domains_are_never_flagged(domain):
    assert suggest_domain(domain) == ""


def test_several_addresses_in_one_cell():
    r = normalize_email("a@x.com; B@Y.com, bad@")
    assert r.emails == ("a@x.com", "b@y.com") and r.invalid_parts == ("bad@",) and r.status == "valid"


def generate_emails(n: int, seed: int = 5) -> list[str]:
    rnd = random.Random(seed)
    local_chars = string.ascii_letters + string.digits + "._-+ áçé@"
    domains = ["gmail.com", "Hotmail.com", "uol.com.br", "x", "exemplo.com.br", "a..b.com", "-x.com", "ex_ample.com",
               "sub.dominio.org", "localhost", "123.com", "example.invalid", "ç.com", "xn--bcher-kva.com"]
    out = []
    for _ in range(n):
        local = "".join(rnd.choice(local_chars) for _ in range(rnd.randint(0, 12)))
        v = f"{local}@{rnd.choice(domains)}" if rnd.random() < 0.9 else local
        out.append(v.strip())
    return out


@pytest.mark.slow
def test_differential_100k_single_addresses_equal_the_library():
    valid = 0
    for v in generate_emails(100_000):
        if v.count("@") >= 2:
            continue  # multi-address cells are split by design
        ours = normalize_email(v)
        try:
            lib = validate_email(v, check_deliverability=False).normalized.lower()
        except EmailNotValidError as exc:
            assert ours.emails == () and ours.reason == str(exc) if v else ours.status == "empty", v
            continue
        assert ours.emails == (lib,), v
        valid += 1
    assert valid > 20_000


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_never_raises_and_emails_revalidate_to_themselves(text):
    r = normalize_email(text)
    for e in r.emails:
        assert validate_email(e, check_deliverability=False).normalized.lower() == e
