"""The Items table's columns: their order, titles, widths, and the decision each of the four
decision columns sets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from returndesk.core.return_case import Decision

(
    COL_SKU,
    COL_DESCRIPTION,
    COL_UNITS,
    COL_PRESENT,
    COL_ACCEPTED,
    COL_REJECTED,
    COL_MISSING,
    COL_CONDITION,
    COL_REASON,
    COL_NET,
    COL_TAX,
    COL_GROSS,
    COL_PHOTO,
) = range(13)
COLUMNS = 13
#: the four decision controls of a line, one column each, and the decision each one sets
DECISION_COLUMNS = {
    COL_PRESENT: Decision.PRESENT,
    COL_ACCEPTED: Decision.ACCEPTED,
    COL_REJECTED: Decision.REJECTED,
    COL_MISSING: Decision.MISSING,
}


def headers() -> list[str]:
    """The column titles in the station's language (called once the translation is loaded)."""
    return [
        QCoreApplication.translate("ReturnItemsModel", "SKU"),
        QCoreApplication.translate("ReturnItemsModel", "Description"),
        QCoreApplication.translate("ReturnItemsModel", "Units"),
        QCoreApplication.translate("ReturnItemsModel", "Present"),
        # a verb, as the box in the column does: the shorter word leaves room for the text
        QCoreApplication.translate("ReturnItemsModel", "Accept"),
        QCoreApplication.translate("ReturnItemsModel", "Reject"),
        QCoreApplication.translate("ReturnItemsModel", "Missing"),
        # the item's grade, condition code and where it goes next ("B · USED / → Restock")
        QCoreApplication.translate("ReturnItemsModel", "Condition"),
        QCoreApplication.translate("ReturnItemsModel", "Reason"),
        QCoreApplication.translate("ReturnItemsModel", "Net"),
        QCoreApplication.translate("ReturnItemsModel", "Tax"),
        QCoreApplication.translate("ReturnItemsModel", "Gross"),
        QCoreApplication.translate("ReturnItemsModel", "Photo · AI"),
    ]


#: column widths in pixels at the base font; Description takes what is left
WIDTHS = {
    COL_SKU: 96,
    COL_UNITS: 60,
    COL_PRESENT: 68,
    COL_ACCEPTED: 68,
    COL_REJECTED: 68,
    COL_MISSING: 68,
    COL_CONDITION: 120,
    COL_REASON: 116,
    COL_NET: 92,
    COL_TAX: 80,
    COL_GROSS: 92,
    COL_PHOTO: 92,
}
