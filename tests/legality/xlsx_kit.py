"""Build import files in tests: XLSX (as Excel writes them) and CSV in UTF-8 or GBK."""
from __future__ import annotations

import csv
import io

import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile


def xlsx(rows: list[list[object]], name: str = '台账.xlsx') -> SimpleUploadedFile:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    sheet = book.add_worksheet()
    for i, row in enumerate(rows):
        sheet.write_row(i, 0, row)
    book.close()
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(rows: list[list[object]], encoding: str = 'utf-8', name: str = '台账.csv') -> SimpleUploadedFile:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return SimpleUploadedFile(name, text.getvalue().encode(encoding))
