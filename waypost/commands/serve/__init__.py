"""Commands that run a front end or talk to a running one: kiosk, kiosk-web, sms, web, say,
health."""
