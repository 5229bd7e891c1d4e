"""A label as ZPL II, built with the ``zpl`` library, for Zebra-compatible printers.

The layout is drawn for 4 x 2 inch stock (102 x 51 mm) and scaled to the configured size. All
text goes through :func:`field_text`: ZPL takes ``^`` and ``~`` in data as commands, so every
text field is hex-escaped (``^FH``) and the label is UTF-8 (``^CI28``), which also prints
"Å" and "ß" as themselves. The same layout, drawn with Qt for PDF and the preview, is in
``ui.common.label_drawing``; both place the same fields in the same boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

import zpl

from returndesk.labels.content import LabelData

#: the stock the layout below is measured on, in millimetres
BASE_WIDTH_MM = 102
BASE_HEIGHT_MM = 51


@dataclass(frozen=True, slots=True)
class Stock:
    width_mm: int = BASE_WIDTH_MM
    height_mm: int = BASE_HEIGHT_MM
    dpi: int = 203

    @property
    def dpmm(self) -> float:
        return self.dpi / 25.4


@dataclass(frozen=True, slots=True)
class Box:
    """One field's place on 102 x 51 mm stock: left, top, width, text height (mm)."""

    x: float
    y: float
    width: float
    height: float


#: 4 x 2 inch stock at 203 dpi, the usual desktop label printer's
DEFAULT_STOCK = Stock()

#: where each field of a label goes (shared with the Qt drawing)
ITEM_LAYOUT = {
    "title": Box(3, 3, 74, 10),
    "grade": Box(81, 3, 18, 14),
    "destination": Box(3, 15, 74, 7),
    "barcode": Box(3, 24, 70, 11),
    "line1": Box(3, 40, 96, 4),
    "line2": Box(3, 45.5, 96, 3.5),
}
RETURN_LAYOUT = {
    "caption": Box(3, 3, 96, 4),
    "title": Box(3, 8.5, 96, 9),
    "barcode": Box(3, 21, 70, 13),
    "line1": Box(3, 40, 96, 4),
    "line2": Box(3, 45.5, 96, 3.5),
}


def field_text(text: str) -> str:
    """``text`` as ZPL field data under ``^FH``: ``_``, ``^``, ``~``, control and non-ASCII
    characters as ``_XX`` (their UTF-8 bytes), everything else as itself."""
    out = []
    for char in text:
        if char in "_^~\\" or not 0x20 <= ord(char) <= 0x7E:
            out += [f"_{byte:02X}" for byte in char.encode("utf-8")]
        else:
            out.append(char)
    return "".join(out)


def lines_of(label: LabelData) -> dict[str, str]:
    """The text of each field (the same words on every printer)."""
    mark = "REPRINT · " if label.reprint else ""
    when = f"{label.station} · {label.received_local()}"
    if label.kind == "return":
        return {
            "caption": "RMA PLATE" + (" · REPRINT" if label.reprint else ""),
            "title": label.title,
            "line1": f"{label.items} item plate(s) · return {label.return_id}",
            "line2": when,
        }
    return {
        "title": label.title,
        "grade": label.grade or "–",
        # plain words: a printer's built-in font has no arrows
        "destination": f"TO {label.destination}" if label.destination else "",
        "line1": " · ".join(
            part for part in (label.rma_number or label.return_id, label.sku, label.unit) if part
        ),
        "line2": f"{mark}{label.description[:32]} · {when}".strip(" ·"),
    }


def label_zpl(label: LabelData, stock: Stock = DEFAULT_STOCK) -> bytes:
    """One label as ZPL II, ready for a raw port or queue."""
    sx = stock.width_mm / BASE_WIDTH_MM
    sy = stock.height_mm / BASE_HEIGHT_MM
    page = zpl.Label(stock.height_mm, stock.width_mm, stock.dpmm)
    page.zpl_raw("^CI28")  # UTF-8 field data
    layout = RETURN_LAYOUT if label.kind == "return" else ITEM_LAYOUT
    for name, text in lines_of(label).items():
        if not text:
            continue
        box = layout[name]
        page.origin(box.x * sx, box.y * sy)
        if name == "grade":
            page.draw_box(box.width * sx, box.width * sy, thickness=0.6)
            page.endorigin()
            page.origin(box.x * sx, (box.y + 2) * sy)
        page.zpl_raw("^FH")
        height = box.height * sy
        justify = "C" if name == "grade" else "L"
        page.write_text(
            field_text(text),
            char_height=height,
            char_width=height * 0.8,
            line_width=box.width * sx,
            justification=justify,
        )
        page.endorigin()
    bar = layout["barcode"]
    page.origin(bar.x * sx, bar.y * sy)
    # a module of 3 dots at 203 dpi (0.375 mm): read from arm's length, 12 characters fit
    page.zpl_raw(f"^BY{max(2, round(0.375 * stock.dpmm))}")
    page.barcode("C", label.plate_id, height=round(bar.height * sy * stock.dpmm))
    page.endorigin()
    code: str = page.dumpZPL()
    return code.encode("ascii")
