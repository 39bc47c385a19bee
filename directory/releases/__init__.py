"""Signed directory releases: publishing one, and syncing a site to it."""
