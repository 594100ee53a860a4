"""Map source columns to GHL fields: header words first, the values as tiebreaker and fallback.

The mapping is a plain data object with a confidence per column; the window shows it and lets a
person change it, and a changed mapping is remembered per set of headers (``signature``).
Matching is on whole normalized phrases — never on substrings, so ``LASTUPDATED`` is not Last Name
and ``Email Opt Out`` is not Email. Values only look at cheap shapes (e-mail, phone digits, date,
CEP, UF); the real normalizers run later, in the pipeline.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from functools import lru_cache

from . import schema as F
from .normalize.custom import detect_kind
from .schema import STANDARD, Field, Schema
from .synonyms import (
    AMBIGUOUS_NAME,
    FAX_WORDS,
    LEADING_QUALIFIERS,
    MEANINGLESS_WORDS,
    DESCRIBING_WORDS,
    MOBILE_WORDS,
    NEVER_STANDARD_WORDS,
    NOT_CONTACT_WORDS,
    PERSON_WORDS,
    TRAILING_OWNER_PHRASES,
    TRAILING_QUALIFIERS,
)

#: Confidence levels, highest first.
EXACT = 0.97            # the whole normalized header is a synonym
QUALIFIED = 0.95        # a synonym plus number/qualifier words ("Telefone 2", "phone 1 value")
BOTH_AGREE = 0.99       # header and values say the same
AMBIGUOUS_HEADER = 0.6  # a bare "Nome"/"Name": Full Name or First Name, decided by the other columns
VALUES_WIN = 0.7        # header said one thing, the values clearly another
#: A column is "mostly" of one shape above this share of its non-empty sampled cells.
MOSTLY = 0.6
#: Below this share the values contradict the header.
HARDLY = 0.2


@lru_cache(maxsize=16)
def _phrase_to_field(schema: Schema) -> dict[str, str]:
    """Every synonym of ``schema``'s fields -> its field (the first field naming a phrase wins)."""
    out: dict[str, str] = {}
    for f in schema:
        for phrase in f.synonyms:
            out.setdefault(phrase, f.name)
    return out


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DIGIT_EDGE = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_NON_WORD = re.compile(r"[^a-z0-9]+")

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-/]+$")
_DATE_RE = re.compile(
    r"^(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_CEP_RE = re.compile(r"^\d{5}-?\d{3}$")
#: Brazilian tax ids have phone-like digit counts; their punctuation gives them away.
_CPF_CNPJ_RE = re.compile(r"^(\d{3}\.\d{3}\.\d{3}-\d{2}|\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2})$")
_NAME_RE = re.compile(r"^[^\W\d_]+(?:[\s'’.-]+[^\W\d_]+)+$")
#: Yes/no cells: an "Email"/"WhatsApp" column of these is a flag ("has WhatsApp?"), not an address.
_FLAG_WORDS = frozenset({
    "sim", "nao", "não", "yes", "no", "true", "false", "verdadeiro", "falso", "si", "sí", "s", "n", "y",
    "x", "ok", "0", "1",
})
BR_STATES = frozenset(
    "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split()
)


# -- headers ------------------------------------------------------------------------------------

def normalize_header(text: str) -> str:
    """Lower-case words without accents or punctuation; camelCase and digits split; e-mail → email.

    ``"Phone1"`` → ``"phone 1"``, ``"E-mail 1 - Value"`` → ``"email 1 value"``,
    ``"firstName"`` → ``"first name"``. An all-caps run (``LASTUPDATED``) stays one word, which is
    what keeps it from matching "last".
    """
    text = _CAMEL.sub(" ", str(text or ""))
    text = _DIGIT_EDGE.sub(" ", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = _NON_WORD.sub(" ", text.replace("_", " ")).split()
    out: list[str] = []
    for w in words:
        if w == "mail" and out and out[-1] == "e":  # "e-mail", "E Mail" are the one word "email"
            out[-1] = "email"
        else:
            out.append(w)
    return " ".join(out)


def header_signature(header: Sequence[str]) -> str:
    """Same CRM export → same signature, whatever the column order, case or accents."""
    words = sorted({normalize_header(h) for h in header})
    return hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:20]


def _qualified_cores(words: list[str]) -> list[str]:
    """What is left of a header once number tokens and qualifier words at either end are dropped.

    Every intermediate phrase is a candidate, shortest-removal first, because a qualifier may be a
    synonym itself ("Primary Mobile" must stop at "mobile", not strip it too).
    """
    start = tuple(w for w in words if not w.isdigit()) or tuple(words)
    seen, queue, out = {start}, [start], []
    while queue:
        cur = queue.pop(0)
        out.append(" ".join(cur))
        if len(cur) < 2:
            continue
        nexts = []
        if len(cur) > 2 and " ".join(cur[-2:]) in TRAILING_OWNER_PHRASES:
            nexts.append(cur[:-2])
        if cur[-1] in TRAILING_QUALIFIERS:
            nexts.append(cur[:-1])
        if cur[0] in LEADING_QUALIFIERS:
            nexts.append(cur[1:])
        for n in nexts:
            if n not in seen:
                seen.add(n)
                queue.append(n)
    return out


def match_header(text: str, schema: Schema = STANDARD) -> tuple[str | None, float]:
    """(field, confidence) from the header alone; ``(F.FULL_NAME, 0.6)`` for a bare "Nome".

    Exact synonym → 0.97; synonym plus number/qualifier words → 0.95; anything else → no match
    (no substring or fuzzy matching: "Email Opt Out" must stay unmapped).
    """
    norm = normalize_header(text)
    if not norm:
        return None, 0.0
    phrases = _phrase_to_field(schema)
    if norm in phrases:
        return phrases[norm], EXACT
    if norm in AMBIGUOUS_NAME:
        return F.FULL_NAME, AMBIGUOUS_HEADER
    for core in _qualified_cores(norm.split()):
        if core in phrases:
            return phrases[core], QUALIFIED
        if core in AMBIGUOUS_NAME:
            return F.FULL_NAME, AMBIGUOUS_HEADER - 0.05
    return None, 0.0


def is_mobile_header(text: str) -> bool:
    """Whether a header names a mobile number ("Celular", "WhatsApp", "Mobile Phone Number")."""
    return not MOBILE_WORDS.isdisjoint(normalize_header(text).split())


def _is_meaningless(norm: str) -> bool:
    return all(w in MEANINGLESS_WORDS or w.isdigit() for w in norm.split())


# -- values -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ValueProfile:
    """Shares (0–1) of the non-empty sampled cells that look like each shape."""

    count: int = 0
    distinct: int = 0
    email: float = 0.0
    phone: float = 0.0
    date: float = 0.0
    cep: float = 0.0
    uf: float = 0.0
    name: float = 0.0
    flag: float = 0.0

    def share(self, kind: str | None) -> float:
        return getattr(self, kind) if kind else 0.0

    @property
    def repetitive(self) -> bool:
        """Few distinct values over many rows: a sender/owner column, not each contact's own."""
        return self.count >= 10 and self.distinct < 0.3 * self.count


def _shape(v: str) -> str | None:
    """The one cheap shape a cell has (or None); checks ordered so each cell is looked at once."""
    if "@" in v:
        return "email" if _EMAIL_RE.match(v) else None
    if len(v) <= 10 and v.lower() in _FLAG_WORDS:
        return "flag"
    if v[0].isdigit() or v[0] in "+(":
        if _DATE_RE.match(v):
            return "date"
        if _CEP_RE.match(v):
            return "cep"
        if _PHONE_CHARS.match(v) and not _CPF_CNPJ_RE.match(v):
            digits = sum(c.isdigit() for c in v)
            return "phone" if 8 <= digits <= 15 else None
        return None
    if len(v) == 2:
        return "uf" if v.upper() in BR_STATES else None
    return "name" if _NAME_RE.match(v) else None


def profile_values(values: Iterable[object]) -> ValueProfile:
    """Profile a column's sampled cells; each distinct value is classified once."""
    counts = Counter(s for s in (str(v).strip() for v in values if v is not None) if s)
    n = sum(counts.values())
    if not n:
        return ValueProfile()
    by_shape: Counter[str] = Counter()
    for v, k in counts.items():
        shape = _shape(v)
        if shape:
            by_shape[shape] += k
    return ValueProfile(
        count=n, distinct=len(counts),
        **{kind: by_shape[kind] / n for kind in ("email", "phone", "date", "cep", "uf", "name", "flag")},
    )


# -- the mapping --------------------------------------------------------------------------------

#: Why a column has the field it has (``ColumnMapping.reason``).
BY_HEADER, BY_VALUES, BY_BOTH, MANUAL = "header", "values", "header+values", "manual"
#: A column kept as a custom field of its own because it fills no standard field.
CUSTOM = "custom"
#: Why a column is left out: it only describes another column (Google's "E-mail 1 - Label"), or
#: it has no value at all. A column a person chose to leave out has MANUAL; "" is a column left
#: out because custom fields were not wanted (``auto_map(custom=False)``).
LABEL, EMPTY = "label", "empty"

#: How many of a custom column's first non-empty values decide its kind.
KIND_SAMPLE = 500


@dataclass
class ColumnMapping:
    source: str          # header name (unique within the file)
    index: int           # position in the header
    field: str | None    # a name of the schema's fields (``Schema.mappable``), or None = left out
    confidence: float    # 0.0 – 1.0, rounded to 2 decimals
    reason: str          # BY_HEADER, BY_VALUES, BY_BOTH, MANUAL, CUSTOM; LABEL, EMPTY, MANUAL or "" when left out


def unique_name(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… when a field of that name (in any case) exists."""
    taken = {t.casefold() for t in taken}
    out, k = name, 2
    while out.casefold() in taken:
        out, k = f"{name} ({k})", k + 1
    return out


def custom_name(source: str, index: int) -> str:
    """A custom field's name from its source column: the header trimmed (a blank one: "Column N")."""
    return " ".join(str(source or "").split()) or f"Column {index + 1}"


def _schema_for(columns: list["ColumnMapping"], schema: Schema, new: dict[str, Field] | None = None) -> Schema:
    """``schema``'s fields that are not custom, then the custom field of each column mapped to one,
    in column order: ``new`` (by source) gives the field of a column just set, ``schema`` the others'."""
    new = new or {}
    old = {f.name: f for f in schema.custom}
    customs: dict[str, Field] = {}
    for c in sorted(columns, key=lambda c: c.index):
        f = new.get(c.source) if c.source in new else old.get(c.field) if c.field else None
        if f is not None:
            customs.setdefault(f.name, f)
    base = schema.without_custom()
    return Schema(base.fields + tuple(customs.values())) if customs else base


@dataclass
class Mapping:
    columns: list[ColumnMapping]
    #: The fields the columns may be mapped to: the conversion's own, then the custom fields of
    #: this file's columns kept under their own names.
    schema: Schema = STANDARD

    def sources_for(self, field: str) -> list[int]:
        """Column indexes feeding ``field``, in header order."""
        return [c.index for c in sorted(self.columns, key=lambda c: c.index) if c.field == field]

    def unmapped(self) -> list[str]:
        """Source names left out (the report lists them)."""
        return [c.source for c in self.columns if c.field is None]

    def custom_field(self, source: str) -> Field | None:
        """The custom field ``source`` is kept as, or None."""
        c = next((c for c in self.columns if c.source == source), None)
        if c is None or c.field is None or c.field not in self.schema:
            return None
        f = self.schema[c.field]
        return f if f.custom else None

    def with_field(self, source: str, field: str | None) -> "Mapping":
        """A copy with one column set by hand to a standard field (None: left out); ``KeyError``
        for a source not in the header. A custom field the column had goes with it."""
        if field is not None and (field not in self.schema or self.schema[field].custom):
            raise ValueError(f"unknown field {field!r}")
        if not any(c.source == source for c in self.columns):
            raise KeyError(source)
        cols = [
            replace(c, field=field, confidence=1.0 if field else 0.0, reason=MANUAL) if c.source == source
            else replace(c)
            for c in self.columns
        ]
        return Mapping(cols, _schema_for(cols, self.schema))

    def with_custom(self, source: str, name: str | None = None, kind: str | None = None) -> "Mapping":
        """A copy with ``source`` kept as a custom field named ``name`` (default: the one it has,
        else the column's header; made distinct from every other field's) of ``kind`` (one of
        ``schema.CUSTOM_KINDS``; default: the one it has, else text)."""
        col = next((c for c in self.columns if c.source == source), None)
        if col is None:
            raise KeyError(source)
        if kind is not None and kind not in F.CUSTOM_KINDS:
            raise ValueError(f"not a custom field kind: {kind!r}")
        old = self.custom_field(source)
        name = " ".join((name or "").split()) or (old.name if old else custom_name(source, col.index))
        others = [f.name for f in self.schema if old is None or f.name != old.name]
        field = Field(unique_name(name, others), kind or (old.kind if old else F.TEXT), custom=True)
        cols = [
            replace(c, field=field.name, confidence=1.0, reason=MANUAL) if c.source == source else replace(c)
            for c in self.columns
        ]
        return Mapping(cols, _schema_for(cols, self.schema, {source: field}))

    def to_dict(self) -> dict:
        """``{source: {"field": str | None, "confidence": float}}`` in header order (JSON-ready);
        a custom field's entry also has ``"custom": true`` and its ``"kind"``, a column left out
        its ``"reason"`` (``"label"``, ``"empty"``, ``"manual"`` when a person chose it)."""
        out = {}
        for c in self.columns:
            entry: dict = {"field": c.field, "confidence": c.confidence}
            if c.field is not None and c.field in self.schema and self.schema[c.field].custom:
                entry["custom"], entry["kind"] = True, self.schema[c.field].kind
            elif c.field is None and c.reason:
                entry["reason"] = c.reason
            out[c.source] = entry
        return out

    @classmethod
    def from_dict(cls, header: list[str], data: dict, schema: Schema = STANDARD) -> "Mapping":
        """Rebuild a mapping saved with ``to_dict`` for ``header``.

        Sources missing from ``data``, and unknown field names, come back unmapped; a custom
        field comes back with its name and kind. The dict records no reason for a mapped column;
        a restored field is a decision made earlier rather than a fresh guess, so its reason is
        ``"manual"`` (its saved confidence is kept).
        """
        base = schema.without_custom()
        cols, customs = [], {}
        taken = list(base.mappable)
        for i, h in enumerate(header):
            entry = data.get(h) if isinstance(data, dict) else None
            entry = entry if isinstance(entry, dict) else {}
            field = entry.get("field")
            if entry.get("custom") and isinstance(field, str) and field.strip():
                kind = entry.get("kind") if entry.get("kind") in F.CUSTOM_KINDS else F.TEXT
                name = unique_name(" ".join(field.split()), taken)
                taken.append(name)
                customs[h] = Field(name, kind, custom=True)
                field = name
            elif field not in base or (field is not None and base[field].custom):
                field = None
            try:
                conf = min(1.0, max(0.0, float(entry.get("confidence", 1.0)))) if field else 0.0
            except (TypeError, ValueError):
                conf = 1.0
            reason = MANUAL if field else entry.get("reason") if entry.get("reason") in (LABEL, EMPTY, MANUAL) else ""
            cols.append(ColumnMapping(h, i, field, round(conf, 2), reason))
        return cls(cols, _schema_for(cols, base, customs))

    def rebased(self, schema: Schema) -> "Mapping":
        """The same columns over ``schema`` (a conversion's, holding every file's custom fields)."""
        return Mapping([replace(c) for c in self.columns], schema)

    def has_contact_column(self) -> bool:
        """Whether some column fills a name, an email or a phone."""
        kinds = {F.NAME, F.FULL_NAME_KIND, F.EMAIL_KIND, F.EMAIL_LIST, F.PHONE_KIND, F.PHONE_LIST}
        return any(c.field is not None and c.field in self.schema and not self.schema[c.field].custom
                   and self.schema[c.field].kind in kinds for c in self.columns)

    def signature(self) -> str:
        """Stable hash of the normalized header set; remembers a person's mapping per CRM export."""
        return header_signature([c.source for c in self.columns])


def union_schema(base: Schema, mappings: Sequence[Mapping]) -> Schema:
    """``base`` without custom fields, then the custom fields of every mapping, in order; the same
    name in two files is one field (the first file's kind, or text when the kinds differ)."""
    base = base.without_custom()
    customs: dict[str, Field] = {}
    for m in mappings:
        for f in m.schema.custom:
            if f.name not in customs:
                customs[f.name] = f
            elif customs[f.name].kind != f.kind:
                customs[f.name] = replace(customs[f.name], kind=F.TEXT)
    return Schema(base.fields + tuple(customs.values())) if customs else base


_EMAIL_FIELD_FOR = {F.ADDITIONAL_PHONES: F.ADDITIONAL_EMAILS}
_PHONE_FIELD_FOR = {F.ADDITIONAL_EMAILS: F.ADDITIONAL_PHONES}

_Decision = tuple[str | None, float, str]


def _from_header(field: str, conf: float, norm: str, prof: ValueProfile, schema: Schema) -> _Decision:
    shape = schema[field].shape
    if prof.count and schema[field].overrulable and prof.share(shape) < HARDLY:
        # Values that clearly say otherwise win.
        if shape != "email" and prof.email > MOSTLY:
            return _EMAIL_FIELD_FOR.get(field, F.EMAIL), VALUES_WIN, "values"
        if shape != "phone" and prof.phone > MOSTLY:
            return _PHONE_FIELD_FOR.get(field, F.PHONE), VALUES_WIN, "values"
    if shape in ("email", "phone") and prof.flag > MOSTLY:
        return None, 0.0, ""  # "WhatsApp: sim/não" says whether there is one, not which
    if field == F.FULL_NAME and norm in PERSON_WORDS and prof.count and prof.name < HARDLY:
        return None, 0.0, ""  # "Contato"/"Cliente" holding ids or codes, not names
    if shape and prof.share(shape) > MOSTLY:
        return field, BOTH_AGREE, "header+values"
    if shape in ("email", "phone", "date") and prof.count and prof.share(shape) < HARDLY:
        return field, conf * 0.7, "header"  # header says so, values disagree: a person should look
    return field, conf, "header"


def _from_values(norm: str, prof: ValueProfile, schema: Schema) -> _Decision:
    words = set(norm.split())
    meaningless = _is_meaningless(norm)
    vetoed = bool(words & NOT_CONTACT_WORDS)
    if not prof.count:
        return None, 0.0, ""
    if not vetoed and not prof.repetitive:
        if prof.email > MOSTLY:
            return F.EMAIL, 0.5 + 0.4 * prof.email, "values"
        if prof.phone > MOSTLY:
            return F.PHONE, 0.5 + 0.35 * prof.phone, "values"
    # A postal code column, then a state column, told by its values and a hint word of the header.
    postal, state = (next((f for f in schema if f.shape == shape and f.value_hints), None) for shape in ("cep", "uf"))
    if postal is not None and prof.cep >= 0.8 and (meaningless or words & postal.value_hints):
        return postal.name, 0.6 if meaningless else 0.85, "values"
    if state is not None and prof.uf >= 0.9 and (meaningless or words & state.value_hints or not vetoed):
        return state.name, 0.85 if words & state.value_hints else 0.6, "values"
    if meaningless:  # the header says nothing, so it cannot say "registration date" either
        if prof.date >= 0.8:
            return F.DATE_OF_BIRTH, 0.6, "values"
        if prof.name >= 0.8:
            return F.FULL_NAME, 0.55, "values"
    return None, 0.0, ""


def never_standard(norm: str) -> bool:
    """A record id, a create date or an owner's name: may be kept as a custom field, never fills a
    standard field (``NEVER_STANDARD_WORDS``)."""
    words = norm.split()
    return any(w in NEVER_STANDARD_WORDS for w in words) or any(
        " ".join(words[i:i + 2]) in NEVER_STANDARD_WORDS for i in range(len(words) - 1))


def describes_other(norm: str, others: Sequence[str]) -> bool:
    """A column that only says what another column is (Google's "E-mail 1 - Label" beside
    "E-mail 1 - Value", "Phone 1 - Type", "Celular - Tipo" beside "Celular"): its last word is a
    describing word and another column's header is the rest, or starts with it."""
    words = norm.split()
    if len(words) < 2 or words[-1] not in DESCRIBING_WORDS:
        return False
    prefix = " ".join(words[:-1])
    return any(o != norm and (o == prefix or o.startswith(prefix + " ")) for o in others)


def _decide(source: str, prof: ValueProfile, schema: Schema) -> _Decision:
    norm = normalize_header(source)
    if never_standard(norm):
        return None, 0.0, ""
    if not FAX_WORDS.isdisjoint(norm.split()):
        return None, 0.0, ""  # a fax number is never the number GHL calls or texts
    field, conf = match_header(source, schema)
    if field is not None:
        return _from_header(field, conf, norm, prof, schema)
    return _from_values(norm, prof, schema)


def _sample_columns(rows: Iterable[Sequence[object]], width: int, sample_size: int) -> list[list[object]]:
    sample = [list(r) for r in itertools.islice(rows, max(0, sample_size))]
    cols: list[list[object]] = [[] for _ in range(width)]
    for r in sample:
        for i, v in enumerate(r[:width]):
            cols[i].append(v)
    return cols


def auto_map(header: list[str], rows: Sequence[Sequence[str]], *, sample_size: int = 500,
             schema: Schema = STANDARD, custom: bool = False, region: str = "BR",
             columns: Sequence[Sequence[str]] | None = None) -> Mapping:
    """Guess each column's field of ``schema`` from its header and the first ``sample_size`` rows.

    With ``custom``, every column that fills no standard field and has a value is kept as a custom
    field under its own name, of the kind its values have (``normalize.custom.detect_kind`` with
    ``region``), unless it only describes another column; ``columns`` (all of the file's cells,
    column-major) let that look past the sampled rows: a column empty there may still hold values.
    """
    sampled = _sample_columns(rows, len(header), sample_size)
    schema = schema.without_custom()
    cols: list[ColumnMapping] = []
    filled: set[int] = set()
    for i, source in enumerate(header):
        profile = profile_values(sampled[i])
        if profile.count:
            filled.add(i)
        field, conf, reason = _decide(source, profile, schema)
        cols.append(ColumnMapping(source, i, field, round(conf, 2), reason))
    _resolve_names(cols)
    _resolve_single_valued(cols, schema, filled)
    _resolve_phones(cols, schema)
    if not custom:
        return Mapping(cols, schema)
    norms = [normalize_header(h) for h in header]
    fields: dict[str, Field] = {}
    taken = list(schema.mappable)
    for c in cols:
        if c.field is not None:
            continue
        if describes_other(norms[c.index], norms):
            c.reason = LABEL
            continue
        full = columns[c.index] if columns is not None and c.index < len(columns) else sampled[c.index]
        values = list(itertools.islice(filter(_non_blank, full), KIND_SAMPLE))
        if not values:
            c.reason = EMPTY
            continue
        name = unique_name(custom_name(c.source, c.index), taken)
        taken.append(name)
        fields[c.source] = Field(name, detect_kind(values, region), custom=True)
        c.field, c.confidence, c.reason = name, 1.0, CUSTOM
    return Mapping(cols, _schema_for(cols, schema, fields))


def _non_blank(value) -> bool:
    return bool(value) and not str(value).isspace()


def _drop(c: ColumnMapping) -> None:
    c.field, c.confidence, c.reason = None, 0.0, ""


def _resolve_names(cols: list[ColumnMapping]) -> None:
    """A bare "Nome" beside a "Sobrenome" is the first name; never two Full Name columns."""
    has_last = any(c.field == F.LAST_NAME for c in cols)
    has_first = any(c.field == F.FIRST_NAME for c in cols)
    if has_last and not has_first:
        bare = [c for c in cols if c.field == F.FULL_NAME and normalize_header(c.source) in AMBIGUOUS_NAME]
        if bare:
            first = max(bare, key=lambda c: (c.confidence, -c.index))
            first.field, first.confidence = F.FIRST_NAME, max(first.confidence, 0.9)
    full = [c for c in cols if c.field == F.FULL_NAME]
    if len(full) > 1:
        best = max(full, key=lambda c: (c.confidence, -c.index))
        for c in full:
            if c is not best:
                _drop(c)


def _resolve_phones(cols: list[ColumnMapping], schema: Schema) -> None:
    """Beside a mobile column ("Celular", "Mobile Phone"), the other phone columns ("Telefone",
    "Business Phone") are Additional Phones: the number GHL texts is the mobile."""
    phones = [c for c in cols if c.field == F.PHONE]
    mobiles = [c for c in phones if is_mobile_header(c.source)]
    if not mobiles or len(mobiles) == len(phones) or F.ADDITIONAL_PHONES not in schema:
        return
    for c in phones:
        if c not in mobiles:
            c.field = F.ADDITIONAL_PHONES


def _resolve_single_valued(cols: list[ColumnMapping], schema: Schema, filled: set[int] | None = None) -> None:
    """Two columns competing for one single-valued field: one with values in the sample before an
    empty one (Outlook's empty "Home Street" beside a filled "Business Street"), then the more
    confident, then the first."""
    by_field: dict[str, list[ColumnMapping]] = {}
    for c in cols:
        if c.field and not schema[c.field].multi_source:
            by_field.setdefault(c.field, []).append(c)
    for group in by_field.values():
        if len(group) > 1:
            best = max(group, key=lambda c: (filled is None or c.index in filled, c.confidence, -c.index))
            for c in group:
                if c is not best:
                    _drop(c)
