"""The fast paths must give exactly the full normalizers' answers (which equal the libraries')."""

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.speed.fastpath import _BR, fast_email, fast_phone, phone_column
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


#: Every kind of space and line break Python knows, and digits that are not ASCII: what a copy
#: from a web page or a PDF puts between and in place of a number's digits.
ODD_SPACES = " \t\n\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2003\u2007\u200a\u2028\u2029\u202f\u205f\u3000"
ODD_DIGITS = "\uff10\uff19\u0660\u0669\u0966\u096f\U0001d7ce"


@pytest.mark.parametrize("region", ["BR", "US"])
def test_odd_spaces_and_non_ascii_digits_in_a_number_agree_with_the_full_normalizer(region):
    """A fast path sure of itself on a tab or an em space between the groups, or on full-width
    digits, once said "valid" where the full normalizer says "invalid", and the other way round."""
    layouts = ["({a}){s}9{b}-{c}", "{a}{s}9{b}{s}{c}", "+55{s}{a} 9{b}-{c}", "{a} 9{b}{s}{c}", "{a}9{b}{s}{c}",
               "0055{s}{a}{s}9{b}{c}", "55{a}9{b}{c}", "{s}({a}) 9{b}-{c}{s}", "({a}) 9{b}-{c}{s}/{s}{a} 3{b}-{c}"]
    for s in ODD_SPACES:
        for layout in layouts:
            text = layout.format(a="11", b="8765", c="4321", s=s)
            fast = fast_phone(text, region)
            assert fast is None or fast == normalize_phone(text, region), repr(text)
    for d in ODD_DIGITS:
        for text in (f"(11) {d}8765-4321", f"(11) 98765-432{d}", f"+55 11 98765-{d}321", f"5511{d}87654321"):
            fast = fast_phone(text, region)
            assert fast is None or fast == normalize_phone(text, region), repr(text)
    col = [layout.format(a="21", b="7654", c="3210", s=s) for s in ODD_SPACES for layout in layouts]
    values, repaired, invalid, slow, further = phone_column(col, region)
    for r, text in enumerate(col):
        if r not in slow:
            assert values[r] == (normalize_phone(text, region).phones or ("",))[0], repr(text)


def mutated_numbers(n, seed=9):
    """Plain numbers with one to three characters replaced, inserted or deleted: odd spaces,
    non-ASCII digits, separators, digits. Most stay close enough to a plain layout to be tried."""
    rnd = random.Random(seed)
    bases = ["(11) 98765-4321", "11 98765 4321", "+55 11 98765-4321", "0055 21 8765-4321", "5511987654321",
             "(21) 3333-4444 / (11) 98765-4321", "11987654321", "+55 (85) 9 8765.4321"]
    chars = ODD_SPACES + ODD_DIGITS + "-./()+;,|#x0123456789"
    out = []
    for _ in range(n):
        t = list(rnd.choice(bases))
        for _ in range(rnd.randint(1, 3)):
            j, op, c = rnd.randrange(len(t) + 1), rnd.random(), rnd.choice(chars)
            if op < 0.4 and j < len(t):
                t[j] = c
            elif op < 0.7:
                t.insert(j, c)
            elif j < len(t):
                del t[j]
        out.append("".join(t))
    return out


@pytest.mark.parametrize("region", ["BR", "US"])
def test_mutated_numbers_agree_with_the_full_normalizer_cell_and_column(region):
    col = mutated_numbers(30_000)
    fast_hits = 0
    for text in col:
        fast = fast_phone(text, region)
        if fast is not None:
            fast_hits += 1
            assert fast == normalize_phone(text, region), repr(text)
    values, repaired, invalid, slow, further = phone_column(col, region)
    slow = set(slow)
    for r, text in enumerate(col):
        if r not in slow:
            full = normalize_phone(text, region)
            assert values[r] == (full.phones or ("",))[0], repr(text)
            assert further.get(r, "") == ", ".join(full.phones[1:]), repr(text)
            assert (r in invalid) == (full.status == "invalid"), repr(text)
    assert fast_hits > (2_000 if region == "BR" else 500)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789+-()./;" + ODD_SPACES + ODD_DIGITS, max_size=24))
