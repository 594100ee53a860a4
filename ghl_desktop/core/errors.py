"""Errors a person can act on.

``InputError`` carries a message meant for the person using the app (GUI) or the CLI's single
``error: ...`` line. Anything else escaping the core is a bug.
"""


class InputError(Exception):
    """The input cannot be converted; ``str(err)`` says what is wrong and with which file."""


class Cancelled(Exception):
    """Raised inside long work when the caller asked it to stop (checked between chunks)."""
