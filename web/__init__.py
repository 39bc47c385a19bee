"""The phone pages: the directory as small, fast, private web pages (FastAPI + Jinja2).

A front end like the kiosk and the SMS line: it reads the content database, renders pages in
the family's language, and never imports the other front ends.
"""
