"""The station's screens and their models: widgets that show state and emit the operator's
intent."""
