#!/usr/bin/env python3
"""devstack's dashboard benchmarks (not tests): `devstack up` in a real terminal (a tmux pane of
160x50), median of --reps runs each.

  idle  : devstack's CPU over 10 s with 50 services that print nothing, once all are ready
  flood : 20 services print 1,000 lines a second each, and one more (selected, so its log is on
          screen) prints a time-stamped marker every 0.25 s:
            - devstack's CPU over 10 s, nobody reading the screen
            - then, for 10 s, the pane is read every 10 ms: how long from a marker's print until
              the dashboard has put it on the screen (tmux's own drawing included)

  python3 bench/bench_dashboard.py [idle|flood|all] [--reps 5]      (needs tmux)
"""
import os
import re
import statistics
import subprocess
import sys
import time

from stacklib import CHATTER, LAUNCHER, PYTHON, Stack, cpu_seconds, options, wait

MARKER = """import time
with open("marks.txt", "a") as marks:
    while True:
        stamp = "%.3f" % time.time()
        marks.write(stamp + "\\n")
        marks.flush()
        print("MARK " + stamp, flush=True)
        time.sleep(0.25)
"""
SECONDS = 10


class TmuxStack(Stack):
    """A generated stack run by `devstack up` in a pane of a tmux server of its own."""

    def up(self):
        self.socket = "devstack-bench-%d" % os.getpid()
        command = f"cd {self.dir} && env DEVSTACK_HOME={self.home} LANG=C.UTF-8 {LAUNCHER} up"
        subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-x", "160", "-y", "50", command], check=True)
        wait(lambda: self.state() is not None, 60, "devstack to start")
        self.pid = self.state()["supervisor"]["pid"]
        return self

    def screen(self):
        return subprocess.run(["tmux", "-L", self.socket, "capture-pane", "-p"], capture_output=True,
                              text=True).stdout

    def close(self):
        pids = [s["pid"] for s in self.services() if s.get("pid")]
        try:
            os.kill(self.pid, 15)
            wait(lambda: not os.path.exists(f"/proc/{self.pid}"), 20, "devstack to stop")
        except (OSError, RuntimeError):
            pass
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], stderr=subprocess.DEVNULL)
        for pid in pids:
            try:
                os.killpg(pid, 9)
            except OSError:
                pass
        super().close()


def cpu_share(pid, seconds):
    before, t0 = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return 100.0 * (cpu_seconds(pid) - before) / (time.monotonic() - t0)


def bench_idle(reps, services=50):
    shares = []
    for _ in range(reps):
        yaml = "".join(f"  s{i:02d}: {{ command: {PYTHON} -u listener.py }}\n" for i in range(services))
        stack = TmuxStack(yaml).up()
        try:
            stack.wait_all(services, ("ready",))
            wait(lambda: f"{services} ready" in stack.screen(), 30, "the dashboard to show them ready")
            time.sleep(2)  # past the start: the steady state is what is measured
            shares.append(cpu_share(stack.pid, SECONDS))
            print(f"  idle run: {shares[-1]:.2f}% of one core", file=sys.stderr)
        finally:
            stack.close()
    return shares


def bench_flood(reps, services=20, rate=1000):
    shares, delays = [], []
    for _ in range(reps):
        yaml = f"  a-mark: {{ command: {PYTHON} -u marker.py, port: none }}\n" + "".join(
            f"  c{i:02d}: {{ command: {PYTHON} chatter.py {rate}, port: none }}\n" for i in range(services))
        stack = TmuxStack(yaml, {"chatter.py": CHATTER, "marker.py": MARKER}).up()
        try:
            stack.wait_all(services + 1, ("running",))
            time.sleep(1)
            shares.append(cpu_share(stack.pid, SECONDS))
            seen = {}
            start, end = time.time(), time.monotonic() + SECONDS
            while time.monotonic() < end:
                now = time.time()
                for stamp in re.findall(r"MARK (\d+\.\d+)", stack.screen()):
                    if float(stamp) > start:  # printed while the screen is watched
                        seen.setdefault(stamp, now - float(stamp))
                time.sleep(0.01)
            with open(os.path.join(stack.dir, "marks.txt")) as marks:
                printed = set(marks.read().split())
            # a pane read in the middle of a redraw can mix two markers' digits: only real ones count
            run = sorted(delay for stamp, delay in seen.items() if stamp in printed)
            delays.extend(run)
            print(f"  flood run: {shares[-1]:.1f}% of one core; marker on screen after median "
                  f"{statistics.median(run) * 1000:.0f} ms (max {max(run) * 1000:.0f} ms, {len(run)} markers, "
                  f"{len(seen) - len(run)} half-drawn reads left out)", file=sys.stderr)
        finally:
            stack.close()
    return shares, delays


def main():
    opts = options(__doc__, ["idle", "flood"], reps=5)
    if opts.what in ("idle", "all"):
        shares = bench_idle(opts.reps)
        print(f"dashboard idle, 50 services: median {statistics.median(shares):.2f}% of one core "
              f"(min {min(shares):.2f}, max {max(shares):.2f}, {len(shares)} runs of {SECONDS} s)")
    if opts.what in ("flood", "all"):
        shares, delays = bench_flood(opts.reps)
        delays.sort()
        p95 = delays[int(0.95 * (len(delays) - 1))]
        print(f"dashboard, 20 services x 1,000 lines/s: median {statistics.median(shares):.1f}% of one core "
              f"(min {min(shares):.1f}, max {max(shares):.1f}); a line on screen after median "
              f"{statistics.median(delays) * 1000:.0f} ms, 95th percentile {p95 * 1000:.0f} ms, "
              f"max {delays[-1] * 1000:.0f} ms ({len(delays)} markers)")


if __name__ == "__main__":
    sys.exit(main())
