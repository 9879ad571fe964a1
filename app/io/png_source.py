"""Reading the diagram source that a PNG export carries in a text chunk (pure Python, no Qt).

The PNG exporter stores the canonical YAML under the keyword "funnelflow" (Qt writes it as an
iTXt chunk, UTF-8, possibly zlib-compressed). Reading it back needs only the chunk layout of
the PNG specification, so `funnelflow FILE.png` and `funnelflow check FILE.png` work headless.
"""

from __future__ import annotations

import os
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: the text-chunk keyword the PNG exporter writes the YAML under
SOURCE_KEY = "funnelflow"
# A diagram source is at most the loader's 20 MB; refuse to inflate more (zip bombs).
_MAX_TEXT_BYTES = 20 * 1024 * 1024
_MAX_PNG_BYTES = 200 * 1024 * 1024


class PngSourceError(ValueError):
    """A PNG that is not one, is damaged, or carries no FunnelFlow diagram."""


def is_png(path: str | os.PathLike[str]) -> bool:
    """Whether the file at `path` starts with the PNG signature (not just named .png)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
    except OSError:
        return False


def png_text_chunks(data: bytes) -> dict[str, str]:
    """Every tEXt, zTXt and iTXt chunk of a PNG as {keyword: text}; raises PngSourceError."""
    if not data.startswith(PNG_SIGNATURE):
        raise PngSourceError("not a PNG image (the file does not start with the PNG signature)")
    texts: dict[str, str] = {}
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise PngSourceError("the PNG is truncated (a chunk runs past the end of the file)")
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) != crc:
            raise PngSourceError(f"the PNG is damaged (bad checksum in a {kind!r} chunk)")
        if kind in (b"tEXt", b"zTXt", b"iTXt"):
            keyword, text = _text_chunk(kind, body)
            texts.setdefault(keyword, text)
        if kind == b"IEND":
            break
        pos += 12 + length
    return texts


def source_from_png(data: bytes) -> str:
    """The diagram YAML embedded in PNG bytes; raises PngSourceError when there is none."""
    texts = png_text_chunks(data)
    if SOURCE_KEY not in texts:
        raise PngSourceError(
            "this PNG holds no FunnelFlow diagram; only images exported by FunnelFlow "
            "(File → Export… or `funnelflow export -o FILE.png`) can be reopened")
    return texts[SOURCE_KEY]


def read_png_source(path: str | os.PathLike[str]) -> str:
    """The diagram YAML embedded in the PNG file at `path`; raises OSError or PngSourceError."""
    with open(path, "rb") as stream:
        data = stream.read(_MAX_PNG_BYTES + 1)
    if len(data) > _MAX_PNG_BYTES:
        raise PngSourceError("the PNG is too large to be a FunnelFlow export")
    return source_from_png(data)


def _text_chunk(kind: bytes, body: bytes) -> tuple[str, str]:
    keyword_bytes, sep, rest = body.partition(b"\0")
    if not sep:
        raise PngSourceError(f"the PNG is damaged (a {kind.decode()} chunk has no keyword)")
    keyword = keyword_bytes.decode("latin-1")
    if kind == b"tEXt":
        return keyword, rest.decode("latin-1")
    if kind == b"zTXt":
        if not rest or rest[0] != 0:
            raise PngSourceError("the PNG uses an unknown text compression method")
        return keyword, _inflate(rest[1:]).decode("latin-1")
    # iTXt: compression flag, method, language tag \0, translated keyword \0, UTF-8 text
    if len(rest) < 2:
        raise PngSourceError("the PNG is damaged (an iTXt chunk is too short)")
    compressed, method = rest[0], rest[1]
    _language, _, rest = rest[2:].partition(b"\0")
    _translated, _, text = rest.partition(b"\0")
    if compressed:
        if method != 0:
            raise PngSourceError("the PNG uses an unknown text compression method")
        text = _inflate(text)
    try:
        return keyword, text.decode("utf-8")
    except UnicodeDecodeError:
        raise PngSourceError("the PNG's text chunk is not valid UTF-8") from None


def _inflate(data: bytes) -> bytes:
    """zlib-decompress at most the size limit, so a crafted chunk cannot exhaust memory."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, _MAX_TEXT_BYTES + 1)
    except zlib.error:
        raise PngSourceError("the PNG's compressed text chunk is damaged") from None
    if len(out) > _MAX_TEXT_BYTES or inflater.unconsumed_tail:
        raise PngSourceError("the PNG's text chunk is too large for a diagram")
    return out
