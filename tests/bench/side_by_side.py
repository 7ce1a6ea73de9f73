#!/usr/bin/env python3
"""Casebook against notmuch and mu on one generated Maildir, in one run, printed as ratios.

usage: tests/bench/side_by_side.py N [--work DIR] [--rounds R] [--search-runs S] [--cli PATH]

  N              messages to generate with tests/support/gen_maildir.py (seed 42); the corpus is kept
                 in WORKDIR and reused by the next run with the same N
  --work DIR     where the corpus and the three indexes live (default /tmp/casebook-side-by-side)
  --rounds R     imports of each program, interleaved, from an empty index (default 3; 1 is enough at 100k;
                 0 measures searches only, on the indexes a previous run left in WORKDIR)
  --search-runs  whole-process runs of each search per program, interleaved, after 2 warm-up rounds (15)
  --cli PATH     casebook-cli to measure (default build/bench/app/casebook-cli)
  --peers LIST   which peers to run (default notmuch,mu); mu is the import target's yardstick

needs: apt-get install notmuch maildir-utils (on demand: nothing in script/bootstrap installs them).

Each round runs `notmuch new`, `mu index` and `casebook-cli import maildir` one after the other on the
same files, so a busy machine slows all three alike; the figures are medians over the rounds. Import is
the whole process (start-up included) timed from outside, peak RSS from the kernel's accounting of the
child. Search is `casebook-cli search --count Q` against `notmuch count Q` (and `mu find Q`, which
prints the matches: mu has no count), whole process, warm. Casebook's threading is scored against the
corpus's truth file (pairwise precision and recall) and 환불 against the manifest's hwanbul_substr.
"""
import argparse, json, os, shutil, sqlite3, statistics, subprocess, sys, time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from import_vs_peers import GEN, du  # noqa: E402  (the project's own generator; one way to size an index)
OWN = ["@support.example.com", "help@example.com"]

# (name, casebook query, notmuch query, mu query, manifest key)
QUERIES = [
    ("chargeback", "chargeback", "chargeback", "chargeback", "chargeback"),
    ("환불", "환불", "환불", "환불", "hwanbul_substr"),
    ("from:", "from:jiwoo.park@support.example.com", "from:jiwoo.park@support.example.com",
     "from:jiwoo.park@support.example.com", "from_target"),
    ("환불 after:", "환불 after:2025-01-01", "환불 date:2025-01-01..", "환불 date:20250101..", None),
    ("tracking", "tracking", "tracking", "tracking", None),
    ("order*", "order*", "order*", "order*", None),
]


def run(cmd, env=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, peak RSS MB, exit code, stdout bytes or None)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.DEVNULL)
    out = p.stdout.read() if stdout == subprocess.PIPE else None
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, p.returncode, out


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def corpus(n, work):
    md = os.path.join(work, "md%d" % n)
    if not os.path.exists(md + ".manifest.json"):
        shutil.rmtree(md, ignore_errors=True)
        print("generating %d messages into %s" % (n, md), flush=True)
        subprocess.run([sys.executable, GEN, "--n", str(n), "--out", md, "--seed", "42"],
                       check=True, stdout=subprocess.DEVNULL)
    return md


