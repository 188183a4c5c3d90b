"""Baosong (报送): the Qt-free core. Name and version live here, once, for the package metadata,
the About box, ``--version`` and the PyInstaller spec."""

__version__ = "0.1.0"
APP_NAME = "Baosong"
APP_NAME_ZH = "报送"
APP_ID = "baosong"
ORGANIZATION = "Baosong"
