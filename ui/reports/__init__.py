"""Printing reports: the Qt side (PDF rendering) of the HTML that ``app.reports`` builds."""
