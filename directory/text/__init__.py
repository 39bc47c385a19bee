"""Text rules every channel shares: folding, opening hours, phone numbers, translations."""
