"""Load test for POST /api/v1/check: N concurrent clients for D seconds on loopback.

Starts ``heard serve`` in a subprocess on a fresh database (SQLite file, or PostgreSQL from
--db / HEARD_TEST_POSTGRES_URL), warms it up, then runs closed-loop clients (each sends its
next request when the previous answer arrives) and records every latency and every error.
Results are merged into bench/results/web_load.json under the backend's name.

The load generator shares the machine's cores with the server, so its own cost shows up in
the server's latency. ``--client wrk`` (the default when Debian's ``wrk`` is installed:
``apt-get install wrk``) is a C load generator using a few percent of a core;
``--client python`` is the asyncio client below, which needs no install but takes a good
part of a core and adds its own event-loop delays to every measured latency.

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
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


def start_server(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HEARD_SECRET_KEY": "bench"}
    cmd = [sys.executable, "-c", "from heard.cli.main import main; main()", "serve", "--db", db, "--port", str(port),
           "--workers", str(workers)]
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


WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
bodies = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format(nil, "/api/v1/check", nil, bodies[(i %% #bodies) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f %%.3f %%.3f\\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000))
end
"""


@dataclass(frozen=True)
class Load:
    """What one load run measured (latencies in ms)."""

    requests: int
    errors: int
    error_kinds: list[str]
    elapsed: float
    p50: float
    p95: float
    p99: float
    mean: float
    max: float


def run_wrk(port: int, clients: int, duration: float, warmup: float) -> Load:
    """The same closed loop with wrk: one thread, ``clients`` keep-alive connections. Bodies
    rotate as in the Python client; any non-2xx answer or socket error counts as an error."""
    bodies = ", ".join("[==[" + json.dumps(b) + "]==]" for b in BODIES)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT % bodies)
    url = f"http://127.0.0.1:{port}"
    try:
        base = ["wrk", "-t1", f"-c{clients}", "-s", fh.name, "--timeout", "10s"]
        subprocess.run([*base, f"-d{max(1, int(warmup))}s", url], check=True, capture_output=True)
        out = subprocess.run([*base, f"-d{int(duration)}s", url], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(fh.name)
    found = re.search(r"^RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)$", out, re.M)
    if not found:
        raise SystemExit(f"could not read wrk's output:\n{out}")
    n, err, *ms = found.groups()
    return Load(int(n), int(err), ["non-2xx or socket error"] if int(err) else [], float(int(duration)),
                *map(float, ms))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def python_client(port: int, clients: int, duration: float, warmup: float) -> Load:
    lat, errors, elapsed = asyncio.run(run(port, clients, duration, warmup))
    return Load(len(lat), len(errors), sorted(set(errors))[:10], elapsed, percentile(lat, 50), percentile(lat, 95),
                percentile(lat, 99), statistics.fmean(lat), max(lat))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--db", help="database URL (default: a temp SQLite file, or HEARD_TEST_POSTGRES_URL)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--warmup", type=float, default=5.0)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--workers", type=int, default=2, help="server processes (heard serve --workers; default 2)")
    ap.add_argument("--client", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python",
                    help="load generator (default: wrk when installed, else the Python client)")
    args = ap.parse_args()
    clients, duration = min(args.clients, 100), min(args.duration, 300.0)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or (os.environ.get("HEARD_TEST_POSTGRES_URL") if args.backend == "postgres" else None)
        if args.backend == "postgres" and not db:
            raise SystemExit("give --db or set HEARD_TEST_POSTGRES_URL (scripts/ci-system-deps.sh prints it)")
        db = db or str(Path(tmp) / "load.sqlite3")
        port = free_port()
        proc = start_server(db, port, args.workers)
        try:
            stats = (run_wrk(port, clients, duration, args.warmup) if args.client == "wrk"
                     else python_client(port, clients, duration, args.warmup))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    result = {
        "endpoint": "POST /api/v1/check", "backend": args.backend, "client": args.client, "workers": args.workers,
        "clients": clients,
        "duration_s": round(stats.elapsed, 1), "requests": stats.requests, "errors": stats.errors,
        "error_kinds": stats.error_kinds, "throughput_rps": round(stats.requests / stats.elapsed, 1),
        "latency_ms": {k: round(getattr(stats, k), 1) for k in ("p50", "p95", "p99", "mean", "max")},
        "target_p95_ms": TARGET_P95_MS,
        "meets_target": stats.p95 <= TARGET_P95_MS and not stats.errors,
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
