"""The Qt adapter: widgets and models that show the core's state. No HTTP, SQL or rules here."""
