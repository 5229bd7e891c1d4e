"""What every screen and flow shares: theme, tones, the one background-work primitive,
translations, the header and the banner."""
