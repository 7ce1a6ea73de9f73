#!/usr/bin/python3
"""A fake ESM Trading API (G마켓/옥션: seller Q&A and urgent notices) for Casebook's tests, on 127.0.0.1.

Written from ESM's public guide (etapi.gmarket.com) as docs/marketplaces.md summarises it: every call a POST
with `Authorization: Bearer <JWT>` signed HS256 with the seller's secret key (header kid = the ESM+ master
id; payload iss/sub/aud fixed, iat now, ssi = "A:<auction id>,G:<gmarket id>"), JSON bodies, lists asked
by receipt day in windows of at most 7 days (endDate being the midnight that ends the window), no paging.
A broken rule answers as ESM would (or as we guess it would: see "(uncertain)" in the docs) and is recorded
under "violations", so a test can assert that the connector broke none. /_control/* lets the test read
what was sent, inject refusals and change items. Usage: fake_esm.py CONFIG.json (prints the port first).
CONFIG: {"esm": {"master_id", "secret_key", "gmarket_id", "auction_id", "qnas": [...], "notices": [...]}};
each item has "site" ("G" or "A"); an Auction Q&A item has "qnaType" 1 (board) or 2 (쪽지).
"""
import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

from fake_server import answer_injected, read_request, serve

LOCK = threading.Lock()
STATE = {"requests": [], "posted": [], "violations": [], "inject": []}
CFG = {}
QNA_LIST = "/item/v1/communications/customer/bulletin-board"
QNA_ANSWER = "/item/v1/communications/customer/bulletin-board/qna"
NOTICE_LIST = "/assist/v1/Selling/GetEmergencyInformList"
NOTICE_ANSWER = "/assist/v1/Selling/AddEmergencyInformReply"
ANSWERED = "처리완료"
MAX_ANSWER_BYTES = 1000
SKEW_SECS = 300  # how far iat may be from the gateway's clock (uncertain: ESM does not say)


