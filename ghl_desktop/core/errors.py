"""Errors a person can act on.

``InputError`` carries a :class:`~.messages.Message` meant for the person using the app: the
window translates it by its id, the CLI prints ``str(err)`` (its English) on a single ``error: ...``
line. Anything else escaping the core is a bug.
"""

from .messages import Message, verbatim


class MessageError(Exception):
    """An error whose text is a catalogue message (``.message``); ``str(err)`` is its English."""

    def __init__(self, message: Message | str) -> None:
        # Text that is not a Message (from outside the core) is kept as it is.
        super().__init__(message if isinstance(message, Message) else verbatim(str(message)))

    @property
    def message(self) -> Message:
        return self.args[0]

    def __str__(self) -> str:
        return self.args[0].text


class InputError(MessageError):
    """The input cannot be converted; ``str(err)`` says what is wrong and with which file."""


class OutputIsFolder(MessageError, IsADirectoryError):
    """The export was asked to write over a folder."""


class Cancelled(Exception):
    """Raised inside long work when the caller asked it to stop (checked between chunks)."""
