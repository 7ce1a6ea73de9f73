#!/usr/bin/env python3
"""Casebook's import against `mu index` and `notmuch new` on the same generated Maildir, in one run.

usage: tests/bench/import_vs_peers.py [N ...] [--rounds R] [--work DIR] [--cli PATH] [--peers LIST]
                                      [--corpus N=DIR ...] [--count-runs K]

  N ...          corpus sizes (default: 10000 100000), each generated once with the project's own
                 tests/support/gen_maildir.py --n N --seed 42 into WORKDIR and reused by later runs
  --rounds R     interleaved rounds per size (default 3); each round imports with every program from an
                 empty index, one after the other, so a busy machine slows all of them alike
  --corpus N=DIR use an already generated corpus of size N (DIR.manifest.json beside it)
  --count-runs K after the last round, `casebook-cli search --count` against `notmuch count` on the same
                 queries, K whole-process runs each (default 5; 0 skips)
  --peers LIST   notmuch,mu (default both)

needs: apt-get install notmuch maildir-utils time; casebook-cli from the bench preset (Release):
       cmake --preset bench && cmake --build --preset bench --target casebook-cli

Every import runs under /usr/bin/time -v: wall time, user+system CPU and peak RSS come from there. The
figures are medians over the rounds; the load average is printed with each round because other work on
the machine slows all three programs, and single-process peers more than they slow a program that uses
both cores. CPU seconds per 1,000 messages say what each program costs independently of that load.
"""
import argparse, json, os, re, shutil, sqlite3, statistics, subprocess, sys, time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GEN = os.path.join(REPO, "tests", "support", "gen_maildir.py")
OWN = ["@support.example.com", "help@example.com"]

# (name, casebook query, notmuch query)
COUNTS = [
    ("chargeback", "chargeback", "chargeback"),
    ("환불", "환불", "환불"),
    ("from:", "from:jiwoo.park@support.example.com", "from:jiwoo.park@support.example.com"),
    ("tracking", "tracking", "tracking"),
    ("order*", "order*", "order*"),
]


