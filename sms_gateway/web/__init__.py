"""The line on the web: the FastAPI app, its one webhook route and health check, the Twilio
signature check, and what a running line holds (directory, state pool, worker thread)."""
