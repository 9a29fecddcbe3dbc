#!/usr/bin/env python3
"""devstack's control-plane benchmarks (not tests). Medians of --reps runs each, with a floor
measured in the same run:

  status   : wall time of `devstack status` on a running 3-service stack;
             floor: `devstack --version` (the JVM's start and picocli)
  snapshot : round trip of a snapshot request on the control socket, p50 and p99 over 1,000
             requests on one connection; floor: the same line bounced by a Python echo server
             on a Unix socket
  http     : `GET /api/ports` with 20 concurrent clients for 5 s (wrk: requests/s and p99);
             target >= 2,000 requests/s and p99 < 10 ms
  events   : from a service printing a line (its own clock) to a subscriber of the socket reading
             it, p50 and p99 over 500 lines printed 5 ms apart; floor: a Python parent reading
             the same lines from its child's pipe

  python3 bench/bench_control.py [status|snapshot|http|events|all] [--reps 5]

`http` needs wrk (Debian: apt-get install wrk).
"""
import hashlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from stacklib import LAUNCHER, PYTHON, Stack, options, wait

STAMPER = """import sys, time
time.sleep(float(sys.argv[1]))
for i in range(int(sys.argv[2])):
    print("stamp %d" % time.time_ns(), flush=True)
    time.sleep(0.005)
time.sleep(3600)
"""


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def socket_path(stack):
    digest = hashlib.sha256((os.path.realpath(stack.dir) + "\0default").encode()).hexdigest()[:16]
    return os.path.join(stack.home, "control", digest + ".sock")


