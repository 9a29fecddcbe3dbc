#!/usr/bin/env python3
"""The web page's benchmarks (issue 12; not tests), in a real headless Chromium driven through
chromedriver's own HTTP interface (no Selenium needed here). Medians of --reps runs:

  cpu     : the stack's own CPU (the devstack JVM, % of one core) over 20 s windows with 50 idle
            services, with one page open and following, against the same stack with no page,
            windows taken in turns; target: under 1 % of a core above the stack without a page
  latency : from a service printing a line (its own clock) to the line in the page's DOM (the
            page's clock, the same machine's), p50 and p95 over 250 lines printed 20 ms apart;
            floor: the same lines read by a plain client of /api/events in the same run
  memory  : the page's JavaScript heap (after a forced collection) and DOM nodes while a service
            prints 1,000 lines a second for --minutes (default 10): the median of 5 readings at
            the end of each minute; target: flat (the last minute within 20 % of the second)

  python3 bench/bench_web.py [cpu|latency|memory|all] [--reps 5] [--minutes 10]

Needs Debian's chromium and chromium-driver (.ci/run installs them).
"""
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
import urllib.request

from stacklib import LAUNCHER, PYTHON, CHATTER, Stack, cpu_seconds, wait

STAMPER = """import os, sys, time
while not os.path.exists(sys.argv[1]):
    time.sleep(0.01)
for i in range(int(sys.argv[2])):
    print("stamp %d" % time.time_ns(), flush=True)
    time.sleep(0.02)
time.sleep(3600)
"""
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# What the page shows when it follows the stack: the contract of docs/web.md.
LIVE = "return document.body.dataset.connection === 'live' && document.querySelectorAll('#services tr[data-service]').length"
# Records when each line reaches the DOM, on the page's own clock (milliseconds since the epoch).
OBSERVE = """
window.__seen = [];
new MutationObserver(records => {
  const now = performance.timeOrigin + performance.now();
  for (const record of records) for (const node of record.addedNodes) {
    if (!node.classList) continue;
    const lines = node.classList.contains('line') ? [node] : node.querySelectorAll('.line');
    for (const line of lines) window.__seen.push([line.textContent, now]);
  }
}).observe(document.querySelector('#logs'), {childList: true, subtree: true});
"""
MEMORY = "gc(); return [performance.memory.usedJSHeapSize, document.getElementsByTagName('*').length]"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,800", "--js-flags=--expose-gc", "--enable-precise-memory-info"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Questions to the browser are round trips through chromedriver: asked every 100 ms, not every 1.
BROWSER_POLL = 0.1


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Browser:
    """A headless Chromium with one tab, driven by chromedriver's W3C WebDriver endpoints on loopback."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="devstack-bench-chromium-")
        port = free_port()
        self.driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
        self.base = f"http://127.0.0.1:{port}"
        wait(lambda: self._up(), 30, "chromedriver")
        options = {"binary": CHROMIUM, "args": ARGS + [f"--user-data-dir={self.profile}"]}
        answer = self._call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})
        self.session = answer["value"]["sessionId"]

    def _up(self):
        try:
            urllib.request.urlopen(self.base + "/status", timeout=1).read()
            return True
        except OSError:
            return False

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())

    def go(self, url):
        self._call("POST", f"/session/{self.session}/url", {"url": url})

    def js(self, script):
        return self._call("POST", f"/session/{self.session}/execute/sync", {"script": script, "args": []})["value"]

    def await_live(self, services):
        wait(lambda: self.js(LIVE) == services, 60, "the page to show the stack live", BROWSER_POLL)

    def close(self):
        try:
            self._call("DELETE", f"/session/{self.session}")
        except OSError:
            pass
        self.driver.terminate()
        try:
            self.driver.wait(10)
        except subprocess.TimeoutExpired:
            self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def page_url(stack):
    answer = subprocess.run([LAUNCHER, "web", "--no-open", "--json"], cwd=stack.dir, env=stack.env,
                            capture_output=True, text=True, check=True)
    return json.loads(answer.stdout)["url"]


def supervisor_pid(stack):
    wait(lambda: stack.state() and stack.state()["supervisor"]["pid"], 60, "run.json")
    return stack.state()["supervisor"]["pid"]


def cpu(reps):
    services = "".join(f"  idle{i:02d}: {{ command: {PYTHON} listener.py }}\n" for i in range(50))
    stack = Stack(services).up()
    try:
        stack.wait_ready(50)
        pid = supervisor_pid(stack)
        url = page_url(stack)
        window = 20

        def share():
            before = cpu_seconds(pid)
            time.sleep(window)
            return 100 * (cpu_seconds(pid) - before) / window

        without, with_page = [], []
        for _ in range(reps):
            time.sleep(3)
            without.append(share())
            browser = Browser()
            try:
                browser.go(url)
                browser.await_live(50)
                time.sleep(3)
                with_page.append(share())
            finally:
                browser.close()
        a, b = statistics.median(without), statistics.median(with_page)
        print(f"cpu (50 idle services, {window} s windows, median of {reps}): stack without a page {a:.2f} % of a core,"
              f" with one page open {b:.2f} %; the page adds {b - a:+.2f} % (target < 1 %)")
        print("  without:", " ".join(f"{v:.2f}" for v in without), " with:", " ".join(f"{v:.2f}" for v in with_page))
    finally:
        stack.close()


def api_reader(url, arrivals, connected, stop):
    """A plain client of the event stream: when each stamped line arrives, on this machine's clock."""
    with urllib.request.urlopen(url + "api/events", timeout=120) as stream:
        connected.set()
        for raw in stream:
            if stop.is_set():
                return
            line = raw.decode()
            if line.startswith("data: ") and '"stamp ' in line:
                arrivals.append((json.loads(line[6:])["line"], time.time_ns() / 1e6))


