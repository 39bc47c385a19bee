"""The kiosk's widgets, one per module."""
