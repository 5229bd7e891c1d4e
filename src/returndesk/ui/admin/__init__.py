"""Behind the admin PIN: Settings, Support, the PIN prompt and guard, kiosk mode."""
