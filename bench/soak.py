#!/usr/bin/env python3
"""devstack's soak benchmark (not a test, not in CI): one `devstack up --no-tui` of 20 services for a long time.

  crash      listens on 127.0.0.1:$PORT, exits 1 after a second; restart: on-failure, backoff: 0
  print1..5  each prints 1,000 numbered lines a second ("print3 41207 xxx…"), no port
  quiet01..14  listen on 127.0.0.1:$PORT and print nothing

Every --interval seconds it samples devstack's JVM (the launcher execs java, so the pid of
./devstack is the JVM's): RSS, open descriptors, threads, CPU (utime + stime, as % of one core),
and its zombie children (devstack is their subreaper: a zombie that stays is one it failed to reap).
At the end it stops the stack with SIGINT, as Ctrl-C would, and checks that no printed line was
lost: in the log files (which rotate: see LOG_RULE) and on devstack's stdout (every line shown,
or counted in a "lines not shown" notice). Exit code 1 when a line was lost or a process was left.

  python3 bench/soak.py                       # 30 minutes
  python3 bench/soak.py --minutes 3 --out /tmp/soak.json
"""
import argparse
import json
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from stacklib import LAUNCHER, PYTHON, Stack, stat, wait

PRINTERS = [f"print{i}" for i in range(1, 6)]
QUIET = [f"quiet{i:02d}" for i in range(1, 15)]
CRASH = "crash"
RATE = 1000

PRINTER = """import signal, sys, time
name, rate = sys.argv[1], int(sys.argv[2])
stopping = []
signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
filler = "x" * 80
i = 0
start = time.monotonic()
while not stopping:
    i += 1
    sys.stdout.write("%s %d %s\\n" % (name, i, filler))
    if i % 50 == 0:
        sys.stdout.flush()
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
sys.stdout.flush()
# written only once every line is in the pipe: the count the checks compare against
with open(name + ".printed", "w") as f:
    f.write(str(i))
"""

CRASHER = """import os, signal, socket, sys, time
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
with open("crash.starts", "a") as f:
    f.write("%d\\n" % os.getpid())
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(os.environ["PORT"])))
server.listen(8)
print("listening on", os.environ["PORT"], "; crashing in 1 s", flush=True)
time.sleep(1)
sys.exit(1)
"""

LOG_RULE = ("a log file rotates at ~10 MiB to <service>.log.1, replacing the one before, so only the last "
            "~20 MiB are on disk; the check reads .log.1 then .log and requires every number from the first "
            "line kept to the last one printed (the printer's own count, written as it stopped), once and in order")
NOT_SHOWN = re.compile(r"(\S+): (\d+) lines not shown")
RESTART = re.compile(CRASH + r": backoff: exit \d+, restart (\d+) in")
ROUTINE = re.compile(r"stopping the stack$"
                     r"|\S+: (port \d+ \(|starting: |running, pid |ready: |stopping: |stopped by devstack)")


def yaml():
    lines = [f"  {CRASH}: {{ command: {PYTHON} crash.py, restart: on-failure, backoff: 0 }}\n"]
    lines += [f"  {name}: {{ command: {PYTHON} printer.py {name} {RATE}, port: none }}\n" for name in PRINTERS]
    lines += [f"  {name}: {{ command: {PYTHON} -u listener.py }}\n" for name in QUIET]
    return "".join(lines)


class Sequence:
    """Numbers seen in order, as they arrive: how many, gaps, and any that came twice or out of order."""

    def __init__(self):
        self.count = self.last = self.first = 0
        self.gaps = self.missing = self.disorder = 0

    def add(self, n):
        if self.count == 0:
            self.first = n
        elif n != self.last + 1:
            if n > self.last:
                self.gaps += 1
                self.missing += n - self.last - 1
            else:
                self.disorder += 1
        self.count += 1
        self.last = max(self.last, n)


