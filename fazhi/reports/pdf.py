"""DOCX → PDF with LibreOffice Writer (headless), the official font names mapped to Debian's Noto CJK fonts.

Each process uses its own LibreOffice profile (two conversions sharing one profile block each other) and one
conversion at a time. A fontconfig file maps 仿宋_GB2312 / 方正小标宋简体 / 楷体_GB2312 to Noto Serif CJK SC and
黑体 to Noto Sans CJK SC, so the PDF shows CJK glyphs of the right style even where the official fonts are not
installed (where they are, fontconfig finds them first).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

SERIF, SANS = 'Noto Serif CJK SC', 'Noto Sans CJK SC'
ALIASES = {'方正小标宋简体': SERIF, '仿宋_GB2312': SERIF, '仿宋': SERIF, '楷体_GB2312': SERIF, '楷体': SERIF,
           '宋体': SERIF, '黑体': SANS, 'SimHei': SANS}
TIMEOUT_SECONDS = 180
_lock = threading.Lock()


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed or the conversion failed; the message says what to do, in Chinese."""


def soffice() -> str | None:
    return shutil.which('soffice') or shutil.which('libreoffice')


def _workdir() -> Path:
    base = Path(tempfile.gettempdir()) / f'fazhi-soffice-{os.getuid()}-{os.getpid()}'
    base.mkdir(parents=True, exist_ok=True)
    fonts = base / 'fonts.conf'
    if not fonts.exists():
        aliases = '\n'.join(f'  <alias binding="same"><family>{name}</family><prefer><family>{target}</family>'
                            f'</prefer></alias>' for name, target in ALIASES.items())
        fonts.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                         '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                         f'{aliases}\n</fontconfig>\n', encoding='utf-8')
    return base


def convert(docx: bytes, name: str = 'report') -> bytes:
    """The PDF of a DOCX document."""
    program = soffice()
    if program is None:
        raise PdfUnavailable('未安装 LibreOffice（soffice），无法生成 PDF：请安装 libreoffice-writer-nogui 后重新生成。')
    base = _workdir()
    with _lock, tempfile.TemporaryDirectory(dir=base) as tmp:
        source = Path(tmp) / f'{name}.docx'
        source.write_bytes(docx)
        env = {**os.environ, 'FONTCONFIG_FILE': str(base / 'fonts.conf'), 'HOME': str(base), 'SAL_USE_VCLPLUGIN': 'svp'}
        command = [program, f'-env:UserInstallation=file://{base / "profile"}', '--headless', '--norestore',
                   '--nologo', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', tmp, str(source)]
        try:
            done = subprocess.run(command, env=env, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(f'LibreOffice 转换超时（{TIMEOUT_SECONDS} 秒），请稍后重新生成。')
        target = Path(tmp) / f'{name}.pdf'
        if not target.exists():
            detail = (done.stderr or done.stdout).decode('utf-8', 'replace').strip()[-300:]
            raise PdfUnavailable(f'LibreOffice 未能生成 PDF（退出码 {done.returncode}）：{detail}')
        return target.read_bytes()


def outline(pdf: bytes) -> list[tuple[str, int]]:
    """The PDF's bookmarks (LibreOffice writes one per heading), flattened in order: (title, page index)."""
    import io

    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(pdf))
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((str(item.title), reader.get_destination_page_number(item)))
    walk(reader.outline)
    return found


def page_count(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(pdf)).pages)
