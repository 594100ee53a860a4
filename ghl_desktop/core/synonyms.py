"""The mapper's vocabulary beyond each field's own synonyms (which the field schema holds).

Words are written already normalized (see ``mapping.normalize_header``). Number tokens and the
qualifier words below are stripped before a second lookup, so "Phone 1 - Value", "E-mail 2
Address" or "Person - Email - Work" need no synonym of their own.
"""

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
    "assistant", "assistente", "secretaria", "secretary",
})


#: Header words (or two-word phrases) of a column that must never fill a standard field: a record
#: id, when the record was created, who owns it. Such a column may be kept as a custom field.
NEVER_STANDARD_WORDS = frozenset({
    "id", "ids", "uuid", "owner", "owners", "dono", "responsavel", "proprietario", "propietario",
    "created", "create", "creation", "criado", "criacao", "criada", "cadastrado", "creado", "creacion",
    "record id", "contact id", "data de cadastro", "fecha de alta",
})

#: The last word of a header that only describes the column beside it ("E-mail 1 - Label",
#: "Phone 1 - Type"): such a column is not a field by default.
DESCRIBING_WORDS = frozenset({"label", "type", "tipo", "rotulo"})
#: Header words of a mobile number, the one GHL texts: beside other phone columns, a column so
#: named is the contact's Phone and the others go to Additional Phones.
MOBILE_WORDS = frozenset({
    "celular", "cel", "mobile", "cell", "cellphone", "whatsapp", "whats", "zap", "wpp", "movil",
    "telemovel", "smartphone",
})
#: Header words of a fax number: never a phone field (GHL would text it).
FAX_WORDS = frozenset({"fax", "facsimile", "telefax", "facsimil"})