def test_fast_phone_never_disagrees_on_soup_with_odd_spaces_and_digits(text):
    fast = fast_phone(text, "BR")
    if fast is not None:
        assert fast == normalize_phone(text, "BR")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abAB09._%+-@" + ODD_SPACES + ODD_DIGITS, max_size=24))
def test_fast_email_never_disagrees_on_soup_with_odd_spaces_and_digits(text):
    fast = fast_email(text)
    if fast is not None:
        assert fast == normalize_email(text)


# -- column paths: whole columns at once, with the same answers cell by cell ----------------------

def messy_emails(n, seed=11):
    """Plain, shouting, padded (also with Unicode spaces), mistyped, invalid in every cheap shape,
    several per cell, Unicode, quoted: everything a column path must either answer exactly or pass on."""
    rnd = random.Random(seed)
    locals_ = ["maria", "JOSE.SILVA", "ana_paula", "x", "contato+news", "a%b", "-x", "a..b", ".a", "joão",
               '"quoted"', "a b", "e" * 70]
    domains = ["gmail.com", "GMAIL.COM", "gmial.com", "hotmail.con", "uol.com.br", "empresa.com.br",
               "localhost", "x.local", "xn--bcher-kva.com", "a--b.com", "gmail .com", "gmail,com", "x.c",
               "9.com", "exemplo.test", ""]
    pads = ["", " ", "\xa0", "\u2003", "\t", ";", " ; ", "mailto:", "MAILTO:"]
    out = []
    for i in range(n):
        local, domain = rnd.choice(locals_), rnd.choice(domains)
        shape = rnd.random()
        if shape < 0.55:
            v = f"{local}{i % 97}@{domain}"
        elif shape < 0.62:
            v = f"{local}{i % 97}.{domain}"  # no @
        elif shape < 0.68:
            v = f"{local}{i % 97}@@{domain}"
        elif shape < 0.74:
            v = f"{local}{i % 97} @{domain}"
        elif shape < 0.78:
            v = f"@{domain}"
        elif shape < 0.84:
            v = f"{local}@{domain}; {rnd.choice(locals_)}@{rnd.choice(domains)}"
        elif shape < 0.88:
            v = f"{local}@{domain} {local}@{domain}"
        elif shape < 0.92:
            v = ""
        else:
            v = rnd.choice(["-", "sem email", "n/a", "   ", "@", "@@", "a@", "a@b@c", "x y z"])
        pad = rnd.choice(pads)
        out.append(pad + v + (pad if pad != "mailto:" and pad != "MAILTO:" else ""))
    return out


def column_email_results(col):
    """What the column path says for each cell, as (emails, invalid parts, reason, suggestion)."""
    from ghl_desktop.core.speed.fastpath import email_column, invalid_email_reason

    values, suggestions, invalid, slow = email_column(col)
    out = {}
    for r, v in enumerate(col):
        if r in slow:
            continue
        if r in invalid:
            out[r] = ((), (invalid[r],), invalid_email_reason(invalid[r]), "")
        else:
            out[r] = ((values[r],) if values[r] else (), (), "", suggestions.get(r, ""))
    return out, slow


@pytest.mark.slow
def test_email_column_equals_full_normalizer_on_50k_messy_values():
    col = messy_emails(50_000)
    answers, slow = column_email_results(col)
    assert len(answers) > 10_000  # many cells take the column path, despite the deliberate mess
    invalid_fast = 0
    for r, (emails, invalid, reason, suggestion) in answers.items():
        full = normalize_email(col[r])
        assert (full.emails, full.invalid_parts, full.reason, full.suggestion) == (
            emails, invalid, reason, suggestion), col[r]
        invalid_fast += bool(invalid)
    assert invalid_fast > 1_500


