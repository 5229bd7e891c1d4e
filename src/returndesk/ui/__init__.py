"""The Qt adapter: widgets and models that show the core's state. No HTTP, SQL or rules here."""

from returndesk.ui.common.binding_guard import make_singletons_immortal

# before any widget exists: see binding_guard for the Qt binding's reference leak
make_singletons_immortal()
