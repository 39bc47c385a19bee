"""Reading the directory: places, categories and keywords, search, service details."""
