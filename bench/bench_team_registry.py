#!/usr/bin/env python3
"""The figures issue 16 asks of the team registry (not a test): claims per second and their latency
(p50, p99) on the local registry (MapDB in a temporary DEVSTACK_HOME), on a single etcd member and on
a three-member etcd cluster, with 1 client and with 8 concurrent clients.

  python3 bench/bench_team_registry.py [--quick] [--rounds N] [--claims N] [--warmup N]
                                       [--clients 1,8] [--hosts same|distinct] [--json FILE]

A client is a JVM of its own (bench/TeamRegistryBench.java on cli/target/devstack.jar, with the
launcher's JVM options) that claims ports through devstack's claim path (`ManualLeases.claim`, what
`devstack claim NAME` runs). Each client warms up first (claims, then releases them); when every
client is ready they start together, and claims/s is every client's claims over the window from the
first start to the last end. With `--hosts same` (the default) every client has the same
DEVSTACK_HOST, so they contend for one host's ports, as several devstacks on one machine do; with
`--hosts distinct` each is a host of its own (they still contend for the registry's one guard key).

The etcd members are /usr/bin/etcd on 127.0.0.1 with free ports and temporary data folders, started
once and kept for the whole run; every measurement gets a fresh namespace (etcd) or a fresh
DEVSTACK_HOME (local). Backends alternate inside each round (their order rotates from round to round),
and the etcd figures are divided by the local figure of the same round. Beside them: etcd's own
counters (Txn calls, WAL fsyncs and their time, its CPU) per claim, and the disk's floor for one local
registry commit (copy, fsync, rename, fsync of the folder, as store.RegistryFile does). A claim that
fails (etcd not answering within devstack's call timeout on a loaded machine, say) is counted and
shown with its message, and left out of claims/s and the latencies; every port is checked for being
handed out twice (per host).

It kills every process it started, also on Ctrl-C or an error, and removes its folders.
Needs cli/target/devstack.jar with store-etcd inside (mvn -o -q package -pl cli -am -DskipTests) and
etcd (Debian: apt-get install etcd-server).
"""
import argparse
import json
import os
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
JAR = os.path.join(REPO, "cli", "target", "devstack.jar")
CLIENT = os.path.join(HERE, "TeamRegistryBench.java")
ETCD = "/usr/bin/etcd"
# The launcher's options (./devstack): what every devstack command runs with.
JVM = ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms16m"]
TICKS = os.sysconf("SC_CLK_TCK")
BACKENDS = ("local", "etcd-1", "etcd-3")
STARTED = []  # every process this script started, for the finally that kills them


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def start(command, **kwargs):
    process = subprocess.Popen(command, start_new_session=True, **kwargs)
    STARTED.append(process)
    return process


def kill_all():
    for process in STARTED:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                pass
            process.wait()


