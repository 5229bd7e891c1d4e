"""The photo dialog and WM Tech's advice panel."""
