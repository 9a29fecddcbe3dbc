"""What devstack's benchmark scripts share: generated stacks with a fresh registry, and /proc readings."""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
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


def wait(condition, deadline, what, every=0.001):
    """Asks `condition` every `every` seconds until it holds, or fails after `deadline` seconds."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError("timed out waiting for " + what)
        time.sleep(every)


class Stack:
    """A generated project folder run with `devstack up --no-tui`, with a fresh registry."""

    def __init__(self, services_yaml, files=None, launcher=LAUNCHER):
        self.launcher = launcher
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

    def up(self, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        self.proc = subprocess.Popen([self.launcher, "up", "--no-tui"], cwd=self.dir, env=self.env,
                                     stdout=stdout, stderr=stderr, start_new_session=True)
        return self

    def wait_all(self, count, states):
        wait(lambda: sum(1 for s in self.services() if s["state"] in states) == count, 60,
             "the stack to be up")

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
        self.wait_all(count, ("ready", "running"))

    def stop(self):
        """SIGTERM to devstack if it still runs, SIGKILL if it has not ended 20 s later."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def close(self):
        pids = [s["pid"] for s in self.services() if s.get("pid")]
        self.stop()
        for pid in pids:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.rmtree(self.home, ignore_errors=True)


def cpu_seconds(pid):
    fields = stat(pid)
    return (int(fields[11]) + int(fields[12])) / TICKS


def options(doc, choices, reps):
    """A benchmark script's command line (what to run, how many times); builds devstack first if needed."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", default="all", choices=choices + ["all"])
    parser.add_argument("--reps", type=int, default=reps)
    opts = parser.parse_args()
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)
    return opts
