#!/usr/bin/env python3
"""Seeds for the fuzz targets, written into OUT/<target>/ from the test data already in the repository
(tests/data, resources/templates): nothing is kept twice in the repository. A case file ZIP is built here,
since the repository holds none. Files over MAX_SEED bytes are left out: libFuzzer mutates small inputs
faster, and the big fixtures test size limits, which the normal suite covers."""
import hashlib
import io
import json
import pathlib
import shutil
import sys
import zipfile

MAX_SEED = 64 * 1024
ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def put(out, target, name, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) <= MAX_SEED:
        (d / name).write_bytes(data)


def copy_files(out, target, files):
    for f in files:
        if f.is_file() and f.stat().st_size <= MAX_SEED:
            put(out, target, f"{f.parent.name}-{f.name}".replace(":", "_").replace(",", "_"), f.read_bytes())


def mails():
    for sub in ("mail", "maildir", "threading", "hostile", "own-addresses"):
        yield from sorted((DATA / sub).rglob("*"))


def case_file_zip():
    """A small case file as the exporter writes it: manifest.json, SHA256SUMS and one evidence file."""
    evidence = b"photo of the broken mug\n"
    ev_hash = hashlib.sha256(evidence).hexdigest()
    manifest = {
        "format": "casebook-case-file/1",
        "app": {"name": "Casebook", "version": "0.1.0"},
        "exported_at": "2026-03-10T09:00:00Z",
        "options": {"include_notes": False, "mask_contact": True},
        "case": {"number": 1042, "subject": "Broken mug", "status": "open", "category": "defect",
                 "channels": ["email"], "order_numbers": ["2026031012345"],
                 "created_at": "2026-03-09T10:00:00Z", "last_activity_at": "2026-03-10T08:00:00Z"},
        "customer": {"name": "Kim", "identities": [{"kind": "email", "value": "k***@example.com"}]},
        "files": [{"path": "evidence/01-mug.txt", "sha256": ev_hash, "size": len(evidence), "role": "evidence"}],
        "custody_log": [{"seq": 1, "at": "2026-03-10T08:00:00Z", "action": "added",
                         "detail": json.dumps({"sha256": ev_hash}), "prev_hash": "", "entry_hash": ""}],
    }
    manifest_bytes = json.dumps(manifest, indent=1).encode()
    sums = (f"{hashlib.sha256(manifest_bytes).hexdigest()}  manifest.json\n"
            f"{ev_hash}  evidence/01-mug.txt\n").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", manifest_bytes)
        z.writestr("SHA256SUMS", sums)
        z.writestr("evidence/01-mug.txt", evidence)
    return buf.getvalue()


QUERIES = [
    "refund", "환불 배송", '"where is my parcel"', "refun*", "from:kim subject:mug", "-spam refund",
    '-"not this" order:2026031012345', "status:open channel:email", "after:2026-03-01 before:2026-04-01 broken",
    "to:help@shop.example", 'subject:"broken mug"*', "order:2026*", "from:\"김 민지\" 교환",
]

HTML = [
    "<p>Hello <b>Kim</b>,<br>your order <a href='https://shop.example/o/1'>1042</a> shipped.</p>",
    "<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table>",
    "<ul><li>one<li>two<ul><li>three</ul></ul><img src='https://x.example/a.png'>",
    "<div style='color:red' onclick='x()'><script>alert(1)</script>&lt;&#44592;&amp;&nbsp;</div>",
]


def main():
    out = pathlib.Path(sys.argv[1])
    if out.exists():
        shutil.rmtree(out)
    copy_files(out, "fuzz_mime_import", mails())
    copy_files(out, "fuzz_html_display", [f for f in mails() if f.is_file() and b"text/html" in f.read_bytes()])
    for i, h in enumerate(HTML):
        put(out, "fuzz_html_display", f"snippet-{i}.html", h)
    copy_files(out, "fuzz_csv", sorted((DATA / "csv").glob("*.csv")))
    for i, q in enumerate(QUERIES):
        put(out, "fuzz_search_query", f"query-{i}", q)
    put(out, "fuzz_case_file_verify", "case-1042.zip", case_file_zip())
    for lang in ("ko", "en"):
        for t in json.loads((ROOT / "resources" / "templates" / f"{lang}.json").read_text())["templates"]:
            put(out, "fuzz_template", f"{t['id']}", t["body"])
    for tsv in sorted((DATA / "tone").glob("*.tsv")):
        lines = [l.split("\t", 1)[1] for l in tsv.read_text().splitlines() if "\t" in l and not l.startswith("#")]
        for i, line in enumerate(lines[:10]):
            put(out, "fuzz_tone_check", f"{tsv.stem}-{i}", line)
    for d in sorted(out.iterdir()):
        print(f"{d.name}: {sum(1 for _ in d.iterdir())} seeds")


if __name__ == "__main__":
    main()
