"""Installing Waypost on a kiosk or gateway machine: the plan of folders, files and commands.

`plan()` is pure: it renders the templates in systemd/ into a list of files, folders and
commands, which installer.py describes or carries out. Files that hold an operator's choices or
secrets (waypost.toml, credentials, the directory) are marked to be written only when missing,
so running the installer again changes nothing else and never loses an edit.
"""

from __future__ import annotations

import json
import secrets
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from directory.releases.publish import ReleaseError, load_public_key
from directory.releases.trust import UntrustedSource, check_network_url

ROLES = ("kiosk", "gateway")
VARIANTS = ("terminal", "browser")
CONFIG = "/etc/waypost/waypost.toml"
UNIT_DIR = "/etc/systemd/system"
CREDENTIALS = "/etc/waypost/credentials"
TIMER_UNITS = [
    "waypost-sync.service",
    "waypost-sync.timer",
    "waypost-backup.service",
    "waypost-backup.timer",
    "waypost-stale.service",
    "waypost-stale.timer",
]
UNITS = {
    "gateway": [
        "waypost-sms.service",
        "waypost-sms-health.service",
        "waypost-sms-health.timer",
        "waypost-sms-restart.service",
        "waypost-web.service",
        *TIMER_UNITS,
    ],
    "kiosk": [
        "waypost-kiosk.service",
        "waypost-kiosk-web.service",
        "waypost-kiosk-browser.service",
        "waypost-outbox.service",
        "waypost-outbox-expire.service",
        "waypost-outbox-expire.timer",
        *TIMER_UNITS,
    ],
}
# Where the directory lives: DynamicUser state sits under /var/lib/private (systemd links
# /var/lib/waypost to it); on a kiosk the static "waypost" user owns /var/lib/waypost.
STATE_DIR = {"gateway": "/var/lib/private/waypost", "kiosk": "/var/lib/waypost"}
# Chromium (Debian) reads managed policies from here: the browser kiosk may show only the local
# kiosk page, with no DevTools, downloads, file:// pages or file dialogs.
CHROMIUM_POLICY = "/etc/chromium/policies/managed/waypost-kiosk.json"
# The gateway refuses to start with this placeholder, naming the problem.
PLACEHOLDER_TOKEN = "changeme"  # noqa: S105


class InstallError(Exception):
    """The installer cannot go on; the text says what to do."""


@dataclass(frozen=True)
class InstallOptions:
    """What the operator asked for on the command line."""

    role: str
    source: Path
    prefix: Path = Path("/opt/waypost")
    public_url: str | None = None
    sync_url: str | None = None
    release_public_key: str | None = None
    centre_name: str = ""
    centre_prison: str = ""
    variant: str = "terminal"
    send_texts: bool = False
    seed_db: Path | None = None
    make_venv: bool = True

    @property
    def venv(self) -> Path:
        """The virtualenv the units run `waypost` from."""
        return self.prefix / "venv"


@dataclass(frozen=True)
class FileItem:
    """A file to write: absolute target path, content (or a source to copy/build), mode."""

    path: str
    mode: int
    content: bytes | None = None
    copy_from: Path | None = None
    build_from: Path | None = None
    keep_existing: bool = False


@dataclass(frozen=True)
class Command:
    """A command to run; `live_only` ones are skipped when installing into another root."""

    argv: list[str]
    live_only: bool = True
    unless_exists: str | None = None  # skip when this path exists under the root
    unless_user: str | None = None  # skip when this user already exists


@dataclass
class Plan:
    """Everything an install does, in order: folders, files, then commands."""

    dirs: list[tuple[str, int]] = field(default_factory=list)
    files: list[FileItem] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)


def find_source(start: Path | None = None) -> Path:
    """The Waypost checkout holding systemd/ and pyproject.toml (default: this package's)."""
    candidate = start or Path(__file__).resolve().parent.parent
    if not (candidate / "systemd" / "waypost-sms.service").is_file():
        raise InstallError(
            f"No Waypost checkout at {candidate} (systemd/ is missing); run the installer from"
            " a checkout or give --source."
        )
    return candidate


def public_host(url: str) -> str:
    """The host name of an https:// public URL with no path (what the proxy serves)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/"):
        raise InstallError(
            f"The public URL must look like https://sms.example.org (no path), not {url!r}."
        )
    if parts.query or parts.fragment or parts.username:
        raise InstallError(f"The public URL must not have a query or user part: {url!r}.")
    return parts.netloc


def render(text: str, values: dict[str, str]) -> str:
    """Fill @NAME@ placeholders; a placeholder left unfilled is a bug in the plan."""
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    if "@" in text and any(f"@{k}@" in text for k in _KNOWN_PLACEHOLDERS):
        raise InstallError("A template placeholder was left unfilled.")
    return text


_KNOWN_PLACEHOLDERS = (
    "VENV",
    "CONFIG",
    "PUBLIC_URL",
    "PUBLIC_HOST",
    "PUBLIC_URL_LINE",
    "SYNC_URL",
    "RELEASE_KEY_LINE",
    "CENTRE_NAME",
    "CENTRE_PRISON",
    "TEXTING_LINE",
    "KIOSK_CREDENTIALS",
)


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def check_release_source(sync_url: str, public_key: str | None, where: str) -> None:
    """A site that syncs fetches over https and checks the publisher's signature."""
    try:
        check_network_url(sync_url)
    except UntrustedSource as exc:
        raise InstallError(f"The sync URL: {exc}") from None
    if not public_key:
        raise InstallError(
            f"A site that syncs must check who made each release: {where} the publisher's"
            " release_public_key (from `waypost release-key`)."
        )
    try:
        load_public_key(public_key)
    except ReleaseError as exc:
        raise InstallError(str(exc)) from None


