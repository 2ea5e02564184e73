"""Latency and throughput of `quoteaudit serve` on the seed article, over real HTTP on
127.0.0.1.

Starts the service (a free port, the seed's references, one worker per core), warms it,
then measures:
- latency: requests one at a time on one keep-alive connection, p50 / p90 / p99
  (goal: p50 <= 30 ms), beside the same check run in this process (the baseline,
  measured in the same run, before and after: what the service adds is the difference);
- throughput: the same requests from 8 concurrent clients against one client at a
  time, as a ratio (goal: >= 1.8x on 2 cores), in rounds of one then the other.

    python benchmarks/serve.py [--requests 300] [--format json] [--workers N] [--clients 8]
                               [--rounds 6] [--round-requests 80]

Every loop is bounded by those counts; traffic goes to 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SEED = os.path.join(ROOT, "fixtures", "seed", "kazakhstan-csto-mt.txt")
REFERENCES = os.path.join(ROOT, "fixtures", "seed", "references.yml")

from quoteaudit import check_text, load_settings, render_report  # noqa: E402


def start_service(workers: int) -> tuple[subprocess.Popen, int]:
    cmd = [sys.executable, "-m", "quoteaudit", "serve", "--host", "127.0.0.1", "--port", "0",
           "--references", REFERENCES]
    if workers:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    line = proc.stderr.readline().decode()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        sys.exit(f"the service did not start: {line}")
    print(line.strip())
    return proc, int(match.group(1))


class Client:
    """One keep-alive connection."""

    def __init__(self, port: int, body: bytes) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.connect()
        # http.client sends the headers and the body in two writes; without TCP_NODELAY
        # Nagle's algorithm holds the body until the server's delayed ACK (40 ms on
        # Linux). HTTP client libraries (urllib3, httpx) set it, as here.
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.body = body

    def check(self) -> bytes:
        self.conn.request("POST", "/v1/check", body=self.body, headers={"Content-Type": "application/json"})
        response = self.conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {data[:200]!r}")
        return data


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(round(q * (len(sorted_values) - 1))))]


def concurrent(port: int, body: bytes, clients: int, total: int) -> float:
    """Seconds for `total` requests spread over `clients` connections in parallel."""
    counter = iter(range(total))
    lock = threading.Lock()
    errors: list[Exception] = []

    def work():
        client = Client(port, body)
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            try:
                client.check()
            except Exception as exc:  # reported after the run
                errors.append(exc)
                return
    threads = [threading.Thread(target=work) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--format", default="json", choices=["json", "html", "sarif", "text"])
    ap.add_argument("--workers", type=int, default=0, help="worker processes (default: one per core)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=6, help="throughput rounds (one client, then 8)")
    ap.add_argument("--round-requests", type=int, default=80, help="requests in each half of a round")
    args = ap.parse_args()
    text = open(SEED, encoding="utf-8").read()
    body = json.dumps({"text": text, "path": "seed.txt", "format": args.format}).encode()

    settings = load_settings(references=[REFERENCES])

    def baseline() -> list[float]:
        times = []
        for _ in range(args.requests // 3 + 5):
            t = time.perf_counter()
            render_report(check_text(text, "seed.txt", settings), args.format)
            times.append(time.perf_counter() - t)
        return sorted(times[5:])
    in_process = baseline()

    proc, port = start_service(args.workers)
    try:
        client = Client(port, body)
        for _ in range(20):  # warm: workers, connection
            client.check()
        latencies = []
        for _ in range(args.requests):
            t = time.perf_counter()
            client.check()
            latencies.append(time.perf_counter() - t)
        latencies.sort()
        # Rounds of one client then 8, back to back, so that a change in the machine's
        # load (it is shared) falls on both sides of each ratio; the median round counts.
        rounds = []
        for _ in range(args.rounds):
            serial = concurrent(port, body, 1, args.round_requests)
            parallel = concurrent(port, body, args.clients, args.round_requests)
            rounds.append((serial, parallel))
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(20)

    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    print(f"seed article, {len(text.encode())} bytes, --format {args.format}, {args.requests} requests, "
          f"{os.cpu_count()} cores")
    after = baseline()  # again: the machine is shared, its speed drifts
    print(f"in-process check + render (baseline, before / after the service runs): "
          f"p50 {ms(percentile(in_process, .5))} / {ms(percentile(after, .5))}, "
          f"p99 {ms(percentile(in_process, .99))} / {ms(percentile(after, .99))}")
    print(f"service latency, one request at a time: p50 {ms(percentile(latencies, .5))}, "
          f"p90 {ms(percentile(latencies, .9))}, p99 {ms(percentile(latencies, .99))}, "
          f"mean {ms(statistics.fmean(latencies))}  (goal: p50 <= 30 ms)")
    ratios = sorted(serial / parallel for serial, parallel in rounds)
    serial, parallel = sorted(rounds, key=lambda r: r[0] / r[1])[len(rounds) // 2]
    print(f"throughput (median round): 1 client {args.round_requests / serial:.0f} requests/s, "
          f"{args.clients} concurrent clients {args.round_requests / parallel:.0f} requests/s")
    print(f"ratio: {statistics.median(ratios):.2f}x median of {len(ratios)} rounds "
          f"(range {ratios[0]:.2f}-{ratios[-1]:.2f})  (goal: >= 1.8x on 2 cores)")


if __name__ == "__main__":
    main()
