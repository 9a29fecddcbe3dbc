#!/usr/bin/env python3
"""devstack beside its peers in one command (issue 14), with the shared peer harness:

  S1  : stack up (launch → every port accepts), clean stop (→ prompt back, every service gone) and
        the supervisor's peak RSS, N = 10, 50 and 200, for devstack, foreman, mprocs, pm2 and the
        floor (direct, the harness's Popen loop), peers interleaved run by run
  S4  : kill -9, then SIGTERM, to the supervisor's pid only (N = 10) → processes left behind,
        for devstack, foreman and mprocs
  CLI : median wall time of `devstack ports`, `status`, `who PORT`, `check`, `claim` (and
        `--version`) on a running 3-service stack, against a bare `java -version` with the JVM
        flags and archive settings the launcher uses, all in the same run

  python3 bench/bench_peers.py [--reps 3] [--n 10,50,200] [--quick] [--cli-runs 10] [--devstack PATH]
                               [--harness DIR] [--discover] [--out FILE] [--json FILE]

Prints the issue's table, devstack's ratios against the issue's targets (each met or missed by how
much), the S4 table and the CLI table in markdown. --quick is a smoke check: N = 10, one run each.
The harness (../shared/bench/peers from the repository root, or $DEVSTACK_PEERS_HARNESS, or
--harness) is copied to a temporary folder and run there (`npm ci` in the copy); it is never
written to. devstack runs through its launcher (`up --no-tui`, stopped by SIGINT to its process
group, as Ctrl-C would) with a private DEVSTACK_HOME. By default its stack gets `PORT=5000` in
.env, so it takes Foreman's ports (5000 + 100·i) and the harness polls them as it polls every other
peer's; --discover lets devstack choose and the harness find them from the services' sockets
(a /proc scan every 10 ms on the same CPUs). Needs ruby-foreman, lsof, node and npm, java;
hyperfine if present (else a timing loop of this script); missing apt packages are installed when
run as root. pm2 is left out at N = 200 (see LEFT_OUT).
"""
import argparse
import json
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import peers_table
from stacklib import HERE, LAUNCHER, PYTHON, Stack

ROOT = os.path.dirname(HERE)
CLEAN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"  # what the harness gives the tools
S1_PEERS = ["foreman", "mprocs", "pm2", "direct", "custom"]
S4_PEERS = ["foreman", "mprocs", "custom"]
# Tried on 2026-11-30 (pm2 7.0.4, 2 CPUs): up took 24 s, and `pm2 kill` had not ended after 20 s
# with services still running; one such run costs a minute and gives no figure.
LEFT_OUT = {("pm2", 200): "pm2 at N = 200: up took 24 s and `pm2 kill` left services running after 20 s"}
APT = {"/usr/bin/foreman": "ruby-foreman", "/usr/bin/lsof": "lsof", "/usr/bin/script": "bsdutils",
       "/usr/bin/hyperfine": "hyperfine"}


def say(text):
    print(text, file=sys.stderr, flush=True)


def options():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=3, help="runs per peer and N (default 3)")
    parser.add_argument("--n", default="10,50,200", help="S1 stack sizes (default 10,50,200)")
    parser.add_argument("--quick", action="store_true", help="smoke check: N = 10, one run, 3 CLI runs")
    parser.add_argument("--cli-runs", type=int, default=10, help="runs per CLI command (default 10)")
    parser.add_argument("--devstack", default=LAUNCHER, help="the launcher to measure (default: this checkout's)")
    parser.add_argument("--harness", default=os.environ.get("DEVSTACK_PEERS_HARNESS",
                                                           os.path.join(ROOT, "..", "shared", "bench", "peers")))
    parser.add_argument("--discover", action="store_true", help="devstack chooses its ports; the harness finds them")
    parser.add_argument("--out", help="also write the markdown to FILE")
    parser.add_argument("--json", help="write every record and figure to FILE")
    opts = parser.parse_args()
    opts.sizes = [10] if opts.quick else [int(n) for n in opts.n.split(",")]
    opts.reps, opts.cli_runs = (1, 3) if opts.quick else (opts.reps, opts.cli_runs)
    opts.devstack, opts.harness = os.path.abspath(opts.devstack), os.path.abspath(opts.harness)
    if not os.path.isfile(os.path.join(opts.harness, "bench_stack.py")):
        parser.error(f"no peer harness in {opts.harness} (no bench_stack.py there); "
                     "give its folder with --harness DIR or DEVSTACK_PEERS_HARNESS=DIR")
    if not os.access(opts.devstack, os.X_OK):
        parser.error(f"no devstack launcher at {opts.devstack}; give one with --devstack PATH")
    return opts


