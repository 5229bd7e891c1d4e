"""Licence-plate labels: what each label says, its ZPL, and the printers it goes to.

Qt-free. A label job travels through the outbox's printer lane (durable, printed once); the
PDF drawing of a label lives with the UI (``ui.common.label_drawing``), which hands the PDF
printer its renderer.
"""
