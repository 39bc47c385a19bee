"""The SMS keyword line: a FastAPI webhook for Twilio over the local directory."""

from sms_gateway.app import create_app
from sms_gateway.settings import GatewaySettings

__all__ = ["GatewaySettings", "create_app"]
