#!/usr/bin/env python3
"""The figures issue 15 asks of the devstack agent, through its name proxy and directly, in one run
(not a test). Everything on loopback, in a temporary DEVSTACK_HOME, on a free agent port; it ends by
itself and kills what it started, also on Ctrl-C or an error.

  throughput : wrk, 64 keep-alive connections, 2 threads, 10 s rounds after 5 s of warm-up, against http://web.bench.localhost:PORT/
               (the agent) and the service's own port, rounds alternating after a warm-up of each;
               median requests/s; target proxy >= 0.8x direct
  latency    : single sequential GETs on one keep-alive connection each way, alternating request by
               request; p50 and p99 each way and the difference; target added p50 <= 0.2 ms
  websockets : 1,000 WebSockets opened through the proxy to an echo service, held idle, then each
               sends one message and reads its echo; the agent's RSS before, while holding, after
  claims     : 8 and 32 concurrent clients claiming unique names for a while, over the agent's HTTP
               API and over its Unix socket, then releasing them; claims/s, p50, p99; target
               >= 1,000 claims/s, p99 < 10 ms, no port handed out twice

  python3 bench/bench_names.py [--quick] [--json FILE] [--jar] [--rounds N] [--warmup SECONDS]

The HTTP backend is bench/NamesBackend.java (one NIO thread, far cheaper than the proxy), the
WebSocket backend bench/ws_echo.py; both run as services of a devstack stack started with `up -d`.
wrk does not resolve *.localhost (glibc does not), so it is pointed at 127.0.0.1:PORT with a
`Host: web.bench.localhost:PORT` header, which is what a browser sends. wrk, the agent and the
backend share the machine's cores: the ratio is measured in one run, rounds alternating.
Needs wrk (Debian: apt-get install wrk; installed here when running as root with apt).
"""
import argparse
import asyncio
import base64
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import http.client

from stacklib import LAUNCHER, PYTHON, accepts, wait

HERE = os.path.dirname(os.path.abspath(__file__))
TICKS = os.sysconf("SC_CLK_TCK")
PORTS_YAML = """project: bench
urls: names
services:
  web:
    command: "java -XX:+UseSerialGC -Xmx64m NamesBackend.java"
  ws:
    command: "{python} ws_echo.py"
"""


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def thread_ticks(pid):
    """CPU ticks of each thread of pid, by thread name (threads of one name summed)."""
    ticks = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        ticks[name] = ticks.get(name, 0) + int(fields[11]) + int(fields[12])
    return ticks


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing wrk (apt-get install -y wrk) ...", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        sys.exit("bench_names: needs wrk on PATH (Debian: sudo apt-get install wrk), then run it again")


