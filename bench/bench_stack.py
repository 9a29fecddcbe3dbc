#!/usr/bin/env python3
"""devstack's own stack benchmark (not a test). Median of --reps runs for each N:

  up    : from starting `devstack up --no-tui` until every one of the N services accepts connections
  stop  : from SIGINT to devstack until every service process is gone and devstack has exited
  exit  : from SIGINT until devstack has exited ("prompt back")
  ports : wall time of `devstack ports` while the stack runs, and after it stopped
  rss   : devstack's peak resident memory (VmHWM) just before the stop

  python3 bench/bench_stack.py [--n 10,50] [--reps 5] [--json results.json]

Each run uses a fresh stack folder and a fresh DEVSTACK_HOME, so ports are chosen from scratch.
Services are `python3 listener.py` (/usr/bin/python3 when present: a pyenv shim adds ~120 ms per
start, which would measure pyenv, not devstack).
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from stacklib import HERE, LAUNCHER, PYTHON, accepts, alive, group, wait


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def generate(directory, n):
    shutil.copy(os.path.join(HERE, "listener.py"), directory)
    with open(os.path.join(directory, "ports.yaml"), "w") as f:
        f.write("project: bench\nservices:\n")
        for i in range(n):
            f.write(f"  s{i:02d}: {{ command: {PYTHON} -u listener.py }}\n")


def run_state(directory):
    try:
        with open(os.path.join(directory, ".devstack", "run.json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def timed_ports(directory, env):
    t = time.monotonic()
    subprocess.run([LAUNCHER, "ports"], cwd=directory, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - t


def one_run(n, env_base):
    directory = tempfile.mkdtemp(prefix=f"devstack-bench-n{n}-")
    home = tempfile.mkdtemp(prefix="devstack-bench-home-")
    env = dict(env_base, DEVSTACK_HOME=home)
    generate(directory, n)
    log = open(os.path.join(directory, "up.log"), "w")
    t0 = time.monotonic()
    up = subprocess.Popen([LAUNCHER, "up", "--no-tui"], cwd=directory, env=env, stdout=log, stderr=log,
                          start_new_session=True)
    try:
        state = None

        def ports_known():
            nonlocal state
            state = run_state(directory)
            return state is not None and all(s["ports"] for s in state["services"])

        wait(ports_known, 60, "the ports")
        pending = {s["ports"][0] for s in state["services"]}

        def all_accept():
            for port in list(pending):
                if accepts(port):
                    pending.discard(port)
            return not pending

        wait(all_accept, 60, "every port to accept")
        up_s = time.monotonic() - t0
        wait(lambda: all(s["pid"] for s in (run_state(directory) or state)["services"]), 30, "every pid")
        pids = [s["pid"] for s in run_state(directory)["services"]]
        processes = [p for pid in pids for p in group(pid)]
        ports_live_s = timed_ports(directory, env)
        rss_mib = peak_rss_mib(up.pid)

        t1 = time.monotonic()
        os.kill(up.pid, signal.SIGINT)
        wait(lambda: not any(alive(p) for p in processes), 30, "every service to end")
        gone_s = time.monotonic() - t1
        up.wait(30)
        exit_s = time.monotonic() - t1
        stop_s = max(gone_s, exit_s)
        ports_stopped_s = timed_ports(directory, env)
        return {"n": n, "up_s": up_s, "stop_s": stop_s, "exit_s": exit_s, "ports_live_s": ports_live_s,
                "ports_stopped_s": ports_stopped_s, "rss_mib": rss_mib, "exit_code": up.returncode,
                "left_over": sum(1 for p in processes if alive(p))}
    finally:
        if up.poll() is None:
            up.kill()
        for s in (run_state(directory) or {"services": []})["services"]:
            if s.get("pid"):
                try:
                    os.killpg(s["pid"], signal.SIGKILL)
                except OSError:
                    pass
        log.close()
        shutil.rmtree(directory, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", default="10,50")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--json", help="also write every run to this file")
    opts = parser.parse_args()
    env = dict(os.environ)
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL, env=env)  # build once, first
    all_runs = []
    print("| N | up: launch → all ports accept (s) | SIGINT → all services gone and devstack exited (s)"
          " | SIGINT → devstack exited (s) | `ports`, stack running (s) | `ports`, stopped (s)"
          " | devstack peak RSS (MiB) | runs |")
    print("|---|---|---|---|---|---|---|---|")
    for n in [int(x) for x in opts.n.split(",")]:
        runs = [one_run(n, env) for _ in range(opts.reps)]
        all_runs += runs
        bad = [r for r in runs if r["exit_code"] != 0 or r["left_over"]]
        print(f"| {n} | {median(runs, 'up_s'):.3f} | {median(runs, 'stop_s'):.3f} | {median(runs, 'exit_s'):.3f}"
              f" | {median(runs, 'ports_live_s'):.3f} | {median(runs, 'ports_stopped_s'):.3f}"
              f" | {median(runs, 'rss_mib'):.1f} | {len(runs) - len(bad)}/{len(runs)} clean |", flush=True)
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(all_runs, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