def test_the_email_column_at_a_known_domain_keeps_the_length_limits():
    """The column answers an address at a domain it has judged already inline: still the
    library's limits there (64 characters before the "@", 254 in all), at and past each one."""
    cells = ["a@gmail.com", "b@uol.com.br"]  # the domains are judged first
    for local in (63, 64, 65, 70):
        cells += ["x" * local + "@gmail.com", " " + "y" * local + "@UOL.com.br "]
    for total in (253, 254, 255, 260):
        domain = ""
        while total - 41 - len(domain) > 64:
            domain += "d" * 60 + "."
        domain += "e" * (total - 41 - len(domain) - 4) + ".com"
        cell = "q" * 40 + "@" + domain
        assert len(cell) == total
        cells += ["z@" + domain, cell]  # the domain judged first, then the long address at it
    answers, slow = column_email_results(cells)
    for r, (emails, invalid, reason, suggestion) in answers.items():
        full = normalize_email(cells[r])
        assert (full.emails, full.invalid_parts, full.reason, full.suggestion) == (
            emails, invalid, reason, suggestion), cells[r]
    assert any(len(c.strip()) > 254 for c in cells) and any(len(c.strip().split("@")[0]) > 64 for c in cells)


def intl_emails(n, seed=17):
    """Addresses with non-ASCII local parts as people have them (accented names, upper case,
    typed decomposed) and the odd ones a column path must pass on or answer exactly: letters
    whose lower case leaves the Latin blocks or grows (İ, Ⱥ, ẞ, ǅ), marks first or after a dot,
    format and space characters, other scripts, × and ÷, lengths at the 254-byte limit."""
    import unicodedata

    rnd = random.Random(seed)
    words = ["joão", "JOÃO", "conceição", "Antônia", "MÜLLER", "núñez", "françois", "ÅSA", "øre", "ßtraße",
             "İlker", "ǅemal", "Ⱥndré", "ẞTRASSE", "ḉedilha", "Ωmega", "иван", "李", "a×b", "a÷b",
             "\u0301acento", "zé\u200dzé", "ana\u00adpaula", "dø\u0308r", "ŉame", "ǰoão", "ﬁnal", "Ǆ",
             "maria", "jose_silva", "a%b+c", "-x"]
    domains = ["gmail.com", "GMAIL.COM", "gmial.com", "hotmail.con", "uol.com.br", "empresa.com.br",
               "localhost", "x.local", "a.test", "xn--bcher-kva.com", "a--b.com", "x.c", "9.com",
               "bücher.de", "yahoo.com.br", "e" * 60 + ".com"]
    out = []
    for i in range(n):
        parts = [rnd.choice(words) for _ in range(rnd.choice((1, 1, 2, 3)))]
        sep = rnd.choice([".", ".", "_", "", ".."])
        local = sep.join(parts) + (str(i % 97) if rnd.random() < 0.5 else "")
        shape = rnd.random()
        if shape < 0.1:
            local = unicodedata.normalize("NFD", local)
        elif shape < 0.15:
            local = "." + local
        elif shape < 0.2:
            local = local + "."
        elif shape < 0.25:
            local = local * rnd.randint(5, 30)  # toward and past the length limits
        elif shape < 0.28:
            local = local.upper()
        domain = rnd.choice(domains)
        cell = rnd.choice([f"{local}@{domain}"] * 6 + [f"{local}.{domain}", f"{local}@", f"{local} @{domain}",
                                                        f"{local}@@{domain}", f"@{domain}", f"{local}@ {domain}",
                                                        f"{local}@{domain} {local}@{domain}"])
        pad = rnd.choice(["", "", " ", "\xa0", " ; "])
        out.append(pad + cell + pad)
    return out


def test_email_column_equals_full_normalizer_on_internationalized_addresses():
    """Non-ASCII local parts: the column path and the one-cell path give the full normalizer's
    answer (which is email-validator's) wherever they answer, and answer the usual ones."""
    col = intl_emails(30_000)
    answers, slow = column_email_results(col)
    plain_accented = invalid_accented = 0
    for r, (emails, invalid, reason, suggestion) in answers.items():
        full = normalize_email(col[r])
        assert (full.emails, full.invalid_parts, full.reason, full.suggestion) == (
            emails, invalid, reason, suggestion), col[r]
        plain_accented += bool(emails) and not emails[0].isascii()
        invalid_accented += bool(invalid) and not invalid[0].isascii()
    assert plain_accented > 1_500  # accented addresses do take the column path
    assert invalid_accented > 1_000  # surely invalid ones too (no "@", a space before it, ...)
    assert len(slow) > 5_000  # and the odd ones are passed on
    for cell in col[:8_000]:
        fast = fast_email(cell)
        if fast is not None:
            assert fast == normalize_email(cell), cell


