"""ReturnDesk: the application of a warehouse return-receiving station."""

__version__ = "0.1.0"