def b64url_decode(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def day_of(item):
    """The Korea day an item was received: receiveDate "2026-01-19T12:47:02+09:00" or "2026-01-19 12:47:02"."""
    return dt.date.fromisoformat(item["receiveDate"][:10])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if os.environ.get("FAKE_MARKETPLACE_LOG"):
            sys.stderr.write("fake esm: " + fmt % args + "\n")

    def reply(self, status, obj):
        body = json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if not self.path_only.startswith("/_control/"):
            STATE["requests"].append({"method": self.command, "path": self.path_only, "status": status,
                                      "at": time.time(), "body": self.json_body, "sites": sorted(self.sites)})

    def violation(self, words):
        STATE["violations"].append(f"{self.command} {self.path_only}: {words}")

    def handle_any(self):
        read_request(self)
        self.json_body = None
        self.sites = set()
        with LOCK:
            if self.path_only.startswith("/_control/"):
                return self.control()
            if answer_injected(self, STATE):
                return None
            return self.api()

    do_GET = do_POST = do_PUT = handle_any

    def control(self):
        what = self.path_only[len("/_control/"):]
        arg = json.loads(self.body or b"{}")
        if what == "state":
            return self.reply(200, {k: STATE[k] for k in ("requests", "posted", "violations")})
        if what == "inject":  # the next `count` API calls answer `status`
            STATE["inject"] += [arg["status"]] * arg.get("count", 1)
        elif what == "add":
            CFG["esm"][arg["list"]].append(arg["item"])
        elif what == "update":  # {"list", "id", "fields"}: a change made at ESM (answered on the site, …)
            key = "messageNo" if arg["list"] == "qnas" else "emerMessageNo"
            item = next(i for i in CFG["esm"][arg["list"]] if str(i[key]) == str(arg["id"]))
            item.update(arg["fields"])
        return self.reply(200, {"ok": True})

    def unauthorized(self, why):
        self.violation(why)
        # The gateway's words for a call it does not let through (read from public client code).
        self.reply(401, {"status": {"message": "The user does not have right access to the api",
                                    "status_code": 401}})
        return True

    def authenticate(self):
        """Checks the JWT as ESM does; fills self.sites. True when it refused the call (and answered it)."""
        c = CFG["esm"]
        auth = self.headers.get("Authorization") or ""
        if not auth.startswith("Bearer "):
            return self.unauthorized("no Authorization: Bearer <JWT>")
        parts = auth[len("Bearer "):].split(".")
        if len(parts) != 3:
            return self.unauthorized("the token is not a JWT")
        try:
            header = json.loads(b64url_decode(parts[0]))
            payload = json.loads(b64url_decode(parts[1]))
            signature = b64url_decode(parts[2])
        except (ValueError, json.JSONDecodeError):
            return self.unauthorized("the JWT's parts are not Base64URL JSON")
        expected = hmac.new(c["secret_key"].encode(), f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(signature, expected):
            return self.unauthorized("the JWT's signature is not HS256 with the secret key")
        if header.get("alg") != "HS256" or header.get("typ") != "JWT":
            return self.unauthorized(f"JWT header {header}: alg HS256, typ JWT expected")
        if header.get("kid") != c["master_id"]:
            return self.unauthorized(f"kid {header.get('kid')!r} is not the master id")
        for claim, value in (("iss", "www.esmplus.com"), ("sub", "sell"), ("aud", "sa.esmplus.com")):
            if payload.get(claim) != value:
                return self.unauthorized(f"claim {claim} is {payload.get(claim)!r}, not {value!r}")
        iat = payload.get("iat")
        if not isinstance(iat, int) or abs(time.time() - iat) > SKEW_SECS:
            return self.unauthorized(f"iat {iat!r} is not the current Unix time in seconds")
        ids = {"G": c.get("gmarket_id"), "A": c.get("auction_id")}
        for entry in str(payload.get("ssi", "")).split(","):
            site, _, seller = entry.strip().partition(":")
            if site not in ids or not seller or seller != ids[site]:
                return self.unauthorized(f"ssi entry {entry!r} names no seller of this master id")
            self.sites.add(site)
        if not self.sites:
            return self.unauthorized("ssi names no site")
        return False

    def api(self):
        if self.command != "POST":
            self.violation("ESM's CS API takes POST")
            return self.reply(405, {"resultCode": 405, "message": "Method Not Allowed"})
        if self.authenticate():
            return None
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self.violation("Content-Type is not application/json")
        try:
            self.json_body = json.loads(self.body or b"null")
        except json.JSONDecodeError:
            self.violation("the body is not JSON")
            return self.reply(400, {"resultCode": 400, "message": "Bad Request"})
        if not isinstance(self.json_body, dict):
            self.violation("the body is not a JSON object")
            return self.reply(400, {"resultCode": 400, "message": "Bad Request"})
        routes = {QNA_LIST: self.qna_list, QNA_ANSWER: self.qna_answer,
                  NOTICE_LIST: self.notice_list, NOTICE_ANSWER: self.notice_answer}
        route = routes.get(self.path_only)
        if route is None:
            self.violation("no such ESM path")
            return self.reply(404, {"resultCode": 404, "message": "Not Found"})
        return route(self.json_body)

    def window(self, body, fields, refuse):
        """The request's window (start, end exclusive), or None after refusing it."""
        if set(body) != fields:
            # ESM's lists do not page: a page or size field (or any other) is not theirs.
            return refuse(f"fields {sorted(body)}, not {sorted(fields)}")
        if body["status"] not in (1, 2, 3, 4, 5) or body["type"] != 1:
            return refuse(f"status {body['status']!r} / type {body['type']!r} out of range")
        try:
            start = dt.date.fromisoformat(body["startDate"])
            end = dt.date.fromisoformat(body["endDate"])
        except (TypeError, ValueError):
            return refuse("startDate and endDate are YYYY-MM-DD")
        if end <= start:
            return refuse("endDate not after startDate (a day alone is startDate, startDate + 1)")
        if (end - start).days > 7:
            return refuse("window longer than 7 days")
        return start, end

    def business(self, status, code_key, code, words, violation=None):
        if violation:
            self.violation(violation)
        # The Q&A board answers resultCode/message, urgent notices ResultCode/Message (vendor docs).
        message_key = "Message" if code_key == "ResultCode" else "message"
        return self.reply(status, {code_key: code, message_key: words})

    def qna_list(self, body):
        def refuse(why):
            # The code ESM answers for a bad query is not published (uncertain: 2000, as for claims).
            return self.business(200, "resultCode", 2000, "조회기간은 7일 단위로 가능합니다.", why)
        window = self.window(body, {"qnaType", "status", "type", "startDate", "endDate"}, refuse)
        if window is None:
            return None
        start, end = window
        site = {1: "A", 2: "A", 3: "G"}.get(body["qnaType"])
        if site is None or site not in self.sites:
            return refuse(f"qnaType {body['qnaType']!r} is no board of the token's sites {sorted(self.sites)}")
        chosen = [self.listed(i) for i in CFG["esm"]["qnas"] if i["site"] == site and
                  i.get("qnaType", 3) == body["qnaType"] and start <= day_of(i) < end]
        # G마켓 answers in an envelope, 옥션 with the list itself (as public client code reads them; uncertain).
        return self.reply(200, {"resultCode": 0, "message": "", "data": chosen} if site == "G" else chosen)

    def notice_list(self, body):
        def refuse(why):
            return self.business(200, "ResultCode", 2000, "조회기간은 7일 단위로 가능합니다.", why)
        window = self.window(body, {"status", "type", "startDate", "endDate"}, refuse)
        if window is None:
            return None
        start, end = window
        chosen = [self.listed(i) for i in CFG["esm"]["notices"] if i["site"] in self.sites and
                  start <= day_of(i) < end]
        return self.reply(200, {"ResultCode": 0, "Message": "성공", "Data": chosen})

    @staticmethod
    def listed(item):
        return {k: v for k, v in item.items() if k not in ("site", "qnaType")}

    def find(self, list_name, key, number):
        return next((i for i in CFG["esm"][list_name] if str(i[key]) == str(number) and i["site"] in self.sites),
                    None)

    def answer_checks(self, body, item, fields):
        """What both answers refuse alike; returns a violation, or None."""
        missing = [f for f in fields if f not in body]
        if missing:
            return f"missing {missing}"
        if body["answerStatus"] not in (1, 2):
            return "answerStatus must be 1 (처리중) or 2 (처리완료)"
        if item.get("token") and body.get("token") != item["token"]:
            return "the token is not the one listed with the item"
        if item["site"] == "G" and not body.get("token"):
            return "a G마켓 answer needs the item's token"
        text = body.get("comments") or ""
        if not text.strip():
            return "comments (the answer) is empty"
        if len(text.encode("utf-8")) > MAX_ANSWER_BYTES:
            return f"comments over {MAX_ANSWER_BYTES} bytes ({len(text.encode('utf-8'))})"
        return None

    def qna_answer(self, body):
        item = self.find("qnas", "messageNo", body.get("messageNo"))
        if item is None:
            return self.business(200, "resultCode", 1000, "문의 정보가 없습니다.", "no such question of the token's site")
        bad = self.answer_checks(body, item, ("messageNo", "token", "answerStatus", "title", "comments"))
        if bad:
            return self.business(200, "resultCode", 1000, bad, bad)
        if item.get("informStatus") == ANSWERED:
            # Not published what ESM does; Casebook must not try (uncertain: refused as below).
            return self.business(200, "resultCode", 1000, "이미 답변이 완료된 문의입니다.",
                                 "a second answer to an answered question")
        if body["answerStatus"] == 2:
            item["informStatus"] = ANSWERED
        item["answerComments"] = body["comments"]
        STATE["posted"].append({"path": self.path_only, "body": body})
        return self.reply(200, {"messageNo": item["messageNo"]})

    def notice_answer(self, body):
        item = self.find("notices", "emerMessageNo", body.get("emerMessageNo"))
        if item is None:
            return self.business(200, "ResultCode", 2141, "입력된 문의번호에 해당하는 정보가 존재하지 않습니다.",
                                 "no such notice of the token's site")
        bad = self.answer_checks(body, item, ("emerMessageNo", "answerStatus", "comments"))
        if bad:
            return self.business(200, "ResultCode", 20, bad, bad)
        if item.get("informStatus") == ANSWERED:
            # ESM's own refusal (vendor docs): not a broken rule, the notice was closed meanwhile.
            return self.reply(200, {"ResultCode": 100, "Message": "이미 처리 완료된 건", "Data": None})
        if body["answerStatus"] == 2:
            item["informStatus"] = ANSWERED
        STATE["posted"].append({"path": self.path_only, "body": body})
        return self.reply(200, {"ResultCode": 0, "Message": "성공", "Data": {"EmerMessageNo": item["emerMessageNo"]}})


def main():
    serve(Handler, CFG, {"esm": {"master_id": "", "secret_key": "", "gmarket_id": "", "auction_id": "",
                                "qnas": [], "notices": []}})


if __name__ == "__main__":
    main()