def effective_config(root: Path, rendered: str) -> dict[str, object]:
    """The config the machine will have: the existing file if there is one, else the new one."""
    existing = root / CONFIG.lstrip("/")
    text = existing.read_text(encoding="utf-8") if existing.is_file() else rendered
    return tomllib.loads(text)


def _template(source: Path, name: str) -> str:
    return (source / "systemd" / name).read_text(encoding="utf-8")


def plan(options: InstallOptions, root: Path = Path("/")) -> Plan:
    """Work out every folder, file and command for this role (nothing is touched)."""
    if options.role not in ROLES:
        raise InstallError(f"--role must be one of {', '.join(ROLES)}.")
    if options.variant not in VARIANTS:
        raise InstallError(f"--variant must be one of {', '.join(VARIANTS)}.")
    source = options.source
    gateway = options.role == "gateway"
    if options.public_url:
        public_host(options.public_url)
    if options.sync_url:
        check_release_source(
            options.sync_url, options.release_public_key, "give --release-public-key,"
        )
    values = {
        "VENV": str(options.venv),
        "CONFIG": CONFIG,
        # The kiosk process gets the hash key only where it queues texts; no other secret ever.
        "KIOSK_CREDENTIALS": (
            "LoadCredential=hash_key:/etc/waypost/credentials/hash_key"
            if options.send_texts
            else "# No credentials: texting is off (`waypost install --send-texts` turns it on)."
        ),
    }
    public_line = (
        f"public_url = {_toml_string(options.public_url)}"
        if options.public_url
        else '# public_url = "https://sms.example.org"'
    )
    config_text = render(
        _template(source, "waypost.toml.example"),
        {
            "CENTRE_NAME": options.centre_name.replace('"', "'"),
            "CENTRE_PRISON": options.centre_prison.replace('"', "'"),
            "PUBLIC_URL_LINE": public_line,
            "SYNC_URL": (options.sync_url or "").replace('"', "%22"),
            "TEXTING_LINE": (
                "texting = true"
                if options.send_texts
                else "# texting = true  (only where the outbox sender runs: install --send-texts)"
            ),
            "RELEASE_KEY_LINE": (
                f"release_public_key = {_toml_string(options.release_public_key)}"
                if options.release_public_key
                else '# release_public_key = ""'
            ),
        },
    )
    config = effective_config(root, config_text)
    sms = config.get("sms") if isinstance(config.get("sms"), dict) else {}
    release = config.get("release") if isinstance(config.get("release"), dict) else {}
    public_url = str(sms.get("public_url", "")) if isinstance(sms, dict) else ""
    sync_url = str(release.get("sync_url", "")) if isinstance(release, dict) else ""
    if sync_url:
        # An existing waypost.toml is kept as it is: it must name the key itself.
        key = release.get("release_public_key") if isinstance(release, dict) else None
        check_release_source(sync_url, str(key) if key else None, f"add to [release] in {CONFIG}")
    if gateway and not public_url:
        raise InstallError(
            "A gateway needs its public address: give --public-url https://sms.example.org."
        )

    result = Plan()
    state = STATE_DIR[options.role]
    result.dirs += [("/etc/waypost", 0o755), (CREDENTIALS, 0o700)]
    if gateway:
        result.dirs += [("/var/lib/private", 0o700), (state, 0o750), (f"{state}/content", 0o750)]
    else:
        result.dirs += [(state, 0o2770), (f"{state}/content", 0o2770)]

    for name in UNITS[options.role]:
        text = render(_template(source, name), values)
        result.files.append(FileItem(f"{UNIT_DIR}/{name}", 0o644, text.encode()))
    result.files.append(FileItem(CONFIG, 0o644, config_text.encode(), keep_existing=True))
    result.files.append(
        FileItem(
            f"{CREDENTIALS}/hash_key", 0o600, secrets.token_urlsafe(48).encode(), keep_existing=True
        )
    )
    if gateway or options.send_texts:
        result.files.append(
            FileItem(
                f"{CREDENTIALS}/twilio_auth_token",
                0o600,
                PLACEHOLDER_TOKEN.encode(),
                keep_existing=True,
            )
        )
    db_target = f"{state}/content/directory.db"
    data = source / "data"
    if options.seed_db is not None:
        result.files.append(
            FileItem(db_target, 0o644, copy_from=options.seed_db, keep_existing=True)
        )
    elif (data / "services.csv").is_file():
        result.files.append(FileItem(db_target, 0o644, build_from=data, keep_existing=True))

    if gateway:
        host = public_host(public_url)
        proxy = {"PUBLIC_URL": public_url.rstrip("/"), "PUBLIC_HOST": host}
        for template, target in (
            ("Caddyfile.example", "/etc/waypost/caddy/waypost.caddy"),
            ("nginx-waypost.conf.example", "/etc/waypost/nginx/waypost.conf"),
        ):
            text = render(_template(source, template), proxy)
            result.files.append(FileItem(target, 0o644, text.encode()))
        result.enable = ["waypost-sms.service", "waypost-sms-health.timer", "waypost-web.service"]
    else:
        dropin = _template(source, "waypost-kiosk-role.conf").encode()
        for unit in ("waypost-sync", "waypost-backup", "waypost-stale"):
            path = f"{UNIT_DIR}/{unit}.service.d/10-kiosk-role.conf"
            result.files.append(FileItem(path, 0o644, dropin))
        for template, target, mode in (
            ("foot.ini", "/etc/waypost/foot.ini", 0o644),
            ("90-waypost-kiosk.sysctl.conf", "/etc/sysctl.d/90-waypost-kiosk.conf", 0o644),
            (
                "90-waypost-kiosk.system.conf",
                "/etc/systemd/system.conf.d/90-waypost-kiosk.conf",
                0o644,
            ),
        ):
            result.files.append(FileItem(target, mode, _template(source, template).encode()))
        result.files.append(
            FileItem(
                "/etc/pam.d/cage", 0o644, _template(source, "pam-cage").encode(), keep_existing=True
            )
        )
        if options.variant == "browser":
            policy = _template(source, "chromium-kiosk-policy.json").encode()
            result.files.append(FileItem(CHROMIUM_POLICY, 0o644, policy))
            result.enable = ["waypost-kiosk-web.service", "waypost-kiosk-browser.service"]
        else:
            result.enable = ["waypost-kiosk.service"]
        if options.send_texts:
            result.enable.append("waypost-outbox.service")
        # Whether or not texts are sent, no queued number outlives outbox_max_age_seconds.
        result.enable.append("waypost-outbox-expire.timer")
    result.enable += ["waypost-backup.timer", "waypost-stale.timer"]
    if sync_url:
        result.enable.append("waypost-sync.timer")

    result.commands = _commands(options, result.enable, root)
    return result


