"""Qt item models over the app services' plain records."""
