"""Header synonyms per GHL field, in Portuguese, English and Spanish, plus common CRM export names.

Phrases are written already normalized (lower case, no accents, words separated by single spaces;
``e-mail`` is normalized to ``email``). Matching is on whole normalized phrases, never substrings.
Extend a list to teach the mapper a new export.
"""

from . import fields as F

SYNONYMS: dict[str, tuple[str, ...]] = {
    F.FIRST_NAME: (
        "first name", "firstname", "given name", "primeiro nome", "nome proprio", "forename",
        "first", "prenome", "nome de batismo", "primer nombre",
    ),
    F.LAST_NAME: (
        "last name", "lastname", "surname", "family name", "sobrenome", "ultimo nome", "apellido",
        "apellidos", "last", "segundo nome", "nome de familia", "additional name",
    ),
    F.FULL_NAME: (
        "full name", "fullname", "nome completo", "nombre completo", "contact name", "nome do contato",
        "nome do cliente", "nome contato", "nome cliente", "nome do lead", "lead name", "customer name",
        "client name", "nome e sobrenome", "display name", "nombre y apellido", "nombre y apellidos",
        "participante", "nome do participante", "attendee name", "nome do aluno",
    ),
    F.EMAIL: (
        "email", "email address", "emails", "mail", "correo", "correo electronico", "endereco de email",
        "endereco email", "email pessoal", "personal email", "work email", "email comercial",
        "email do contato", "email do cliente", "seu email", "your email", "email corporativo",
        "business email", "primary email", "email principal",
    ),
    F.ADDITIONAL_EMAILS: (
        "additional emails", "additional email", "outros emails", "outro email", "other emails",
        "other email", "emails adicionais", "email adicional", "secondary email", "email secundario",
        "email alternativo", "alternative email", "email 2", "segundo email",
    ),
    F.PHONE: (
        "phone", "telephone", "telefone", "fone", "celular", "cel", "mobile", "mobile phone", "cell",
        "cell phone", "cellphone", "whatsapp", "whats", "whats app", "zap", "telefono", "movil",
        "celular whatsapp", "telefone celular", "telefone whatsapp", "phone number", "numero de telefone",
        "numero do celular", "numero de celular", "tel", "work phone", "home phone", "business phone",
        "telefone comercial", "telefone residencial", "fone celular", "fone comercial", "fone residencial",
        "telefone fixo", "fixo", "numero whatsapp", "numero do whatsapp", "contato telefonico",
        "telefono movil", "celular 1", "primary phone", "telefone principal", "ddd telefone",
        "ddd celular", "telemovel",
    ),
    F.ADDITIONAL_PHONES: (
        "additional phones", "additional phone", "outros telefones", "outro telefone", "other phones",
        "other phone", "telefones adicionais", "telefone adicional", "telefone secundario",
        "telefone alternativo", "secondary phone", "alternative phone",
    ),
    F.COMPANY: (
        "company", "company name", "empresa", "nome da empresa", "organization", "organisation",
        "organization name", "organization 1 name", "razao social", "nome fantasia", "business",
        "business name", "compania", "negocio", "employer", "empresa onde trabalha", "instituicao",
        "organizacao", "account name", "conta",
    ),
    F.ADDRESS: (
        "address", "street", "street address", "endereco", "logradouro", "rua", "direccion", "calle",
        "address line 1", "endereco completo", "address 1 street", "mailing street", "address street",
        "domicilio",
    ),
    F.CITY: (
        "city", "cidade", "municipio", "ciudad", "town", "localidade", "address 1 city", "mailing city",
        "address city", "poblacion",
    ),
    F.STATE: (
        "state", "estado", "uf", "province", "provincia", "state province", "address 1 region",
        "mailing state", "address state", "region", "estado uf", "sigla estado",
    ),
    F.POSTAL_CODE: (
        "zip", "zip code", "zipcode", "postal code", "postcode", "post code", "cep", "codigo postal",
        "address 1 postal code", "mailing zip", "address postal code", "zip postal code",
    ),
    F.COUNTRY: ("country", "pais", "nation", "address 1 country", "mailing country", "address country"),
    F.DATE_OF_BIRTH: (
        "date of birth", "birthday", "birth date", "birthdate", "dob", "data de nascimento",
        "nascimento", "aniversario", "data nascimento", "dt nascimento", "dt nasc", "data nasc",
        "fecha de nacimiento", "cumpleanos", "nacimiento", "data de aniversario",
    ),
    F.WEBSITE: (
        "website", "web site", "site", "url", "homepage", "home page", "pagina", "pagina web",
        "sitio web", "web", "site da empresa", "company website",
    ),
    F.SOURCE: (
        "source", "lead source", "origem", "origem do lead", "fonte", "canal", "fuente", "origen",
        "canal de origem", "como conheceu", "origem do contato", "contact source", "utm source",
    ),
    F.TAGS: (
        "tags", "tag", "etiquetas", "etiqueta", "labels", "label", "marcadores", "marcador",
        "group membership", "grupos", "segmento", "segmentos", "listas",
    ),
    F.NOTES: (
        "notes", "note", "notas", "nota", "observacoes", "observacao", "obs", "comentarios",
        "comentario", "comments", "comment", "descricao", "description", "anotacoes", "anotacao",
        "detalhes", "informacoes adicionais",
    ),
}

#: Words that mean "name" but not which part of it: First Name when a last-name column exists,
#: otherwise Full Name.
AMBIGUOUS_NAME = frozenset({"name", "nome", "nombre", "contato", "contact", "cliente", "client", "lead"})

#: Words that qualify a synonym without changing its meaning ("Telefone 2", "E-mail 1 - Value").
TRAILING_QUALIFIERS = frozenset({
    "principal", "primary", "main", "value", "valor", "pessoal", "personal", "do contato", "contato",
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "01", "02", "03",
})
LEADING_QUALIFIERS = frozenset({"primary", "main", "seu", "sua", "your", "contact", "contato"})

#: Header words that say nothing (so values alone may decide): "Col3", "Column 3", "Unnamed: 2".
MEANINGLESS_WORDS = frozenset({"col", "column", "coluna", "campo", "field", "unnamed", "c", "f", "x"})
