"""Reason and condition code lists as CSV, for the spreadsheet a returns manager keeps.

One code a row in the first column; a header row named ``code`` and further columns (a
description, say) are allowed and ignored on import. Export writes ``code`` and the codes.
"""

from __future__ import annotations

import csv
import io

from pydantic import ValidationError

from returndesk.settings.model import CodeLists

MAX_ROWS = 500


class CodeCsvError(ValueError):
    pass


def read_codes(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    codes: list[str] = []
    for number, row in enumerate(rows, start=1):
        first = row[0].strip() if row else ""
        if not first or (number == 1 and first.lower() == "code"):
            continue
        if len(first) > 64 or any(ch in first for ch in "\r\n\t"):
            raise CodeCsvError(
                f"row {number}: {first[:40]!r} is not a code (64 characters at most)"
            )
        if first not in codes:
            if len(codes) == MAX_ROWS:
                raise CodeCsvError(f"more than {MAX_ROWS} codes: is this the right file?")
            codes.append(first)
    if not codes:
        raise CodeCsvError("no codes found: the first column holds one code a row")
    try:  # the same rules as the settings themselves
        CodeLists(reasons=codes)
    except ValidationError as exc:
        raise CodeCsvError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
    return codes


def write_codes(codes: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code"])
    writer.writerows([code] for code in codes)
    return out.getvalue()
