"""The browser kiosk's managed policy uses Chromium's real policy names and locks it down
(issue 11, item 6): no DevTools, no file:// or any other URL but the local kiosk page, no
downloads.

Chromium reads managed policies only from /etc/chromium/policies/managed, so a test without
root cannot make the installed browser load this file as a kiosk would. What it can check is
every name against the installed browser itself: Debian's chromium binary holds the table of
the policy names it knows, each NUL-terminated, and a name it does not know (a typo, or a
retired one such as URLBlacklist) is silently ignored by the browser, which would leave the
kiosk open.
"""

from __future__ import annotations

import json
import mmap
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "systemd" / "chromium-kiosk-policy.json"
UNIT = ROOT / "systemd" / "waypost-kiosk-browser.service"
BINARY = Path("/usr/lib/chromium/chromium")  # Debian's chromium (/usr/bin/chromium is a script)


@pytest.fixture(scope="module")
def known_names() -> Iterator[mmap.mmap]:
    if not BINARY.is_file():
        pytest.fail("chromium is missing: run `make system-deps` as root (Debian's chromium).")
    with BINARY.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as m:
        yield m


def _known(names: mmap.mmap, name: str) -> bool:
    return names.find(b"\0" + name.encode() + b"\0") >= 0


def test_the_check_tells_real_policy_names_from_wrong_ones(known_names: mmap.mmap) -> None:
    assert _known(known_names, "URLBlocklist") and _known(known_names, "DownloadRestrictions")
    for wrong in ("URLBlacklist", "URLWhitelist", "DeveloperToolsAvailabilty", "NoSuchPolicy"):
        assert not _known(known_names, wrong), wrong


def test_every_name_in_the_kiosk_policy_is_one_chromium_knows(known_names: mmap.mmap) -> None:
    policy = json.loads(POLICY.read_text(encoding="utf-8"))
    unknown = [name for name in policy if not _known(known_names, name)]
    assert unknown == []


def test_the_policy_allows_only_the_kiosk_page() -> None:
    policy = json.loads(POLICY.read_text(encoding="utf-8"))
    assert policy["DeveloperToolsAvailability"] == 2  # DevTools never
    assert policy["DownloadRestrictions"] == 3  # every download blocked
    assert policy["AllowFileSelectionDialogs"] is False
    # Everything is blocked (file://, chrome://, every site) but the page the unit opens.
    assert policy["URLBlocklist"] == ["*"]
    start = next(line for line in UNIT.read_text().splitlines() if line.startswith("ExecStart="))
    page = re.search(r"(http://127\.0\.0\.1:\d+)/\s*$", start)
    assert page is not None, start
    origin = page.group(1).removeprefix("http://")
    assert sorted(policy["URLAllowlist"]) == [f"http://{origin}", f"ws://{origin}"]
    assert not any(url.startswith("file:") for url in policy["URLAllowlist"])
