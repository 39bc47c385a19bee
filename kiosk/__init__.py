"""The touchscreen kiosk (Textual)."""
