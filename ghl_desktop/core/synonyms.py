"""Header synonyms per GHL field, in Portuguese, English and Spanish, plus common CRM export names.

Phrases are written already normalized (see ``mapping.normalize_header``: lower case, no accents,
words separated by single spaces, ``e-mail`` written ``email``). Matching is on whole normalized
phrases, never substrings. Number tokens and the qualifier words below are stripped before a second
lookup, so "Phone 1 - Value", "E-mail 2 Address" or "Person - Email - Work" need no entry of their
own. To teach the mapper a new export, add its header to a list here.
"""

from . import fields as F

SYNONYMS: dict[str, tuple[str, ...]] = {
    F.FIRST_NAME: (
        "first name", "firstname", "given name", "primeiro nome", "nome proprio", "forename",
        "first", "prenome", "nome de batismo", "primer nombre", "fname",
    ),
    F.LAST_NAME: (
        "last name", "lastname", "surname", "family name", "sobrenome", "ultimo nome", "apellido",
        "apellidos", "last", "nome de familia", "segundo apellido", "primer apellido", "lname",
        # Not "additional name": Google Contacts uses it for the middle name.
    ),
    F.FULL_NAME: (
        "full name", "fullname", "nome completo", "nombre completo", "contact name", "nome do contato",
        "nome do cliente", "nome contato", "nome cliente", "nome do lead", "lead name", "customer name",
        "client name", "nome e sobrenome", "display name", "nombre y apellido", "nombre y apellidos",
        "participante", "nome do participante", "attendee name", "nome do aluno", "person name",
        "nome da pessoa", "nome do inscrito", "inscrito", "nome completo do participante",
    ),
    F.EMAIL: (
        "email", "email address", "emailaddress", "emails", "mail", "correo", "correo electronico",
        "email electronico", "endereco de email", "endereco email", "email pessoal", "personal email",
        "work email", "email comercial", "seu email", "your email", "email corporativo",
        "business email", "primary email", "email principal", "home email", "email trabalho",
        "direccion de correo", "direccion de correo electronico", "email do lead",
    ),
    F.ADDITIONAL_EMAILS: (
        "additional emails", "additional email", "outros emails", "outro email", "other emails",
        "other email", "emails adicionais", "email adicional", "secondary email", "email secundario",
        "email alternativo", "alternative email", "segundo email", "correos adicionales",
        "otro correo", "otros correos",
    ),
    F.PHONE: (
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
    F.ADDITIONAL_PHONES: (
        "additional phones", "additional phone", "outros telefones", "outro telefone", "other phones",
        "other phone", "telefones adicionais", "telefone adicional", "telefone secundario",
        "telefone alternativo", "secondary phone", "alternative phone", "otros telefonos",
        "otro telefono",
    ),
    F.COMPANY: (
        "company", "company name", "companyname", "empresa", "nome da empresa", "organization",
        "organisation", "organization name", "razao social", "nome fantasia", "business",
        "business name", "compania", "negocio", "employer", "empresa onde trabalha", "instituicao",
        "organizacao", "account name", "conta", "nombre de la empresa", "associated company",
    ),
    F.ADDRESS: (
        "address", "street", "street address", "endereco", "logradouro", "rua", "direccion", "calle",
        "address line", "address line 1", "endereco completo", "address street", "mailing street",
        "domicilio", "postal address", "business street", "home street", "endereco residencial",
        "endereco comercial",
    ),
    F.CITY: (
        "city", "cidade", "municipio", "ciudad", "town", "localidade", "address city", "mailing city",
        "poblacion", "postal address city", "localidad",
    ),
    F.STATE: (
        "state", "estado", "uf", "province", "provincia", "state province", "state region",
        "address region", "mailing state", "address state", "region", "estado uf", "sigla estado",
        "postal address state", "comunidad autonoma",
    ),
    F.POSTAL_CODE: (
        "zip", "zip code", "zipcode", "postal code", "postalcode", "postcode", "post code", "cep",
        "codigo postal", "address postal code", "mailing zip", "zip postal code",
        "postal address postal code", "cp",
    ),
    F.COUNTRY: (
        "country", "pais", "nation", "address country", "mailing country", "country region",
        "postal address country",
    ),
    F.DATE_OF_BIRTH: (
        "date of birth", "dateofbirth", "birthday", "birth date", "birthdate", "dob",
        "data de nascimento", "nascimento", "aniversario", "data nascimento", "dt nascimento",
        "dt nasc", "data nasc", "fecha de nacimiento", "cumpleanos", "nacimiento",
        "data de aniversario",
    ),
    F.WEBSITE: (
        "website", "web site", "site", "url", "homepage", "home page", "pagina", "pagina web",
        "sitio web", "web", "site da empresa", "company website", "website url", "web page",
        "company domain name",
    ),
    F.SOURCE: (
        "source", "lead source", "original source", "origem", "origem do lead", "fonte", "canal",
        "fuente", "origen", "canal de origem", "como conheceu", "origem do contato", "contact source",
        "utm source", "origem da primeira conversao", "fuente del lead", "origen del contacto",
    ),
    F.TAGS: (
        "tags", "tag", "etiquetas", "etiqueta", "labels", "label", "marcadores", "marcador",
        "group membership", "grupos", "segmento", "segmentos", "listas", "categories",
    ),
    F.NOTES: (
        "notes", "note", "notas", "nota", "observacoes", "observacao", "obs", "comentarios",
        "comentario", "comments", "comment", "descricao", "description", "anotacoes", "anotacao",
        "detalhes", "informacoes adicionais", "observaciones",
    ),
}

#: Words that mean "name" or "the person" but not which part of the name: First Name when a
#: last-name column exists, otherwise Full Name.
AMBIGUOUS_NAME = frozenset({"name", "nome", "nombre", "contato", "contact", "cliente", "client", "lead"})
#: Of those, the ones that do not literally say "name": mapped only if the values look like names.
PERSON_WORDS = frozenset({"contato", "contact", "cliente", "client", "lead"})

#: Words after a synonym that keep its meaning ("Telefone principal", "E-mail 1 - Value",
#: "Phone - Mobile"). Number tokens are dropped anywhere, so they need no entry.
TRAILING_QUALIFIERS = frozenset({
    "principal", "primary", "main", "value", "valor", "pessoal", "personal", "contato", "work",
    "home", "other", "mobile", "business", "comercial", "residencial", "trabalho",
})
#: The same before a synonym ("Primary Email", "Person - Phone", "Business City").
LEADING_QUALIFIERS = frozenset({
    "primary", "main", "seu", "sua", "your", "contact", "contato", "person", "pessoa", "lead",
    "home", "work", "business", "mobile",
})
#: Two-word endings that name whose value it is ("Cidade do cliente", "E-mail do contato").
TRAILING_OWNER_PHRASES = frozenset({
    "do contato", "do cliente", "do lead", "da pessoa", "do participante", "do aluno", "do inscrito",
    "del contacto", "del cliente", "of contact",
})

#: Header words that say nothing (so values alone may decide): "Col3", "Column 3", "Unnamed: 2".
MEANINGLESS_WORDS = frozenset({"col", "column", "coluna", "campo", "field", "unnamed", "c", "f", "x"})

#: Header words that veto mapping by values alone: a column of CPFs, record ids or the sales
#: owner's e-mail looks like phones/e-mails but must never become the contact's phone/e-mail.
NOT_CONTACT_WORDS = frozenset({
    "id", "cpf", "cnpj", "rg", "cnh", "pis", "nis", "codigo", "cod", "code", "pedido", "order",
    "documento", "doc", "matricula", "inscricao", "cartao", "card", "agencia", "account", "protocolo",
    "ticket", "nf", "invoice", "valor", "total", "preco", "price", "amount", "score", "owner",
    "responsavel", "vendedor", "vendedora", "consultor", "consultora", "proprietario", "dono", "user",
    "usuario", "agent", "atendente", "assigned", "created", "updated", "criado", "atualizado",
    "modified", "by", "por", "sender", "remetente", "timestamp", "seller",
    "rep", "gerente", "manager", "cadastro", "data", "date", "fecha", "dni", "nif", "cuit", "rut",
})

#: Header words that, with matching values, make a CEP or a UF column.
POSTAL_HINTS = frozenset({"cep", "zip", "postal", "postcode", "cp"})
STATE_HINTS = frozenset({"uf", "estado", "state", "sigla", "region", "regiao", "provincia"})
