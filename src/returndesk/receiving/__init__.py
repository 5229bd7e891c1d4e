"""Qt-free services behind the receiving screens: find a parcel's return, submit the result."""
