"""Sentences the Qt-free core writes for the operator, kept translatable.

The core cannot call Qt's translator, and most of its sentences quote a value (the scanned
code, a length), so a finished English string could not be looked up in a translation file.
A :class:`Say` is that finished English string (logs, the command line and tests use it as
one) which also keeps its template and values: the UI looks the template up in the station's
language and fills in the same values (``returndesk.ui.common.i18n.say``).

``packaging/dev/translations.py`` finds every ``Say("…")`` template in the code and puts it
into the translation files under the context ``core``; a test checks each has a translation.
"""

from __future__ import annotations

from typing import Any

#: the translation context of every core sentence
CONTEXT = "core"


class Say(str):
    """``Say("{code}: the check digit is wrong.", code=text)`` is that sentence, filled in."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Say:
        text = super().__new__(cls, template.format(**values))
        text.template = template
        text.values = values
        return text

    def __str__(self) -> str:
        # str(exc) of an exception raised with a Say gives the Say itself, template and all
        # (str's own __str__ would hand back a plain copy)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Say:
    return Say(template, **values)
