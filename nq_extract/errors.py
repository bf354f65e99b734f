"""Errors that end one document with a status, never the caller's program."""

from __future__ import annotations


class NqError(Exception):
    """A document could not be read; ``status`` goes into ``source.status``."""

    status = "error"

    def __init__(self, message: str, status: str | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.status


class NotFound(NqError):
    status = "not_found"


class Unreadable(NqError):
    status = "unreadable"


class Undecodable(NqError):
    status = "undecodable"


class UnsupportedFormat(NqError):
    status = "unsupported_format"


class BadPdf(NqError):
    status = "bad_pdf"


class Encrypted(NqError):
    status = "encrypted"


class BadDocx(NqError):
    status = "bad_docx"


class BadImage(NqError):
    status = "bad_image"


class TooLarge(NqError):
    status = "too_large"


class Timeout(NqError):
    status = "timeout"


class OcrUnavailable(NqError):
    status = "ocr_unavailable"
