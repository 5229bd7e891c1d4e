"""The durable outbox: every submission is in SQLite before the network is touched."""
