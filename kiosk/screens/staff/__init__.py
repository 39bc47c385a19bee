"""Staff mode: the volunteers' desk (printing, the call list, the directory's health)."""