def timed(cmd, env):
    """Runs cmd under /usr/bin/time -v; returns dict(wall, cpu, rss_mb, rc)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, errors="replace")
    field = lambda name: re.search(r"^\s*%s: (.*)$" % re.escape(name), p.stderr, re.M).group(1)
    clock = [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(v * 60 ** i for i, v in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return {"wall": wall, "cpu": cpu, "rss": int(field("Maximum resident set size (kbytes)")) / 1024,
            "rc": p.returncode}


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total / 2**20


def corpus(n, work, given):
    if n in given:
        return given[n]
    md = os.path.join(work, "md%d" % n)
    if not os.path.exists(md + ".manifest.json"):
        shutil.rmtree(md, ignore_errors=True)
        print("generating %d messages into %s" % (n, md), flush=True)
        subprocess.run([sys.executable, GEN, "--n", str(n), "--out", md, "--seed", "42"], check=True,
                       stdout=subprocess.DEVNULL)
    return md


def load():
    return "%.1f %.1f %.1f" % os.getloadavg()


def bench(n, a, env, peers, given):
    md = corpus(n, a.work, given)
    files = json.load(open(md + ".manifest.json"))["n_files"]
    idx = lambda k: os.path.join(a.work, "idx%d-%s" % (n, k))
    cb_db = idx("casebook") + ".sqlite"
    nm_conf = idx("notmuch") + ".conf"
    with open(nm_conf, "w") as f:
        f.write("[database]\npath=%s\nmail_root=%s\n[user]\nprimary_email=help@example.com\n"
                "[new]\ntags=inbox;\n[search]\nexclude_tags=\n" % (idx("notmuch"), md))
    env = dict(env, NOTMUCH_CONFIG=nm_conf)

    def fresh(path):
        shutil.rmtree(path, ignore_errors=True)

    def casebook():
        # Only casebook's own files: the store is read again by the search counts after the last round.
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(cb_db + suffix):
                os.remove(cb_db + suffix)
        t = timed([a.cli, "--db", cb_db, "import", "maildir", md, "--json"] +
                  [x for o in OWN for x in ("--own", o)], env)
        if t["rc"] != 0:
            sys.exit("casebook-cli import failed (exit %d)" % t["rc"])
        return t

    def mu():
        fresh(idx("mu"))
        subprocess.run(["mu", "init", "--quiet", "--muhome=" + idx("mu"), "--maildir=" + md,
                        "--my-address=help@example.com"], env=env, check=True, stdout=subprocess.DEVNULL)
        return timed(["mu", "index", "--quiet", "--muhome=" + idx("mu")], env)

    def notmuch():
        fresh(idx("notmuch"))
        os.makedirs(idx("notmuch"))
        return timed(["notmuch", "new", "--quiet"], env)

    programs = {"casebook": casebook, "mu": mu, "notmuch": notmuch}
    programs = {k: v for k, v in programs.items() if k == "casebook" or k in peers}
    sizes = {"casebook": lambda: sum(os.path.getsize(cb_db + s) for s in ("", "-wal")
                                     if os.path.exists(cb_db + s)) / 2**20,
             "mu": lambda: du(idx("mu")), "notmuch": lambda: du(idx("notmuch"))}
    runs = defaultdict(list)
    print("\n%d messages (%d files), %d interleaved round(s)" % (n, files, a.rounds), flush=True)
    for r in range(a.rounds):
        for name, go in programs.items():
            before = load()
            m = go()
            if m["rc"] != 0:
                sys.exit("%s failed (exit %d)" % (name, m["rc"]))
            m["size"] = sizes[name]()
            runs[name].append(m)
            print("  round %d %-8s %8.1f s %7.0f msg/s  cpu %7.1f s  peak %5.0f MB  load %s" % (
                r + 1, name, m["wall"], files / m["wall"], m["cpu"], m["rss"], before), flush=True)
    med = lambda name, key: statistics.median(x[key] for x in runs[name])
    rate = {k: files / med(k, "wall") for k in runs}
    print("\n%-9s %9s %10s %9s %9s %10s %10s %s" % ("%dk" % (n // 1000), "msg/s", "cpu s/1k", "peak MB",
                                                     "index MB", "casebook/", "(cpu)", ""))
    for k in runs:
        print("%-9s %9.0f %10.2f %9.0f %9.0f %9.2fx %9.2fx" % (
            k, rate[k], 1000 * med(k, "cpu") / files, med(k, "rss"), runs[k][-1]["size"],
            rate["casebook"] / rate[k], med(k, "cpu") / med("casebook", "cpu")))
    return {"n": n, "files": files, "rate": rate, "rss": med("casebook", "rss"), "md": md, "db": cb_db,
            "env": env}


def counts(last, runs, peers):
    if runs <= 0 or "notmuch" not in peers:
        return
    print("\nsearch --count against notmuch count, %d messages, whole process, median of %d runs (ms)" %
          (last["n"], runs))
    print("%-12s %9s %9s %8s %8s %8s" % ("query", "casebook", "notmuch", "ratio", "cb n", "nm n"))
    for name, cq, nq in COUNTS:
        cmds = {"casebook": [a.cli, "--db", last["db"], "search", "--count", cq], "notmuch": ["notmuch", "count", nq]}
        times, outs = defaultdict(list), {}
        for i in range(runs + 1):  # one warm-up
            for k, cmd in cmds.items():
                t0 = time.perf_counter()
                outs[k] = subprocess.run(cmd, env=last["env"], capture_output=True, text=True).stdout.strip()
                if i:
                    times[k].append(1000 * (time.perf_counter() - t0))
        c, m = statistics.median(times["casebook"]), statistics.median(times["notmuch"])
        print("%-12s %9.1f %9.1f %7.2fx %8s %8s" % (name, c, m, c / m, outs["casebook"], outs["notmuch"]))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", type=int, nargs="*", default=[10000, 100000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", default="/tmp/casebook-import-vs-peers")
    ap.add_argument("--cli", default=os.path.join(REPO, "build", "bench", "app", "casebook-cli"))
    ap.add_argument("--peers", default="notmuch,mu")
    ap.add_argument("--corpus", action="append", default=[])
    ap.add_argument("--count-runs", type=int, default=5)
    a = ap.parse_args()
    peers = a.peers.split(",") if a.peers else []
    for tool in peers:
        if not shutil.which(tool):
            sys.exit("%s is not installed: apt-get install notmuch maildir-utils" % tool)
    if not os.access(a.cli, os.X_OK):
        sys.exit("%s not found: cmake --preset bench && cmake --build --preset bench" % a.cli)
    a.work = os.path.abspath(a.work)
    os.makedirs(a.work, exist_ok=True)
    given = {int(k): os.path.abspath(v) for k, v in (c.split("=", 1) for c in a.corpus)}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    print("uptime: %s" % subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    results = [bench(n, a, env, peers, given) for n in a.sizes]
    print("\nsummary (load now %s):" % load())
    for r in results:
        line = "  %6d: casebook %.0f msg/s, peak %.0f MB" % (r["n"], r["rate"]["casebook"], r["rss"])
        for p in peers:
            line += "; %.2fx %s" % (r["rate"]["casebook"] / r["rate"][p], p)
        print(line)
    if len(results) >= 2:
        print("  rate at %d / rate at %d: %.2f" % (results[-1]["n"], results[0]["n"],
                                                  results[-1]["rate"]["casebook"] / results[0]["rate"]["casebook"]))
    counts(results[-1], a.count_runs, peers)
