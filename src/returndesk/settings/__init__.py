"""Typed station settings: a TOML file, environment overrides, secrets from the keyring."""