class Stdout:
    """devstack's stdout (`HH:MM:SS name | line`), tallied on a thread as it comes."""

    def __init__(self, pipe):
        self.shown = {name: Sequence() for name in PRINTERS}
        self.not_shown = {name: 0 for name in PRINTERS}
        self.restarts = 0
        self.last_restart = 0
        self.unexpected = []  # system lines other than starts, stops, restarts and not-shown notices
        self.thread = threading.Thread(target=self.read, args=(pipe,), daemon=True)
        self.thread.start()

    def read(self, pipe):
        for line in pipe:
            head, sep, text = line.partition(b" | ")
            name = head[9:].strip().decode()
            if sep and name in self.shown:
                self.shown[name].add(int(text.split(b" ", 2)[1]))
            elif sep and name == "system":
                self.system(text.decode(errors="replace").rstrip("\n"))

    def system(self, text):
        restart, skipped = RESTART.match(text), NOT_SHOWN.match(text)
        if restart:
            self.restarts += 1
            self.last_restart = int(restart.group(1))
        elif skipped and skipped.group(1) in self.not_shown:
            self.not_shown[skipped.group(1)] += int(skipped.group(2))
        elif not ROUTINE.match(text) and len(self.unexpected) < 200:
            self.unexpected.append(text)


def sample(pid, t, previous):
    status = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            status[key] = value.split()
    fields = stat(pid)
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    now = time.monotonic()
    share = None if previous is None else 100.0 * (cpu - previous["cpu_s"]) / (now - previous["at"])
    return {"t": round(t), "rss_mb": int(status["VmRSS"][0]) / 1024, "fds": len(os.listdir(f"/proc/{pid}/fd")),
            "threads": int(status["Threads"][0]), "zombies": zombie_children(pid), "cpu_pct": share, "cpu_s": cpu,
            "at": now, "load1": os.getloadavg()[0], "hwm_mb": int(status["VmHWM"][0]) / 1024}


def zombie_children(parent):
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = stat(int(entry))
            except OSError:
                continue
            if fields and fields[0] == "Z" and int(fields[1]) == parent:
                count += 1
    return count


def check_log(logs, name, printed):
    seq = Sequence()
    files = [os.path.join(logs, name + ".log.1"), os.path.join(logs, name + ".log")]
    for path in files:
        if os.path.exists(path):
            with open(path, "rb") as f:
                for line in f:
                    # "2026-11-30T04:27:35.123Z out print1 41207 xxx…"
                    seq.add(int(line.split(b" ", 4)[3]))
    lost = None if printed is None else seq.missing + max(0, printed - seq.last)
    return {"files": sum(1 for p in files if os.path.exists(p)), "kept": seq.count, "first_kept": seq.first,
            "last_kept": seq.last, "rotated_away": max(0, seq.first - 1), "gaps": seq.gaps, "lost": lost,
            "out_of_order": seq.disorder}