def accuracy(db, truth_file):
    truth = {}
    with open(truth_file, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2:
                truth[cols[0]] = int(cols[1])
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    rows = con.execute("SELECT source_ref, ticket_id FROM messages WHERE ticket_id IS NOT NULL").fetchall()
    con.close()
    by_ticket = defaultdict(Counter)
    thread_sizes = Counter()
    for ref, ticket in rows:
        thread = truth.get(ref)
        if thread is None:
            continue
        by_ticket[ticket][thread] += 1
        thread_sizes[thread] += 1
    pairs = lambda k: k * (k - 1) // 2
    both = sum(pairs(k) for c in by_ticket.values() for k in c.values())
    ticket_pairs = sum(pairs(sum(c.values())) for c in by_ticket.values())
    thread_pairs = sum(pairs(k) for k in thread_sizes.values())
    return (both / ticket_pairs if ticket_pairs else 1.0, both / thread_pairs if thread_pairs else 1.0,
            len(by_ticket))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--work", default="/tmp/casebook-side-by-side")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--search-runs", type=int, default=15)
    ap.add_argument("--cli", default=os.path.join(REPO, "build", "bench", "app", "casebook-cli"))
    ap.add_argument("--peers", default="notmuch,mu")
    a = ap.parse_args()
    peers = [p for p in ("notmuch", "mu") if p in a.peers.split(",")]
    for tool in peers:
        if not shutil.which(tool):
            sys.exit("%s is not installed: apt-get install notmuch maildir-utils" % tool)
    if not os.access(a.cli, os.X_OK):
        sys.exit("%s not found: cmake --preset bench && cmake --build --preset bench" % a.cli)
    work = os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    md = corpus(a.n, work)
    manifest = json.load(open(md + ".manifest.json"))
    files = manifest["n_files"]
    nm_dir, mu_dir, cb_db = (os.path.join(work, "idx%d-%s" % (a.n, k)) for k in ("notmuch", "mu", "casebook"))
    cb_db += ".sqlite"
    nm_conf = os.path.join(work, "notmuch%d.conf" % a.n)
    with open(nm_conf, "w") as f:
        f.write("[database]\npath=%s\nmail_root=%s\n[user]\nprimary_email=help@example.com\n"
                "[new]\ntags=inbox;\n[search]\nexclude_tags=\n" % (nm_dir, md))
    env = dict(os.environ, NOTMUCH_CONFIG=nm_conf, QT_QPA_PLATFORM="offscreen")

    def fresh_casebook():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(cb_db + suffix):
                os.remove(cb_db + suffix)

    importers = {
        "notmuch": lambda: (shutil.rmtree(nm_dir, ignore_errors=True), os.makedirs(nm_dir),
                            run(["notmuch", "new", "--quiet"], env))[-1],
        "mu": lambda: (shutil.rmtree(mu_dir, ignore_errors=True),
                       run(["mu", "init", "--quiet", "--muhome=" + mu_dir, "--maildir=" + md,
                            "--my-address=help@example.com"], env),
                       run(["mu", "index", "--quiet", "--muhome=" + mu_dir], env))[-1],
        "casebook": lambda: (fresh_casebook(),
                             run([a.cli, "--db", cb_db, "import", "maildir", md, "--json"] +
                                 [x for o in OWN for x in ("--own", o)], env))[-1],
    }
    sizes = {"notmuch": lambda: du(nm_dir), "mu": lambda: du(mu_dir),
             "casebook": lambda: sum(os.path.getsize(cb_db + s) for s in ("", "-wal")
                                     if os.path.exists(cb_db + s)) / 2**20}
    for k in ("notmuch", "mu"):
        if k not in peers:
            del importers[k]
    imports = defaultdict(list)
    print("import: %d files, %d round(s), interleaved" % (files, a.rounds), flush=True)
    for r in range(a.rounds):
        for name, go in importers.items():
            wall, rss, rc, _ = go()
            if rc != 0:
                sys.exit("%s import failed (exit %d)" % (name, rc))
            imports[name].append((wall, rss))
            print("  round %d %-8s %7.2f s %7.0f msg/s %5.0f MB peak" % (r + 1, name, wall, files / wall, rss),
                  flush=True)
    rate = {k: files / median([w for w, _ in v]) for k, v in imports.items()}
    ratio = lambda k, peer: "%11.2fx" % (rate[k] / rate[peer]) if peer in rate and k in rate else "%12s" % "-"
    print("\n%-9s %9s %9s %9s %12s %12s" % ("import", "msg/s", "peak MB", "index MB", "vs mu", "vs notmuch"))
    for k in ["casebook"] + peers if a.rounds > 0 else []:
        print("%-9s %9.0f %9.0f %9.0f %s %s" % (k, rate[k], median([m for _, m in imports[k]]), sizes[k](),
                                                ratio(k, "mu"), ratio(k, "notmuch")))

    print("\nsearch: whole process, warm, median of %d interleaved runs (ms)" % a.search_runs)
    print("%-12s %9s %9s %9s %10s %9s %9s %9s" % ("query", "casebook", "notmuch", "mu find", "cb/notmuch",
                                                 "cb n", "nm n", "manifest"))
    worst = 0.0
    hwanbul_ok = True
    for name, cq, nq, mq, key in QUERIES:
        cmds = {"casebook": [a.cli, "--db", cb_db, "search", "--count", cq],
                "notmuch": ["notmuch", "count", nq],
                "mu": ["mu", "find", "--muhome=" + mu_dir, "--fields=i", mq]}
        cmds = {k: v for k, v in cmds.items() if k == "casebook" or k in peers}
        times, outs = defaultdict(list), {}
        for i in range(a.search_runs + 2):
            for k, cmd in cmds.items():
                wall, _, _, out = run(cmd, env, stdout=subprocess.PIPE)
                outs[k] = out
                if i >= 2:
                    times[k].append(wall * 1000)
        cn = outs["casebook"].decode().strip()
        nn = outs["notmuch"].decode().strip() if "notmuch" in outs else "-"
        want = manifest["expected_hits_logical_messages"].get(key) if key else None
        if key == "hwanbul_substr":
            hwanbul_ok = int(cn or 0) >= want
        against = median(times["casebook"]) / median(times["notmuch"]) if "notmuch" in peers else float("nan")
        worst = max(worst, against)
        print("%-12s %9.1f %9.1f %9.1f %9.2fx %9s %9s %9s" % (
            name, median(times["casebook"]), median(times["notmuch"]), median(times["mu"]), against, cn, nn,
            "-" if want is None else want), flush=True)

    precision, recall, tickets = accuracy(cb_db, md + ".truth.tsv")
    intended = manifest["intended_threads"]
    print("\ncasebook threading: precision %.4f, recall %.4f, %d tickets for %d intended threads (%+.1f%%)" %
          (precision, recall, tickets, intended, 100.0 * (tickets - intended) / intended))
    print("환불 finds %s the manifest's hwanbul_substr" % ("every message of" if hwanbul_ok else "LESS than"))
    print("\nsummary: import %sx mu (target >= 3), %sx notmuch; peak RSS %.0f MB (target <= 200); "
          "slowest search %sx notmuch (target <= 1)" % (
              ratio("casebook", "mu").strip(" x"), ratio("casebook", "notmuch").strip(" x"),
              median([m for _, m in imports.get("casebook", [])]),
              "%.2f" % worst if "notmuch" in peers else "-"))
    return 0 if hwanbul_ok and precision >= 0.99 and recall >= 0.97 else 1


if __name__ == "__main__":
    sys.exit(main())
