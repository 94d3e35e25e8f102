"""Plain text files: bytes to text in the encodings Chinese government text arrives in."""

from __future__ import annotations

from policykg.errors import BinaryDocumentError, EmptyDocumentError

__all__ = ["decode"]


def decode(data: bytes, *, name: str = "document") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; binary is refused."""
    if not data.strip():
        raise EmptyDocumentError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BinaryDocumentError(f"{name}: not readable as UTF-16 text ({exc.reason})") from None
    else:
        if b"\x00" in data:
            raise BinaryDocumentError(f"{name}: binary data, not a text document")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise BinaryDocumentError(
                    f"{name}: not text in UTF-8 or GB18030 (is it a PDF, Word or image file?)"
                ) from None
    text = text.removeprefix("\ufeff")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c")
    if controls > max(8, len(text) // 100):
        raise BinaryDocumentError(f"{name}: binary data, not a text document")
    if not text.strip():
        raise EmptyDocumentError(f"{name}: the file holds no text")
    return text
