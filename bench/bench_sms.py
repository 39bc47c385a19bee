"""SMS line under load: texts per second on one core, and the p99 latency, on the 100k directory.

Pre-generated, correctly signed requests (distinct MessageSids and senders, a realistic mix with
about 5% misspelt towns) on the 100k-service synthetic directory. The server is pinned to one
core (taskset) and wrk to the other. The bar: at least 500 texts/s with p99 <= 50 ms. The no-op
FastAPI app (hello_fastapi) is measured in the same run, the same way, as the baseline. Also
profiles the request path and reports the share of a 200-message corpus whose replies fit in 1
and 2 segments.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from twilio.request_validator import RequestValidator  # noqa: E402
from warm import read_through  # noqa: E402
from wrk import CLIENT_CORE, SERVER_CORE, measure  # noqa: E402

OUT = ROOT / "bench" / "out"
# Other benchmarks clear bench/out; BENCH_SMS_DB points at a directory built elsewhere.
SYNTH = Path(os.environ.get("BENCH_SMS_DB", OUT / "synth-100k.db"))
HERE = Path(__file__).resolve().parent
# shared/ sits beside the checkout (as on CI); BENCH_SHARED points elsewhere (a worktree).
SHARED = Path(os.environ.get("BENCH_SHARED", ROOT.parent / "shared"))
BASELINE = SHARED / "bench" / "hello_fastapi.py"
# BENCH_SMS_APP="DIR MODULE:FACTORY" serves another checkout's gateway under the same load, so
# that a before/after comparison uses one method (see docs/performance.md).
GATEWAY_APP = os.environ.get("BENCH_SMS_APP", f"{HERE} sms_app:from_environment").split()
TOKEN = "bench-token-0123456789abcdef0123"
HASH_KEY = "bench-hash-key-0123456789abcdef"
PUBLIC = "https://sms.example.org"
REQUESTS = 40_000
DURATION = int(os.environ.get("BENCH_SMS_SECONDS", "10"))
# Enough connections to keep one core busy; more only queue in front of it (closed loop: the
# p99 then grows with the connections, whatever the line's speed).
CONNECTIONS = 8
TARGET_RATE = 500  # texts/s on one core
TARGET_P99_MS = 50.0
OUTCODES = ["BN7", "BN1", "SW1A", "M1", "LS1", "B1", "CF10", "NE1", "L1", "BS1", "NG1", "EH1"]
KEYWORDS = [
    "HOUSING",
    "VISITS",
    "MONEY",
    "TRAVEL",
    "vivienda",
    "VISITA",
    "ΣΤΕΓΑΣΗ",
    "locuință",
    "CHILDREN",
    "emotional",
    "FOOD",
    "LEGAL",
    "wohnung",
    "habitação",
]
OTHERS = ["HMP Lewes", "Lewes", "hello", "MENU", "help me please", "Brighton", "I can't cope"]
# Towns as people misspell them: each costs the line a fuzzy gazetteer lookup.
MISSPELT = [
    "Brightn",
    "Lewse",
    "Manchster",
    "Birmingam",
    "Livrpool",
    "Cardif",
    "Notingham",
    "Leedz",
]


def message_mix(rng: random.Random, n: int) -> list[str]:
    """A realistic mix: mostly keyword + place (5% a misspelt town), then MORE, numbers, partial
    and odd texts."""
    out = []
    for _ in range(n):
        roll = rng.random()
        kw, oc = rng.choice(KEYWORDS), rng.choice(OUTCODES)
        if roll < 0.05:
            out.append(f"{kw} {rng.choice(MISSPELT)}")
        elif roll < 0.55:
            out.append(f"{kw} {oc}" if rng.random() < 0.7 else f"{oc.lower()} {kw.lower()}")
        elif roll < 0.65:
            out.append(
                f"{kw} {oc} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            )
        elif roll < 0.75:
            out.append("MORE")
        elif roll < 0.80:
            out.append(str(rng.randint(1, 3)))
        elif roll < 0.88:
            out.append(kw)
        else:
            out.append(rng.choice(OTHERS))
    return out


def signed_requests(n: int) -> list[tuple[str, str]]:
    """(body, signature) pairs, each with its own MessageSid; 8 texts per sender at most."""
    rng = random.Random(42)
    validator = RequestValidator(TOKEN)
    out = []
    for i, text in enumerate(message_mix(rng, n)):
        sid = f"SM{i:032x}"
        form = {
            "ToCountry": "GB",
            "ToState": "",
            "SmsMessageSid": sid,
            "NumMedia": "0",
            "ToCity": "",
            "FromZip": "",
            "SmsSid": sid,
            "FromState": "",
            "SmsStatus": "received",
            "FromCity": "",
            "Body": text,
            "FromCountry": "GB",
            "To": "+447700900999",
            "MessagingServiceSid": "MG" + "0" * 32,
            "ToZip": "",
            "NumSegments": "1",
            "MessageSid": sid,
            "AccountSid": "AC" + "0" * 32,
            "From": f"+4477009{i // 6:05d}",
            "ApiVersion": "2010-04-01",
        }
        out.append((urlencode(form), validator.compute_signature(f"{PUBLIC}/sms", form)))
    return out


def lua_script(path: Path, requests: list[tuple[str, str]]) -> None:
    """A wrk script that sends each pre-signed request once, in order."""

    def q(s: str) -> str:
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"

    with path.open("w") as fh:
        fh.write("local r = {\n")
        for body, sig in requests:
            fh.write(f"{{{q(body)},{q(sig)}}},\n")
        fh.write("}\nlocal i = 0\n")
        fh.write(
            "request = function()\n  i = i + 1\n  local e = r[(i - 1) % #r + 1]\n"
            '  return wrk.format("POST", "/sms", {["Content-Type"] = '
            '"application/x-www-form-urlencoded", ["X-Twilio-Signature"] = e[2]}, e[1])\nend\n'
        )


def ensure_synth() -> Path:
    if not SYNTH.is_file():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "synth.py"),
                "--services",
                "100000",
                "--db",
                str(SYNTH),
            ],
            check=True,
            cwd=ROOT,
        )
    return SYNTH


def profile(db_path: Path, state: Path) -> None:
    """Cost of each step of the request path, in-process, then a cProfile of the whole mix."""
    import cProfile
    import io
    import pstats

    from directory import open_content
    from directory.db.connections import connect_state
    from directory.lookup.categories import keyword_index
    from directory.lookup.places import resolve_place
    from directory.lookup.search import search_services
    from sms_gateway.dialogue import Inbound
    from sms_gateway.gsm import count_segments
    from sms_gateway.parser import parse
    from sms_gateway.settings import GatewaySettings
    from sms_gateway.twiml import twiml
    from sms_gateway.web.gateway import Gateway
    from sms_gateway.web.signature import FormFields

    settings = GatewaySettings(
        twilio_auth_token=TOKEN, hash_key=HASH_KEY, public_url=PUBLIC, db=db_path, state_db=state
    )
    gateway = Gateway(settings)
    gateway.prepare()
    reqs = signed_requests(4000)
    body, sig = reqs[0]
    pairs = parse_qsl(body, keep_blank_values=True)
    fields = FormFields(pairs)
    db = open_content(db_path)
    index = keyword_index(db)
    place = resolve_place(db, "BN7")
    reply = "x" * 250
    n = 2000

    def per(fn: object, count: int = n) -> float:
        return timeit.timeit(fn, number=count) / count * 1e6  # type: ignore[arg-type]

    def parsed(text: str) -> Callable[[], object]:
        return lambda: parse(text, index, lambda t, fz: resolve_place(db, t, fuzzy=fz), "GB")

    def connect_close() -> None:
        connect_state(state).close()

    def search() -> object:
        return search_services(
            db, near=place, category="housing", language="en", limit=4, national_limit=3
        )

    rows = [
        ("form parsing (parse_qsl, 20 fields)", per(lambda: parse_qsl(body, True))),
        ("signature (compute once + compare)", per(lambda: gateway.checker.valid(fields, sig))),
        (
            "RequestValidator.validate (for comparison)",
            per(lambda: RequestValidator(TOKEN).validate(f"{PUBLIC}/sms", dict(pairs), sig)),
        ),
        ("parse 'HOUSING BN7' (keyword + outcode)", per(parsed("HOUSING BN7"))),
        ("parse 'I can't cope' (no fuzzy lookup)", per(parsed("I can't cope"), 500)),
        ("parse 'HOUSING Brightn' (one fuzzy lookup)", per(parsed("HOUSING Brightn"), 20)),
        ("search housing near BN7 (4 + 3 national)", per(search, 500)),
        ("state connection open + close", per(connect_close, 500)),
        ("segment count (250 chars)", per(lambda: count_segments(reply))),
        ("TwiML document", per(lambda: twiml(reply))),
    ]
    msgs = [dict(parse_qsl(b, keep_blank_values=True)) for b, _ in reqs[1:]]
    texts = [
        Inbound(message_sid=f["MessageSid"], sender=f["From"], body=f["Body"], from_country="GB")
        for f in msgs
    ]
    for msg in texts[:500]:  # warm the per-file caches, as a running line has them
        gateway.handle(msg)
    timed = texts[500:2000]
    start = time.perf_counter()
    for msg in timed:
        gateway.handle(msg)
    rows.append(
        (
            "whole text: connection, parse, state, search, reply",
            (time.perf_counter() - start) / len(timed) * 1e6,
        )
    )
    start = time.perf_counter()
    for msg in timed[:500]:
        gateway.handle(msg)
    rows.append(("duplicate MessageSid (stored reply)", (time.perf_counter() - start) / 500 * 1e6))
    print("\nRequest path profile (µs per call, in-process):")
    for label, us in rows:
        print(f"  {label:<52} {us:9.1f}")

    profiler = cProfile.Profile()
    profiler.enable()
    for msg in texts[2000:]:
        gateway.handle(msg)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"sms_gateway|directory", 22)
    print(f"\ncProfile of {len(texts) - 2000} texts of the mix (cumulative, our code):")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))
    gateway.close()


def segment_shares(db_path: Path, state: Path) -> None:
    """Share of a 200-message realistic corpus whose replies fit in 1 and in 2 segments."""
    from directory import open_content
    from directory.db.connections import connect_state, open_state
    from sms_gateway.dialogue import Inbound, Line
    from sms_gateway.gsm import count_segments
    from sms_gateway.settings import GatewaySettings

    open_state(state).close()
    settings = GatewaySettings(
        twilio_auth_token=TOKEN, hash_key=HASH_KEY, db=db_path, state_db=state
    )
    line, db, conn = Line(settings), open_content(db_path), connect_state(state)
    rng = random.Random(7)
    corpus = message_mix(rng, 200)
    counts = []
    for i, text in enumerate(corpus):
        out = line.respond(
            conn,
            db,
            Inbound(
                message_sid=f"SMc{i}", sender=f"+44770090{i // 4:04d}", body=text, from_country="GB"
            ),
            time.time(),
        )
        if out.reply:
            counts.append(count_segments(out.reply))
    one = sum(1 for c in counts if c.segments == 1) / len(counts)
    two = sum(1 for c in counts if c.segments <= 2) / len(counts)
    gsm = sum(1 for c in counts if c.encoding == "GSM-7") / len(counts)
    print(
        f"\nSegments over a 200-text corpus ({len(counts)} replies): 1 segment {one:.0%}, "
        f"<= 2 segments {two:.0%}, GSM-7 {gsm:.0%}"
    )
    conn.close()


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is not installed (make system-deps)")
        return 1
    synth = ensure_synth()
    read_through(synth)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        script = work / "signed.lua"
        lua_script(script, signed_requests(REQUESTS))
        env = dict(
            os.environ,
            WAYPOST_TWILIO_AUTH_TOKEN=TOKEN,
            WAYPOST_HASH_KEY=HASH_KEY,
            WAYPOST_PUBLIC_URL=PUBLIC,
            WAYPOST_DB=str(synth),
            WAYPOST_STATE_DB=str(work / "state.db"),
            PYTHONPATH=str(ROOT),
        )
        results = {}
        for name, spec in (
            ("baseline", ["--app-dir", str(BASELINE.parent), "hello_fastapi:app"]),
            ("gateway", ["--factory", "--app-dir", *GATEWAY_APP]),
        ):
            results[name] = measure(
                spec, env, ROOT, script, path="/sms", connections=CONNECTIONS, duration=DURATION
            )
        g = results["gateway"]
        print(
            f"wrk -t1 -c{CONNECTIONS} -d{DURATION}s (core {CLIENT_CORE}), server on core "
            f"{SERVER_CORE}; {REQUESTS} distinct signed requests, ~5% misspelt towns, "
            "100k-service directory"
        )
        for name, r in results.items():
            print(
                f"  {name:<9} {r['rps']:9.0f} texts/s   p50 {r['p50']:7.2f} ms   "
                f"p99 {r['p99']:7.2f} ms   non-2xx {r['errors']:.0f}"
            )
        rate_ok, p99_ok = g["rps"] >= TARGET_RATE, g["p99"] <= TARGET_P99_MS
        print(
            f"  one core: {g['rps']:.0f} texts/s (target >= {TARGET_RATE}): "
            f"{'met' if rate_ok else 'NOT met'}; p99 {g['p99']:.1f} ms "
            f"(target <= {TARGET_P99_MS:.0f} ms): {'met' if p99_ok else 'NOT met'}"
        )
        # BENCH_SMS_PROFILE=0 measures the load alone (e.g. to compare two checkouts).
        if os.environ.get("BENCH_SMS_PROFILE", "1") != "0":
            profile(synth, work / "profile.db")
            segment_shares(synth, work / "corpus.db")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
