"""Reports for people: anonymous usage figures and the stale-entries call list."""
