#!/usr/bin/env python3
"""devstack's ports benchmark (not a test). Medians of --reps runs:

  claims/s, CLI   : `devstack claim` run again and again (each claim is a new process), one at a
                    time, and from 4 shell loops at once
  claims/s, JVM   : ClaimWorker (supervisor's test classes) claiming in a loop inside one JVM, and
                    in 4 JVMs at once; counted from each JVM's first claim to its last, so JVM
                    start-up is left out: this is what the registry itself sustains
  who / ports     : wall time of `devstack who PORT` and `devstack ports --all` against
                    `ss -ltnp` and `lsof -nP -iTCP -sTCP:LISTEN`, with --listeners extra
                    listening sockets open

  python3 bench/bench_ports.py [--reps 5] [--listeners 50] [--json results.json]

Run it after `mvn -B install` (the JVM figures need app's test classes and classpath).
Every run uses a fresh DEVSTACK_HOME.
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from stacklib import HERE, LAUNCHER

ROOT = os.path.dirname(HERE)
WORKER = "dev.devstack.app.ClaimWorker"


def timed(argv, env=None):
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def fresh_home():
    home = tempfile.mkdtemp(prefix="devstack-bench-home-")
    env = dict(os.environ, DEVSTACK_HOME=home)
    return home, env


def cli_claims(loops, per_loop):
    """Claims per second with `loops` shell-like loops each running `devstack claim` per_loop times."""
    home, env = fresh_home()
    try:
        def loop(index):
            for i in range(per_loop):
                timed([LAUNCHER, "claim", "--name", f"bench-{index}-{i}"], env)

        threads = [threading.Thread(target=loop, args=(i,)) for i in range(loops)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return loops * per_loop / (time.perf_counter() - start)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def worker_classpath():
    out = os.path.join(tempfile.mkdtemp(prefix="devstack-bench-cp-"), "cp.txt")
    subprocess.run(["mvn", "-B", "-q", "-f", os.path.join(ROOT, "app", "pom.xml"),
                    "dependency:build-classpath", f"-Dmdep.outputFile={out}"], check=True)
    with open(out) as f:
        deps = f.read().strip()
    target = os.path.join(ROOT, "app", "target")
    for part in ("classes", "test-classes"):
        if not os.path.isdir(os.path.join(target, part)):
            sys.exit(f"{target}/{part} is missing: run `mvn -B install` first")
    return f"{deps}:{target}/classes:{target}/test-classes"


def jvm_claims(classpath, jvms, per_jvm, worker=WORKER):
    """Claims per second of `jvms` workers (main classes given HOME NAME COUNT, printing a line per
    committed claim) at once, from each one's first claim to its last."""
    home, env = fresh_home()
    try:
        workers = [subprocess.Popen(["java", "-cp", classpath, worker, home, f"w{i}", str(per_jvm + 1)],
                                    stdout=subprocess.PIPE, text=True, env=env) for i in range(jvms)]
        firsts, lasts = [], []

        def read(process):
            first = last = None
            for _ in process.stdout:
                now = time.perf_counter()
                first = first or now
                last = now
            firsts.append(first)
            lasts.append(last)

        readers = [threading.Thread(target=read, args=(w,)) for w in workers]
        for reader in readers:
            reader.start()
        for reader, process in zip(readers, workers):
            reader.join()
            if process.wait() != 0:
                sys.exit(f"a {worker} failed")
        # the first claim of each JVM marks its start: count the claims after it
        return jvms * per_jvm / (max(lasts) - min(firsts))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def listening_sockets(count):
    sockets = []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen()
        sockets.append(s)
    return sockets


def lookups(reps, listeners):
    sockets = listening_sockets(listeners)
    port = sockets[0].getsockname()[1]
    home, env = fresh_home()
    commands = {
        f"devstack who PORT": [LAUNCHER, "who", str(port)],
        "devstack ports --all": [LAUNCHER, "ports", "--all"],
        "ss -ltnp": ["ss", "-ltnp"],
        "lsof -nP -iTCP -sTCP:LISTEN": ["lsof", "-nP", "-iTCP", "-sTCP:LISTEN"],
    }
    try:
        results = {}
        for name, argv in commands.items():
            if shutil.which(argv[0]) is None:
                results[name] = None
                continue
            timed(argv, env)
            results[name] = statistics.median(timed(argv, env) for _ in range(reps))
        return results
    finally:
        for s in sockets:
            s.close()
        shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--listeners", type=int, default=50)
    parser.add_argument("--json")
    args = parser.parse_args()

    timed([LAUNCHER, "--version"])
    results = {"cpus": os.cpu_count(), "reps": args.reps, "listeners": args.listeners}
    results["cli_claims_per_s_1"] = statistics.median(cli_claims(1, 20) for _ in range(args.reps))
    results["cli_claims_per_s_4"] = statistics.median(cli_claims(4, 10) for _ in range(args.reps))
    classpath = worker_classpath()
    results["jvm_claims_per_s_1"] = statistics.median(jvm_claims(classpath, 1, 300) for _ in range(args.reps))
    results["jvm_claims_per_s_4"] = statistics.median(jvm_claims(classpath, 4, 150) for _ in range(args.reps))
    results["lookup_seconds"] = lookups(args.reps * 2, args.listeners)

    print(f"claims per second (median of {args.reps}, {results['cpus']} CPUs)")
    print(f"  devstack claim, one at a time      {results['cli_claims_per_s_1']:8.1f}")
    print(f"  devstack claim, 4 loops at once    {results['cli_claims_per_s_4']:8.1f}")
    print(f"  in one JVM (registry only)         {results['jvm_claims_per_s_1']:8.1f}")
    print(f"  in 4 JVMs at once (registry only)  {results['jvm_claims_per_s_4']:8.1f}")
    print(f"wall time, median of {args.reps * 2}, with {args.listeners} extra listeners")
    for name, seconds in results["lookup_seconds"].items():
        print(f"  {name:30} " + ("not installed" if seconds is None else f"{seconds * 1000:8.1f} ms"))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