class Connection:
    """One control connection, greeted."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        self.file = self.sock.makefile("rb")
        self.hello = self.ask({"request": "hello", "protocol": 1, "client": "bench_control"})

    def send(self, request):
        self.sock.sendall((json.dumps(request) + "\n").encode())

    def read(self):
        return json.loads(self.file.readline())

    def ask(self, request):
        self.send(request)
        return self.read()

    def close(self):
        self.sock.close()


def connect(stack):
    path = socket_path(stack)
    wait(lambda: os.path.exists(path), 60, "the control socket")
    return Connection(path)


def three_services():
    return "".join(f"  s{i}: {{ command: {PYTHON} -u listener.py }}\n" for i in range(3))


def bench_status(reps):
    stack = Stack(three_services()).up()
    status, floor = [], []
    try:
        stack.wait_ready(3)
        for _ in range(reps):
            t0 = time.monotonic()
            subprocess.run([LAUNCHER, "status"], cwd=stack.dir, env=stack.env, check=True, stdout=subprocess.DEVNULL)
            status.append(time.monotonic() - t0)
            t0 = time.monotonic()
            subprocess.run([LAUNCHER, "--version"], cwd=stack.dir, env=stack.env, check=True, stdout=subprocess.DEVNULL)
            floor.append(time.monotonic() - t0)
    finally:
        stack.close()
    s, f = statistics.median(status), statistics.median(floor)
    print(f"status   : devstack status {s * 1000:.0f} ms, floor (devstack --version) {f * 1000:.0f} ms,"
          f" ratio {s / f:.2f}")


def round_trips(ask, count=1000):
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        ask()
        times.append(time.perf_counter() - t0)
    return percentile(times, 50), percentile(times, 99)


def echo_floor():
    folder = tempfile.mkdtemp(prefix="devstack-bench-echo-")
    path = os.path.join(folder, "echo.sock")
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(1)

    def serve():
        conn, _ = server.accept()
        reader = conn.makefile("rb")
        for line in reader:
            conn.sendall(line)
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    client = socket.socket(socket.AF_UNIX)
    client.connect(path)
    reader = client.makefile("rb")
    line = (json.dumps({"request": "snapshot"}) + "\n").encode()

    def ask():
        client.sendall(line)
        reader.readline()

    try:
        return round_trips(ask)
    finally:
        client.close()
        server.close()
        shutil.rmtree(folder, ignore_errors=True)


def bench_snapshot(reps):
    stack = Stack(three_services()).up()
    p50s, p99s, floor50s, floor99s = [], [], [], []
    try:
        stack.wait_ready(3)
        connection = connect(stack)
        try:
            for _ in range(reps):
                p50, p99 = round_trips(lambda: connection.ask({"request": "snapshot"}))
                p50s.append(p50)
                p99s.append(p99)
                f50, f99 = echo_floor()
                floor50s.append(f50)
                floor99s.append(f99)
        finally:
            connection.close()
    finally:
        stack.close()
    p50, p99 = statistics.median(p50s), statistics.median(p99s)
    f50, f99 = statistics.median(floor50s), statistics.median(floor99s)
    print(f"snapshot : round trip p50 {p50 * 1e6:.0f} µs, p99 {p99 * 1e6:.0f} µs;"
          f" floor (Python echo) p50 {f50 * 1e6:.0f} µs, p99 {f99 * 1e6:.0f} µs; ratio p50 {p50 / f50:.1f}")


def api_url(stack):
    connection = connect(stack)
    try:
        url = connection.hello.get("api_url")
    finally:
        connection.close()
    if not url:
        sys.exit("the stack's hello names no api_url: this devstack has no HTTP API")
    return url


def bench_http(reps):
    if shutil.which("wrk") is None:
        sys.exit("http needs wrk (Debian: apt-get install wrk)")
    stack = Stack(three_services()).up()
    rates, p99s = [], []
    try:
        stack.wait_ready(3)
        url = api_url(stack) + "/api/ports"
        for _ in range(reps):
            out = subprocess.run(["wrk", "-t", "2", "-c", "20", "-d", "5s", "--latency", url],
                                 check=True, capture_output=True, text=True).stdout
            rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)))
            value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", out).groups()
            p99s.append(float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit])
    finally:
        stack.close()
    rate, p99 = statistics.median(rates), statistics.median(p99s)
    print(f"http     : GET /api/ports, 20 clients: {rate:.0f} requests/s (target >= 2000, ratio {rate / 2000:.1f}),"
          f" p99 {p99:.2f} ms (target < 10)")


def event_latencies(stack, count):
    connection = connect(stack)
    latencies = []
    try:
        connection.ask({"request": "subscribe"})
        while len(latencies) < count:
            item = connection.read()
            event = item.get("event", {})
            if event.get("event") == "output" and event["line"].startswith("stamp "):
                latencies.append((time.time_ns() - int(event["line"].split()[1])) / 1e9)
    finally:
        connection.close()
    return latencies


def pipe_latencies(count):
    child = subprocess.Popen([PYTHON, "-u", "-c", STAMPER, "0", str(count)], stdout=subprocess.PIPE, text=True)
    latencies = []
    try:
        for line in child.stdout:
            latencies.append((time.time_ns() - int(line.split()[1])) / 1e9)
            if len(latencies) == count:
                break
    finally:
        child.kill()
        child.wait()
    return latencies


def bench_events(reps, count=500):
    p50s, p99s, floor50s, floor99s = [], [], [], []
    for _ in range(reps):
        stack = Stack(f"  stamper: {{ command: {PYTHON} -u stamper.py 3 {count} }}\n",
                      files={"stamper.py": STAMPER}).up()
        try:
            latencies = event_latencies(stack, count)
        finally:
            stack.close()
        p50s.append(percentile(latencies, 50))
        p99s.append(percentile(latencies, 99))
        floor = pipe_latencies(count)
        floor50s.append(percentile(floor, 50))
        floor99s.append(percentile(floor, 99))
    p50, p99 = statistics.median(p50s), statistics.median(p99s)
    f50, f99 = statistics.median(floor50s), statistics.median(floor99s)
    print(f"events   : output line to subscriber p50 {p50 * 1e3:.2f} ms, p99 {p99 * 1e3:.2f} ms;"
          f" floor (pipe to parent) p50 {f50 * 1e3:.2f} ms, p99 {f99 * 1e3:.2f} ms")


def main():
    benches = {"status": bench_status, "snapshot": bench_snapshot, "http": bench_http, "events": bench_events}
    opts = options(__doc__, list(benches), 5)
    for name, bench in benches.items():
        if opts.what in (name, "all"):
            bench(opts.reps)


if __name__ == "__main__":
    main()
