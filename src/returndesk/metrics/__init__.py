"""The station's health in Prometheus's format: a textfile and/or a /metrics listener."""
