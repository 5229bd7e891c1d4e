"""The controllers: each connects one feature's screens to its Qt-free service, on the one
TaskRunner."""
