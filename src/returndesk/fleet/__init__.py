"""The optional fleet database many stations share (PostgreSQL): see packaging/fleet."""