def install_missing():
    """The apt packages the harness needs, installed when we are root; without them the script stops."""
    missing = [package for path, package in APT.items() if not os.path.exists(path)]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing {', '.join(missing)} with apt-get")
        subprocess.run(["apt-get", "update", "-qq"], stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + missing, stdout=subprocess.DEVNULL)
    missing = [package for path, package in APT.items() if not os.path.exists(path) and package != "hyperfine"]
    missing += [tool for tool in ("node", "npm", "java") if not shutil.which(tool)]
    if missing:
        sys.exit(f"bench_peers: missing {', '.join(missing)}: install them (Debian: apt-get install -y "
                 f"{' '.join(m if m != 'java' else 'openjdk-17-jdk-headless' for m in missing)}), then run again")
    if not shutil.which("hyperfine"):
        say("no hyperfine: the CLI commands are timed by this script's own loop")


def copy_harness(source, tmp):
    """The harness copied into tmp, writable, with its npm packages installed in the copy."""
    copy = os.path.join(tmp, "peers")
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("node_modules", "results", "__pycache__"))
    for folder, _, files in os.walk(copy):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), os.stat(os.path.join(folder, name)).st_mode | 0o200)
    say(f"harness copied to {copy}; npm ci there (pm2, mprocs)")
    log = os.path.join(tmp, "npm-ci.log")
    with open(log, "w") as out:
        if subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=copy, stdout=out, stderr=out).returncode:
            sys.exit(f"bench_peers: `npm ci` failed in the harness's copy {copy}; its output is in {log}")
    return copy


def devstack_env():
    """The harness's clean PATH (so services run /usr/bin/python3), then the folders of java and mvn."""
    folders = CLEAN_PATH.split(":")
    for tool in ("java", "mvn"):
        found = shutil.which(tool)
        if found and os.path.dirname(found) not in folders:
            folders.append(os.path.dirname(found))
    return dict(os.environ, PATH=":".join(folders))


