"""The reference a user would write: pandas + the libraries, row by row.

``pandas.read_csv(dtype=str)`` (``read_excel(engine="calamine")`` for a workbook; several inputs
read one by one and concatenated, their email and phone columns found by name), then for every
row ``phonenumbers.parse`` / ``is_valid_number`` / ``format_number(E164)`` and
``email_validator.validate_email(check_deliverability=False)``, then ``to_csv``. Benchmarks report
the project's speed as a ratio against this, measured in the same run.
"""

from __future__ import annotations

import sys

import pandas as pd
import phonenumbers
from email_validator import EmailNotValidError, validate_email

EMAIL_NAMES = ("E-mail", "Email")
PHONE_NAMES = ("Celular", "Telefone")


def _read(path: str) -> pd.DataFrame:
    if path.lower().endswith((".xlsx", ".xls")):
        df = pd.read_excel(path, dtype=str, engine="calamine").fillna("")
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    email = next(c for c in df.columns if c in EMAIL_NAMES)
    phone = next(c for c in df.columns if c in PHONE_NAMES)
    return df.rename(columns={email: "E-mail", phone: "Celular"})


def run(inputs: str | list[str], out: str, region: str = "BR") -> int:
    paths = [inputs] if isinstance(inputs, str) else inputs
    frames = [_read(p) for p in paths]
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    emails, phones = [], []
    for raw_email, raw_phone in zip(df["E-mail"], df["Celular"]):
        try:
            emails.append(validate_email(raw_email.strip(), check_deliverability=False).normalized.lower())
        except EmailNotValidError:
            emails.append("")
        try:
            num = phonenumbers.parse(raw_phone, region)
            phones.append(
                phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                if phonenumbers.is_valid_number(num) else ""
            )
        except phonenumbers.NumberParseException:
            phones.append("")
    df["Email"] = emails
    df["Phone"] = phones
    df.to_csv(out, index=False)
    return len(df)


if __name__ == "__main__":
    run(sys.argv[1:-1], sys.argv[-1])
