"""The imports the GUI offers, each an ``app.services.import_spec.ImportSpec`` for the wizard."""