class Setup:
    """A stack of the two backends (`up -d`) and the agent on a free port, in temporary folders."""

    def __init__(self, devstack):
        self.command = devstack
        self.dir = tempfile.mkdtemp(prefix="devstack-bench-names-")
        self.home = tempfile.mkdtemp(prefix="devstack-bench-names-home-")
        for name in ("NamesBackend.java", "ws_echo.py"):
            shutil.copy(os.path.join(HERE, name), self.dir)
        with open(os.path.join(self.dir, "ports.yaml"), "w") as f:
            f.write(PORTS_YAML.format(python=PYTHON))
        self.agent_port = free_port()
        self.env = dict(os.environ, DEVSTACK_HOME=self.home, DEVSTACK_AGENT_PORT=str(self.agent_port))
        self.agent_pid = None
        self.pids = []

    def devstack(self, *args, timeout=180):
        done = subprocess.run([*self.command, *args], cwd=self.dir, env=self.env, capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise RuntimeError(f"devstack {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
        return done.stdout

    def start(self):
        self.devstack("agent", "start", "--port", str(self.agent_port), "--idle-exit", "30m")
        self.agent_pid = json.loads(self.devstack("agent", "status", "--json"))["pid"]
        self.devstack("up", "-d", "--timeout", "120s")
        ports = json.loads(self.devstack("ports", "--json"))
        services = ports["services"]
        self.pids = [s["pid"] for s in services if s.get("pid")] + [ports["supervisor_pid"]]
        self.web_pid = next(s.get("listener_pid") or s["pid"] for s in services if s["name"] == "web")
        self.ports = {s["name"]: s["port"] for s in services}
        with open(os.path.join(self.home, "api-token")) as f:
            self.token = f.read().strip()
        wait(lambda: all(accepts(p) for p in self.ports.values()), 60, "the backends to accept")
        wait(lambda: self.get(self.agent_port, "web") == 200, 60, "the agent to route web.bench.localhost")

    def host(self, service):
        return f"{service}.bench.localhost:{self.agent_port}"

    def get(self, port, service):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/", headers={"Host": self.host(service)})
            status = connection.getresponse().status
            connection.close()
            return status
        except OSError:
            return 0

    def close(self):
        for args in (("down",), ("agent", "stop")):
            try:
                self.devstack(*args, timeout=30)
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        for pid in self.pids + ([self.agent_pid] if self.agent_pid else []):
            for kill in (os.killpg, os.kill):
                try:
                    kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.rmtree(self.home, ignore_errors=True)


def commit_floor(home, count):
    """What one registry commit costs the disk, without devstack: the registry file copied, the copy
    fsynced and renamed over it, the folder fsynced (store.RegistryFile's replace), in ms."""
    registry = os.path.join(home, "registry.db")
    copy = os.path.join(home, "bench-floor.db")
    times = []
    for _ in range(count):
        start = time.perf_counter()
        shutil.copyfile(registry, copy)
        descriptor = os.open(copy, os.O_WRONLY)
        os.fsync(descriptor)
        os.close(descriptor)
        os.rename(copy, os.path.join(home, "bench-floor-done.db"))
        folder = os.open(home, os.O_RDONLY)
        os.fsync(folder)
        os.close(folder)
        times.append((time.perf_counter() - start) * 1000)
    os.unlink(os.path.join(home, "bench-floor-done.db"))
    return {"registry_bytes": os.path.getsize(registry), "p50_ms": percentile(times, 50),
            "p99_ms": percentile(times, 99), "count": count}


# ---- throughput ----

def wrk(url, seconds, host=None):
    command = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--timeout", "5s", url]
    if host:
        command[1:1] = ["-H", f"Host: {host}"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rate = float(next(line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec:")))
    errors = sum(int(n) for line in out.splitlines() if line.strip().startswith(("Non-2xx", "Socket errors"))
                 for n in line.replace(",", " ").split() if n.isdigit())
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return rate, errors, cpu / seconds


def throughput(setup, rounds, seconds, warmup):
    proxy = ("http://127.0.0.1:%d/" % setup.agent_port, setup.host("web"))
    direct = ("http://127.0.0.1:%d/" % setup.ports["web"], None)
    wrk(*direct[:1], warmup, direct[1])
    wrk(proxy[0], warmup, proxy[1])
    rates = {"proxy": [], "direct": []}
    errors = 0
    cpu = {"agent": [], "backend_proxy": [], "backend_direct": [], "wrk_proxy": [], "wrk_direct": []}
    threads = {}
    for i in range(rounds):
        for way in (("proxy", "direct") if i % 2 == 0 else ("direct", "proxy")):
            url, host = proxy if way == "proxy" else direct
            agent_before, backend_before = thread_ticks(setup.agent_pid), backend_ticks(setup)
            rate, failed, wrk_cpu = wrk(url, seconds, host)
            agent_after, backend_after = thread_ticks(setup.agent_pid), backend_ticks(setup)
            rates[way].append(rate)
            errors += failed
            cpu["wrk_" + way].append(wrk_cpu)
            cpu["backend_" + way].append((backend_after - backend_before) / TICKS / seconds)
            if way == "proxy":
                cpu["agent"].append((sum(agent_after.values()) - sum(agent_before.values())) / TICKS / seconds)
                for name, ticks in agent_after.items():
                    threads[name] = threads.get(name, 0) + ticks - agent_before.get(name, 0)
            print(f"  round {i + 1} {way:6}: {rate:,.0f} requests/s", file=sys.stderr)
    busiest = sorted(threads.items(), key=lambda item: -item[1])[:4]
    proxy_rate, direct_rate = statistics.median(rates["proxy"]), statistics.median(rates["direct"])
    return {
        "rounds": rounds, "seconds": seconds, "connections": 64, "threads": 2,
        "proxy_rps": rates["proxy"], "direct_rps": rates["direct"],
        "proxy_rps_median": proxy_rate, "direct_rps_median": direct_rate,
        "ratio": proxy_rate / direct_rate, "errors": errors,
        "cpu_cores": {k: statistics.median(v) for k, v in cpu.items() if v},
        "agent_busiest_threads": {name: round(t / TICKS / (seconds * rounds), 2) for name, t in busiest},
        "agent_cpu_us_per_request": statistics.median(c / r * 1e6 for c, r in zip(cpu["agent"], rates["proxy"])),
        "backend_cpu_us_per_request": statistics.median(
            c / r * 1e6 for c, r in zip(cpu["backend_direct"], rates["direct"])),
    }


def backend_ticks(setup):
    """CPU ticks of the web backend's JVM."""
    try:
        return sum(thread_ticks(setup.web_pid).values())
    except OSError:
        return 0


# ---- latency ----

def latency(setup, count):
    connections = {
        "proxy": (http.client.HTTPConnection("127.0.0.1", setup.agent_port, timeout=5), setup.host("web")),
        "direct": (http.client.HTTPConnection("127.0.0.1", setup.ports["web"], timeout=5),
                   "127.0.0.1:%d" % setup.ports["web"]),
    }
    times = {"proxy": [], "direct": []}
    for i in range(count + 200):
        for way in (("proxy", "direct") if i % 2 == 0 else ("direct", "proxy")):
            connection, host = connections[way]
            start = time.perf_counter()
            connection.request("GET", "/", headers={"Host": host})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            if response.status != 200:
                raise RuntimeError(f"GET / {way} answered {response.status}")
            if i >= 200:
                times[way].append(elapsed * 1000)
    for connection, _ in connections.values():
        connection.close()
    result = {"requests_each_way": count}
    for way, values in times.items():
        result[way + "_p50_ms"] = percentile(values, 50)
        result[way + "_p99_ms"] = percentile(values, 99)
    result["added_p50_ms"] = result["proxy_p50_ms"] - result["direct_p50_ms"]
    result["added_p99_ms"] = result["proxy_p99_ms"] - result["direct_p99_ms"]
    return result


# ---- websockets ----

async def ws_open(port, host, gate):
    async with gate:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
        key = base64.b64encode(os.urandom(16))
        writer.write(b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Key: " + key + b"\r\nSec-WebSocket-Version: 13\r\n\r\n")
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        if not head.startswith(b"HTTP/1.1 101"):
            writer.close()
            raise RuntimeError("no upgrade: " + head.split(b"\r\n")[0].decode())
        return reader, writer


async def ws_echo(reader, writer, text):
    payload = text.encode()
    mask = os.urandom(4)
    writer.write(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    first, second = await asyncio.wait_for(reader.readexactly(2), 10)
    return (await asyncio.wait_for(reader.readexactly(second & 0x7F), 10)).decode() == text


async def websockets_async(setup, count, hold):
    gate = asyncio.Semaphore(64)
    before = rss_kib(setup.agent_pid)
    opened = await asyncio.gather(*(ws_open(setup.agent_port, setup.host("ws"), gate) for _ in range(count)),
                                  return_exceptions=True)
    sockets = [s for s in opened if not isinstance(s, BaseException)]
    failures = [str(s) for s in opened if isinstance(s, BaseException)]
    holding = []
    end = time.monotonic() + hold
    while time.monotonic() < end:
        holding.append(rss_kib(setup.agent_pid))
        await asyncio.sleep(1)
    echoes = await asyncio.gather(*(ws_echo(r, w, f"echo {i}") for i, (r, w) in enumerate(sockets)),
                                  return_exceptions=True)
    for _, writer in sockets:
        writer.write(b"\x88\x80\0\0\0\0")
        writer.close()
    await asyncio.sleep(3)
    return {
        "asked": count, "opened": len(sockets), "held_seconds": hold,
        "echoed": sum(1 for e in echoes if e is True),
        "open_failures": failures[:3],
        "agent_rss_before_mib": before / 1024, "agent_rss_holding_mib": max(holding) / 1024,
        "agent_rss_after_mib": rss_kib(setup.agent_pid) / 1024,
    }


# ---- claims ----

async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)}
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                return status, body
            body += chunk[:-2]
    return status, await reader.readexactly(int(headers.get("content-length", "0")))


class HttpClaims:
    def __init__(self, setup):
        self.setup = setup

    async def connect(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.setup.agent_port)

    async def ask(self, method, path, body=b""):
        self.writer.write(f"{method} {path} HTTP/1.1\r\nHost: devstack.localhost:{self.setup.agent_port}\r\n"
                          f"Authorization: Bearer {self.setup.token}\r\nContent-Type: application/json\r\n"
                          f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        status, data = await read_response(self.reader)
        return status, json.loads(data) if data else {}

    async def claim(self, name):
        status, answer = await self.ask("POST", "/api/claims", json.dumps({"name": name}).encode())
        return answer["data"]["port"] if status == 200 else None

    async def release(self, name):
        status, _ = await self.ask("DELETE", "/api/claims/" + name)
        return status == 200

    def close(self):
        self.writer.close()


class SocketClaims:
    def __init__(self, setup):
        self.setup = setup

    async def connect(self):
        self.reader, self.writer = await asyncio.open_unix_connection(os.path.join(self.setup.home, "agent.sock"))
        await self.ask({"request": "hello", "protocol": 1, "client": "bench"})

    async def ask(self, request):
        self.writer.write(json.dumps(request).encode() + b"\n")
        return json.loads(await self.reader.readline())

    async def claim(self, name):
        answer = await self.ask({"request": "claim", "name": name})
        return answer["port"] if answer.get("ok") else None

    async def release(self, name):
        return (await self.ask({"request": "release", "name": name})).get("ok", False)

    def close(self):
        self.writer.close()


async def claims_async(setup, kind, clients, seconds, label):
    connections = [kind(setup) for _ in range(clients)]
    await asyncio.gather(*(c.connect() for c in connections))
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    agent_before = thread_ticks(setup.agent_pid)
    latencies, finished, claimed, refused = [], [], [], 0
    start = time.perf_counter()
    end = start + seconds

    async def client(index, connection):
        nonlocal refused
        i = 0
        while time.perf_counter() < end:
            name = f"{label}-{index}-{i}"
            i += 1
            began = time.perf_counter()
            port = await connection.claim(name)
            latencies.append((time.perf_counter() - began) * 1000)
            finished.append(time.perf_counter() - start)
            if port is None:
                refused += 1
            else:
                claimed.append((name, port))

    await asyncio.gather(*(client(i, c) for i, c in enumerate(connections)))
    elapsed = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    agent_after = thread_ticks(setup.agent_pid)
    agent_cpu = (sum(agent_after.values()) - sum(agent_before.values())) / TICKS / elapsed
    busiest = sorted(((name, ticks - agent_before.get(name, 0)) for name, ticks in agent_after.items()),
                     key=lambda item: -item[1])[:3]
    ports = [port for _, port in claimed]
    names = iter(claimed)
    fifth = elapsed / 5

    async def releaser(connection):
        released = 0
        for name, _ in names:
            released += await connection.release(name)
        return released

    release_start = time.perf_counter()
    released = sum(await asyncio.gather(*(releaser(c) for c in connections)))
    release_elapsed = time.perf_counter() - release_start
    for c in connections:
        c.close()
    return {
        "clients": clients, "seconds": round(elapsed, 2), "claims": len(claimed), "refused": refused,
        "claims_per_s": len(claimed) / elapsed, "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "claims_per_s_first_fifth": sum(1 for t in finished if t < fifth) / fifth,
        "claims_per_s_last_fifth": sum(1 for t in finished if t >= 4 * fifth) / fifth,
        "duplicate_ports": len(ports) - len(set(ports)),
        "released": released, "releases_per_s": released / release_elapsed if release_elapsed else 0,
        "client_cpu_cores": (cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime)
        / elapsed,
        "agent_cpu_cores": agent_cpu,
        "agent_busiest_threads": {name: round(ticks / TICKS / elapsed, 2) for name, ticks in busiest},
    }


# ---- the report ----

def rows(results):
    t, l, w = results["throughput"], results["latency"], results["websockets"]
    table = [
        ("requests/s through the proxy (median)", f"{t['proxy_rps_median']:,.0f}", "", None),
        ("requests/s direct (median)", f"{t['direct_rps_median']:,.0f}", "", None),
        ("proxy / direct", f"{t['ratio']:.2f}x", ">= 0.8x", t["ratio"] >= 0.8),
        ("latency p50 proxy / direct", f"{l['proxy_p50_ms']:.3f} / {l['direct_p50_ms']:.3f} ms", "", None),
        ("latency p99 proxy / direct", f"{l['proxy_p99_ms']:.3f} / {l['direct_p99_ms']:.3f} ms", "", None),
        ("added latency p50", f"{l['added_p50_ms']:.3f} ms", "<= 0.2 ms", l["added_p50_ms"] <= 0.2),
        ("added latency p99", f"{l['added_p99_ms']:.3f} ms", "", None),
        ("WebSockets held / echoed", f"{w['opened']} / {w['echoed']} of {w['asked']}", f"{w['asked']} / {w['asked']}",
         w["opened"] == w["asked"] and w["echoed"] == w["asked"]),
        ("agent RSS before / holding / after",
         f"{w['agent_rss_before_mib']:.0f} / {w['agent_rss_holding_mib']:.0f} / {w['agent_rss_after_mib']:.0f} MiB",
         "", None),
    ]
    for key, run in results["claims"].items():
        via = "HTTP" if key.startswith("http") else "socket"
        table.append((f"claims/s, {via}, {run['clients']} clients", f"{run['claims_per_s']:,.0f}", ">= 1,000",
                      run["claims_per_s"] >= 1000))
        table.append((f"claim p50 / p99, {via}, {run['clients']} clients",
                      f"{run['p50_ms']:.2f} / {run['p99_ms']:.2f} ms", "p99 < 10 ms", run["p99_ms"] < 10))
        table.append((f"duplicate ports / refused, {via}, {run['clients']} clients",
                      f"{run['duplicate_ports']} / {run['refused']}", "0 / 0",
                      run["duplicate_ports"] == 0 and run["refused"] == 0))
    return table


def print_table(results):
    table = rows(results)
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    print(f"{'figure':{widths[0]}}  {'value':>{widths[1]}}  {'target':{widths[2]}}  ")
    for figure, value, target, met in table:
        verdict = "" if met is None else ("met" if met else "MISSED")
        print(f"{figure:{widths[0]}}  {value:>{widths[1]}}  {target:{widths[2]}}  {verdict}")
    t = results["throughput"]
    print(f"\nCPU (cores, median of rounds): {json.dumps({k: round(v, 2) for k, v in t['cpu_cores'].items()})}")
    print(f"agent's busiest threads under wrk (cores): {json.dumps(t['agent_busiest_threads'])}")
    print(f"CPU per request: the agent {t['agent_cpu_us_per_request']:.0f} us (proxied),"
          f" the backend {t['backend_cpu_us_per_request']:.0f} us (direct)")
    floor = results["commit_floor"]
    print(f"the disk's commit floor (copy of the {floor['registry_bytes'] // 1024} KiB registry, fsync, rename,"
          f" fsync of the folder): p50 {floor['p50_ms']:.2f} ms, p99 {floor['p99_ms']:.2f} ms")
    for key, run in results["claims"].items():
        print(f"claims {key}: {run['claims_per_s_first_fifth']:,.0f}/s in the first fifth of the window,"
              f" {run['claims_per_s_last_fifth']:,.0f}/s in the last (every claim held: the registry grows);"
              f" agent {run['agent_cpu_cores']:.2f} cores, client {run['client_cpu_cores']:.2f} cores,"
              f" {run['released']} released at {run['releases_per_s']:,.0f}/s;"
              f" agent's busiest threads {json.dumps(run['agent_busiest_threads'])}")
    print(f"wrk errors (non-2xx, socket): {t['errors']}; load average at the end:"
          f" {' '.join(open('/proc/loadavg').read().split()[:3])} on {os.cpu_count()} cores")


def interrupted(*_):
    """SIGTERM ends the run as Ctrl-C does: through the finally that stops what it started."""
    raise KeyboardInterrupt


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short durations: a smoke run (about 1 minute)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    parser.add_argument("--rounds", type=int, help="wrk rounds each way (default 3; 1 with --quick)")
    parser.add_argument("--warmup", type=int, metavar="SECONDS",
                        help="wrk's warm-up each way before the rounds (default 5; 1 with --quick); the agent's"
                             " C2 compiler, with --jar, needs longer on a busy machine")
    parser.add_argument("--jar", action="store_true",
                        help="run devstack (and so the agent) as `java -jar cli/target/devstack.jar`, with the JVM's"
                             " default options, instead of through ./devstack, whose options for quick commands"
                             " (C1 only, serial GC) the agent inherits")
    opts = parser.parse_args()
    quick = opts.quick
    ensure_wrk()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in the background by a shell
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)
    devstack = ["java", "-jar", os.path.join(os.path.dirname(HERE), "cli", "target", "devstack.jar")] \
        if opts.jar else [LAUNCHER]
    setup = Setup(devstack)
    try:
        print(f"starting the agent on port {setup.agent_port} and the stack ...", file=sys.stderr)
        setup.start()
        print("throughput (wrk) ...", file=sys.stderr)
        results = {"quick": quick, "devstack": " ".join(devstack),
                   "throughput": throughput(setup, opts.rounds or (1 if quick else 3), 2 if quick else 10,
                                         opts.warmup or (1 if quick else 5))}
        print("latency ...", file=sys.stderr)
        results["latency"] = latency(setup, 300 if quick else 2000)
        print("websockets ...", file=sys.stderr)
        results["websockets"] = asyncio.run(websockets_async(setup, 1000, 3 if quick else 10))
        results["commit_floor"] = commit_floor(setup.home, 10 if quick else 30)
        results["claims"] = {}
        for label, kind in (("http", HttpClaims), ("socket", SocketClaims)):
            for clients in (8, 32):
                print(f"claims over {label}, {clients} clients ...", file=sys.stderr)
                results["claims"][f"{label}_{clients}"] = asyncio.run(
                    claims_async(setup, kind, clients, 1 if quick else 5, f"{label}{clients}"))
        results["agent_pid"] = setup.agent_pid
    finally:
        setup.close()
    print(f"devstack: {results['devstack']}")
    print_table(results)
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("bench_names: interrupted; what it started is stopped and its folders removed", file=sys.stderr)
        sys.exit(130)
