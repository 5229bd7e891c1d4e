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
    COL_ROUTE,
    COL_CONDITION,
    COL_REASON,
    COL_NET,
    COL_TAX,
    COL_GROSS,
    COL_PHOTO,
) = range(14)
COLUMNS = 14
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
        # the item's grade and where it goes next: the cells read "B → Restock"
        QCoreApplication.translate("ReturnItemsModel", "Grade"),
        QCoreApplication.translate("ReturnItemsModel", "Condition"),
        QCoreApplication.translate("ReturnItemsModel", "Reason"),
        QCoreApplication.translate("ReturnItemsModel", "Net"),
        QCoreApplication.translate("ReturnItemsModel", "Tax"),
        QCoreApplication.translate("ReturnItemsModel", "Gross"),
        QCoreApplication.translate("ReturnItemsModel", "Photo · AI"),
    ]


#: column widths in pixels at the base font; Description takes what is left
WIDTHS = {
    COL_SKU: 80,
    COL_UNITS: 56,
    COL_PRESENT: 60,
    COL_ACCEPTED: 60,
    COL_REJECTED: 60,
    COL_MISSING: 60,
    COL_ROUTE: 96,
    COL_CONDITION: 88,
    COL_REASON: 92,
    COL_NET: 80,
    COL_TAX: 60,
    COL_GROSS: 80,
    COL_PHOTO: 84,
}