def java_command(launcher, env):
    """The launcher's java command up to -jar (its JVM flags and archive settings), read from a traced
    `--version`; that run also builds the jar and its archive when needed, so no measured run does."""
    say(f"{launcher} --version, traced (builds the jar and its class-data archive first if needed)")
    done = subprocess.run(["bash", "-x", launcher, "--version"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench_peers: `{launcher} --version` failed ({done.returncode}):\n{done.stderr[-2000:]}")
    for line in reversed(done.stderr.splitlines()):
        traced = line.lstrip("+")
        if traced.startswith(" exec ") and " -jar " in traced:
            words = shlex.split(traced)
            return words[1:words.index("-jar")]
    sys.exit(f"bench_peers: no `exec java … -jar` in the trace of {launcher}; has the launcher changed?")


def start_command(launcher, home, env, discover):
    """The harness's --custom-start for devstack (it is split with shlex and run in the stack folder)."""
    up = shlex.join(["env", f"DEVSTACK_HOME={home}", f"PATH={env['PATH']}", launcher, "up", "--no-tui"])
    return up if discover else shlex.join(["sh", "-c", "echo PORT=5000 > .env && exec " + up])


def plan(opts):
    """The harness runs, in order: (scenario, N, peers)."""
    runs = [("s1", n, [p for p in S1_PEERS if (p, n) not in LEFT_OUT]) for n in opts.sizes]
    return runs + [("s4", 10, S4_PEERS)]


def expected_seconds(opts, runs):
    """A rough total: the harness settles ~2.5 s per run, a service starts in ~40 ms on 2 busy CPUs,
    Foreman waits up to ~7 s after Ctrl-C, pm2 starts a daemon, devstack a JVM."""
    def one(peer, n):
        return (2.5 + 0.04 * n + (min(1.5 + 0.1 * n, 7.5) if peer == "foreman" else 0)
                + {"pm2": 2.0, "custom": 0.5}.get(peer, 0))
    s1 = sum(one(p, n) for scenario, n, peers in runs if scenario == "s1" for p in peers)
    s4 = sum(2 * (one(p, 10) + 3.5) for p in S4_PEERS)
    return 40 + opts.reps * (s1 + s4) + 7 * (opts.cli_runs + 1) * 0.5


class Progress:
    def __init__(self, total_runs, expected):
        self.done, self.total, self.start, self.expected = 0, total_runs, time.monotonic(), expected

    def line(self, text):
        minutes, seconds = divmod(int(time.monotonic() - self.start), 60)
        say(f"[{self.done}/{self.total} runs, {minutes}:{seconds:02d} of ≈ {self.expected / 60:.0f} min] {text}")


def harness(copy, tmp, scenario, n, peers, opts, start, progress):
    """One call of the harness's bench_stack.py; its records (results in a folder of their own)."""
    results = os.path.join(tmp, f"results-{scenario}-{n}")
    env = dict(os.environ, PBENCH_WORK=os.path.join(tmp, "work"), PBENCH_RESULTS=results)
    argv = [PYTHON, "bench_stack.py", scenario, "--peers", ",".join(peers), "--reps", str(opts.reps),
            "--custom-name", "devstack", "--custom-start", start]
    if scenario == "s1":
        argv += ["--n", str(n), "--custom-stop-signal", "INT", "--custom-stop-target", "group"]
    if not opts.discover:
        argv += ["--custom-ports", "foreman"]
    names = ", ".join("devstack" if p == "custom" else p for p in peers)
    progress.line(f"{scenario.upper()}, N = {n}: {names}; {opts.reps} run(s) each, interleaved")
    proc = subprocess.Popen(argv, cwd=copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        progress.done += line.startswith(("S1 ", "S4 "))
        progress.line(line.rstrip())
    if proc.wait() != 0:
        sys.exit(f"bench_peers: the harness failed (exit {proc.returncode}): {shlex.join(argv)} in {copy}")
    with open(os.path.join(results, f"{scenario}.json")) as f:
        return json.load(f)["records"]


def time_cli(launcher, env, java, runs, progress):
    """Median wall times of devstack's commands on a running stack of 3 services, and of the floor."""
    services = "".join(f"  s{i}: {{ command: {PYTHON} -u listener.py }}\n" for i in range(3))
    stack = Stack(services, launcher=launcher)
    stack.env["PATH"] = env["PATH"]
    stack.up()
    try:
        stack.wait_ready(3)
        port = stack.state()["ports"][0]["port"]
        commands = {"java -version": java + ["-version"], "--version": [launcher, "--version"],
                    "ports": [launcher, "ports"], "status": [launcher, "status"],
                    "who PORT": [launcher, "who", str(port)], "check": [launcher, "check"],
                    "claim": [launcher, "claim", "--name", "bench"]}
        tool = "hyperfine" if shutil.which("hyperfine") else "own loop"
        progress.line(f"CLI: {len(commands)} commands × {runs} runs ({tool}), a 3-service stack running")
        timer = with_hyperfine if tool == "hyperfine" else with_loop
        return timer(commands, stack.dir, stack.env, runs)
    finally:
        stack.close()


def with_hyperfine(commands, cwd, env, runs):
    out = os.path.join(cwd, "hyperfine.json")
    argv = ["hyperfine", "-N", "--style", "none", "--warmup", "1", "--runs", str(runs), "--export-json", out]
    for name, command in commands.items():
        argv += [f"--command-name={name}", shlex.join(command)]   # a bare "--version" would be hyperfine's
    done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"bench_peers: hyperfine failed in {cwd}: {done.stderr.strip()}")
    with open(out) as f:
        return {result["command"]: result["median"] for result in json.load(f)["results"]}


def with_loop(commands, cwd, env, runs):
    """Every command once per round (the first round warms up), rounds interleaved against drift."""
    times = {name: [] for name in commands}
    for _ in range(runs + 1):
        for name, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times[name].append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"bench_peers: {shlex.join(command)} failed ({done.returncode}) in {cwd}: "
                         f"{done.stderr.decode().strip()}")
    return {name: statistics.median(values[1:]) for name, values in times.items()}


def describe(opts, java, loads):
    folder = os.path.dirname(opts.devstack)
    commit = subprocess.run(["git", "-C", folder, "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip() or "unknown commit"
    ports = "chosen by devstack, found by the harness" if opts.discover else "Foreman's (PORT=5000 in .env)"
    return (f"`{shlex.join(['python3', 'bench/bench_peers.py'] + sys.argv[1:])}`, "
            f"{time.strftime('%Y-%m-%d %H:%M %Z')}: {os.cpu_count()} CPUs, load average {loads[0]:.2f} → {loads[1]:.2f}; "
            f"devstack {opts.devstack} at {commit}; medians of {opts.reps} run(s) per peer and N, peers interleaved; "
            f"devstack's ports {ports}; java floor `{shlex.join(java + ['-version'])}`.")


def report(heading, opts, s1, s4, cli):
    targets = peers_table.targets(s1, cli)
    notes = [f"not run: {why}" for (peer, n), why in LEFT_OUT.items() if n in opts.sizes]
    notes += [f"failed: {error}" for error in peers_table.errors(s1.records + s4)]
    s4_peers = ["devstack" if p == "custom" else p for p in S4_PEERS]
    parts = [heading,
             "**S1**, stacks of `python3 svc.py` (seconds, MiB; medians):", peers_table.s1_table(s1, opts.sizes)]
    parts += ["\n".join(f"* {note}" for note in notes)] if notes else []
    parts += ["**devstack against the targets of issue 14:**", peers_table.targets_table(targets),
              "**S4**, N = 10, a signal to the supervisor's pid only; processes of the stack left 3 s after it ended:",
              peers_table.s4_table(s4, s4_peers),
              "**CLI**, median wall time on a running 3-service stack (private DEVSTACK_HOME):",
              peers_table.cli_table(cli, "the launcher's JVM flags and archive")]
    return "\n\n".join(parts) + "\n", targets, notes


def main():
    # Started in the background (`&`), we would inherit an ignored SIGINT and pass it on to every tool;
    # devstack would then ignore the harness's Ctrl-C (a Python handler is reset by exec, SIG_IGN is not).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    opts = options()
    install_missing()
    env = devstack_env()
    java = java_command(opts.devstack, env)
    runs = plan(opts)
    expected = expected_seconds(opts, runs)
    total = sum(opts.reps * len(peers) * (2 if scenario == "s4" else 1) for scenario, _, peers in runs)
    progress = Progress(total, expected)
    progress.line(f"expected ≈ {expected / 60:.0f} min in all: S1 at N = {opts.sizes}, S4, the CLI")
    tmp = tempfile.mkdtemp(prefix="devstack-peers-")
    loads = [os.getloadavg()[0]]
    try:
        copy = copy_harness(opts.harness, tmp)
        start = start_command(opts.devstack, os.path.join(tmp, "home"), env, opts.discover)
        records = {"s1": [], "s4": []}
        for scenario, n, peers in runs:
            for record in harness(copy, tmp, scenario, n, peers, opts, start, progress):
                record["peer"] = "devstack" if record["peer"] == "custom" else record["peer"]
                records[scenario].append(record)
        cli = time_cli(opts.devstack, env, java, opts.cli_runs, progress)
    except BaseException:
        say(f"bench_peers: stopped; the harness's copy, its stacks and logs are kept in {tmp}")
        raise
    shutil.rmtree(tmp, ignore_errors=True)
    loads.append(os.getloadavg()[0])
    skipped = {key: why for key, why in LEFT_OUT.items() if key[1] in opts.sizes}
    s1 = peers_table.S1(records["s1"], skipped)
    heading = describe(opts, java, loads)
    markdown, targets, notes = report(heading, opts, s1, records["s4"], cli)
    print(markdown)
    if opts.out:
        with open(opts.out, "w") as f:
            f.write(markdown)
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump({"describe": heading, "java": java, "sizes": opts.sizes, "reps": opts.reps,
                       "s1": records["s1"], "s4": records["s4"], "cli_s": cli, "notes": notes,
                       "targets": [{k: v for k, v in t.items() if k != "row"} for t in targets]}, f, indent=1)
    progress.line("done")


if __name__ == "__main__":
    main()
