"""The GoHighLevel import columns, the single source of truth for their names and order."""

FIRST_NAME = "First Name"
LAST_NAME = "Last Name"
EMAIL = "Email"
PHONE = "Phone"
COMPANY = "Company Name"
ADDRESS = "Address"
CITY = "City"
STATE = "State"
POSTAL_CODE = "Postal Code"
COUNTRY = "Country"
DATE_OF_BIRTH = "Date of Birth"
WEBSITE = "Website"
SOURCE = "Source"
TAGS = "Tags"
ADDITIONAL_EMAILS = "Additional Emails"
ADDITIONAL_PHONES = "Additional Phones"
NOTES = "Notes"

#: Exactly the header GHL expects, in this order (a contract: do not reorder).
GHL_COLUMNS: tuple[str, ...] = (
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    PHONE,
    COMPANY,
    ADDRESS,
    CITY,
    STATE,
    POSTAL_CODE,
    COUNTRY,
    DATE_OF_BIRTH,
    WEBSITE,
    SOURCE,
    TAGS,
    ADDITIONAL_EMAILS,
    ADDITIONAL_PHONES,
    NOTES,
)

#: A source column holding "first last" together; split into First Name / Last Name.
FULL_NAME = "Full Name"

#: Every target a source column may be mapped to (``None`` in a mapping means "leave out").
MAPPABLE_FIELDS: tuple[str, ...] = (FULL_NAME,) + GHL_COLUMNS
