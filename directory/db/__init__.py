"""Connections to the content and state databases, and their schema migrations."""
