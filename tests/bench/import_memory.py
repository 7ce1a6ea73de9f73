#!/usr/bin/env python3
"""Peak memory of an import of large messages (issue 19: memory must follow a batch's bytes, not its count).

usage: tests/bench/import_memory.py [--cli PATH] [--work DIR] [SPEC ...]

  SPEC       COUNTxMB: COUNT messages of about MB megabytes each (default: 300x7 16x108 2000x0.05)
  --cli      casebook-cli (default: build/bench/app/casebook-cli; build it with the bench preset)
  --work     where the Maildirs and stores are written (default /tmp/casebook-import-memory)

Each Maildir is written once by this script (half the messages carry a large base64 attachment, half a
large quoted-printable text body, all different) and imported into an empty store by `casebook-cli import
maildir` under /usr/bin/time -v, which gives the peak RSS. The budget is 512 MB whatever the mailbox holds.
"""
import argparse, base64, os, random, re, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BUDGET_MB = 512


def message(i, size, rng):
    head = ("From: Buyer %d <buyer%d@example.net>\r\nTo: help@example.com\r\nSubject: order %d photos\r\n"
            "Message-ID: <big%d@example.net>\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            % (i, i, 100000 + i, i))
    if i % 2:
        payload = base64.encodebytes(rng.randbytes(size * 3 // 4)).replace(b"\n", b"\r\n")
        return (head + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
                "Photos of the damaged parcel attached.\r\n--b\r\nContent-Type: image/jpeg\r\n"
                'Content-Disposition: attachment; filename="photo.jpg"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
                ).encode() + payload + b"\r\n--b--\r\n"
    line = b"The parcel arrived broken again, order %d, please refund. " % i
    body = (line * (size // len(line) + 1))[:size]
    lines = b"\r\n".join(body[k:k + 70] for k in range(0, len(body), 70))
    return (head + "Content-Type: text/plain; charset=utf-8\r\n\r\n").encode() + lines + b"\r\n"


def maildir(work, count, mb):
    path = os.path.join(work, "md-%dx%g" % (count, mb))
    done = path + ".done"
    if not os.path.exists(done):
        shutil.rmtree(path, ignore_errors=True)
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(path, sub))
        rng = random.Random(count * 1000 + int(mb * 10))
        for i in range(count):
            with open(os.path.join(path, "cur", "%06d.big:2,S" % i), "wb") as f:
                f.write(message(i, int(mb * 2**20), rng))
        open(done, "w").close()
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("specs", nargs="*", default=["300x7", "16x108", "2000x0.05"])
    ap.add_argument("--cli", default=os.path.join(REPO, "build", "bench", "app", "casebook-cli"))
    ap.add_argument("--work", default="/tmp/casebook-import-memory")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    print("%-12s %10s %9s %9s %s" % ("mailbox", "imported", "wall s", "peak MB", "within 512 MB"))
    worst = 0
    for spec in a.specs:
        count, mb = spec.split("x")
        md = maildir(a.work, int(count), float(mb))
        db = os.path.join(a.work, "store.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        p = subprocess.run(["/usr/bin/time", "-v", a.cli, "--db", db, "import", "maildir", md, "--json",
                            "--own", "help@example.com"], capture_output=True, text=True, errors="replace")
        if p.returncode != 0:
            sys.exit("import of %s failed (exit %d): %s" % (md, p.returncode, p.stderr[-500:]))
        field = lambda name: re.search(r"^\s*%s: (.*)$" % re.escape(name), p.stderr, re.M).group(1)
        rss = int(field("Maximum resident set size (kbytes)")) / 1024
        clock = [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
        wall = sum(v * 60 ** i for i, v in enumerate(reversed(clock)))
        imported = re.search(r'"imported":\s*(\d+)', p.stdout)
        worst = max(worst, rss)
        print("%-12s %10s %9.1f %9.0f %s" % (spec, imported.group(1) if imported else "?", wall, rss,
                                            "yes" if rss <= BUDGET_MB else "NO"), flush=True)
    return 0 if worst <= BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
