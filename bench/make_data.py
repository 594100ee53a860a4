"""Generate realistic messy Brazilian contact lists for benchmarks (seeded, so runs compare).

Columns: full name, email, phone, company, city, tags — the shapes a real export has: ALL CAPS
names, emails in upper case with spaces, phones in every format Brazilians type (with and without
+55, 0055, the old 8-digit mobiles, landlines, two numbers in a cell), some invalid values, and
repeated companies, cities and tags. About 90 bytes a row.

The bench matrix (``bench/run.py``) varies the list the way real ones vary:

- ``dup``: the share of rows that are a person already listed, in the forms people have: the
  same email in another case or with spaces around it, the same phone written another way, or
  one of the two plus a new other one, so chains form (A shares an email with B, B a phone with C);
  their names may be cased differently or missing, their company or tags may differ;
- ``intl``: the share of addresses whose local part keeps its accents (``joão.silva@…``, a few
  typed decomposed, as some Macs paste them);
- ``wide``: a CRM export of 35 columns, 22 of them custom-field-like (ids, dates, amounts, scores,
  UTM tags, yes/no flags, free text);
- ``.xlsx`` output (``generate_xlsx``), with phones stored as numbers as Excel does, the text either
  inline (openpyxl's write-only mode) or as shared strings (``shared_strings``: as Excel saves it).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

FIRST = ["Maria", "JOSÉ", "ana", "João", "FRANCISCO", "antônia", "Carlos", "PAULO", "Luciana", "pedro",
         "Conceição", "RAIMUNDA", "Marcos", "fernanda", "Luís", "Juliana", "Gabriel", "BEATRIZ"]
LAST = ["da Silva", "SANTOS", "oliveira", "Souza", "RODRIGUES", "Ferreira", "dos Anjos", "ALVES",
        "Pereira", "lima", "Gomes", "de Souza", "COSTA", "Ribeiro", "Martins", "Carvalho"]
DOMAINS = ["gmail.com", "hotmail.com", "yahoo.com.br", "outlook.com", "uol.com.br", "bol.com.br",
           "terra.com.br", "empresa.com.br", "GMAIL.COM", "gmial.com"]
COMPANIES = ["Padaria Pão Quente", "ACME LTDA", "Mercado Bom Preço", "", "Clínica Saúde", "Auto Peças Silva",
             "Escola Aprender", "", "Construtora Alfa", "Loja da Ana"]
CITIES = ["São Paulo", "RIO DE JANEIRO", "belo horizonte", "Salvador", "Fortaleza", "Curitiba", "Recife",
          "Porto Alegre", "Manaus", "Goiânia"]
TAGS = ["vip", "cliente; evento 2024", "lead|instagram", "", "newsletter", "black friday, vip", ""]
AREAS = ["11", "21", "31", "41", "51", "61", "71", "81", "85", "92", "19", "27"]
#: Accented words people put in their addresses (the intl share keeps them).
INTL_WORDS = ["joão", "conceição", "antônia", "josé", "luís", "andré", "mônica", "márcia", "núñez",
              "müller", "françois", "inês", "patrícia", "caçador", "ação", "glória"]

#: The wide export: 13 columns the mapper maps to standard fields (``WIDE_KNOWN``), 22 it keeps as
#: custom fields.
WIDE_HEADER = (["ID", "Nome", "Sobrenome", "E-mail", "Celular", "Telefone fixo", "Empresa", "Endereço",
                "Cidade", "UF", "CEP", "Tags"]
               + ["Data de cadastro", "Última compra", "Valor total (R$)", "Pedidos", "Score", "Status",
                  "Origem do lead", "utm_source", "utm_medium", "utm_campaign", "Consentimento LGPD",
                  "Aceita WhatsApp", "Vendedor", "Segmento", "Plano", "Renovação", "NPS", "Canal preferido",
                  "Código interno", "Observação interna", "Filial", "Nº de visitas", "Ticket médio"])
#: The wide export's columns that the mapper maps to GHL's standard fields (the others become custom
#: fields): ``generate(..., known_only=True)`` writes only these, to tell what the standard fields
#: cost from what the custom ones do (``floor.py``'s ``wide35-known``).
WIDE_KNOWN = ("Nome", "Sobrenome", "E-mail", "Celular", "Telefone fixo", "Empresa", "Endereço", "Cidade", "UF",
              "CEP", "Tags", "Origem do lead", "Segmento")


def _layout(rnd: random.Random, area: str, sub: str, shape: float) -> str:
    """A mobile number (area + 9-digit subscriber) in one of the layouts people type."""
    if shape < 0.30:
        return f"({area}) {sub[:5]}-{sub[5:]}"
    if shape < 0.45:
        return f"{area}{sub}"
    if shape < 0.55:
        return f"+55 {area} {sub[:5]}-{sub[5:]}"
    if shape < 0.62:
        return f"55{area}{sub}"  # an Excel number
    if shape < 0.67:
        return f"0055 {area} {sub}"
    return f"({area}) {sub[1:5]}-{sub[5:]}"  # before the ninth digit


def phone(rnd: random.Random, i: int) -> str:
    area = rnd.choice(AREAS)
    sub = f"9{rnd.randint(6, 9)}{i % 10_000_000:07d}"
    shape = rnd.random()
    if shape < 0.75:
        return _layout(rnd, area, sub, shape)
    if shape < 0.85:
        return f"{area} {rnd.randint(2, 5)}{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}"  # landline
    if shape < 0.90:
        return f"({area}) {sub[:5]}-{sub[5:]} / {area} 3{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}"
    if shape < 0.95:
        return ""
    return rnd.choice(["123", "sem telefone", "0000-0000", "(11) 1234"])


def _user(rnd: random.Random, first: str, last: str, i: int, intl: float) -> str:
    user = f"{first}.{last.split()[-1]}{i}".lower()
    if intl and rnd.random() < intl:
        user = f"{rnd.choice(INTL_WORDS)}.{last.split()[-1].lower()}{i}"
        if not any(ord(c) > 127 for c in user):
            user = f"{rnd.choice(INTL_WORDS)}_{user}"
        if rnd.random() < 0.05:
            user = unicodedata.normalize("NFD", user)  # typed decomposed
        return user
    return user.translate(str.maketrans("áâãàéêíóôõúçü", "aaaaeeioooucu"))


def email(rnd: random.Random, first: str, last: str, i: int, intl: float = 0.0) -> str:
    user = _user(rnd, first, last, i, intl)
    shape = rnd.random()
    if shape < 0.70:
        return f"{user}@{rnd.choice(DOMAINS)}"
    if shape < 0.80:
        return f" {user.upper()}@{rnd.choice(DOMAINS).upper()} "
    if shape < 0.90:
        return ""
    return rnd.choice([f"{user}@", f"{user}.gmail.com", f"{user}@@gmail.com", f"{user} @gmail.com"])


def _restyle_email(rnd: random.Random, address: str) -> str:
    """The same address as another person (or system) typed it: case and spaces differ."""
    s = rnd.random()
    if s < 0.35:
        return address.upper()
    if s < 0.6:
        return f"  {address} "
    if s < 0.8:
        local, _, domain = address.partition("@")
        return f"{local.capitalize()}@{domain.upper()}"
    return address


def _person_row(rnd: random.Random, i: int, intl: float) -> tuple[list[str], tuple]:
    """A new person: (name, email, phone, company, city, tags) and its keys for later duplicates."""
    first, last = rnd.choice(FIRST), rnd.choice(LAST)
    area = rnd.choice(AREAS)
    sub = f"9{rnd.randint(6, 9)}{i % 10_000_000:07d}"
    e = email(rnd, first, last, i, intl)
    p = phone(rnd, i)
    key_email = e.strip().lower() if e.count("@") == 1 and " @" not in e and not e.strip().endswith("@") else None
    # a mobile in a plain layout is the phone later duplicates write again (another way)
    key_phone = None
    shape = rnd.random()
    if shape < 0.75:
        key_phone = (area, sub)
        p = _layout(rnd, area, sub, shape)
    return [f"{first} {last}", e, p, rnd.choice(COMPANIES), rnd.choice(CITIES), rnd.choice(TAGS)], (
        first, last, key_email, key_phone)


def _duplicate_row(rnd: random.Random, i: int, keys: tuple, intl: float) -> tuple[list[str], tuple]:
    """Someone already listed, again: same email (restyled), same phone (relaid), or one of them
    with a new other one (the next duplicate of this row may take that one: a chain)."""
    first, last, key_email, key_phone = keys
    name = rnd.choice([f"{first} {last}", f"{first} {last}".upper(), f"{first}", ""])
    s = rnd.random()
    new_email = email(rnd, first, last, i, intl)
    new_area, new_sub = rnd.choice(AREAS), f"9{rnd.randint(6, 9)}{i % 10_000_000:07d}"
    if s < 0.35 and key_email:  # same email, another phone (or none)
        e = _restyle_email(rnd, key_email)
        kp = (new_area, new_sub) if rnd.random() < 0.6 else None
        p = _layout(rnd, new_area, new_sub, rnd.random()) if kp else ""
        ke = key_email
    elif s < 0.7 and key_phone:  # same phone written another way, another email (or none)
        p = _layout(rnd, *key_phone, rnd.random())
        e = new_email if rnd.random() < 0.6 else ""
        kp, ke = key_phone, None
    else:  # both again, each in another form
        e = _restyle_email(rnd, key_email) if key_email else new_email
        p = _layout(rnd, *key_phone, rnd.random()) if key_phone else phone(rnd, i)
        ke, kp = key_email, key_phone
    if ke is None and e.count("@") == 1 and " @" not in e and not e.strip().endswith("@"):
        ke = e.strip().lower()
    company = rnd.choice(COMPANIES) if rnd.random() < 0.5 else ""
    tags = rnd.choice(TAGS)
    return [name, e, p, company, rnd.choice(CITIES), tags], (first, last, ke, kp)


def rows(n: int, seed: int = 2024, *, dup: float = 0.0, intl: float = 0.0, start: int = 0):
    """``n`` rows of (name, email, phone, company, city, tags). With ``dup`` and ``intl`` both 0
    these are the rows the benchmark always used (same seed, same values)."""
    rnd = random.Random(seed)
    if not dup and not intl:
        for i in range(start, start + n):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            yield [f"{first} {last}", email(rnd, first, last, i), phone(rnd, i),
                   rnd.choice(COMPANIES), rnd.choice(CITIES), rnd.choice(TAGS)]
        return
    seen: list[tuple] = []
    for i in range(start, start + n):
        if seen and rnd.random() < dup:
            # mostly recent people (lists are appended to), sometimes anyone
            j = len(seen) - 1 - min(int(rnd.expovariate(1 / 2000)), len(seen) - 1) if rnd.random() < 0.7 \
                else rnd.randrange(len(seen))
            row, keys = _duplicate_row(rnd, i, seen[j], intl)
        else:
            row, keys = _person_row(rnd, i, intl)
        seen.append(keys)
        yield row


def _wide(rnd: random.Random, i: int, row: list[str]) -> list[str]:
    name, e, p, company, city, tags = row
    first, _, last = name.partition(" ")
    fixed = f"{rnd.choice(AREAS)} 3{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}" if rnd.random() < 0.3 else ""
    street = rnd.choice(["Rua das Flores", "Av. Paulista", "Rua XV de Novembro", "Travessa São José", ""])
    addr = f"{street}, {rnd.randint(1, 3000)}" if street else ""
    uf = rnd.choice(["SP", "RJ", "mg", "BA", "CE", "PR", "pe", "RS", "AM", "GO", ""])
    cep = rnd.choice([f"{rnd.randint(1000, 99999):05d}-{rnd.randint(0, 999):03d}", f"{rnd.randint(1000000, 99999999)}", ""])
    d = f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{rnd.randint(2015, 2025)}"
    custom = [
        d, rnd.choice([f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", ""]),
        f"{rnd.randint(0, 99999)},{rnd.randint(0, 99):02d}", str(rnd.randint(0, 40)), str(rnd.randint(0, 100)),
        rnd.choice(["ativo", "inativo", "lead", "cliente", "churn"]),
        rnd.choice(["Instagram", "Google Ads", "Indicação", "Site", "Evento", ""]),
        rnd.choice(["facebook", "google", "newsletter", ""]), rnd.choice(["cpc", "email", "organic", ""]),
        rnd.choice(["black-friday-2024", "natal", "lancamento", ""]), rnd.choice(["sim", "não", "Sim", ""]),
        rnd.choice(["SIM", "NÃO", ""]), rnd.choice(["Ana Paula", "Ricardo", "Bruna", "Thiago"]),
        rnd.choice(["varejo", "serviços", "indústria", "saúde"]), rnd.choice(["básico", "pro", "enterprise", ""]),
        rnd.choice([f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/2026", ""]), str(rnd.randint(0, 10)),
        rnd.choice(["WhatsApp", "E-mail", "Telefone", "SMS"]), f"C{rnd.randint(0, 10**8):08d}",
        rnd.choice(["", "", "Cliente pediu retorno na segunda; ligar após 14h", "Não ligar, prefere \"WhatsApp\""]),
        rnd.choice(["Matriz", "Filial Centro", "Filial Norte"]),
        str(rnd.randint(0, 500)), f"{rnd.randint(10, 2000)},{rnd.randint(0, 99):02d}",
    ]
    return [str(100000 + i), first, last, e, p, fixed, company, addr, city, uf, cep, tags, *custom]


HEADER = ["Nome completo", "E-mail", "Celular", "Empresa", "Cidade", "Tags"]


def generate(path: Path, n: int, seed: int = 2024, *, dup: float = 0.0, intl: float = 0.0,
             wide: bool = False, start: int = 0, header: list[str] | None = None,
             known_only: bool = False) -> Path:
    """A CSV of ``n`` rows (see ``rows``); ``wide``: the 35-column export; ``header``: other
    names for the six columns (a second input from another system); ``known_only`` (with ``wide``):
    the same rows with only the columns of ``WIDE_KNOWN``, their values the same."""
    extra = random.Random(seed + 1)
    keep = [WIDE_HEADER.index(name) for name in WIDE_KNOWN] if wide and known_only else None
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(WIDE_KNOWN if keep else WIDE_HEADER if wide else (header or HEADER))
        for i, row in enumerate(rows(n, seed, dup=dup, intl=intl, start=start), start):
            if wide:
                row = _wide(extra, i, row)
                if keep:
                    row = [row[j] for j in keep]
            w.writerow(row)
    return path


def generate_xlsx(path: Path, n: int, seed: int = 2024, *, dup: float = 0.0, intl: float = 0.0,
                  shared_strings: bool = False) -> Path:
    """The same rows as an Excel workbook: phones that are plain digits are stored as numbers, as
    Excel does when someone types or pastes them. ``shared_strings``: every text cell is a shared
    string (``t="s"``, the text in ``xl/sharedStrings.xml``), as Excel itself saves a workbook;
    otherwise openpyxl's write-only mode writes the text inline (``t="inlineStr"``), a shape
    other programs write and Excel never does; there every other row leaves its empty cells out
    (None), as programs that write only what a cell holds do, and the others write them empty."""
    if shared_strings:
        table = itertools.chain([HEADER], _numbered_phones(rows(n, seed, dup=dup, intl=intl)))
        return _write_shared_strings_xlsx(path, table, f"{chr(ord('A') + len(HEADER) - 1)}{n + 1}", seed)
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Contatos")
    ws.append(HEADER)
    for i, row in enumerate(_numbered_phones(rows(n, seed, dup=dup, intl=intl))):
        ws.append([None if c == "" else c for c in row] if i % 2 else row)
    wb.save(path)
    return path


def _numbered_phones(contacts):
    for row in contacts:
        if row[2].isdigit():
            row[2] = int(row[2])
        yield row


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Contatos" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '</styleSheet>'),
}
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">'
    '<dimension ref="A1:{last}"/><sheetData>')
#: What Excel writes on a row element after its number (the columns it spans, its text's descent).
_ROW_ATTRS = ' spans="1:6" x14ac:dyDescent="0.25"'
#: The cell style the generator puts on some cells: cellXfs 1, General with a bold font.
_BOLD = ' s="1"'


def _write_shared_strings_xlsx(path: Path, table, last_cell: str, seed: int = 2024) -> Path:
    """A one-sheet workbook written part by part as Excel saves one: every text cell a shared
    string (each distinct text once in ``xl/sharedStrings.xml``, in order of first use), numbers
    as numbers, empty cells left out, every row and cell with its reference; ``last_cell``: the
    used range's last cell, as the sheet's ``dimension`` says it. As in a workbook someone
    formatted, half the rows carry Excel's row attributes (``spans``, ``x14ac:dyDescent``) and
    one cell in ten a style whose number format is General (a bold font), chosen by ``seed``
    apart from the values."""
    import zipfile

    look = random.Random(seed + 7)
    index: dict[str, int] = {}
    uses = 0
    letters = [chr(ord("A") + i) for i in range(26)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, text in _XLSX_PARTS.items():
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(_SHEET_START.format(last=last_cell).encode())
            def rows_xml():
                nonlocal uses
                for height, row in enumerate(table, 1):
                    cells = []
                    for col, value in enumerate(row):
                        ref = f"{letters[col]}{height}"
                        style = _BOLD if look.random() < 0.1 else ""
                        if isinstance(value, int):
                            cells.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
                        elif value != "":
                            uses += 1
                            cells.append(f'<c r="{ref}"{style} t="s"><v>{index.setdefault(value, len(index))}</v></c>')
                    attrs = _ROW_ATTRS if look.random() < 0.5 else ""
                    yield f'<row r="{height}"{attrs}>{"".join(cells)}</row>'

            _write_batched(fh, rows_xml())
            fh.write(b"</sheetData></worksheet>")
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                      f'count="{uses}" uniqueCount="{len(index)}">').encode())
            _write_batched(fh, (_shared_string(text) for text in index))
            fh.write(b"</sst>")
    return path


def _shared_string(text: str) -> str:
    """One ``<si>`` of the shared-strings part (spaces at an end kept, as Excel marks them)."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<si><t{space}>{escape(text)}</t></si>"