class Etcd:
    """1 or 3 etcd members on 127.0.0.1 forming one cluster, each with its data and log in `folder`."""

    def __init__(self, name, size, folder):
        self.name = name
        self.members = [{"name": f"{name}-m{i}", "client": free_port(), "peer": free_port(), "metrics": free_port()}
                        for i in range(size)]
        initial = ",".join(f"{m['name']}=http://127.0.0.1:{m['peer']}" for m in self.members)
        for m in self.members:
            log = open(os.path.join(folder, m["name"] + ".log"), "w")
            client, peer = f"http://127.0.0.1:{m['client']}", f"http://127.0.0.1:{m['peer']}"
            m["log"] = log.name
            m["process"] = start([ETCD, "--name", m["name"], "--data-dir", os.path.join(folder, m["name"] + ".etcd"),
                                  "--listen-client-urls", client, "--advertise-client-urls", client,
                                  "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                                  "--initial-cluster", initial, "--initial-cluster-token", f"{name}-{os.getpid()}",
                                  "--listen-metrics-urls", f"http://127.0.0.1:{m['metrics']}"],
                                 stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        end = time.monotonic() + 60
        for m in self.members:
            while not self.healthy(m):
                if m["process"].poll() is not None or time.monotonic() > end:
                    with open(m["log"]) as f:
                        tail = "".join(f.readlines()[-5:])
                    raise RuntimeError(f"etcd {m['name']} on 127.0.0.1:{m['client']} did not answer: {tail}")
                time.sleep(0.1)

    @staticmethod
    def healthy(member):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{member['client']}/health", timeout=1) as answer:
                return b'"health":"true"' in answer.read()
        except OSError:
            return False

    def address(self, namespace):
        return "etcd://" + ",".join(f"127.0.0.1:{m['client']}" for m in self.members) + "/" + namespace

    def counters(self):
        """etcd's own counters, summed over the members: Txn calls, WAL fsyncs and their seconds, CPU ticks."""
        total = {"txn": 0.0, "fsyncs": 0.0, "fsync_seconds": 0.0, "cpu_ticks": 0}
        for m in self.members:
            with urllib.request.urlopen(f"http://127.0.0.1:{m['metrics']}/metrics", timeout=5) as answer:
                for line in answer.read().decode().splitlines():
                    if line.startswith("grpc_server_handled_total{") and 'grpc_method="Txn"' in line:
                        total["txn"] += float(line.rsplit(" ", 1)[1])
                    elif line.startswith("etcd_disk_wal_fsync_duration_seconds_count "):
                        total["fsyncs"] += float(line.rsplit(" ", 1)[1])
                    elif line.startswith("etcd_disk_wal_fsync_duration_seconds_sum "):
                        total["fsync_seconds"] += float(line.rsplit(" ", 1)[1])
            total["cpu_ticks"] += cpu_ticks(m["process"].pid)
        return total


def read_lines(process, index, lines):
    for line in process.stdout:
        lines.put((index, line))
    lines.put((index, None))


def await_lines(lines, count, deadline, what, clients):
    got = {}
    while len(got) < count:
        try:
            index, line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise RuntimeError(f"timed out waiting for {what} ({len(got)} of {count})") from None
        if line is None and index in got:
            continue
        if line is None:
            clients[index].wait()
            with open(clients[index].args_stderr) as f:
                tail = "".join([line for line in f if not line.startswith("\tat ")][-8:])
            raise RuntimeError(f"client {index} (pid {clients[index].pid}) exited with {clients[index].returncode}"
                               f" before {what}: {tail}")
        got[index] = line
    return got


def measure(backend, clients, claims, warmup, hosts, etcd, folder, label):
    """One measurement: `clients` JVMs claiming `claims` ports in all on a fresh registry."""
    home = os.path.join(folder, label)
    os.makedirs(os.path.join(home, "config"), mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEVSTACK_")}
    env.update(DEVSTACK_HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"))
    if etcd:
        env["DEVSTACK_REGISTRY"] = etcd.address(label)
    each = claims // clients
    processes = []
    lines = queue.Queue()
    for i in range(clients):
        stderr = os.path.join(home, f"client-{i}.err")
        client_env = dict(env, DEVSTACK_HOST="bench-host" if hosts == "same" else f"bench-host-{i}")
        with open(stderr, "w") as err:
            process = start([*JVM, "-cp", JAR, CLIENT, f"c{i}", str(each), str(warmup)], env=client_env, cwd=home,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True)
        process.args_stderr = stderr
        processes.append(process)
        threading.Thread(target=read_lines, args=(process, i, lines), daemon=True).start()
    try:
        await_lines(lines, clients, time.monotonic() + 180, "every client to be warm", processes)
        before = etcd.counters() if etcd else None
        load_before = load()
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        results = [json.loads(line) for line in
                   await_lines(lines, clients, time.monotonic() + 600, "the claims", processes).values()]
        after = etcd.counters() if etcd else None
        for process in processes:
            process.wait(30)
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    latencies = [us / 1000 for r in results for us in r["latencies_us"]]
    if not latencies:
        raise RuntimeError(f"{label}: every claim failed; the first: {results[0]['first_failure']}")
    window = (max(r["end_us"] for r in results) - min(r["start_us"] for r in results)) / 1e6
    ports = [p for r in results for p in r["ports"]]
    host_of = [i if hosts == "distinct" else 0 for i, r in enumerate(results) for _ in r["ports"]]
    owned = list(zip(host_of, ports))
    figures = {
        "backend": backend, "clients": clients, "claims": len(latencies), "seconds": window,
        "claims_per_s": len(latencies) / window, "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99), "duplicate_ports": len(owned) - len(set(owned)),
        "failed": sum(r["failures"] for r in results), "warmup_failed": sum(r["warmup_failures"] for r in results),
        "first_failure": next((r["first_failure"] for r in results if r["first_failure"]), ""),
        "load_before": load_before, "load_after": load(),
    }
    if etcd:
        delta = {k: after[k] - before[k] for k in after}
        figures.update(
            attempts_per_claim=delta["txn"] / 2 / len(latencies),
            fsyncs_per_claim_per_member=delta["fsyncs"] / len(etcd.members) / len(latencies),
            fsync_ms=1000 * delta["fsync_seconds"] / delta["fsyncs"] if delta["fsyncs"] else 0.0,
            etcd_cpu_ms_per_claim=1000 * delta["cpu_ticks"] / TICKS / len(latencies))
    print(f"  {label:22} {figures['claims_per_s']:7.1f} claims/s  p50 {figures['p50_ms']:6.1f} ms"
          f"  p99 {figures['p99_ms']:6.1f} ms  load {load_before:.1f}"
          + (f"  failed {figures['failed']} (warm-up {figures['warmup_failed']}): {figures['first_failure']}"
             if figures["first_failure"] else ""), file=sys.stderr)
    return figures


def commit_floor(home, count):
    """What one local registry commit costs the disk, without devstack: the registry file copied, the
    copy fsynced and renamed over another, the folder fsynced (store.RegistryFile's replace), in ms."""
    registry = os.path.join(home, "registry.db")
    copy, done = os.path.join(home, "floor.db"), os.path.join(home, "floor-done.db")
    times = []
    for _ in range(count):
        began = time.perf_counter()
        shutil.copyfile(registry, copy)
        descriptor = os.open(copy, os.O_WRONLY)
        os.fsync(descriptor)
        os.close(descriptor)
        os.rename(copy, done)
        folder = os.open(home, os.O_RDONLY)
        os.fsync(folder)
        os.close(folder)
        times.append((time.perf_counter() - began) * 1000)
    return {"registry_kib": os.path.getsize(registry) // 1024, "p50_ms": percentile(times, 50),
            "p99_ms": percentile(times, 99), "count": count}


def summary(runs):
    """Medians over the rounds of each (backend, clients), with the ratio to local in the same round."""
    rows = []
    for clients in sorted({r["clients"] for r in runs}):
        local = {r["round"]: r for r in runs if r["backend"] == "local" and r["clients"] == clients}
        for backend in BACKENDS:
            mine = [r for r in runs if r["backend"] == backend and r["clients"] == clients]
            if not mine:
                continue
            row = {"backend": backend, "clients": clients, "rounds": len(mine),
                   "claims_per_s_each": [r["claims_per_s"] for r in mine],
                   "duplicate_ports": sum(r["duplicate_ports"] for r in mine),
                   "failed": sum(r["failed"] for r in mine), "warmup_failed": sum(r["warmup_failed"] for r in mine)}
            for key in ("claims_per_s", "p50_ms", "p99_ms", "attempts_per_claim", "fsyncs_per_claim_per_member",
                        "fsync_ms", "etcd_cpu_ms_per_claim"):
                if key in mine[0]:
                    row[key] = statistics.median(r[key] for r in mine)
            row["vs_local"] = statistics.median(r["claims_per_s"] / local[r["round"]]["claims_per_s"] for r in mine)
            rows.append(row)
    return rows


def print_table(results):
    names = {"local": "local (MapDB)", "etcd-1": "etcd, 1 member", "etcd-3": "etcd, 3 members"}
    print(f"claims per measurement: {results['claims']}, warm-up {results['warmup']} claims per client,"
          f" {results['rounds']} round(s), clients on {results['hosts']} DEVSTACK_HOST; medians over the rounds")
    print()
    print("| backend | clients | claims/s | (each round) | × local | p50 | p99 | commit attempts per claim"
          " | WAL fsyncs per claim (per member) | WAL fsync | etcd CPU per claim | ports handed out twice"
          " | failed claims (warm-up) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in results["summary"]:
        etcd = "attempts_per_claim" in row
        print(f"| {names[row['backend']]} | {row['clients']} | **{row['claims_per_s']:.0f}** |"
              f" {', '.join(f'{v:.0f}' for v in row['claims_per_s_each'])} |"
              f" {row['vs_local']:.2f}× | {row['p50_ms']:.1f} ms | **{row['p99_ms']:.1f} ms** |"
              + (f" {row['attempts_per_claim']:.2f} | {row['fsyncs_per_claim_per_member']:.2f} |"
                 f" {row['fsync_ms']:.2f} ms | {row['etcd_cpu_ms_per_claim']:.2f} ms |" if etcd else " | | | |")
              + f" {row['duplicate_ports']} | {row['failed']} ({row['warmup_failed']}) |")
    floor = results["commit_floor"]
    print()
    print(f"the disk's floor for one local commit (copy of the {floor['registry_kib']} KiB registry, fsync, rename,"
          f" fsync of the folder; {floor['count']} times): p50 {floor['p50_ms']:.2f} ms, p99 {floor['p99_ms']:.2f} ms")
    for run in results["runs"]:
        if run["first_failure"]:
            print(f"r{run['round']} {run['backend']} with {run['clients']} clients: {run['failed']} claims failed"
                  f" ({run['warmup_failed']} in the warm-up), the first: {run['first_failure']}")
    loads = [r[k] for r in results["runs"] for k in ("load_before", "load_after")]
    print(f"load average (1 min) during the measurements: {min(loads):.1f} to {max(loads):.1f} on {os.cpu_count()}"
          f" cores")


def interrupted(*_):
    """SIGTERM ends the run as Ctrl-C does: through the finally that stops what it started."""
    raise KeyboardInterrupt


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 1 round, 80 claims, 5 warm-up claims")
    parser.add_argument("--rounds", type=int, help="rounds (default 3; 1 with --quick)")
    parser.add_argument("--claims", type=int, help="claims per measurement, shared by its clients (default 400)")
    parser.add_argument("--warmup", type=int, help="warm-up claims per client, released before timing (default 30)")
    parser.add_argument("--clients", default="1,8", help="client counts to measure (default 1,8)")
    parser.add_argument("--hosts", choices=("same", "distinct"), default="same",
                        help="every client on one DEVSTACK_HOST (default), or each on a host of its own")
    parser.add_argument("--json", metavar="FILE", help="also write every measurement to FILE as JSON")
    opts = parser.parse_args()
    rounds = opts.rounds or (1 if opts.quick else 3)
    claims = opts.claims or (80 if opts.quick else 400)
    warmup = opts.warmup if opts.warmup is not None else (5 if opts.quick else 30)
    counts = [int(c) for c in opts.clients.split(",")]
    if any(claims % c for c in counts):
        sys.exit(f"bench_team_registry: --claims {claims} must divide evenly among {opts.clients} clients")
    for needed, how in ((JAR, "mvn -o -q package -pl cli -am -DskipTests"), (ETCD, "apt-get install etcd-server")):
        if not os.path.exists(needed):
            sys.exit(f"bench_team_registry: needs {needed} ({how}), then run it again")
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in the background by a shell
    folder = tempfile.mkdtemp(prefix="devstack-bench-team-")
    runs = []
    try:
        print("starting etcd: 1 member, then a cluster of 3 ...", file=sys.stderr)
        clusters = {"local": None, "etcd-1": Etcd("solo", 1, folder), "etcd-3": Etcd("trio", 3, folder)}
        for round_ in range(rounds):
            order = BACKENDS[round_ % 3:] + BACKENDS[:round_ % 3]
            for clients in counts:
                for backend in order:
                    label = f"r{round_}-{backend}-c{clients}"
                    run = measure(backend, clients, claims, warmup, opts.hosts, clusters[backend], folder, label)
                    run["round"] = round_
                    runs.append(run)
        last_local = next(f"r{r['round']}-local-c{r['clients']}" for r in reversed(runs) if r["backend"] == "local")
        floor = commit_floor(os.path.join(folder, last_local), 10 if opts.quick else 30)
    finally:
        kill_all()
        shutil.rmtree(folder, ignore_errors=True)
    results = {"claims": claims, "warmup": warmup, "rounds": rounds, "hosts": opts.hosts, "runs": runs,
               "summary": summary(runs), "commit_floor": floor}
    print_table(results)
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        kill_all()
        print("bench_team_registry: interrupted; what it started is stopped and its folder removed", file=sys.stderr)
        sys.exit(130)
