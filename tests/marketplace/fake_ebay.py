#!/usr/bin/python3
"""A fake eBay (OAuth refresh, Message API, Post-Order inquiries and returns) for Casebook's tests, on 127.0.0.1.

Written from eBay's public API pages as docs/marketplaces.md summarises them:
- POST /identity/v1/oauth2/token mints a user access token from the refresh token: form body
  grant_type=refresh_token&refresh_token=…, "Authorization: Basic base64(client_id:client_secret)". Tokens
  live `token_lifetime` seconds (eBay: 7200); /_control/expire ends every token minted so far.
- The Message API takes "Authorization: Bearer <access token>": lists conversations (conversation_type
  required, start_time/end_time, limit 1 to 50, offset from 0), gives one conversation's messages (the same
  paging) and sends a message (messageText, at most 2000 characters).
- The Post-Order API takes "Authorization: IAF <access token>" and X-EBAY-C-MARKETPLACE-ID, searches inquiries
  and returns by creation date (limit at most 200, offset from 0) and takes a message on an open case.
A broken rule answers as eBay would and is recorded under "violations"; an expired token answers 401 without
one (refreshing it is the client's job). /_control/* reads what was sent, injects refusals, changes items.
Usage: fake_ebay.py CONFIG.json (prints the port on the first line).
CONFIG: {"ebay": {"client_id", "client_secret", "refresh_token", "seller", "token_lifetime",
                  "conversations": [...], "inquiries": [...], "returns": [...]}}.
"""
import base64
import datetime as dt
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

from fake_server import read_request, serve

LOCK = threading.Lock()
STATE = {"requests": [], "posted": [], "violations": [], "inject": [], "tokens": {}, "minted": 0}
CFG = {}
MSG = "/commerce/message/v1"
PO = "/post-order/v2"
TOKEN = "/identity/v1/oauth2/token"


