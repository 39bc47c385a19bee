"""One module per command group of the `waypost` CLI."""
