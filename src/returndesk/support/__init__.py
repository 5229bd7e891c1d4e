"""Qt-free support tooling: log files, secret redaction, the support bundle for IT."""
