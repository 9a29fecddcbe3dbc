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
import os
import signal
import statistics
import sys
import time

from stacklib import CHATTER, PYTHON, Stack, accepts, alive, cpu_seconds, group, options, wait


def bench_restart(reps):
    yaml = "".join(f"  s{i:02d}: {{ command: {PYTHON} -u listener.py, restart: on-failure, backoff: 0 }}\n"
                   for i in range(10))
    stack = Stack(yaml).up()
    times = []
    try:
        stack.wait_ready(10)
        for rep in range(reps):
            service = stack.services()[rep % 10]
            port, pid = service["ports"][0], service["pid"]
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
            before = cpu_seconds(stack.proc.pid)
            t0 = time.monotonic()
            time.sleep(seconds)
            cpu = cpu_seconds(stack.proc.pid) - before
            shares.append(100.0 * cpu / (time.monotonic() - t0))
            logs = os.path.join(stack.dir, ".devstack", "logs")
            lines = sum(sum(1 for _ in open(os.path.join(logs, f))) for f in os.listdir(logs))
            print(f"  cpu run: {shares[-1]:.1f}% of one core; {lines} lines in the logs", file=sys.stderr)
        finally:
            stack.close()
    return shares


def main():
    opts = options(__doc__, ["restart", "orphans", "cpu"], reps=10)
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
