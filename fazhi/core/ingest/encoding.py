"""Encoding detection, hashing and streaming transcoding of CSV files.

Offices export CSV in UTF-8 (with or without BOM), GBK or GB18030.  A BOM
decides at once; otherwise strict UTF-8 is tried on a sample and then on the
whole stream, and anything else is read as GB18030 (a superset of GBK).
DuckDB reads UTF-8 only, so other encodings are transcoded to a temporary
UTF-8 file chunk by chunk.
"""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

CHUNK = 1 << 22
SAMPLE = 1 << 16
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
Tick = Callable[[float], None]


def sniff_encoding(path: Path) -> str:
    """'utf-8-sig', 'utf-16', 'utf-8' (sample decodes strictly) or 'gb18030'."""
    with open(path, "rb") as fh:
        sample = fh.read(SAMPLE)
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


class BlankLines:
    """Notices a blank line after byte ``start`` and before the last non-blank byte of a stream.

    The needle is chosen from the first line ending seen (a blank line is
    ``\\n\\n``, or ``\\n\\r\\n`` in CRLF files), so each chunk is searched once.
    """

    def __init__(self, start: int):
        self.start = start
        self.pos = 0
        self.tail = b""
        self.needle: bytes | None = None
        self.first_blank: int | None = None
        self.last_text = -1

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        if self.needle is None and b"\n" in chunk:
            self.needle = b"\n\r\n" if b"\r\n" in chunk[: chunk.index(b"\n") + 1] else b"\n\n"
        if self.first_blank is None and self.needle:
            buf, base = self.tail + chunk, self.pos - len(self.tail)
            hit = buf.find(self.needle, max(self.start - base - 1, 0))
            self.first_blank = base + hit if hit >= 0 else None
        body = len(chunk.rstrip())
        if body:
            self.last_text = self.pos + body - 1
        self.pos += len(chunk)
        self.tail = chunk[-2:]

    @property
    def interior(self) -> bool:
        return self.first_blank is not None and self.first_blank < self.last_text


@dataclass
class Scan:
    sha256: str
    utf8: bool  # the whole stream decodes as strict UTF-8
    bad_offset: int | None  # where strict UTF-8 decoding first failed
    blank_lines: bool  # a blank line inside the data area (DuckDB would drop it)


def scan_file(path: Path, data_start: int, check_utf8: bool, tick: Tick) -> Scan:
    """One pass over the bytes: sha256, strict UTF-8 check, blank lines after ``data_start``."""
    digest, blanks = hashlib.sha256(), BlankLines(data_start)
    utf8 = _Utf8Check() if check_utf8 else None
    size, done = max(path.stat().st_size, 1), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            blanks.feed(chunk)
            if utf8:
                utf8.feed(chunk, done)
            done += len(chunk)
            tick(done / size)
    if utf8:
        utf8.feed(b"", done, final=True)
    ok = utf8 is not None and utf8.bad_offset is None
    return Scan(digest.hexdigest(), ok, utf8.bad_offset if utf8 else None, blanks.interior)


class _Utf8Check:
    def __init__(self):
        self.decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.bad_offset: int | None = None

    def feed(self, chunk: bytes, offset: int, final: bool = False) -> None:
        if self.bad_offset is not None:
            return
        try:
            self.decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            self.bad_offset = offset + exc.start


def transcode(path: Path, encoding: str, dest: Path, data_start: int, tick: Tick) -> Scan:
    """Write ``path`` as UTF-8 (no BOM) to ``dest``, hashing the original bytes on the way.

    ``data_start`` is the byte offset of the first data record in the UTF-8
    copy.  Raises UnicodeDecodeError when the bytes are not valid in ``encoding``.
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    digest, blanks = hashlib.sha256(), BlankLines(data_start)
    size, done = max(path.stat().st_size, 1), 0
    with open(path, "rb") as src, open(dest, "wb") as out:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            _write(out, blanks, decoder.decode(chunk))
            done += len(chunk)
            tick(done / size)
        _write(out, blanks, decoder.decode(b"", True))
    return Scan(digest.hexdigest(), True, None, blanks.interior)


def _write(out, blanks: BlankLines, text: str) -> None:
    data = text.encode("utf-8")
    blanks.feed(data)
    out.write(data)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