def iso(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def now_iso():
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if os.environ.get("FAKE_MARKETPLACE_LOG"):
            sys.stderr.write("fake ebay: " + fmt % args + "\n")

    def reply(self, status, obj=None):
        body = b"" if obj is None else json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if not self.path_only.startswith("/_control/"):
            STATE["requests"].append({"method": self.command, "path": self.path_only, "query": self.query_raw,
                                      "status": status, "at": time.time()})

    def error(self, status, error_id, words, violation=True):
        if violation:
            STATE["violations"].append(f"{self.command} {self.path_only}?{self.query_raw}: {words}")
        return self.reply(status, {"errors": [{"errorId": error_id, "domain": "API_MESSAGE", "category": "REQUEST",
                                               "message": words}]})

    def handle_any(self):
        read_request(self)
        with LOCK:
            if self.path_only.startswith("/_control/"):
                return self.control()
            if self.path_only == TOKEN:
                return self.mint()
            if STATE["inject"]:
                return self.error(STATE["inject"].pop(0), 2001, "Too many requests", violation=False)
            if self.path_only.startswith(MSG):
                return self.message_api()
            if self.path_only.startswith(PO):
                return self.post_order()
            return self.error(404, 2002, "no such eBay path")

    do_GET = do_POST = handle_any

    def control(self):
        what = self.path_only[len("/_control/"):]
        arg = json.loads(self.body or b"{}")
        if what == "state":
            return self.reply(200, {k: STATE[k] for k in ("requests", "posted", "violations", "minted")})
        if what == "inject":
            STATE["inject"] += [arg["status"]] * arg.get("count", 1)
        elif what == "expire":  # every token minted so far has lived its two hours
            for token in STATE["tokens"]:
                STATE["tokens"][token] = 0
        elif what == "update":  # {"list": "inquiries"|"returns", "id", "fields"}
            key = "inquiryId" if arg["list"] == "inquiries" else "returnId"
            next(i for i in CFG["ebay"][arg["list"]] if i[key] == arg["id"]).update(arg["fields"])
        return self.reply(200, {"ok": True})

    # -- OAuth ----------------------------------------------------------------------------------------
    def mint(self):
        e = CFG["ebay"]

        def oauth_error(status, error, words):
            STATE["violations"].append(f"POST {TOKEN}: {words}")
            return self.reply(status, {"error": error, "error_description": words})
        if self.command != "POST":
            return oauth_error(405, "invalid_request", "the token request is a POST")
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/x-www-form-urlencoded":
            return oauth_error(400, "invalid_request", "Content-Type is not application/x-www-form-urlencoded")
        basic = base64.b64encode(f"{e['client_id']}:{e['client_secret']}".encode()).decode()
        if self.headers.get("Authorization") != f"Basic {basic}":
            return oauth_error(401, "invalid_client", "client authentication failed")
        form = dict(urllib.parse.parse_qsl(self.body.decode(), keep_blank_values=True))
        if form.get("grant_type") != "refresh_token":
            return oauth_error(400, "unsupported_grant_type", "grant_type must be refresh_token")
        if form.get("refresh_token") != e["refresh_token"]:
            return oauth_error(400, "invalid_grant", "the provided authorization refresh token is invalid or was "
                                                     "issued to another client")
        STATE["minted"] += 1
        token = f"v^1.1#i^1#access-{STATE['minted']}"
        lifetime = int(e.get("token_lifetime", 7200))
        STATE["tokens"][token] = time.time() + lifetime
        return self.reply(200, {"access_token": token, "expires_in": lifetime, "token_type": "User Access Token"})

    def token_ok(self, scheme):
        """Whether the request carries a live token minted here, after `scheme` ("Bearer", "IAF")."""
        words = (self.headers.get("Authorization") or "").split(" ", 1)
        if len(words) != 2 or words[0] != scheme:
            STATE["violations"].append(f"{self.command} {self.path_only}: Authorization is not '{scheme} <token>'")
            return False
        # A token this server never minted is refused as an expired one is, without a violation: the
        # client's process keeps tokens by base URL, and an earlier fake may have had this port.
        return STATE["tokens"].get(words[1], 0) > time.time()

    def expired(self):
        return self.error(401, 1001, "Invalid access token. Check the value of the Authorization HTTP request "
                                     "header.", violation=False)

    def json_body(self):
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            STATE["violations"].append(f"{self.command} {self.path_only}: Content-Type is not application/json")
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def paging(self, most):
        try:
            limit, offset = int(self.query.get("limit", "25")), int(self.query.get("offset", "0"))
        except ValueError:
            return None, None
        if not 1 <= limit <= most or offset < 0:
            return None, None
        return limit, offset

    # -- Message API ----------------------------------------------------------------------------------
    def message_api(self):
        if not self.token_ok("Bearer"):
            return self.expired()
        rest = self.path_only[len(MSG):]
        if self.command == "GET" and rest == "/conversation":
            return self.conversations()
        if self.command == "GET" and rest.startswith("/conversation/"):
            return self.conversation(rest[len("/conversation/"):])
        if self.command == "POST" and rest == "/send_message":
            return self.send_message()
        return self.error(404, 2002, "no such Message API path")

    def conversations(self):
        q = self.query
        if q.get("conversation_type") not in ("FROM_EBAY", "FROM_MEMBERS"):
            return self.error(400, 355001, "conversation_type is required: FROM_EBAY or FROM_MEMBERS")
        limit, offset = self.paging(50)
        if limit is None:
            return self.error(400, 355002, "limit is 1 to 50, offset from 0")
        try:
            start, end = iso(q["start_time"]), iso(q["end_time"])
        except (KeyError, ValueError):
            return self.error(400, 355003, "start_time and end_time are ISO 8601 times")
        if end < start:
            return self.error(400, 355004, "end_time before start_time")
        # A conversation belongs to the time of its latest message (uncertain in eBay's pages).
        chosen = [c for c in CFG["ebay"]["conversations"]
                  if start <= iso(max(m["createdDate"] for m in c["messages"])) <= end]
        page = chosen[offset:offset + limit]
        summary = [{k: v for k, v in c.items() if k != "messages"} | {"latestMessage": c["messages"][-1]}
                   for c in page]
        return self.reply(200, {"conversations": summary, "limit": limit, "offset": offset, "total": len(chosen)})

    def conversation(self, cid):
        if self.query.get("conversation_type") not in ("FROM_EBAY", "FROM_MEMBERS"):
            return self.error(400, 355001, "conversation_type is required: FROM_EBAY or FROM_MEMBERS")
        limit, offset = self.paging(50)
        if limit is None:
            return self.error(400, 355002, "limit is 1 to 50, offset from 0")
        c = next((c for c in CFG["ebay"]["conversations"] if c["conversationId"] == cid), None)
        if c is None:
            return self.error(404, 355005, "no such conversation")
        out = {k: v for k, v in c.items() if k != "messages"}
        out.update(messages=c["messages"][offset:offset + limit], limit=limit, offset=offset, total=len(c["messages"]))
        return self.reply(200, out)

    def send_message(self):
        body = self.json_body()
        if not isinstance(body, dict):
            return self.error(400, 355006, "the body is not JSON")
        text = body.get("messageText")
        if not isinstance(text, str) or not text.strip() or len(text) > 2000:
            return self.error(400, 355007, "messageText is required, at most 2000 characters")
        c = next((c for c in CFG["ebay"]["conversations"] if c["conversationId"] == body.get("conversationId")), None)
        if c is None:
            return self.error(400, 355008, "conversationId names no conversation of this seller")
        buyer = next(m["senderUsername"] for m in c["messages"] if m["senderUsername"] != CFG["ebay"]["seller"])
        message = {"messageId": f"m{len(STATE['posted']) + 90000}", "senderUsername": CFG["ebay"]["seller"],
                   "recipientUsername": buyer, "messageBody": text, "createdDate": now_iso(),
                   "subject": c.get("conversationTitle", ""), "readStatus": False}
        c["messages"].append(message)
        STATE["posted"].append({"path": self.path_only, "method": "POST", "body": body})
        return self.reply(200, message)

    # -- Post-Order API -------------------------------------------------------------------------------
    def post_order(self):
        if not self.token_ok("IAF"):
            return self.expired()
        if not self.headers.get("X-EBAY-C-MARKETPLACE-ID"):
            return self.error(400, 1002, "X-EBAY-C-MARKETPLACE-ID is required")
        parts = self.path_only[len(PO):].strip("/").split("/")
        if self.command == "GET" and len(parts) == 2 and parts[0] in ("inquiry", "return") and parts[1] == "search":
            return self.search(parts[0])
        if self.command == "POST" and len(parts) == 3 and parts[0] in ("inquiry", "return") and parts[2] == "send_message":
            return self.case_message(parts[0], parts[1])
        return self.error(404, 2002, "no such post-order path")

    def search(self, kind):
        prefix = "inquiry_creation_date_range_" if kind == "inquiry" else "creation_date_range_"
        limit, offset = self.paging(200)
        if limit is None:
            return self.error(400, 1003, "limit is 1 to 200, offset from 0")
        try:
            start, end = iso(self.query[prefix + "from"]), iso(self.query[prefix + "to"])
        except (KeyError, ValueError):
            return self.error(400, 1004, f"{prefix}from and {prefix}to are ISO 8601 times")
        if end < start:
            return self.error(400, 1005, "the date range ends before it starts")
        if (dt.datetime.now(dt.timezone.utc) - start).days > 18 * 31:
            return self.error(400, 1009, "the date range starts more than 18 months ago")
        items = CFG["ebay"]["inquiries" if kind == "inquiry" else "returns"]
        created = (lambda i: i["creationDate"]["value"]) if kind == "inquiry" else \
            (lambda i: i["creationInfo"]["creationDate"]["value"])
        chosen = [i for i in items if start <= iso(created(i)) <= end]
        page = chosen[offset:offset + limit]
        pages = max(1, (len(chosen) + limit - 1) // limit)
        out = {"members": page, "paginationOutput": {"limit": limit, "offset": offset, "totalEntries": len(chosen),
                                                     "totalPages": pages}}
        out["totalNumberOfInquiries" if kind == "inquiry" else "total"] = len(chosen)
        return self.reply(200, out)

    def case_message(self, kind, cid):
        body = self.json_body()
        if not isinstance(body, dict) or not isinstance(body.get("message"), dict) or \
                not str(body["message"].get("content") or "").strip():
            return self.error(400, 1006, "message.content is required")
        key, items = ("inquiryId", "inquiries") if kind == "inquiry" else ("returnId", "returns")
        item = next((i for i in CFG["ebay"][items] if i[key] == cid), None)
        if item is None:
            return self.error(404, 1007, f"no such {kind}")
        status = item.get("inquiryStatusEnum") or item.get("state") or ""
        if "CLOSED" in status:
            # eBay takes no message on a closed case (the status and error number are the fake's own).
            return self.error(409, 1008, f"The {kind} is closed.", violation=False)
        item.setdefault("messages", []).append(body["message"]["content"])
        STATE["posted"].append({"path": self.path_only, "method": "POST", "body": body})
        return self.reply(202)


def main():
    serve(Handler, CFG, {"ebay": {"client_id": "", "client_secret": "", "refresh_token": "", "seller": "",
                                  "conversations": [], "inquiries": [], "returns": []}})


if __name__ == "__main__":
    main()
