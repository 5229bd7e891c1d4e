"""Qt-free: the local cache of expected returns, usable while the network is down."""