def leftovers(folder):
    """Processes working in the project folder: the services, their children and devstack's lifelines."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cwd = os.readlink(f"/proc/{entry}/cwd")
                if cwd == folder or cwd.startswith(folder + "/"):
                    found.append(int(entry))
            except OSError:
                pass
    return found


def kill_leftovers(folder):
    for pid in leftovers(folder):
        try:
            group = os.getpgid(pid)
            if group != os.getpgrp():
                os.killpg(group, signal.SIGKILL)
        except OSError:
            pass


def median(values):
    return statistics.median(values) if values else None


def flatness(samples, duration):
    window = min(300, duration / 3)
    first = [s for s in samples if s["t"] <= window]
    last = [s for s in samples if s["t"] >= duration - window]
    result = {"window_s": round(window)}
    for key in ("rss_mb", "fds", "threads", "zombies"):
        a, b = median([s[key] for s in first]), median([s[key] for s in last])
        result[key] = {"first": a, "last": b, "ratio": b / a if a else (1.0 if b == a else float("inf")), "min": min(s[key] for s in samples),
                       "max": max(s[key] for s in samples)}
    late = [(s["t"] / 60, s["rss_mb"]) for s in samples if s["t"] >= duration / 2]
    result["rss_mb_per_min_second_half"] = slope(late)
    return result


def slope(points):
    """Least-squares growth, so that a slow leak shows even while the medians of two windows are close."""
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def run(opts, stack):
    with open(os.path.join(stack.home, "stderr"), "wb") as stderr:
        stack.up(stdout=subprocess.PIPE, stderr=stderr)
    tally = Stdout(stack.proc.stdout)
    pid = stack.proc.pid
    steady = set(PRINTERS + QUIET)
    wait(lambda: sum(1 for s in stack.services() if s["name"] in steady and s["state"] in ("ready", "running"))
         == len(steady), 120, "the 19 steady services to be up")
    with open(f"/proc/{pid}/comm") as f:
        if f.read().strip() != "java":
            raise RuntimeError(f"pid {pid} is not devstack's JVM: the launcher did not exec java")
    samples = measure(stack.proc, opts.seconds if opts.seconds is not None else opts.minutes * 60, opts.interval)
    wall = samples[-1]["at"] - samples[0]["at"]
    stop = stop_stack(stack, tally)
    return {
        "command": "devstack up --no-tui (in the generated project folder), stopped with SIGINT",
        "services": {"crash": 1, "printers": len(PRINTERS), "quiet": len(QUIET), "lines_per_s_each": RATE},
        "duration_s": round(wall), "interval_s": opts.interval,
        "samples": [{k: v for k, v in s.items() if k != "at"} for s in samples],
        "flatness": flatness(samples, samples[-1]["t"]),
        "cpu_pct": {"median": median([s["cpu_pct"] for s in samples[1:]]),
                    "overall": 100.0 * (samples[-1]["cpu_s"] - samples[0]["cpu_s"]) / wall},
        "peak_rss_mb": samples[-1]["hwm_mb"],
        "lines": check_lines(stack.dir, tally), "log_rule": LOG_RULE,
        "restarts": {"told_on_stdout": tally.restarts, "last_number_told": tally.last_restart,
                     "crasher_starts": sum(1 for _ in open(os.path.join(stack.dir, "crash.starts")))},
        "stop": stop,
        "unexpected_system_lines": tally.unexpected,
    }


def measure(proc, duration, interval):
    t0 = time.monotonic()
    samples = [sample(proc.pid, 0, None)]
    print(row(samples[0]), file=sys.stderr)
    for k in range(1, math.ceil(duration / interval) + 1):
        next_at = t0 + min(duration, k * interval)
        while time.monotonic() < next_at:
            if proc.poll() is not None:
                raise RuntimeError(f"devstack exited by itself (code {proc.returncode}) after "
                                   f"{time.monotonic() - t0:.0f} s")
            time.sleep(min(1.0, max(0.0, next_at - time.monotonic())))
        samples.append(sample(proc.pid, time.monotonic() - t0, samples[-1]))
        print(row(samples[-1]), file=sys.stderr)
    return samples


def stop_stack(stack, tally):
    """Ctrl-C, as a user would stop it; then devstack's last words and anything left behind."""
    at = time.monotonic()
    os.kill(stack.proc.pid, signal.SIGINT)
    stack.proc.wait(60)
    seconds = time.monotonic() - at
    tally.thread.join(30)
    end = time.monotonic() + 5
    while leftovers(stack.dir) and time.monotonic() < end:
        time.sleep(0.05)
    return {"signal": "SIGINT", "exit_code": stack.proc.returncode, "seconds": seconds,
            "processes_left_after_5s": len(leftovers(stack.dir))}


def check_lines(folder, tally):
    logs = os.path.join(folder, ".devstack", "logs")
    printers = {}
    for name in PRINTERS:
        path = os.path.join(folder, name + ".printed")
        printed = int(open(path).read()) if os.path.exists(path) else None
        shown = tally.shown[name]
        printers[name] = {"printed": printed, "log": check_log(logs, name, printed), "shown": shown.count,
                          "not_shown": tally.not_shown[name], "shown_out_of_order": shown.disorder,
                          "stdout_missing": None if printed is None
                          else printed - shown.count - tally.not_shown[name]}
    return printers


def row(s):
    cpu = "" if s["cpu_pct"] is None else f"{s['cpu_pct']:.1f}"
    return f"| {s['t']:>5} | {s['rss_mb']:.1f} | {s['fds']} | {s['threads']} | {s['zombies']} | {cpu} | {s['load1']:.2f} |"


