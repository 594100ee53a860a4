"""The fast paths must give exactly the full normalizers' answers (which equal the libraries')."""

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.fastpath import _BR, fast_email, fast_phone
from ghl_desktop.core.normalize import normalize_email, normalize_phone



def realistic_emails(n, seed=3):
    rnd = random.Random(seed)
    names = ["maria", "JOSE", "ana.paula", "joao_silva", "x", "contato+news", "a%b", "-x", "x-", "a..b", ".a"]
    domains = ["gmail.com", "GMAIL.COM", "gmial.com", "uol.com.br", "empresa.com.br", "localhost", "x.local",
               "a.test", "xn--bcher-kva.com", "a--b.com", "sub.-x.com", "x.c", "x.co1", "9.com", "a.b.c.d.museum",
               "hotmail.con", "e" * 64 + ".com"]
    return [f"{rnd.choice(names)}{rnd.randint(0, 99)}@{rnd.choice(domains)}" for _ in range(n)]


@pytest.mark.slow
def test_fast_email_equals_full_normalizer_on_120k_values():
    fast_hits = 0
    for v in realistic_emails(120_000):
        fast = fast_email(v)
        if fast is not None:
            fast_hits += 1
            assert fast == normalize_email(v), v
    assert fast_hits > 30_000


def br_phones(n, seed=4):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        area = rnd.choice(["11", "21", "31", "55", "61", "85", "10", "20", "09", "99"])
        sub = rnd.choice(["9", "8", "7", "6", "3", "2", "5", "1", "0"]) + f"{rnd.randint(0, 99999999):08d}"[: rnd.choice([7, 8])]
        fmt = rnd.randrange(7)
        out.append([f"({area}) {sub[:-4]}-{sub[-4:]}", f"{area}{sub}", f"+55 {area} {sub}", f"0055 {area} {sub}",
                    f"+55({area}){sub[:-4]}.{sub[-4:]}", f"00 55 {area}-{sub}", f"55{area}{sub}"][fmt])
    return out


def digit_soup(n, seed=21):
    rnd = random.Random(seed)
    return ["".join(rnd.choice("0123456789 +-().") for _ in range(rnd.randint(8, 18))) for _ in range(n)]


@pytest.mark.slow
@pytest.mark.parametrize("region", ["BR", "US"])
def test_fast_phone_equals_full_normalizer_on_120k_values(region):
    fast_hits = 0
    for v in br_phones(60_000) + digit_soup(60_000):
        fast = fast_phone(v, region)
        if fast is not None:
            fast_hits += 1
            assert fast == normalize_phone(v, region), v
    assert fast_hits > (12_000 if region == "BR" else 3_000)  # US: only +55 numbers are fast


def test_region_validator_equals_is_valid_number():
    rnd = random.Random(8)
    for _ in range(50_000):
        nsn = str(rnd.randint(1_000_000_000, 99_999_999_999))
        num = phonenumbers.PhoneNumber(country_code=55, national_number=int(nsn))
        assert _BR.is_valid(nsn) == phonenumbers.is_valid_number(num), nsn


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 +-().", max_size=20))
def test_fast_phone_never_disagrees_on_digit_soup(text):
    fast = fast_phone(text, "BR")
    if fast is not None:
        assert fast == normalize_phone(text, "BR")
