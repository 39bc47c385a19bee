"""Building a content database from the data/ folder, and reading one back."""
