"""`python -m waypost`."""

from waypost.cli import main

main()