def latency(reps):
    per_run, floor_run = [], []
    for _ in range(reps):
        stack = Stack("  stamper: { command: %s stamper.py go 250, port: none }\n" % PYTHON,
                      {"stamper.py": STAMPER}).up()
        browser = None
        stop = threading.Event()
        try:
            stack.wait_ready(1)
            url = page_url(stack)
            browser = Browser()
            browser.go(url)
            browser.await_live(1)
            browser.js(OBSERVE)
            arrivals = []
            connected = threading.Event()
            threading.Thread(target=api_reader, args=(url, arrivals, connected, stop), daemon=True).start()
            if not connected.wait(30):
                raise RuntimeError("the event stream did not answer")
            open(os.path.join(stack.dir, "go"), "w").close()
            wait(lambda: sum(1 for text, _ in browser.js("return window.__seen") if "stamp " in text) >= 250, 60,
                 "250 lines in the page", BROWSER_POLL)
            seen = browser.js("return window.__seen")
            page = [at - int(text.split("stamp ")[1].split()[0]) / 1e6 for text, at in seen if "stamp " in text]
            api = [at - int(text.split()[1]) / 1e6 for text, at in arrivals]
            per_run.append((percentile(page, 50), percentile(page, 95)))
            floor_run.append((percentile(api, 50), percentile(api, 95)))
        finally:
            stop.set()
            if browser:
                browser.close()
            stack.close()
    p50 = statistics.median(r[0] for r in per_run)
    p95 = statistics.median(r[1] for r in per_run)
    f50 = statistics.median(r[0] for r in floor_run)
    f95 = statistics.median(r[1] for r in floor_run)
    print(f"latency (line printed -> line in the page's DOM, 250 lines, median of {reps} runs): p50 {p50:.1f} ms,"
          f" p95 {p95:.1f} ms; floor (a plain /api/events client): p50 {f50:.1f} ms, p95 {f95:.1f} ms")


def memory(minutes):
    stack = Stack("  chatty: { command: %s chatter.py 1000, port: none }\n" % PYTHON,
                  {"chatter.py": CHATTER}).up()
    browser = None
    try:
        stack.wait_ready(1)
        browser = Browser()
        browser.go(page_url(stack))
        browser.await_live(1)
        start = time.monotonic()
        readings = []
        for minute in range(1, minutes + 1):
            time.sleep(max(0.0, start + 60 * minute - 5 - time.monotonic()))
            samples = []
            for _ in range(5):
                samples.append(browser.js(MEMORY))
                time.sleep(1)
            heap = statistics.median(s[0] for s in samples) / 2 ** 20
            nodes = statistics.median(s[1] for s in samples)
            readings.append((minute, heap, nodes))
            print(f"  minute {minute:2d}: JS heap {heap:6.1f} MiB, {nodes:6.0f} DOM elements", flush=True)
        second, last = readings[min(1, len(readings) - 1)][1], readings[-1][1]
        verdict = "flat" if last <= 1.2 * second else "GROWING"
        print(f"memory (1,000 lines/s for {minutes} min, median of 5 readings a minute): JS heap {second:.1f} MiB at"
              f" minute 2, {last:.1f} MiB at minute {minutes}: {verdict}")
    finally:
        if browser:
            browser.close()
        stack.close()


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", default="all", choices=["cpu", "latency", "memory", "all"])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--minutes", type=int, default=10)
    opts = parser.parse_args()
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(tool):
            sys.exit(f"bench_web needs {tool}: apt-get install chromium chromium-driver")
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)
    if opts.what in ("cpu", "all"):
        cpu(opts.reps)
    if opts.what in ("latency", "all"):
        latency(opts.reps)
    if opts.what in ("memory", "all"):
        memory(opts.minutes)


if __name__ == "__main__":
    main()
