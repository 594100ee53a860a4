"""GHL Desktop: messy contact spreadsheets in, a clean GoHighLevel import CSV out."""

__version__ = "0.1.0"
APP_NAME = "GHL Desktop"
ORG_NAME = "GHL Desktop"