def _write_batched(fh, parts, batch: int = 10_000) -> None:
    """Write the strings of ``parts`` as UTF-8, ``batch`` of them per write."""
    chunk: list[str] = []
    for part in parts:
        chunk.append(part)
        if len(chunk) >= batch:
            fh.write("".join(chunk).encode())
            chunk.clear()
    fh.write("".join(chunk).encode())


#: A second system's export of the same kind of list: other names, another column order.
OTHER_HEADER = ["Email", "Nome", "Telefone", "Cidade", "Empresa", "Etiquetas"]
_OTHER_ORDER = [1, 0, 2, 4, 3, 5]


def generate_pair(first: Path, second: Path, n: int, seed: int = 2024, *, dup: float = 0.3) -> tuple[Path, Path]:
    """Two inputs of ``n`` rows together: the first half of one list in ``first``, the rest in
    ``second`` with ``OTHER_HEADER`` (so duplicates also fall across the two files)."""
    half = n // 2
    with open(first, "w", encoding="utf-8", newline="") as fa, open(second, "w", encoding="utf-8", newline="") as fb:
        wa, wb = csv.writer(fa), csv.writer(fb)
        wa.writerow(HEADER)
        wb.writerow(OTHER_HEADER)
        for i, row in enumerate(rows(n, seed, dup=dup)):
            if i < half:
                wa.writerow(row)
            else:
                wb.writerow([row[j] for j in _OTHER_ORDER])
    return first, second


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("rows", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--dup", type=float, default=0.0)
    ap.add_argument("--intl", type=float, default=0.0)
    ap.add_argument("--wide", action="store_true")
    ap.add_argument("--shared-strings", action="store_true",
                    help=".xlsx with every text cell a shared string, as Excel saves it (default: inline strings)")
    a = ap.parse_args()
    if a.out.suffix.lower() == ".xlsx":
        generate_xlsx(a.out, a.rows, a.seed, dup=a.dup, intl=a.intl, shared_strings=a.shared_strings)
    else:
        generate(a.out, a.rows, a.seed, dup=a.dup, intl=a.intl, wide=a.wide)