def _commands(options: InstallOptions, enable: list[str], root: Path) -> list[Command]:
    commands: list[Command] = []
    nologin = "/usr/sbin/nologin"
    if options.role == "kiosk":
        commands += [
            # Read-aloud speaks through espeak-ng, Debian's offline voices for all eight languages.
            Command(
                ["apt-get", "install", "-y", "--no-install-recommends", "espeak-ng"],
                unless_exists="/usr/bin/espeak-ng",
            ),
            Command(
                [
                    "useradd",
                    "--system",
                    "--user-group",
                    "--home-dir",
                    "/var/lib/waypost",
                    "--no-create-home",
                    "--shell",
                    nologin,
                    "waypost",
                ],
                unless_user="waypost",
            ),
            Command(
                [
                    "useradd",
                    "--system",
                    "--create-home",
                    "--home-dir",
                    "/home/kiosk",
                    "--gid",
                    "waypost",
                    "--shell",
                    nologin,
                    "kiosk",
                ],
                unless_user="kiosk",
            ),
            Command(["chown", "-R", "waypost:waypost", STATE_DIR["kiosk"]]),
            Command(["chmod", "2770", STATE_DIR["kiosk"], f"{STATE_DIR['kiosk']}/content"]),
        ]
    if options.make_venv:
        venv = str(options.venv)
        commands += [
            Command(["python3", "-m", "venv", venv], unless_exists=f"{venv}/bin/python"),
            Command(
                [
                    f"{venv}/bin/pip",
                    "install",
                    "--quiet",
                    "-c",
                    str(options.source / "constraints.txt"),
                    str(options.source),
                ]
            ),
        ]
    live = root == Path("/")
    systemctl = ["systemctl"] if live else ["systemctl", f"--root={root}"]
    commands.append(Command(["systemctl", "daemon-reload"]))
    if options.role == "kiosk":
        commands += [
            Command([*systemctl, "mask", "ctrl-alt-del.target"], live_only=False),
            Command([*systemctl, "set-default", "graphical.target"], live_only=False),
            Command(["sysctl", "--load=/etc/sysctl.d/90-waypost-kiosk.conf"]),
        ]
    commands.append(Command([*systemctl, "enable", *enable], live_only=False))
    commands.append(Command(["systemctl", "restart", *enable]))
    return commands
