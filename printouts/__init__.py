"""Printouts: pure PDF builders (reportlab); only printer.py talks to CUPS."""
