"""The tables of bench_peers.py: the harness's records and the CLI timings in, markdown out.

A figure is the median of the runs that succeeded; a cell says how many of the runs that when some
failed, and why in the notes under the table."""
import statistics

PEERS = ["devstack", "foreman", "mprocs", "pm2", "direct"]
HEADINGS = {"direct": "direct (floor)"}


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


class S1:
    """S1's records, looked up by peer and N."""

    def __init__(self, records, skipped):
        self.records, self.skipped = records, skipped   # skipped: {(peer, n): why}

    def runs(self, peer, n):
        return [r for r in self.records if r["peer"] == peer and r["n"] == n]

    def figure(self, peer, n, key):
        """Median of `key` over the clean runs (up, stop, every service gone), and the numbers of clean and all runs."""
        runs = self.runs(peer, n)
        clean = [r for r in runs if r.get("ok")]
        return median(r.get(key) for r in clean), len(clean), len(runs)

    def before_stop(self, peer, n, key):
        """Median of a figure read before the stop (up, RSS): over every run that came up."""
        return median(r.get(key) for r in self.runs(peer, n) if r.get("up_ok"))

    def up(self, peer, n):
        return self.before_stop(peer, n, "up_s")

    def rss_mib(self, peer, n):
        value = self.before_stop(peer, n, "sup_hwm_kb")
        return value / 1024 if value is not None else None

    def per_service_ratio(self, peer, small=50, large=200):
        up_small, up_large = self.up(peer, small), self.up(peer, large)
        if up_small is None or up_large is None:
            return None
        return (up_large / large) / (up_small / small)

    def unclean(self, peer, *sizes):
        """A remark for a target read from runs of which some did not stop cleanly, else ''."""
        bad = sum(1 for n in sizes for r in self.runs(peer, n) if not r.get("ok"))
        return f"; {bad} of its runs did not stop cleanly (see above)" if bad else ""

    def cell(self, peer, n, value, text):
        if (peer, n) in self.skipped:
            return "not run"
        runs = self.runs(peer, n)
        if value is None:
            return f"failed ({len(runs)} of {len(runs)} runs)" if runs else "—"
        bad = [r for r in runs if not r.get("ok")]
        return text(value) + (f" ({len(runs) - len(bad)} of {len(runs)} clean)" if bad else "")



def errors(records):
    """What went wrong in the runs that failed, one line each (in S4, processes left are the result)."""
    lines = []
    for r in records:
        why = r.get("error")
        if not why and r["scenario"] == "S1" and not r.get("ok"):
            why = (f"{r['leftover_ports']} port(s) still accepting connections after the stop"
                   if r.get("leftover_ports") else "the stop did not end within the harness's 20 s")
        if why:
            run = " ".join(part for part in (r["scenario"], r["peer"], r.get("signal", ""), f"N = {r['n']}") if part)
            lines.append(f"{run}, run {r['rep']}: {why}")
    return lines


def seconds(value):
    return f"{value:.3f} s"


def mib(value):
    return f"{value:.1f} MiB"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def s1_table(s1, sizes):
    """The issue's table: rows for the sizes run (stop and RSS at N = 50 and 200 when run)."""
    stop_sizes = [50] if 50 in sizes else sizes[:1]
    rss_sizes = [n for n in sizes if n in (50, 200)] or sizes[:1]
    rows = []
    for n in sizes:
        label = f"up, N = {n}" + (": launch → every port accepts" if n == sizes[0] else "")
        rows.append([label] + [s1.cell(p, n, s1.up(p, n), seconds) for p in PEERS])
    for n in stop_sizes:
        rows.append([f"stop N = {n} → prompt back"]
                    + [s1.cell(p, n, s1.figure(p, n, "tool_exit_s")[0], seconds) for p in PEERS])
    for n in rss_sizes:
        rows.append([f"peak RSS, N = {n}"] + [s1.cell(p, n, s1.rss_mib(p, n), mib) for p in PEERS])
    if 50 in sizes and 200 in sizes:
        rows.append(["time per service, N = 200 / N = 50"]
                    + [s1.cell(p, 200, s1.per_service_ratio(p), lambda v: f"{v:.2f}×") for p in PEERS])
    return table(["measure"] + [HEADINGS.get(p, p) for p in PEERS], rows)


