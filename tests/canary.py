"""The canary secret: one value the suite uses as a real credential wherever secrets flow
(environment, keyring, HTTP Basic and Bearer headers, settings saved through the screen).

At the end of the session :func:`scan` looks for it — as written and in the base64 forms an
HTTP Basic header carries — in every file the tests wrote (settings files, logs, SQLite
databases, exports, the members of support bundles) and in every log record of the run,
tracebacks included. One occurrence fails the run. Tests that check masking on purpose plant
other values, so the scan reports only real leaks.
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from returndesk.support.redact import forms_of

CANARY = "rd-canary-3f9c2a7e51b8"
FORMS = [form.encode() for form in forms_of(CANARY)]


class CanaryLogHandler(logging.Handler):
    """Keeps every log record of the run that carries the canary (formatted, with its
    traceback), so the scan can name where it leaked."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.records = 0
        self.hits: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1
        try:
            text = self.format(record)
        except Exception:  # a test's own broken record is not our concern here
            return
        if found_in(text.encode("utf-8", "replace")):
            self.hits.append(text[:300])


def found_in(data: bytes) -> bool:
    return any(form in data for form in FORMS)


def scan(folder: Path) -> tuple[int, list[str]]:
    """Files read under ``folder`` and the places the canary was found."""
    count = 0
    hits: list[str] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        count += 1
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if found_in(data):
            hits.append(str(path))
        if path.suffix == ".zip":
            try:
                with zipfile.ZipFile(path) as bundle:
                    for name in bundle.namelist():
                        if found_in(bundle.read(name)):
                            hits.append(f"{path}!{name}")
            except zipfile.BadZipFile:
                pass
    return count, hits
