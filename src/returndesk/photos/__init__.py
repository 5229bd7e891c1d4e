"""Photo evidence without Qt: preparing photos, keeping them, publishing them for WM Tech."""