def target(name, ours, theirs, limit_ratio, fmt, extra=""):
    """One target row: devstack's figure against a peer's figure × limit_ratio, met or missed by how much."""
    if ours is None or theirs is None:
        return {"target": name, "ok": None, "row": [name, "not measured in this run", "", "", ""]}
    ratio = ours / theirs
    limit = theirs * limit_ratio
    text = ("met" if ours <= limit else f"missed by {fmt(ours - limit)}") + extra
    return {"target": name, "ok": ours <= limit and not extra, "ratio": ratio, "devstack": ours, "against": theirs,
            "row": [name, fmt(ours), fmt(theirs), f"{ratio:.2f}×", text]}


def targets(s1, cli):
    """devstack against the issue's targets, each met or missed by how much."""
    out = [
        target("up, N = 50 ≤ 1.0× Foreman", s1.up("devstack", 50), s1.up("foreman", 50), 1.0, seconds,
               s1.unclean("devstack", 50)),
        target("up, N = 10 ≤ 2.0× Foreman", s1.up("devstack", 10), s1.up("foreman", 10), 2.0, seconds,
               s1.unclean("devstack", 10)),
    ]
    ratio = s1.per_service_ratio("devstack")
    if ratio is None:
        out.append(target("time per service, N = 200 ≤ 1.2× N = 50", None, None, 1.2, str))
    else:
        per_small, per_large = s1.up("devstack", 50) / 50, s1.up("devstack", 200) / 200
        out.append(target("time per service, N = 200 ≤ 1.2× N = 50", per_large, per_small, 1.2,
                          lambda v: f"{v * 1000:.1f} ms", s1.unclean("devstack", 50, 200)))
    stop, clean, runs = s1.figure("devstack", 50, "tool_exit_s")
    gone = "" if runs and clean == runs else f"; every service gone in only {clean} of {runs} runs"
    out.append(target("stop N = 50 → prompt back ≤ 1.0× mprocs, every service gone", stop,
                      s1.figure("mprocs", 50, "tool_exit_s")[0], 1.0, seconds, gone))
    out.append(target("peak RSS, N = 50 ≤ pm2's", s1.rss_mib("devstack", 50), s1.rss_mib("pm2", 50), 1.0, mib,
                      s1.unclean("devstack", 50)))
    floor = cli.get("java -version")
    for name in ("ports", "status", "who PORT", "check", "claim"):
        out.append(target(f"`{name}` ≤ 2.5× java -version", cli.get(name), floor, 2.5, milliseconds))
    return out


def targets_table(rows):
    return table(["target", "devstack", "against", "ratio", "verdict"], [t["row"] for t in rows])


def s4_table(records, peers):
    """Orphans per run: service processes (and wrappers) left 3 s after the supervisor was gone."""
    def per_run(peer, signame):
        runs = [r for r in records if r["peer"] == peer and r["signal"] == signame]
        return ", ".join("error" if r.get("error") else str(r["leftover_procs"]) for r in runs) or "—"

    def exit_s(peer):
        value = median(r.get("sup_exit_s") for r in records if r["peer"] == peer and r["signal"] == "SIGTERM")
        return seconds(value) if value is not None else "—"

    rows = [[p, per_run(p, "SIGKILL"), per_run(p, "SIGTERM"), exit_s(p)] for p in peers]
    return table(["peer", "kill -9: processes left, per run", "SIGTERM: processes left, per run",
                  "SIGTERM → supervisor exited"], rows)


def milliseconds(value):
    return f"{value * 1000:.0f} ms"


def cli_table(cli, floor_note):
    floor = cli["java -version"]
    rows = []
    for name, value in cli.items():
        label = f"`java -version` ({floor_note})" if name == "java -version" else f"`devstack {name}`"
        limit = "" if name in ("java -version", "--version") else ("met" if value <= 2.5 * floor else "missed")
        rows.append([label, milliseconds(value), f"{value / floor:.2f}×", limit])
    return table(["command", "median wall time", "ratio to java -version", "≤ 2.5×"], rows)
