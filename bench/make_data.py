"""Generate realistic messy Brazilian contact CSVs for benchmarks (seeded, so runs compare).

Columns: full name, email, phone, company, city, tags — the shapes a real export has: ALL CAPS
names, emails in upper case with spaces, phones in every format Brazilians type (with and without
+55, 0055, the old 8-digit mobiles, landlines, two numbers in a cell), some invalid values, and
repeated companies, cities and tags. About 80 bytes a row.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

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


def phone(rnd: random.Random, i: int) -> str:
    area = rnd.choice(AREAS)
    sub = f"9{rnd.randint(6, 9)}{i % 10_000_000:07d}"
    shape = rnd.random()
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
    if shape < 0.75:
        return f"({area}) {sub[1:5]}-{sub[5:]}"  # before the ninth digit
    if shape < 0.85:
        return f"{area} {rnd.randint(2, 5)}{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}"  # landline
    if shape < 0.90:
        return f"({area}) {sub[:5]}-{sub[5:]} / {area} 3{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}"
    if shape < 0.95:
        return ""
    return rnd.choice(["123", "sem telefone", "0000-0000", "(11) 1234"])


def email(rnd: random.Random, first: str, last: str, i: int) -> str:
    user = f"{first}.{last.split()[-1]}{i}".lower()
    user = user.translate(str.maketrans("áâãàéêíóôõúçü", "aaaaeeioooucu"))
    shape = rnd.random()
    if shape < 0.70:
        return f"{user}@{rnd.choice(DOMAINS)}"
    if shape < 0.80:
        return f" {user.upper()}@{rnd.choice(DOMAINS).upper()} "
    if shape < 0.90:
        return ""
    return rnd.choice([f"{user}@", f"{user}.gmail.com", f"{user}@@gmail.com", f"{user} @gmail.com"])


def generate(path: Path, rows: int, seed: int = 2024) -> Path:
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Nome completo", "E-mail", "Celular", "Empresa", "Cidade", "Tags"])
        for i in range(rows):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            w.writerow([f"{first} {last}", email(rnd, first, last, i), phone(rnd, i),
                        rnd.choice(COMPANIES), rnd.choice(CITIES), rnd.choice(TAGS)])
    return path


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("rows", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=2024)
    a = ap.parse_args()
    generate(a.out, a.rows, a.seed)
