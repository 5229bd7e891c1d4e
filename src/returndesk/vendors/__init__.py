"""Qt-free vendor clients: one shared transport and one small module per vendor."""
