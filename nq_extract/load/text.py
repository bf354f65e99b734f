"""Plain text and Markdown: decoding that says what it did."""

from __future__ import annotations

import re

from ..document import Loaded
from ..errors import Undecodable
from ..models import Source

# Letters that only Vietnamese text uses a lot: a decoding that yields them is plausible.
_VIET = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name). Raises ``Undecodable`` with a one-line reason."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise Undecodable("binary content, not text (control characters)")
        return text, "utf-8"
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as e:
        raise Undecodable(f"not UTF-8, UTF-16 or Windows-1258 text (byte 0x{data[e.start]:02x} at {e.start})") from e
    if _looks_binary(text) or not _VIET.search(text[:20000]):
        raise Undecodable("not UTF-8 text, and not plausible Windows-1258 Vietnamese")
    return text, "cp1258"


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise Undecodable(f"invalid {encoding} at byte {e.start}") from e
    if encoding == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 200)


def load_text(data: bytes, source: Source) -> Loaded:
    text, encoding = decode(data)
    return Loaded(text=text, source=source.model_copy(update={"encoding": encoding, "pages": None}))
