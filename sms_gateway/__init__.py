"""The SMS keyword line: a FastAPI webhook for Twilio over the local directory.

The web app is `sms_gateway.web.app.create_app`; nothing is re-exported here, so that the pure parts
(the parser, the reply composer) import without FastAPI.
"""
