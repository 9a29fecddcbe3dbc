#!/usr/bin/env python3
"""devstack's JMH benchmarks (jmh/, built with -Pjmh), then claims across processes. Not a test.

  PortPlannerBenchmark.plan          the allocator: a plan of 10, 50, 200 services with real probes
                                     and held sockets, nothing remembered or every port sticky (µs/plan)
  RegistryClaimBenchmark.claim       `devstack claim`'s work in one JVM on a real registry file in a
                                     temp folder, committed (claims/s), audit log empty or full
  RegistryClaimBenchmark.readLeases  a locked read of every lease (reads/s)
  CommitFloorBenchmark               write 1 or 180 blocks of 4 KiB, flush, rename, flush the folder:
                                     the disk's floor under any commit of the registry (commits/s)
  claims/s across processes          ClaimLoop (jmh/) in 1 JVM and in 4 JVMs at once on one registry,
                                     counted from the first committed claim to the last (median of --reps)

  python3 bench/bench_jmh.py [--forks 1] [--warmup 2] [--iterations 3] [--time 2]
                             [--only REGEX] [--reps 3] [--skip-build] [--json results.json]

Builds jmh/target/benchmarks.jar first (mvn -Pjmh -pl jmh -am package, offline once JMH is in
~/.m2; tests skipped). About 4 minutes with the defaults. JMH's own table is printed as it goes,
then a summary. Every registry lives in a new folder under the system's temp folder, deleted after.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

from bench_ports import jvm_claims
from stacklib import HERE

ROOT = os.path.dirname(HERE)
JAR = os.path.join(ROOT, "jmh", "target", "benchmarks.jar")
JMH_CORE = os.path.expanduser("~/.m2/repository/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar")
CLAIM_LOOP = "dev.devstack.bench.ClaimLoop"


def build():
    offline = ["-o"] if os.path.exists(JMH_CORE) else []
    subprocess.run(["mvn", "-B", "-q", *offline, "-f", os.path.join(ROOT, "pom.xml"), "-Pjmh", "-pl", "jmh", "-am",
                    "package", "-Dmaven.test.skip=true", "-Djacoco.skip=true"], check=True)


def run_jmh(args):
    out = os.path.join(tempfile.mkdtemp(prefix="devstack-jmh-result-"), "jmh.json")
    try:
        subprocess.run(["java", "-jar", JAR, args.only, "-f", str(args.forks), "-wi", str(args.warmup),
                        "-w", f"{args.time}s", "-i", str(args.iterations), "-r", f"{args.time}s",
                        "-rf", "json", "-rff", out], check=True)
        with open(out) as f:
            return json.load(f)
    finally:
        if os.path.exists(out):
            os.remove(out)
        os.rmdir(os.path.dirname(out))


def summary(results):
    rows = []
    for result in results:
        name = result["benchmark"].rsplit(".", 2)
        params = ", ".join(f"{k}={v}" for k, v in result.get("params", {}).items())
        metric = result["primaryMetric"]
        # JMH gives no error ("NaN") for fewer than 3 iterations
        error = metric["scoreError"] if isinstance(metric["scoreError"], (int, float)) else float("nan")
        rows.append((f"{name[-2]}.{name[-1]}", params, metric["score"], error, metric["scoreUnit"]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--forks", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=2, help="warm-up iterations")
    parser.add_argument("--iterations", type=int, default=3, help="measured iterations")
    parser.add_argument("--time", type=int, default=2, help="seconds per iteration")
    parser.add_argument("--only", default="dev.devstack.bench", help="JMH's include pattern")
    parser.add_argument("--reps", type=int, default=3, help="runs of the cross-process claims (0: skip them)")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()

    if not args.skip_build:
        build()
    results = {"cpus": os.cpu_count(), "jmh": run_jmh(args)}
    if args.reps > 0:
        results["claims_per_s_1_jvm"] = [jvm_claims(JAR, 1, 300, CLAIM_LOOP) for _ in range(args.reps)]
        results["claims_per_s_4_jvms"] = [jvm_claims(JAR, 4, 150, CLAIM_LOOP) for _ in range(args.reps)]

    print(f"\nJMH ({args.forks} fork(s), {args.warmup}+{args.iterations} iterations of {args.time} s, "
          f"{results['cpus']} CPUs)")
    for name, params, score, error, unit in summary(results["jmh"]):
        print(f"  {name:40} {params:45} {score:10.1f} ± {error:8.1f} {unit}")
    if args.reps > 0:
        print(f"claims per second across processes (median of {args.reps})")
        for key, label in (("claims_per_s_1_jvm", "1 JVM"), ("claims_per_s_4_jvms", "4 JVMs at once, in all")):
            print(f"  {label:86} {statistics.median(results[key]):10.1f}   runs: "
                  + ", ".join(f"{x:.0f}" for x in results[key]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
