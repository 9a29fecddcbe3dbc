#!/usr/bin/env python3
"""devstack's supervision benchmarks (not tests). Median of --reps measurements each:

  restart : kill -9 of one service (restart: on-failure, backoff: 0) until its port accepts
            connections again from a new process; a different service of a 10-service stack each time
  orphans : kill -9 of devstack itself; how many processes are left after 3 s, how long until the
            services are gone, and until the lifeline watchers (which wait 1 s before SIGKILL) are too
  cpu     : devstack's CPU while 20 services each print 1,000 lines a second for 10 s
            (output to /dev/null, as when nobody watches; the lines still go to the log files)

  python3 bench/bench_supervision.py [restart|orphans|cpu|all] [--reps 10]
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCHER = os.path.join(os.path.dirname(HERE), "devstack")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else "python3"
TICKS = os.sysconf("SC_CLK_TCK")

CHATTER = """import sys, time
rate = int(sys.argv[1])
line = "x" * 80
i = 0
start = time.monotonic()
while True:
    i += 1
    sys.stdout.write("line %d %s\\n" % (i, line))
    if i % 50 == 0:
        sys.stdout.flush()
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
"""


def accepts(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def alive(pid):
    fields = stat(pid)
    return fields is not None and fields[0] != "Z"


def group(pgid):
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = stat(int(entry))
            if fields and fields[0] != "Z" and fields[2] == str(pgid):
                members.append(int(entry))
    return members


def wait(condition, deadline, what):
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError("timed out waiting for " + what)
        time.sleep(0.001)


class Stack:
    """A generated project folder run with `devstack up --no-tui`, with a fresh registry."""

    def __init__(self, services_yaml, files=None):
        self.dir = tempfile.mkdtemp(prefix="devstack-bench-")
        self.home = tempfile.mkdtemp(prefix="devstack-bench-home-")
        shutil.copy(os.path.join(HERE, "listener.py"), self.dir)
        for name, text in (files or {}).items():
            with open(os.path.join(self.dir, name), "w") as f:
                f.write(text)
        with open(os.path.join(self.dir, "ports.yaml"), "w") as f:
            f.write("project: bench\nservices:\n" + services_yaml)
        self.env = dict(os.environ, DEVSTACK_HOME=self.home)
        self.proc = None

    def up(self):
        self.proc = subprocess.Popen([LAUNCHER, "up", "--no-tui"], cwd=self.dir, env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        return self

    def state(self):
        try:
            with open(os.path.join(self.dir, ".devstack", "run.json")) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def services(self):
        state = self.state()
        return state["services"] if state else []

    def wait_ready(self, count):
        wait(lambda: sum(1 for s in self.services() if s["state"] in ("ready", "running")) == count, 60,
             "the stack to be up")

    def close(self):
        pids = [s["pid"] for s in self.services() if s.get("pid")]
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        for pid in pids:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.rmtree(self.home, ignore_errors=True)


def bench_restart(reps):
    yaml = "".join(f"  s{i:02d}: {{ command: {PYTHON} -u listener.py, restart: on-failure, backoff: 0 }}\n"
                   for i in range(10))
    stack = Stack(yaml).up()
    times = []
    try:
        stack.wait_ready(10)
        for rep in range(reps):
            service = stack.services()[rep % 10]
            port, pid = service["ports"][0]["port"], service["pid"]
            wait(lambda: accepts(port), 10, "the port before the kill")
            t0 = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            wait(lambda: not accepts(port) or not alive(pid), 10, "the kill")

            def back():
                current = [s for s in stack.services() if s["name"] == service["name"]][0]
                return current.get("pid") not in (None, pid) and accepts(port)

            wait(back, 30, "the port to accept again from a new process")
            times.append(time.monotonic() - t0)
    finally:
        stack.close()
    return times


def is_lifeline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"devstack-lifeline" in f.read()
    except OSError:
        return False


def bench_orphans(reps):
    left_after_3s, services_gone, gone_after = [], [], []
    for _ in range(reps):
        yaml = "".join(f"  s{i:02d}: {{ command: {PYTHON} -u listener.py }}\n" for i in range(10))
        stack = Stack(yaml).up()
        try:
            stack.wait_ready(10)
            wait(lambda: all(s.get("pid") for s in stack.services()), 10, "every pid")
            processes = [p for s in stack.services() for p in group(s["pid"])]
            services = [p for p in processes if not is_lifeline(p)]
            t0 = time.monotonic()
            stack.proc.kill()
            stack.proc.wait(10)
            end = t0 + 3
            gone = first = None
            while time.monotonic() < end:
                if first is None and not any(alive(p) for p in services):
                    first = time.monotonic() - t0
                if gone is None and not any(alive(p) for p in processes):
                    gone = time.monotonic() - t0
                time.sleep(0.002)
            left_after_3s.append(sum(1 for p in processes if alive(p)))
            services_gone.append(first if first is not None else float("inf"))
            gone_after.append(gone if gone is not None else float("inf"))
        finally:
            stack.close()
    return left_after_3s, services_gone, gone_after


def bench_cpu(reps, services=20, rate=1000, seconds=10):
    shares = []
    for _ in range(reps):
        yaml = "".join(f"  c{i:02d}: {{ command: {PYTHON} chatter.py {rate}, port: none }}\n" for i in range(services))
        stack = Stack(yaml, {"chatter.py": CHATTER}).up()
        try:
            stack.wait_ready(services)
            time.sleep(1)  # the stack is up: measure the steady state, not the start
            before = stat(stack.proc.pid)
            t0 = time.monotonic()
            time.sleep(seconds)
            after = stat(stack.proc.pid)
            elapsed = time.monotonic() - t0
            cpu = (int(after[11]) + int(after[12]) - int(before[11]) - int(before[12])) / TICKS
            shares.append(100.0 * cpu / elapsed)
            logs = os.path.join(stack.dir, ".devstack", "logs")
            lines = sum(sum(1 for _ in open(os.path.join(logs, f))) for f in os.listdir(logs))
            print(f"  cpu run: {shares[-1]:.1f}% of one core; {lines} lines in the logs", file=sys.stderr)
        finally:
            stack.close()
    return shares


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", default="all", choices=["restart", "orphans", "cpu", "all"])
    parser.add_argument("--reps", type=int, default=10)
    opts = parser.parse_args()
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)  # build first, if needed
    if opts.what in ("restart", "all"):
        times = bench_restart(opts.reps)
        print(f"restart after kill -9 (backoff 0): median {statistics.median(times):.3f} s "
              f"(min {min(times):.3f}, max {max(times):.3f}, {len(times)} kills)")
    if opts.what in ("orphans", "all"):
        left, services, gone = bench_orphans(opts.reps)
        print(f"kill -9 of devstack, 10 services: processes left after 3 s: {left}; services gone after: median "
              f"{statistics.median(services):.3f} s (max {max(services):.3f}); lifelines too: median "
              f"{statistics.median(gone):.3f} s (max {max(gone):.3f})")
    if opts.what in ("cpu", "all"):
        shares = bench_cpu(opts.reps)
        print(f"devstack CPU, 20 services x 1,000 lines/s: median {statistics.median(shares):.1f}% of one core "
              f"(min {min(shares):.1f}, max {max(shares):.1f}, {len(shares)} runs of 10 s)")


if __name__ == "__main__":
    sys.exit(main())
