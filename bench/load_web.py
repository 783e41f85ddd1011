"""Load test for POST /api/v1/check: N concurrent clients for D seconds on loopback.

Starts ``heard serve`` in a subprocess on a fresh database (SQLite file, or PostgreSQL from
--db / HEARD_TEST_POSTGRES_URL), warms it up, then runs closed-loop clients (each sends its
next request when the previous answer arrives) and records every latency and every error.
Results are merged into bench/results/web_load.json under the backend's name.

    python bench/load_web.py --backend sqlite
    python bench/load_web.py --backend postgres --db postgresql://heard_test:...@127.0.0.1/heard_test

Bounded: at most 100 clients and 300 seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "web_load.json"
TARGET_P95_MS = 50.0
# Realistic bodies: short caregiver responses with context, attuned and not.
BODIES = [
    {"text": "You tripped on the rug and fell. I saw.", "age_months": 22, "situation": "Tripped on the rug",
     "child": "sits up, not crying"},
    {"text": "You're fine, stop crying. Look, a birdie!", "age_months": 22, "situation": "Fell at the park",
     "child": "crying"},
    {"text": "You really want a cookie. Cookies are for after dinner.", "age_months": 34,
     "situation": "Asked for a cookie before dinner", "child": "crying"},
    {"text": "That dog barked loudly. That surprised you.", "age_months": 30, "situation": "A dog barked",
     "child": "startled, grabbed my leg"},
    {"text": "I won't let you hit. You're angry. It's okay to be angry.", "age_months": 36,
     "situation": "Hit his brother", "child": "arm raised, angry face"},
    {"text": "You need to share. Say sorry to her right now.", "age_months": 40,
     "situation": "Grabbed a toy from a friend", "child": "holding the toy"},
    {"text": "Don't be silly, there's nothing to be scared of. Take a deep breath.", "age_months": 48,
     "situation": "Monster in the closet at bedtime", "child": "voice shaky"},
    {"text": "You don't want me to go. I'll be back after nap time.", "age_months": 16,
     "situation": "Daycare drop-off", "child": "crying, clinging"},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HEARD_SECRET_KEY": "bench"}
    cmd = [sys.executable, "-c", "from heard.cli.main import main; main()", "serve", "--db", db, "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")


def _request(port: int, body: dict[str, object]) -> bytes:
    data = json.dumps(body).encode()
    head = (f"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n")
    return head.encode() + data


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> tuple[int, bytes]:
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return status, await reader.readexactly(length)


async def client(port: int, k: int, until: float, lat: list[float], errors: list[str]) -> None:
    """One keep-alive connection sending requests back to back (a minimal HTTP/1.1 client, so
    the load generator's own CPU use stays small next to the server's on the same machine)."""
    requests = [_request(port, b) for b in BODIES]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = k
    try:
        while time.perf_counter() < until:
            t0 = time.perf_counter()
            try:
                status, body = await _exchange(reader, writer, requests[i % len(requests)])
                ok = status == 200 and b'"sentences"' in body
                if not ok:
                    errors.append(f"HTTP {status}")
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(type(exc).__name__)
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            lat.append((time.perf_counter() - t0) * 1000)
            i += 1
    finally:
        writer.close()


async def run(port: int, clients: int, duration: float, warmup: float) -> tuple[list[float], list[str], float]:
    warm: list[float] = []
    await asyncio.gather(*(client(port, k, time.perf_counter() + warmup, warm, []) for k in range(clients)))
    lat: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    await asyncio.gather(*(client(port, k, start + duration, lat, errors) for k in range(clients)))
    return lat, errors, time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--db", help="database URL (default: a temp SQLite file, or HEARD_TEST_POSTGRES_URL)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--warmup", type=float, default=5.0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    clients, duration = min(args.clients, 100), min(args.duration, 300.0)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or (os.environ.get("HEARD_TEST_POSTGRES_URL") if args.backend == "postgres" else None)
        if args.backend == "postgres" and not db:
            raise SystemExit("give --db or set HEARD_TEST_POSTGRES_URL (scripts/ci-system-deps.sh prints it)")
        db = db or str(Path(tmp) / "load.sqlite3")
        port = free_port()
        proc = start_server(db, port)
        try:
            lat, errors, elapsed = asyncio.run(run(port, clients, duration, args.warmup))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    result = {
        "endpoint": "POST /api/v1/check", "backend": args.backend, "clients": clients, "duration_s": round(elapsed, 1),
        "requests": len(lat), "errors": len(errors), "error_kinds": sorted(set(errors))[:10],
        "throughput_rps": round(len(lat) / elapsed, 1),
        "latency_ms": {"p50": round(percentile(lat, 50), 1), "p95": round(percentile(lat, 95), 1),
                       "p99": round(percentile(lat, 99), 1), "mean": round(statistics.fmean(lat), 1),
                       "max": round(max(lat), 1)},
        "target_p95_ms": TARGET_P95_MS,
        "meets_target": percentile(lat, 95) <= TARGET_P95_MS and not errors,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "command": " ".join(["python", "bench/load_web.py", *sys.argv[1:]]),
    }
    out = json.loads(args.out.read_text()) if args.out.exists() else {}
    out[args.backend] = result
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
