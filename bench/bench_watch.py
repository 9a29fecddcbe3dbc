#!/usr/bin/env python3
"""devstack's watch benchmark (issue 13; not a test). On a generated tree of --files files in
folders of 20 (100,000 files: 5,000 folders), plus a node_modules of 20,000 files that must be
ignored, one service watching `**/*`:

  armed   : from `devstack up` until the stack says its watch is armed, and the walk itself
            (the "ready in N ms" of that line)
  idle    : devstack's CPU while nothing changes, --windows windows of 10 s (median), beside the
            same stack without `watch` in the same run (the ratio)
  restart : touching one file deep in the tree until the service's port accepts connections
            again from a new process, --reps times (median); includes the 300 ms debounce

  python3 bench/bench_watch.py [--files 100000] [--windows 6] [--reps 10]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from stacklib import LAUNCHER, PYTHON, Stack, accepts, cpu_seconds, wait

ARMED = re.compile(r"watching (\d+) folders? for \S+ \(ready in (\d+) ms\)")


def make_tree(root, files, per_folder=20, ignored=20_000):
    """files in folders of per_folder, two levels deep (top/dNNNN/fNN.py), and an ignored node_modules."""
    folders = files // per_folder
    for i in range(folders):
        folder = os.path.join(root, "src", f"t{i // 100:03d}", f"d{i:05d}")
        os.makedirs(folder)
        for j in range(per_folder):
            with open(os.path.join(folder, f"f{j:02d}.py"), "w") as f:
                f.write("x = 1\n")
    for i in range(ignored // per_folder):
        folder = os.path.join(root, "node_modules", f"p{i:04d}")
        os.makedirs(folder)
        for j in range(per_folder):
            open(os.path.join(folder, f"m{j:02d}.js"), "w").close()
    return folders


def stack_on(tree, settings):
    """A stack of one listener whose folder is the tree, with `settings` added to the service."""
    stack = Stack("")
    listener = os.path.join(stack.dir, "listener.py")
    with open(os.path.join(stack.dir, "ports.yaml"), "a") as f:
        f.write(f"  w: {{ command: {PYTHON} -u {listener}, cwd: {tree}{settings} }}\n")
    return stack


def idle_cpu(stack, windows, seconds=10):
    shares = []
    for _ in range(windows):
        before, t0 = cpu_seconds(stack.proc.pid), time.monotonic()
        time.sleep(seconds)
        shares.append(100.0 * (cpu_seconds(stack.proc.pid) - before) / (time.monotonic() - t0))
    return shares


def service(stack):
    return stack.services()[0]


def restart_latency(stack, tree, folders, reps):
    times = []
    middle = folders // 2
    target = os.path.join(tree, "src", f"t{middle // 100:03d}", f"d{middle:05d}", "f10.py")
    for rep in range(reps):
        before = service(stack)
        port, pid = before["ports"][0], before["pid"]
        wait(lambda: accepts(port), 10, "the port before the touch", every=0.01)
        t0 = time.monotonic()
        with open(target, "a") as f:
            f.write(f"# touch {rep}\n")

        def back():
            now = service(stack)
            return now.get("pid") not in (None, pid) and now["state"] in ("ready", "running") and accepts(port)

        wait(back, 30, "the service to listen again from a new process")
        times.append(time.monotonic() - t0)
        time.sleep(0.5)  # let the stack settle, so that each touch is a burst of its own
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--windows", type=int, default=6)
    parser.add_argument("--reps", type=int, default=10)
    opts = parser.parse_args()
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)

    tree = tempfile.mkdtemp(prefix="devstack-bench-tree-")
    watched = plain = None
    try:
        t0 = time.monotonic()
        folders = make_tree(tree, opts.files)
        print(f"tree: {opts.files:,} files in {folders:,} folders (+ node_modules, 20,000 files) "
              f"made in {time.monotonic() - t0:.1f} s", file=sys.stderr)

        plain = stack_on(tree, "")
        plain.up()
        plain.wait_ready(1)
        time.sleep(2)
        base = idle_cpu(plain, opts.windows)
        plain.close()
        plain = None

        watched = stack_on(tree, ', watch: ["**/*"]')
        out = os.path.join(watched.dir, "out.txt")
        with open(out, "w") as sink:
            t0 = time.monotonic()
            watched.up(stdout=sink, stderr=subprocess.STDOUT)
            match = []

            def armed():
                found = ARMED.search(open(out).read())
                match[:] = [found] if found else []
                return bool(found)

            wait(armed, 120, "the watch to be armed", every=0.01)
            armed_after = time.monotonic() - t0
        registered, walk_ms = int(match[0].group(1)), int(match[0].group(2))
        watched.wait_ready(1)
        time.sleep(2)
        with_watch = idle_cpu(watched, opts.windows)
        rss = int(open(f"/proc/{watched.proc.pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
        latencies = restart_latency(watched, tree, folders, opts.reps)

        print(f"armed: {armed_after:.2f} s after `up` ({registered:,} folders registered, walk {walk_ms} ms); "
              f"node_modules not walked")
        print(f"idle CPU over {opts.windows} x 10 s: with watch median {statistics.median(with_watch):.2f}% of one core "
              f"(max {max(with_watch):.2f}), without {statistics.median(base):.2f}% (max {max(base):.2f}); "
              f"ratio {statistics.median(with_watch) / max(statistics.median(base), 0.01):.2f}; RSS {rss} MiB")
        print(f"touch -> listening again from a new process: median {statistics.median(latencies):.3f} s "
              f"(min {min(latencies):.3f}, max {max(latencies):.3f}, {len(latencies)} touches; debounce 0.300 s)")
    finally:
        for stack in (plain, watched):
            if stack:
                stack.close()
        shutil.rmtree(tree, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
