"""Bytes to text: UTF-8 first, then a careful guess; binary and empty input are refused.

The guess prefers Windows-1252 (a superset of Latin-1 for printable text) when
the bytes read as Western European text, because charset-normalizer often
mistakes short French or Spanish text for Central European or DOS code pages.
Anything else goes to charset-normalizer; when it cannot name an encoding the
input is treated as binary.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

__all__ = ["decode_bytes", "looks_binary", "normalise_text"]

# Control bytes that never occur in text files (tab, LF, VT, FF, CR and ESC excluded).
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_CONTROL_TABLE = bytes.maketrans(b"", b"")
# Printable non-ASCII characters typical of Western European text read as cp1252.
_WESTERN = frozenset(
    [chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)]
    + list("‘’‚“”„–—…•€£¥§©®°±²³´µ¶·¸¹º»«¿¡¢¤¦¨ª¬¯¼½¾ ™†‡‰‹›ŒœŠšŽžŸƒˆ˜")
)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_CR = re.compile(r"\r\n?")


def looks_binary(data: bytes) -> bool:
    """True when ``data`` holds NUL bytes or more than 1% control bytes."""
    if not data:
        return False
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(_CONTROL_TABLE, _CONTROL_BYTES))
    return controls > max(1, len(sample) // 100)


def _text_control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if ch not in "\t\n\r\f\v\x1b\x85" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
    )
    return bad / len(sample)


def _western(data: bytes) -> str | None:
    """Decode ``data`` as cp1252 (latin-1 for its holes) when it reads as Western European text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    letters = [ch for ch in text if ch.isalpha()]
    high = [ch for ch in text if ord(ch) > 0x7F]
    if not high:
        return text
    if any(ch not in _WESTERN for ch in high):
        return None
    non_ascii_letters = sum(1 for ch in letters if ord(ch) > 0x7F)
    # Cyrillic or Greek bytes also land on accented Latin letters, but then nearly every letter does.
    if letters and non_ascii_letters / len(letters) > 0.4:
        return None
    return text


def decode_bytes(data: bytes, source: str, unicode_newlines: bool = True) -> str:
    """Decode a file's bytes into normalised text, or raise :class:`InputError` saying why not.

    ``unicode_newlines=False`` folds only CR and CRLF: JSON strings may hold a raw
    U+2028, U+2029 or NEL, which must not split a JSON Lines record in two.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        text = data.decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "binary file, not text (broken UTF-16)") from None
    else:
        if looks_binary(data):
            raise InputError(source, "binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            guess = _western(data)
            if guess is None:
                text = _detect(data, source)
            else:
                text = guess
    if "\x00" in text:  # UTF-16 passes the byte check above; a NUL character is no more text than a NUL byte
        raise InputError(source, "binary file, not text (holds NUL characters)")
    if _text_control_ratio(text) > 0.01:
        raise InputError(source, "binary file, not text")
    text = normalise_text(text, unicode_newlines)
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def _detect(data: bytes, source: str) -> str:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(source, "binary file, not text (no text encoding fits)")
    return str(best)


def normalise_text(text: str, unicode_newlines: bool = True) -> str:
    """NFC-normalise and turn every newline convention into ``\\n`` (only CR and CRLF when not
    ``unicode_newlines``)."""
    text = text.replace("\ufeff", "")
    text = (_NEWLINES if unicode_newlines else _CR).sub("\n", text)
    return unicodedata.normalize("NFC", text)