def report(result):
    print(f"devstack soak: {result['duration_s']} s, 1 crashing + {len(PRINTERS)} printing ({RATE} lines/s each) "
          f"+ {len(QUIET)} quiet services; a sample every {result['interval_s']} s\n")
    print("| t (s) | RSS (MiB) | fds | threads | zombie children | CPU % of one core (interval) | load (1 min) |")
    print("|---|---|---|---|---|---|---|")
    for s in result["samples"]:
        print(row(s))
    flat = result["flatness"]
    print(f"\nflatness, median of the first {flat['window_s']} s vs the last {flat['window_s']} s:")
    for key, label in (("rss_mb", "RSS (MiB)"), ("fds", "fds"), ("threads", "threads"), ("zombies", "zombies")):
        f = flat[key]
        print(f"  {label:9} {f['first']:.1f} -> {f['last']:.1f}, x{f['ratio']:.3f} (all samples: min {f['min']:.1f}, "
              f"max {f['max']:.1f})")
    verdict_rss = "flat (last/first <= 1.10)" if flat["rss_mb"]["ratio"] <= 1.10 else "GROWS (last/first > 1.10)"
    verdict_fds = "exactly flat" if flat["fds"]["first"] == flat["fds"]["last"] else "NOT flat"
    print(f"  RSS over the second half: {flat['rss_mb_per_min_second_half']:+.2f} MiB a minute (least squares)")
    print(f"  verdict: RSS {verdict_rss}, fds {verdict_fds}; peak RSS {result['peak_rss_mb']:.1f} MiB")
    cpu = result["cpu_pct"]
    print(f"CPU: median {cpu['median']:.1f} % of one core per interval, {cpu['overall']:.1f} % overall")
    print(f"\nlines ({result['log_rule']}):")
    print("| service | printed | in the logs (.log.1 + .log) | rotated away | lost from the logs | shown on stdout "
          "| told as not shown | missing from stdout |")
    print("|---|---|---|---|---|---|---|---|")
    for name, e in result["lines"].items():
        log = e["log"]
        print(f"| {name} | {e['printed']} | {log['kept']} (from {log['first_kept']}) | {log['rotated_away']} | "
              f"{log['lost']} | {e['shown']} | {e['not_shown']} | {e['stdout_missing']} |")
    totals = {k: sum(e[k] or 0 for e in result["lines"].values()) for k in ("printed", "shown", "not_shown")}
    kept = sum(e["log"]["kept"] for e in result["lines"].values())
    lost = sum(e["log"]["lost"] or 0 for e in result["lines"].values())
    print(f"total: {totals['printed']} printed, {kept} kept in the logs, {lost} lost from the logs; "
          f"{totals['shown']} shown + {totals['not_shown']} told as not shown")
    r, stop = result["restarts"], result["stop"]
    print(f"restarts of {CRASH}: {r['told_on_stdout']} told on stdout (the last 'restart {r['last_number_told']}'); "
          f"the crasher recorded {r['crasher_starts']} starts (the first + {r['crasher_starts'] - 1} restarts)")
    print(f"stop: SIGINT -> devstack exited with code {stop['exit_code']} after {stop['seconds']:.2f} s; "
          f"processes of the stack left (waited up to 5 s): {stop['processes_left_after_5s']}")
    unexpected = result["unexpected_system_lines"]
    print(f"devstack's other messages (not starts, stops, restarts): {len(unexpected)}")
    for line in unexpected[:20]:
        print("  system |", line)


def failures(result):
    problems = []
    for name, e in result["lines"].items():
        if e["printed"] is None:
            problems.append(f"{name} did not record how many lines it printed")
        elif e["log"]["lost"] or e["log"]["out_of_order"] or e["stdout_missing"] or e["shown_out_of_order"]:
            problems.append(f"{name}: lines lost or out of order")
    if result["stop"]["processes_left_after_5s"]:
        problems.append("processes were left after the stop")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--seconds", type=float, help="instead of --minutes, for a quick check")
    parser.add_argument("--interval", type=float, default=10, help="seconds between samples")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(),
                                                      time.strftime("devstack-soak-%Y%m%d-%H%M%S.json")))
    opts = parser.parse_args()
    # devstack keeps a SIGINT that was ignored when it started ignored (a background job of a script);
    # restoring Python's handler here lets the final SIGINT reach it however this script was started
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    # so that `kill` of this script, like Ctrl-C, still runs the clean-up below
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGHUP, signal.default_int_handler)
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)

    stack = Stack(yaml(), {"printer.py": PRINTER, "crash.py": CRASHER})
    try:
        result = run(opts, stack)
    except BaseException:
        stderr = os.path.join(stack.home, "stderr")
        if os.path.exists(stderr):
            sys.stderr.write(open(stderr, errors="replace").read()[-4000:])
        raise
    finally:
        for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(stop, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        stack.stop()
        kill_leftovers(stack.dir)
        stack.close()
    report(result)
    with open(opts.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"\nJSON: {opts.out}")
    problems = failures(result)
    for problem in problems:
        print("FAILED:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
