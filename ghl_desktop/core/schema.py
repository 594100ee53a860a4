"""The field schema: every field a contact can have, described once.

A :class:`Field` says what the field is called in GHL's import (its export header), which source
headers mean it (synonyms, in Portuguese, English and Spanish, plus common CRM export names), how
its values are normalized (its :data:`kind <KINDS>`), how duplicates merge it, and the few hints
the mapper and the review table need. A :class:`Schema` is an ordered set of fields: the export
header, the mapping choices, the review columns, the report's counts and saved results all read
it, so a field added here (or at run time with :meth:`Schema.with_field`) appears everywhere.

:data:`STANDARD` is GHL's own contact fields, in the order of GHL's import header (a contract:
do not reorder). Rules that treat a field specially (the name split, email and phone lists,
dedupe keys) name it by the constants below; every other field is handled by its kind.

Synonym phrases are written already normalized (see ``mapping.normalize_header``: lower case, no
accents, words separated by single spaces, ``e-mail`` written ``email``). Matching is on whole
normalized phrases, never substrings; number tokens and qualifier words (``synonyms.py``) are
stripped before a second lookup, so "Phone 1 - Value" needs no entry of its own. To teach the
mapper a new export, add its header to a field's synonyms here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable

# -- kinds: how a field's values are normalized (``assemble`` and ``review`` dispatch on these) --
NAME = "name"                # a first or last name: trimmed, ALL CAPS / lower case to Title Case
FULL_NAME_KIND = "full_name"  # "first last" together, split into the two name fields
EMAIL_KIND = "email"         # validated addresses; the first found is the contact's email
EMAIL_LIST = "email_list"    # the further addresses of the same rows
PHONE_KIND = "phone"         # E.164 numbers; the first found is the contact's phone
PHONE_LIST = "phone_list"    # the further numbers of the same rows
TEXT = "text"                # free text, trimmed, inner runs of spaces made one
PLACE = "place"              # a place name, cased like a person's name (City)
STATE_KIND = "state"         # a region; a two-letter code is upper-cased
POSTAL = "postal"            # a postal code; a Brazilian CEP written 01310-100
COUNTRY = "country"          # a country, written as its ISO 3166 alpha-2 code (BR); phones read by it
DATE = "date"                # a date, written YYYY-MM-DD
TAGS_KIND = "tags"           # tags, split on , ; | and cleaned
NOTES_KIND = "notes"         # free text of every source column, one per line
NUMBER = "number"            # a number, written with a decimal point and no grouping (1234.56)
MONEY = "money"              # an amount of money, written as a number (R$ 1.234,56 → 1234.56)
OPTIONS = "options"          # options of a multiple-choice field, ", "-separated, no period inside

KINDS = (NAME, FULL_NAME_KIND, EMAIL_KIND, EMAIL_LIST, PHONE_KIND, PHONE_LIST, TEXT, PLACE,
         STATE_KIND, POSTAL, COUNTRY, DATE, TAGS_KIND, NOTES_KIND, NUMBER, MONEY, OPTIONS)
#: The kinds a custom field may have (the person may choose among them), in the order offered.
CUSTOM_KINDS = (TEXT, NUMBER, MONEY, DATE, OPTIONS)
#: Kinds a schema has one field of at most: the contact's emails and phones, its full name, its
#: country (the one its phones are read with).
SINGLE_KINDS = (FULL_NAME_KIND, EMAIL_KIND, EMAIL_LIST, PHONE_KIND, PHONE_LIST, COUNTRY)
#: Kinds whose values are E.164 numbers: they legitimately start with "+", never a formula.
NUMBER_KINDS = frozenset({PHONE_KIND, PHONE_LIST})
#: Kinds several source columns may feed (the values of all of them are kept).
MULTI_SOURCE_KINDS = frozenset({EMAIL_KIND, EMAIL_LIST, PHONE_KIND, PHONE_LIST, TAGS_KIND, NOTES_KIND})
#: Kinds whose merged value is the union of every duplicate's items, not the first non-empty one.
UNION_KINDS = frozenset({EMAIL_LIST, PHONE_LIST, TAGS_KIND, NOTES_KIND, OPTIONS})


@dataclass(frozen=True)
class Field:
    """One field of a contact: its export header, the headers that mean it, how it is normalized."""

    name: str
    kind: str = TEXT
    synonyms: tuple[str, ...] = ()
    #: False for a mapping target that is not itself a column (Full Name is split into two).
    exported: bool = True
    #: The cheap value shape (``mapping.ValueProfile``) that confirms a header naming this field.
    shape: str | None = None
    #: The values may overrule the header (an "Email" column full of phone numbers is a phone column).
    overrulable: bool = False
    #: With values of ``shape``, header words that choose this field without a synonym ("CEP 2").
    value_hints: frozenset[str] = frozenset()
    #: A good first width of the review table's column, in pixels (None: fit the header).
    review_width: int | None = None
    #: A custom field: a source column kept under its own name (GHL's custom fields), exported
    #: after the standard columns. Never a synonym's target: each belongs to the column it came from.
    custom: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")

    @property
    def multi_source(self) -> bool:
        return self.kind in MULTI_SOURCE_KINDS

    @property
    def merge_union(self) -> bool:
        return self.kind in UNION_KINDS

    @property
    def neutralized(self) -> bool:
        """Exported with formula neutralization (every field but the E.164 phone lists)."""
        return self.kind not in NUMBER_KINDS

    def to_dict(self) -> dict:
        data = asdict(self)
        data["synonyms"] = list(self.synonyms)
        data["value_hints"] = sorted(self.value_hints)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Field":
        return cls(
            name=str(data["name"]), kind=str(data.get("kind", TEXT)),
            synonyms=tuple(data.get("synonyms", ())), exported=bool(data.get("exported", True)),
            shape=data.get("shape"), overrulable=bool(data.get("overrulable", False)),
            value_hints=frozenset(data.get("value_hints", ())), review_width=data.get("review_width"),
            custom=bool(data.get("custom", False)),
        )


class Schema:
    """An ordered set of fields. Immutable: :meth:`with_field` gives a new schema."""

    __slots__ = ("fields", "columns", "mappable", "_by_name", "_hash")

    def __init__(self, fields: Iterable[Field]) -> None:
        self.fields: tuple[Field, ...] = tuple(fields)
        self._by_name = {f.name: f for f in self.fields}
        # Hashed once: rule modules memoize per schema (``lru_cache``), a lookup per chunk or group,
        # and a field's hash walks all of its synonyms.
        self._hash = hash(self.fields)
        if len(self._by_name) != len(self.fields):
            raise ValueError("two fields with the same name")
        for kind in SINGLE_KINDS:
            if sum(f.kind == kind for f in self.fields) > 1:
                raise ValueError(f"two fields of kind {kind!r}")
        #: The export header, in order: the names of the exported fields.
        self.columns: tuple[str, ...] = tuple(f.name for f in self.fields if f.exported)
        #: Every name a source column may be mapped to (None in a mapping means "leave out").
        self.mappable: tuple[str, ...] = tuple(f.name for f in self.fields)

    def __getitem__(self, name: str) -> Field:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self):
        return iter(self.fields)

    def __eq__(self, other) -> bool:
        return isinstance(other, Schema) and self.fields == other.fields

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Schema({list(self.mappable)!r})"

    def __reduce__(self):
        return (Schema, (self.fields,))

    def with_field(self, field: Field) -> "Schema":
        """This schema plus ``field``, exported after the last column."""
        return Schema(self.fields + (field,))

    @property
    def custom(self) -> tuple[Field, ...]:
        """The custom fields, in export order."""
        return tuple(f for f in self.fields if f.custom)

    def without_custom(self) -> "Schema":
        """This schema without its custom fields (``self`` when it has none)."""
        return Schema(f for f in self.fields if not f.custom) if self.custom else self

    def of_kind(self, *kinds: str) -> list[str]:
        """Names of the exported fields of these kinds, in order."""
        return [f.name for f in self.fields if f.exported and f.kind in kinds]

    def to_list(self) -> list[dict]:
        return [f.to_dict() for f in self.fields]

    @classmethod
    def from_list(cls, data: list[dict]) -> "Schema":
        return cls(Field.from_dict(d) for d in data)


# -- the fields rules name (their special handling is in the rule modules) -------------------
FIRST_NAME = "First Name"
LAST_NAME = "Last Name"
FULL_NAME = "Full Name"
EMAIL = "Email"
PHONE = "Phone"
DATE_OF_BIRTH = "Date of Birth"
TAGS = "Tags"
ADDITIONAL_EMAILS = "Additional Emails"
ADDITIONAL_PHONES = "Additional Phones"
NOTES = "Notes"
COUNTRY_FIELD = "Country"
#: The id GHL gives a contact: the first key its import matches an existing contact on.
CONTACT_ID = "Contact Id"

#: GHL's contact fields, in the order of its import header, then Full Name (a mapping target
#: split into First/Last Name, not a column of its own).
STANDARD = Schema([
    Field(
        FIRST_NAME, NAME,
        synonyms=(
            "first name", "firstname", "given name", "primeiro nome", "nome proprio", "forename",
            "first", "prenome", "nome de batismo", "primer nombre", "fname",
        ),
        overrulable=True, review_width=110,
    ),
    Field(
        LAST_NAME, NAME,
        synonyms=(
            "last name", "lastname", "surname", "family name", "sobrenome", "ultimo nome", "apellido",
            "apellidos", "last", "nome de familia", "segundo apellido", "primer apellido", "lname",
            # Not "additional name": Google Contacts uses it for the middle name.
        ),
        overrulable=True, review_width=120,
    ),
    Field(
        EMAIL, EMAIL_KIND,
        synonyms=(
            "email", "email address", "emailaddress", "emails", "mail", "correo", "correo electronico",
            "email electronico", "endereco de email", "endereco email", "email pessoal", "personal email",
            "work email", "email comercial", "seu email", "your email", "email corporativo",
            "business email", "primary email", "email principal", "home email", "email trabalho",
            "direccion de correo", "direccion de correo electronico", "email do lead",
        ),
        shape="email", overrulable=True, review_width=230,
    ),
    Field(
        PHONE, PHONE_KIND,
        synonyms=(
            "phone", "telephone", "telefone", "fone", "celular", "cel", "mobile", "mobile phone", "cell",
            "cell phone", "cellphone", "whatsapp", "whats", "whats app", "zap", "telefono", "movil",
            "celular whatsapp", "telefone celular", "telefone whatsapp", "phone number", "phonenumber",
            "numero de telefone", "numero do celular", "numero de celular", "tel", "work phone",
            "home phone", "business phone", "telefone comercial", "telefone residencial", "fone celular",
            "fone comercial", "fone residencial", "telefone fixo", "fixo", "numero whatsapp",
            "numero do whatsapp", "contato telefonico", "telefono movil", "primary phone",
            "telefone principal", "ddd telefone", "ddd celular", "telemovel", "mobile phone number",
            "numero de telefono", "celular do lead", "telefone do lead", "whatsapp do lead",
        ),
        shape="phone", overrulable=True, review_width=130,
    ),
    Field(
        "Company Name", TEXT,
        synonyms=(
            "company", "company name", "companyname", "empresa", "nome da empresa", "organization",
            "organisation", "organization name", "razao social", "nome fantasia", "business",
            "business name", "compania", "negocio", "employer", "empresa onde trabalha", "instituicao",
            "organizacao", "account name", "conta", "nombre de la empresa", "associated company",
        ),
    ),
    Field(
        "Address", TEXT,
        synonyms=(
            "address", "street", "street address", "endereco", "logradouro", "rua", "direccion", "calle",
            "address line", "address line 1", "endereco completo", "address street", "mailing street",
            "domicilio", "postal address", "business street", "home street", "endereco residencial",
            "endereco comercial",
        ),
    ),
    Field(
        "City", PLACE,
        synonyms=(
            "city", "cidade", "municipio", "ciudad", "town", "localidade", "address city", "mailing city",
            "poblacion", "postal address city", "localidad",
        ),
        review_width=130,
    ),
    Field(
        "State", STATE_KIND,
        synonyms=(
            "state", "estado", "uf", "province", "provincia", "state province", "state region",
            "address region", "mailing state", "address state", "region", "estado uf", "sigla estado",
            "postal address state", "comunidad autonoma",
        ),
        shape="uf", value_hints=frozenset({"uf", "estado", "state", "sigla", "region", "regiao", "provincia"}), review_width=60,
    ),
    Field(
        "Postal Code", POSTAL,
        synonyms=(
            "zip", "zip code", "zipcode", "postal code", "postalcode", "postcode", "post code", "cep",
            "codigo postal", "address postal code", "mailing zip", "zip postal code",
            "postal address postal code", "cp",
        ),
        shape="cep", value_hints=frozenset({"cep", "zip", "postal", "postcode", "cp"}), review_width=90,
    ),
    Field(
        COUNTRY_FIELD, COUNTRY,
        synonyms=(
            "country", "pais", "nation", "address country", "mailing country", "country region",
            "postal address country",
        ),
    ),
    Field(
        DATE_OF_BIRTH, DATE,
        synonyms=(
            "date of birth", "dateofbirth", "birthday", "birth date", "birthdate", "dob",
            "data de nascimento", "nascimento", "aniversario", "data nascimento", "dt nascimento",
            "dt nasc", "data nasc", "fecha de nacimiento", "cumpleanos", "nacimiento",
            "data de aniversario",
        ),
        shape="date", overrulable=True,
    ),
    Field(
        "Website", TEXT,
        synonyms=(
            "website", "web site", "site", "url", "homepage", "home page", "pagina", "pagina web",
            "sitio web", "web", "site da empresa", "company website", "website url", "web page",
            "company domain name",
        ),
    ),
    Field(
        "Source", TEXT,
        synonyms=(
            "source", "lead source", "original source", "origem", "origem do lead", "fonte", "canal",
            "fuente", "origen", "canal de origem", "como conheceu", "origem do contato", "contact source",
            "utm source", "origem da primeira conversao", "fuente del lead", "origen del contacto",
        ),
    ),
    Field(
        TAGS, TAGS_KIND,
        synonyms=(
            "tags", "tag", "etiquetas", "etiqueta", "labels", "label", "marcadores", "marcador",
            "group membership", "grupos", "segmento", "segmentos", "listas", "categories",
        ),
        review_width=160,
    ),
    Field(
        ADDITIONAL_EMAILS, EMAIL_LIST,
        synonyms=(
            "additional emails", "additional email", "outros emails", "outro email", "other emails",
            "other email", "emails adicionais", "email adicional", "secondary email", "email secundario",
            "email alternativo", "alternative email", "segundo email", "correos adicionales",
            "otro correo", "otros correos",
        ),
        shape="email", overrulable=True,
    ),
    Field(
        ADDITIONAL_PHONES, PHONE_LIST,
        synonyms=(
            "additional phones", "additional phone", "outros telefones", "outro telefone", "other phones",
            "other phone", "telefones adicionais", "telefone adicional", "telefone secundario",
            "telefone alternativo", "secondary phone", "alternative phone", "otros telefonos",
            "otro telefono",
        ),
        shape="phone", overrulable=True,
    ),
    Field(
        NOTES, NOTES_KIND,
        synonyms=(
            "notes", "note", "notas", "nota", "observacoes", "observacao", "obs", "comentarios",
            "comentario", "comments", "comment", "descricao", "description", "anotacoes", "anotacao",
            "detalhes", "informacoes adicionais", "observaciones",
        ),
    ),
    Field(
        FULL_NAME, FULL_NAME_KIND,
        synonyms=(
            "full name", "fullname", "nome completo", "nombre completo", "contact name", "nome do contato",
            "nome do cliente", "nome contato", "nome cliente", "nome do lead", "lead name", "customer name",
            "client name", "nome e sobrenome", "display name", "nombre y apellido", "nombre y apellidos",
            "participante", "nome do participante", "attendee name", "nome do aluno", "person name",
            "nome da pessoa", "nome do inscrito", "inscrito", "nome completo do participante",
        ),
        exported=False, shape="name", overrulable=True,
    ),
])

#: Exactly the header GHL expects, in this order (a contract: do not reorder).
GHL_COLUMNS: tuple[str, ...] = STANDARD.columns

#: GHL's contact id, described once. Never one of ``STANDARD``'s fields: an input's "Contact Id"
#: column stays a custom field (``synonyms.NEVER_STANDARD_WORDS``), because a new list has no
#: business naming GHL contacts. Only the files of contacts already in GHL (``core/existing.py``)
#: are mapped with it (``schema.with_field(CONTACT_ID_FIELD)``), and an export that knows which
#: contacts exist ends with it, after the custom fields, so GHL updates the right contact.
CONTACT_ID_FIELD = Field(
    CONTACT_ID, TEXT,
    synonyms=("contact id", "contactid", "id do contato", "id contato", "ghl contact id"),
)