_INTL_ALPHABET = "aZé.É_-+%ãÃøØİıßẞǅǆȺⱥ×÷\u0301\u0308\u200d\u00ad ΩяЯ李x@\"<>"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_INTL_ALPHABET, min_size=1, max_size=20),
       st.sampled_from(["gmail.com", "gmial.com", "Uol.Com.Br", "x.local", "a--b.com", "x.c", "exemplo.com.br"]))
def test_an_accented_local_part_never_disagrees_with_the_full_normalizer(local, domain):
    cell = f"{local}@{domain}"
    fast = fast_email(cell)
    if fast is not None:
        assert fast == normalize_email(cell)
    answers, _ = column_email_results([cell])
    if 0 in answers:
        full = normalize_email(cell)
        assert (full.emails, full.invalid_parts, full.reason, full.suggestion) == answers[0]


def test_accented_addresses_at_the_length_limit_are_measured_in_bytes():
    """254 bytes of UTF-8, not characters: an accented address of 200 characters may be too long."""
    cells = []
    for n in range(110, 130):
        cells += ["ã" * n + "@gmail.com", "Ã" * n + "@gmial.com", "a\u0303" * (n // 2) + "@gmail.com"]
    for n in (60, 63, 64, 65, 70):
        cells.append("é" * n + "@" + "d" * 50 + ".com.br")
    for total in range(140, 210, 3):  # 50 accented letters (100 bytes) at a domain of total - 4 characters
        domain = ""
        while total - len(domain) > 64:
            domain += "d" * 60 + "."
        domain += "e" * (total - len(domain) - 4) + ".com"
        cells += ["z@" + domain, "é" * 50 + "@" + domain, "É" * 50 + "@gmail.com"]
    answers, slow = column_email_results(cells)
    for r, (emails, invalid, reason, suggestion) in answers.items():
        full = normalize_email(cells[r])
        assert (full.emails, full.invalid_parts, full.reason, full.suggestion) == (
            emails, invalid, reason, suggestion), cells[r]
    assert any(normalize_email(c).status == "invalid" for c in cells)  # some are over the limit
    assert any(normalize_email(c).status == "valid" for c in cells)


def test_unicode_spaces_around_an_address_are_stripped_as_any_space():
    for pad in ("\xa0", "\u2003", "\u3000", " \xa0; "):
        cell = f"{pad}Maria@Exemplo.com.br{pad}"
        full = normalize_email(cell)
        assert full.emails == ("maria@exemplo.com.br",)
        assert fast_email(cell) in (None, full)


def messy_phones(n, seed=12):
    rnd = random.Random(seed)
    base = br_phones(n, seed) + digit_soup(n // 4, seed)
    seps = [" / ", "; ", ", ", " e ", " ou ", "\n", " +55 ", "|", " ::: ", ":::"]
    out = []
    for i, v in enumerate(base):
        shape = rnd.random()
        if shape < 0.2:
            v = v + rnd.choice(seps) + rnd.choice(base)
        elif shape < 0.25:
            v = f" {v}\xa0"
        elif shape < 0.3:
            v = v + rnd.choice([" ramal 12", " (WhatsApp)", " x3", "#9"])
        elif shape < 0.33:
            v = rnd.choice(["", "123", "sem telefone", "0000-0000", "(11) 1234", "+1 212 555 0123", " / "])
        out.append(v)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("region", ["BR", "US"])
def test_phone_column_and_multi_number_cells_equal_full_normalizer(region):
    from ghl_desktop.core.speed.fastpath import invalid_phone_reason, phone_column

    col = messy_phones(80_000)
    values, repaired, invalid, slow, further = phone_column(col, region)
    repaired, slow = set(repaired), set(slow)
    column_hits = multi_hits = multi_in_column = 0
    for r, v in enumerate(col):
        full = normalize_phone(v, region)
        if r in invalid:
            assert (full.status, full.phones, full.invalid_parts, full.extension) == (
                "invalid", (), (invalid[r],), ""), v
            assert invalid_phone_reason(invalid[r], region) == full.reason
        elif r not in slow:
            column_hits += bool(v)
            got = (values[r], *further[r].split(", ")) if r in further else (values[r],) if values[r] else ()
            assert full.phones == got, v
            assert full.repaired == (r in repaired), v  # any number of the cell repaired
            assert not full.invalid_parts and not full.extension, v
            multi_in_column += len(got) > 1
        fast = fast_phone(v, region)  # the per-cell path, which also takes several plain numbers
        if fast is not None:
            multi_hits += len(fast.phones) > 1
            assert fast == full, v
    assert column_hits > (10_000 if region == "BR" else 1_000)
    assert len(invalid) > (5_000 if region == "BR" else 500)
    if region == "BR":
        assert multi_hits > 500 and multi_in_column > 500


def test_compiled_region_validator_equals_its_written_rule():
    rnd = random.Random(9)
    for _ in range(50_000):
        nsn = str(rnd.randint(10_000_000, 99_999_999_999))
        assert _BR.is_valid(nsn) == _BR.is_valid_by_rules(nsn), nsn


def test_an_invalid_address_reason_is_the_librarys_wherever_it_is_read(tmp_path):
    from ghl_desktop.core.pipeline import ConvertOptions, convert
    from ghl_desktop.core.table import INVALID_EMAIL, INVALID_PHONE

    src = tmp_path / "c.csv"
    src.write_text("Nome,Email\nAna,ana.gmail.com\nBia,bia@@gmail.com\nCaio,caio@\n", encoding="utf-8")
    result = convert([src], ConvertOptions())
    reasons = [p.reason for r in range(3) for _, p in result.table.row_problems(r) if p.kind == INVALID_EMAIL]
    assert reasons == [normalize_email(v).reason for v in ("ana.gmail.com", "bia@@gmail.com", "caio@")]
    assert all(reasons)
    phones = convert([_write(tmp_path / "p.csv", "Nome,Celular\nAna,(20) 98765-4321\nBia,+55 21 1234-5678\n")],
                     ConvertOptions()).table
    got = [p.reason for r in range(2) for _, p in phones.row_problems(r) if p.kind == INVALID_PHONE]
    assert got == [normalize_phone(v, "BR").reason for v in ("(20) 98765-4321", "+55 21 1234-5678")] and all(got)
    rejects = tmp_path / "rejects.csv"
    result.export(tmp_path / "out.csv", rejects_path=rejects)
    text = rejects.read_text(encoding="utf-8-sig")
    assert "An email address must have an @-sign." in text and "There must be something after the @-sign." in text


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("region", ["BR", "US"])
def test_every_area_code_and_prefix_shape_agrees_with_the_full_normalizer(region):
    """Area codes 10-99 (91-99 are the North and Northeast; 90 could read as a carrier prefix)."""
    rnd = random.Random(13)
    checked = 0
    for area in range(10, 100):
        for _ in range(12):
            sub = rnd.choice("98765432") + "".join(rnd.choice("0123456789") for _ in range(rnd.choice([7, 8])))
            for v in (f"({area}) {sub[:-4]}-{sub[-4:]}", f"{area}{sub}", f"+55 {area} {sub}", f"0{area} {sub}",
                      f"90{area}{sub}", f"55{area}{sub}", f"00 55 {area} {sub}"):
                fast = fast_phone(v, region)
                if fast is not None:
                    checked += 1
                    assert fast == normalize_phone(v, region), v
    assert checked > (3_000 if region == "BR" else 1_000)


def test_the_possessive_email_pattern_matches_exactly_what_the_plain_one_does():
    """The possessive pattern and the two steps the column loop runs (address, then the domain's
    rules once per domain) against the plain pattern, on every string of up to 7 characters over
    the characters that matter (a letter, a digit, the separators, a character outside every
    class) and long random ones with labels around the 63-character limit: same match, same
    domain group; and the cell path never takes an address the plain pattern refuses."""
    import itertools
    import re

    from ghl_desktop.core.speed import fastpath

    plain = re.compile(fastpath._SIMPLE_EMAIL_PATTERN.replace("++", "+").replace("*+", "*"))
    assert plain.pattern != fastpath._SIMPLE_EMAIL.pattern

    def two_steps(text: str):
        """What the column loop runs: the address with any domain, then the domain's rules."""
        m = fastpath._PLAIN_ADDRESS.fullmatch(text)
        return m if m is not None and fastpath._PLAIN_DOMAIN.fullmatch(m.group(1)) else None

    def same(text: str) -> bool:
        a = plain.fullmatch(text)
        if a is None and "@" in text and fastpath._email_value(text) is not None:
            return False  # the cell path took an address the definition refuses
        return all((a is None) == (b is None) and (a is None or a.group(1) == b.group(1))
                   for b in (fastpath._SIMPLE_EMAIL.fullmatch(text), two_steps(text)))

    alphabet = "aZ1-._@%!"
    for n in range(8):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert same(text), text
    rng = random.Random(7)
    for _ in range(20_000):
        labels = [rng.choice("ab-1") * rng.choice([1, 2, 61, 62, 63, 64]) for _ in range(rng.randint(1, 3))]
        local = ".".join(rng.choice(["a", "b+c", "-", "x_y", ""]) for _ in range(rng.randint(1, 3)))
        text = local + rng.choice(["@", "@@", ""]) + ".".join(labels) + rng.choice([".com", ".c", ".c0m", "", "."])
        assert same(text), text


@pytest.mark.parametrize("region", ["BR", "US"])
def test_the_column_loop_inline_cases_and_remembered_junk_equal_the_full_normalizer(region):
    """``phone_column`` answers valid and ninth-digit-repaired numbers inline and remembers cells
    it sent to the full normalizer: every area code, every first subscriber digit, 8 and 9 digits,
    national and international layouts (with the prefixes the library may strip), twice over."""
    layouts = ["({a}) {s}-{e}", "{a}{s}{e}", "+55 {a} {s}-{e}", "0055 {a} {s}{e}", "0{a} {s}-{e}",
               "90{a}{s}{e}", "55 {a} {s}-{e}"]
    col = [layout.format(a=f"{area:02d}", s=f"{first}{rest}", e="4321")
           for area in range(100) for first in range(10) for rest in ("876", "8765") for layout in layouts]
    col += ["sem telefone", "123", "0000-0000", "(11) 1234"] * 50
    first_pass = phone_column(col, region)
    assert phone_column(col, region) == first_pass  # the second time, the junk is remembered
    values, repaired, invalid, slow, further = first_pass
    repaired = set(repaired)
    inline = 0
    for r, text in enumerate(col):
        if r in slow:
            continue
        full = normalize_phone(text, region)
        if r in invalid:
            assert full.status == "invalid" and full.invalid_parts == (invalid[r],), text
        else:
            assert (values[r],) == full.phones and full.repaired == (r in repaired), text
            inline += 1
    assert inline > (2_000 if region == "BR" else 1_000)
    assert {r for r, t in enumerate(col) if t in ("sem telefone", "123")} <= set(slow)


@pytest.mark.parametrize("region", ["BR", "US"])
def test_one_column_paths_give_the_table_of_the_cell_by_cell_loop(region):
    """A single email and a single phone column go the column way (``_one_email_column``,
    ``_one_phone_column``: problems made in bulk, reasons deferred); with an extra, empty
    Additional Emails and Additional Phones column the same cells go cell by cell through the full
    normalizers. Same values, suggestions, and problems in the same order with the same reasons."""
    from ghl_desktop.core.assemble import SourceColumns, ValueCache, normalize_chunk
    from ghl_desktop.core.mapping import Mapping

    n = 6_000
    emails, phones = messy_emails(n, seed=31), messy_phones(n, seed=32)
    header = ["E-mail", "Celular", "Outro e-mail", "Outro celular"]
    src = SourceColumns("x.csv", header, [emails, phones, [""] * n, [""] * n], list(range(n)))
    one = Mapping.from_dict(header, {"E-mail": {"field": "Email", "confidence": 1.0},
                                     "Celular": {"field": "Phone", "confidence": 1.0}})
    loop = Mapping.from_dict(header, {"E-mail": {"field": "Email", "confidence": 1.0},
                                      "Celular": {"field": "Phone", "confidence": 1.0},
                                      "Outro e-mail": {"field": "Additional Emails", "confidence": 1.0},
                                      "Outro celular": {"field": "Additional Phones", "confidence": 1.0}})
    a = normalize_chunk(src, one, 0, 0, n, ValueCache(region))
    b = normalize_chunk(src, loop, 0, 0, n, ValueCache(region))
    assert a.columns == b.columns and a.suggestions == b.suggestions

    def seen(t):
        return {r: {f: [(p.kind, p.reason, p.value) for p in ps] for f, ps in fs.items()}
                for r, fs in t.problems.items()}

    assert list(a.problems) == list(b.problems) and seen(a) == seen(b)
    assert sum(len(fs) for fs in a.problems.values()) > 1_000


def test_the_domain_memo_stays_bounded_and_answers_the_same(monkeypatch):
    """Addresses at many distinct domains: the per-domain memo is forgotten when full, never
    grows past its bound, and the answers are those of a fresh memo."""
    from ghl_desktop.core.speed import fastpath

    monkeypatch.setattr(fastpath, "_DOMAINS_MAX", 50)
    monkeypatch.setattr(fastpath, "_domains", {})
    texts = [f"ana@empresa{i}.com.br" for i in range(400)] + ["ana@gmial.com", "x@example", "y@a--b.com"]
    first = [fastpath._email_value(t) for t in texts]
    assert len(fastpath._domains) <= 50
    fastpath._domains.clear()
    assert [fastpath._email_value(t) for t in reversed(texts)][::-1] == first
    assert first[400] == ("ana@gmial.com", "ana@gmail.com") and first[401] is None and first[402] is None


# -- phones of several countries: each row read in its own country ---------------------------------
#: National and international layouts of each country's numbers, valid and not.
WORLD_LAYOUTS = {
    "PT": ["9{a}{b} {c}{d}{e} {f}{g}{h}", "21 {a}{b}{c} {d}{e}{f}{g}", "+351 9{a}{b} {c}{d}{e} {f}{g}{h}",
           "00351 2{a}{b}{c}{d}{e}{f}{g}{h}", "9{a}{b}{c}{d}{e}{f}"],
    "AR": ["011 15-{a}{b}{c}{d}-{e}{f}{g}{h}", "011 4{a}{b}{c}-{d}{e}{f}{g}", "+54 9 11 {a}{b}{c}{d}-{e}{f}{g}{h}",
           "11 {a}{b}{c}{d}-{e}{f}{g}{h}", "0351 15 {a}{b}{c}-{d}{e}{f}{g}"],
    "US": ["({a}{b}5) 555-{c}{d}{e}{f}", "+1 650 {a}{b}{c} {d}{e}{f}{g}", "{a}{b}{c}-{d}{e}{f}-{g}{h}{a}{b}",
           "1 212 555 {a}{b}{c}{d}"],
    "ES": ["6{a}{b} {c}{d} {e}{f} {g}{h}", "+34 9{a}{b} {c}{d}{e} {f}{g}{h}"],
    "BR": ["(11) 9{a}{b}{c}{d}-{e}{f}{g}{h}", "+55 21 3{a}{b}{c}-{d}{e}{f}{g}", "11 {a}{b}{c}{d}-{e}{f}{g}{h}",
           "55119{a}{b}{c}{d}{e}{f}{g}{h}", "0055 31 9{a}{b}{c}{d} {e}{f}{g}{h}"],
}


def world_phones(n, seed=41):
    """(country, number) pairs: every country's layouts, and some numbers of one country in a row
    of another (written with and without their +code)."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        country = rnd.choice(sorted(WORLD_LAYOUTS))
        layout_country = country if rnd.random() < 0.8 else rnd.choice(sorted(WORLD_LAYOUTS))
        digits = {k: str(rnd.randint(0, 9)) for k in "abcdefgh"}
        number = rnd.choice(WORLD_LAYOUTS[layout_country]).format(**digits)
        if rnd.random() < 0.1:
            number += rnd.choice([" / ", " ::: "]) + rnd.choice(WORLD_LAYOUTS[country]).format(**digits)
        out.append((country, number))
    return out


@pytest.mark.parametrize("region", sorted(WORLD_LAYOUTS))
def test_every_countrys_numbers_read_in_that_country_agree_with_the_full_normalizer(region):
    """The cell and column fast paths, read in any region, give ``phonenumbers``' answers."""
    from ghl_desktop.core.speed.fastpath import invalid_phone_reason

    col = [number for _, number in world_phones(8_000, seed=42)]
    for v in col:
        fast = fast_phone(v, region)
        assert fast is None or fast == normalize_phone(v, region), (region, v)
    values, repaired, invalid, slow, further = phone_column(col, region)
    slow = set(slow)
    for r, v in enumerate(col):
        if r in slow:
            continue
        full = normalize_phone(v, region)
        if r in invalid:
            assert not full.phones and invalid_phone_reason(invalid[r], region) == full.reason, (region, v)
        elif v.strip():
            found = (values[r], *(further[r].split(", ") if r in further else ()))
            assert found == full.phones and (r in repaired) == full.repaired, (region, v)


@pytest.mark.parametrize("extra_columns", [False, True])
def test_a_country_column_reads_each_rows_phones_in_its_country(extra_columns):
    """With a country column, every row's Phone, Additional Phones and phone problems are the
    full normalizer's for that row's country (rows without one: the default region), on the
    column path (one phone column) and on the cell-by-cell path (more columns) alike."""
    from ghl_desktop.core.assemble import SourceColumns, ValueCache, normalize_chunk
    from ghl_desktop.core.mapping import Mapping

    pairs = world_phones(6_000, seed=43)
    names = {"BR": ["Brasil", "BR", "brazil"], "PT": ["Portugal", "pt"], "AR": ["Argentina", "ARG"],
             "US": ["EUA", "USA", "Estados Unidos", "United States"], "ES": ["España", "Espanha"]}
    rnd = random.Random(44)
    countries = [rnd.choice(names[c]) if rnd.random() < 0.9 else rnd.choice(["", "Atlantida"]) for c, _ in pairs]
    phones = [number for _, number in pairs]
    n = len(pairs)
    header = ["Telefone", "País", "Outro telefone"]
    src = SourceColumns("x.csv", header, [phones, countries, [""] * n], list(range(n)))
    fields = {"Telefone": {"field": "Phone", "confidence": 1.0}, "País": {"field": "Country", "confidence": 1.0}}
    if extra_columns:
        fields["Outro telefone"] = {"field": "Additional Phones", "confidence": 1.0}
    table = normalize_chunk(src, Mapping.from_dict(header, fields), 0, 0, n, ValueCache("BR"))
    from ghl_desktop.core.normalize.countries import normalize_country

    read_in = {"BR": 0, "PT": 0, "AR": 0, "US": 0, "ES": 0}
    for r in range(n):
        code = normalize_country(countries[r]).value
        region = code or "BR"
        read_in[region] += 1
        full = normalize_phone(phones[r], region)
        assert table.columns["Country"][r] == code
        assert table.columns["Phone"][r] == (full.phones[0] if full.phones else ""), (region, phones[r])
        assert table.columns["Additional Phones"][r] == ", ".join(full.phones[1:]), (region, phones[r])
        probs = table.problems.get(r, {}).get("Phone", [])
        assert [p.value for p in probs if p.kind == "invalid_phone"] == list(full.invalid_parts), (region, phones[r])
        assert all(p.reason == full.reason for p in probs if p.kind == "invalid_phone"), (region, phones[r])
    assert min(read_in.values()) > 500
