#!/usr/bin/python3
"""A fake Coupang Wing and Naver Commerce API for Casebook's tests, on 127.0.0.1.

It answers the documented paths with the documented JSON and checks every request the way the
marketplace would (docs/marketplaces.md): Coupang's CEA signature, windows of at most 7 days (31 for
return and exchange requests), page sizes, required answer fields, double answers; Naver's bcrypt-signed
token request, token expiry, query fields. Orders: Coupang's order sheet by orderId and its claims, Naver's
product orders of an order. A broken rule answers an error and is recorded under "violations", so a test can
assert that a connector broke none. /_control/* lets the test read what was posted and inject
failures. Usage: fake_marketplace.py CONFIG.json  (prints the port on the first line).
"""
import base64
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import crypt  # noqa: E402  (libxcrypt, as the connector uses)
import datetime as dt
import hashlib
import hmac
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

from fake_server import read_request, serve

KST = dt.timezone(dt.timedelta(hours=9))
API = "/v2/providers/openapi/apis/api"
LOCK = threading.Lock()
STATE = {"requests": [], "posted": [], "violations": [], "token_requests": 0,
         "inject": [], "delay_ms": 0, "recent": []}
CFG = {}
TOKENS = {}  # token -> expiry (epoch seconds)


def kdate(s):
    """The Korea date of a marketplace time string."""
    s = s.strip()
    if "T" in s and ("+" in s[10:] or s.endswith("Z")):
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(KST).date()
    return dt.date.fromisoformat(s[:10])


def page_of(items, page, size):
    total = len(items)
    pages = max(1, (total + size - 1) // size)
    return items[(page - 1) * size: page * size], pages, total


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if os.environ.get("FAKE_MARKETPLACE_LOG"):
            sys.stderr.write("fake: " + fmt % args + "\n")

    # -- plumbing ---------------------------------------------------------------------------------
    def reply(self, status, obj=None, raw=None, ctype="application/json;charset=UTF-8"):
        body = raw if raw is not None else (b"" if obj is None else json.dumps(obj, ensure_ascii=False).encode())
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if not self.path_only.startswith("/_control/"):
            # "arrived": when the gateway took the request (its rate is counted on it); "at": when answered.
            STATE["requests"].append({"method": self.command, "path": self.path_only, "query": self.query_raw,
                                      "status": status, "at": time.time(),
                                      "arrived": getattr(self, "arrived", None)})

    def violation(self, status, words, code=None):
        STATE["violations"].append(f"{self.command} {self.path_only}?{self.query_raw}: {words}")
        if self.path_only.startswith(API):
            return self.reply(status, {"code": str(code or status), "message": words})
        return self.reply(status, {"code": code or "BAD_REQUEST", "message": words, "invalidInputs": [],
                                   "timestamp": dt.datetime.now(KST).isoformat(), "traceId": "fake"})

    def handle_any(self):
        read_request(self)
        with LOCK:
            if self.path_only.startswith("/_control/"):
                return self.control()
            if STATE["delay_ms"]:
                time.sleep(STATE["delay_ms"] / 1000)
            self.arrived = time.time()
            if self.path_only == "/v1/oauth2/token":
                return self.naver_token()
            if STATE["inject"]:
                status, html = STATE["inject"].pop(0)
                if html:
                    return self.reply(status, raw=b"<html><body>Access denied</body></html>", ctype="text/html")
                return self.reply(status, {"code": "GW.RATE_LIMIT" if status == 429 else str(status),
                                           "message": "Too many requests"})
            if self.path_only.startswith(API):
                return self.coupang()
            return self.naver()

    do_GET = do_POST = do_PUT = handle_any

    def control(self):
        what = self.path_only[len("/_control/"):]
        arg = json.loads(self.body or b"{}")
        if what == "state":
            return self.reply(200, {k: STATE[k] for k in ("requests", "posted", "violations", "token_requests")})
        if what == "inject":  # the next `count` API calls answer `status`
            STATE["inject"] += [(arg["status"], arg.get("html", False))] * arg.get("count", 1)
        elif what == "delay":
            STATE["delay_ms"] = arg["ms"]
        elif what == "revoke":
            TOKENS.clear()
        elif what == "add":
            CFG[arg["market"]][arg["list"]].append(arg["item"])
        elif what == "answer-naver-inquiry":  # answered by the seller in the SmartStore center
            item = self.naver_inquiry(str(arg["inquiryNo"]))
            item.update(answered=True, answerContent=arg["text"], answerContentId=arg.get("id", 9001))
        return self.reply(200, {"ok": True})

    # -- Coupang --------------------------------------------------------------------------------
    def coupang(self):
        c = CFG["coupang"]
        # Gateway: about 10 calls a second per vendor.
        now = self.arrived
        STATE["recent"] = [t for t in STATE["recent"] if now - t < 1.0] + [now]
        if len(STATE["recent"]) > 10:
            STATE["violations"].append(f"more than 10 calls within a second at {self.path_only}")
            return self.reply(429, {"code": "429", "message": "Too many requests"})
        # The key's IP allow-list (at most 10 addresses, set in Wing). Coupang's help centre names the refusal
        # "403 [FORBIDDEN] Not allowed IP"; the body's shape is not published, so this one is our reading.
        # `public_address` is the caller as the gateway would see it (loopback here); `name_address: false`
        # leaves it out of the answer.
        allowed = c.get("allowed_ips")
        if allowed is not None:
            caller = c.get("public_address", self.client_address[0])
            if caller not in allowed:
                words = "[FORBIDDEN] Not allowed IP" + (f" ({caller})" if c.get("name_address", True) else "")
                return self.reply(403, {"code": "FORBIDDEN", "message": words})
        auth = self.headers.get("Authorization", "")
        prefix = "CEA algorithm=HmacSHA256, access-key="
        if not auth.startswith(prefix):
            return self.violation(401, "Authorization is not a CEA HmacSHA256 header")
        try:
            fields = dict(p.split("=", 1) for p in auth[len("CEA "):].split(", "))
        except ValueError:
            return self.violation(401, "malformed Authorization")
        if fields.get("access-key") != c["access_key"]:
            return self.violation(401, "unknown access key")
        signed = fields.get("signed-date", "")
        try:
            when = dt.datetime.strptime(signed, "%y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
        except ValueError:
            return self.violation(401, "signed-date is not yyMMdd'T'HHmmss'Z'")
        if abs((dt.datetime.now(dt.timezone.utc) - when).total_seconds()) > 300:
            return self.violation(401, "Specified signature is expired")
        message = signed + self.command + self.path_only + self.query_raw
        expected = hmac.new(c["secret_key"].encode(), message.encode(), hashlib.sha256).hexdigest()
        if fields.get("signature") != expected:
            return self.violation(401, "Specified signature is invalid")
        if c.get("key_expired"):  # our reading of an expired key's refusal (not published): it names the date
            return self.reply(401, {"code": "401",
                                    "message": f"The access key expired on {c['key_expired']}. Reissue it in Wing."})
        if self.headers.get("Content-Type", "").replace(" ", "").lower() != "application/json;charset=utf-8":
            return self.violation(400, "Content-Type must be application/json;charset=UTF-8")
        parts = self.path_only[len(API):].strip("/").split("/")
        vendor = c["vendor_id"]
        if self.command == "GET" and parts[:3] == ["v5", "vendors", vendor] and len(parts) == 4:
            return self.coupang_list(parts[3])
        if self.command == "POST" and parts[:3] == ["v4", "vendors", vendor] and len(parts) == 6:
            return self.coupang_write(parts[3], parts[4], parts[5])
        if self.command == "GET" and parts[:3] == ["v4", "vendors", vendor]:
            if len(parts) == 5 and parts[4] == "ordersheets":
                return self.coupang_ordersheet(parts[3])
            if len(parts) == 4 and parts[3] in ("returnRequests", "exchangeRequests"):
                return self.coupang_claims(parts[3])
        return self.violation(404, f"no such Coupang path (vendor {vendor})")

    def coupang_list(self, kind):
        q, c = self.query, CFG["coupang"]
        if q.get("vendorId") != c["vendor_id"]:
            return self.violation(400, "vendorId missing or not the path's")
        if kind == "onlineInquiries":
            if q.get("answeredType") not in ("ALL", "ANSWERED", "NOANSWER"):
                return self.violation(400, "answeredType must be ALL, ANSWERED or NOANSWER")
            limit, items = 50, c["online"]
        elif kind == "callCenterInquiries":
            if q.get("partnerCounselingStatus") not in ("NONE", "ANSWER", "NO_ANSWER", "TRANSFER"):
                return self.violation(400, "partnerCounselingStatus must be NONE, ANSWER, NO_ANSWER or TRANSFER")
            limit, items = 30, c["call"]
        else:
            return self.violation(404, "no such list")
        try:
            start = dt.date.fromisoformat(q["inquiryStartAt"])
            end = dt.date.fromisoformat(q["inquiryEndAt"])
            page, size = int(q["pageNum"]), int(q.get("pageSize", "10"))
        except (KeyError, ValueError):
            return self.violation(400, "inquiryStartAt, inquiryEndAt (yyyy-MM-dd) and pageNum are required")
        if end < start or (end - start).days > 6:
            return self.violation(400, "the search period is at most 7 days")
        if page < 1 or not 1 <= size <= limit:
            return self.violation(400, f"pageNum from 1, pageSize at most {limit}")
        chosen = [i for i in items if start <= kdate(i["inquiryAt"]) <= end]
        content, pages, total = page_of(chosen, page, size)
        if kind == "callCenterInquiries":  # lists give vendorItemId as an array
            content = [dict(i, vendorItemId=[i.get("vendorItemId", 0)]) for i in content]
        return self.reply(200, {"code": 200, "message": "OK", "data": {"content": content, "pagination": {
            "currentPage": page, "totalPages": pages, "totalElements": total, "countPerPage": size}}})

    # -- Coupang orders (docs/marketplaces.md, "Orders") ---------------------------------------------
    def coupang_ordersheet(self, order_id):
        if not order_id.isdigit():
            return self.violation(400, "orderId is a number")
        box = CFG["coupang"].get("orders", {}).get(order_id)
        if box is None:  # not a violation: asking is how a seller learns that the number is not theirs
            return self.reply(404, {"code": 404, "message": f"주문 정보를 찾을 수 없습니다 (orderId {order_id})"})
        return self.reply(200, {"code": 200, "message": "OK", "data": [box]})

    def coupang_claims(self, kind):
        q = self.query
        returns = kind == "returnRequests"
        try:
            if returns:  # the per-day search: dates
                start = dt.date.fromisoformat(q["createdAtFrom"])
                end = dt.date.fromisoformat(q["createdAtTo"])
            else:  # date-times, yyyy-MM-ddTHH:mm:ss
                start = dt.datetime.strptime(q["createdAtFrom"], "%Y-%m-%dT%H:%M:%S").date()
                end = dt.datetime.strptime(q["createdAtTo"], "%Y-%m-%dT%H:%M:%S").date()
        except (KeyError, ValueError):
            return self.violation(400, "createdAtFrom and createdAtTo are required in the documented format")
        if end < start or (end - start).days > 30:
            return self.violation(400, "the search period is at most 31 days")
        if returns and not q.get("status") and not q.get("orderId"):
            return self.violation(400, "orderId is required when no status is given")
        size = int(q.get("maxPerPage", "50" if returns else "10"))
        if not 1 <= size <= 50:
            return self.violation(400, "maxPerPage is at most 50")
        items = CFG["coupang"].get("returns" if returns else "exchanges", [])
        chosen = [i for i in items if start <= kdate(i["createdAt"]) <= end
                  and (not q.get("orderId") or str(i["orderId"]) == q["orderId"])]
        first = int(q.get("nextToken") or 0)
        page = chosen[first:first + size]
        token = str(first + size) if first + size < len(chosen) else ""
        return self.reply(200, {"code": 200, "message": "OK", "data": page, "nextToken": token})

    def coupang_write(self, kind, inquiry_id, op):
        c = CFG["coupang"]
        try:
            body = json.loads(self.body)
        except ValueError:
            return self.violation(400, "the body is not JSON")
        if kind == "callCenterInquiries" and op == "confirms":
            return self.coupang_confirm(inquiry_id, body)
        if op != "replies":
            return self.violation(404, "no such operation")
        if body.get("vendorId") != c["vendor_id"]:
            return self.violation(400, "vendorId missing or not the path's")
        if body.get("replyBy") != c["wing_user"]:
            return self.violation(400, "replyBy must be the Wing user id")
        content = body.get("content")
        if not isinstance(content, str) or not content.strip():
            return self.violation(400, "content is required")
        if kind == "onlineInquiries":
            item = next((i for i in c["online"] if str(i["inquiryId"]) == inquiry_id), None)
            if item is None:
                return self.violation(400, "no such inquiry")
            if item.get("commentDtoList"):
                return self.violation(400, "이미 답변된 문의입니다 (double answer)")
            item["commentDtoList"] = [{"inquiryCommentId": 700000 + len(STATE["posted"]), "inquiryId": item["inquiryId"],
                                       "content": content, "replyBy": c["wing_user"],
                                       "inquiryCommentAt": dt.datetime.now(KST).strftime("%Y-%m-%d %H:%M:%S")}]
        elif kind == "callCenterInquiries":
            item = next((i for i in c["call"] if str(i["inquiryId"]) == inquiry_id), None)
            if item is None:
                return self.violation(400, "no such inquiry")
            if str(body.get("inquiryId")) != inquiry_id:
                return self.violation(400, "inquiryId missing or not the path's")
            if not 2 <= len(content) <= 1000:
                return self.violation(400, "content must be 2 to 1000 characters")
            if item["inquiryStatus"] != "progress":
                return self.violation(400, "the inquiry is closed (double answer or too late)")
            waiting = [r for r in item["replies"] if r.get("partnerTransferStatus") == "requestAnswer"]
            if not waiting or body.get("parentAnswerId") != waiting[-1]["answerId"]:
                return self.violation(400, "parentAnswerId must be the answerId of the reply awaiting the seller")
            waiting[-1]["partnerTransferStatus"] = "answered"
            item["replies"].append({"answerId": 800000 + len(STATE["posted"]), "parentAnswerId": body["parentAnswerId"],
                                    "partnerTransferStatus": "none", "answerType": "vendor", "needAnswer": False,
                                    "receptionistName": c["wing_user"], "content": content,
                                    "replyAt": dt.datetime.now(KST).strftime("%Y-%m-%d %H:%M:%S")})
            item.update(inquiryStatus="complete", csPartnerCounselingStatus="answered")
        else:
            return self.violation(404, "no such inquiry kind")
        STATE["posted"].append({"path": self.path_only, "method": self.command, "body": body})
        return self.reply(200, {"code": "200", "message": "OK"})

    def coupang_confirm(self, inquiry_id, body):
        """POST .../callCenterInquiries/{id}/confirms with exactly {"confirmBy": <Wing user>}: only an inquiry
        Coupang transferred to the seller (an agent reply awaiting them), within 24 hours of the transfer."""
        c = CFG["coupang"]
        if not isinstance(body, dict) or set(body) != {"confirmBy"}:
            return self.violation(400, "the confirm body is exactly {\"confirmBy\"}")
        if body["confirmBy"] != c["wing_user"]:
            return self.violation(400, "confirmBy must be the Wing user")
        item = next((i for i in c["call"] if str(i["inquiryId"]) == inquiry_id), None)
        if item is None:
            return self.violation(400, "no such inquiry")
        waiting = [r for r in item.get("replies", []) if r.get("partnerTransferStatus") == "requestAnswer"]
        if not waiting:
            return self.violation(400, "not an inquiry transferred to the seller")
        transferred = dt.datetime.strptime(waiting[-1]["replyAt"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=KST)
        if dt.datetime.now(KST) - transferred > dt.timedelta(hours=24):
            # Documented, not the client's fault: it cannot know when Coupang closed the consultation.
            return self.reply(400, {"code": "400", "message": "상담이 종료된 문의입니다 - 522"})
        item["confirmed"] = True
        STATE["posted"].append({"path": self.path_only, "method": self.command, "body": body})
        return self.reply(200, {"code": "200", "message": "OK"})

    # -- Naver ----------------------------------------------------------------------------------
    def naver_token(self):
        n = CFG["naver"]
        STATE["token_requests"] += 1
        if self.command != "POST":
            return self.violation(405, "the token is POSTed")
        form = dict(urllib.parse.parse_qsl(self.body.decode()))
        for field in ("client_id", "timestamp", "grant_type", "client_secret_sign", "type"):
            if not form.get(field):
                return self.violation(400, f"{field} is required")
        if form["client_id"] != n["client_id"] or form["grant_type"] != "client_credentials":
            return self.violation(401, "unknown client or grant type", "GW.AUTHN")
        if form["type"] not in ("SELF", "SELLER"):
            return self.violation(400, "type must be SELF or SELLER")
        if abs(time.time() * 1000 - int(form["timestamp"])) > 300000:
            return self.violation(401, "timestamp is older than 5 minutes", "GW.AUTHN")
        expected = base64.b64encode(crypt.crypt(f"{form['client_id']}_{form['timestamp']}",
                                                n["client_secret"]).encode()).decode()
        if form["client_secret_sign"] != expected:
            return self.violation(401, "client_secret_sign does not match", "GW.AUTHN")
        now = time.time()
        live = [(t, e) for t, e in TOKENS.items() if e - now >= 1800]
        if live:  # 30 minutes or more left: the same token again
            token, expiry = live[0]
        else:
            token, expiry = f"token-{STATE['token_requests']}", now + n.get("expires_in", 10800)
            TOKENS[token] = expiry
        return self.reply(200, {"access_token": token, "expires_in": int(expiry - now), "token_type": "Bearer"})

    def naver_inquiry(self, no):
        return next((i for i in CFG["naver"]["inquiries"] if str(i["inquiryNo"]) == no), None)

    def naver(self):
        n = CFG["naver"]
        auth = self.headers.get("Authorization", "")
        token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
        if token not in TOKENS or TOKENS[token] < time.time():
            STATE["requests"].append({"method": self.command, "path": self.path_only, "query": self.query_raw,
                                      "status": 401, "expired_token": True})
            body = json.dumps({"code": "GW.AUTHN", "message": "expired or unknown token"}).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return self.wfile.write(body)
        q, path = self.query, self.path_only
        if self.command == "GET" and path == "/v1/contents/qnas":
            try:
                start = dt.datetime.fromisoformat(q["fromDate"])
                end = dt.datetime.fromisoformat(q["toDate"])
                page, size = int(q.get("page", "1")), int(q.get("size", "100"))
            except (KeyError, ValueError):
                return self.violation(400, "fromDate and toDate (ISO date-time) are required")
            if start.tzinfo is None or end < start or page < 1 or not 1 <= size <= 100:
                return self.violation(400, "bad period, page (from 1) or size (at most 100)")
            chosen = [i for i in n["qnas"] if start <= dt.datetime.fromisoformat(i["createDate"]) <= end]
            content, pages, total = page_of(chosen, page, size)
            return self.reply(200, {"contents": content, "page": page, "size": size, "totalElements": total,
                                    "totalPages": pages, "first": page == 1, "last": page >= pages})
        if self.command == "GET" and path == "/v1/pay-user/inquiries":
            try:
                start = dt.date.fromisoformat(q["startSearchDate"])
                end = dt.date.fromisoformat(q["endSearchDate"])
                page, size = int(q.get("page", "1")), int(q.get("size", "10"))
            except (KeyError, ValueError):
                return self.violation(400, "startSearchDate and endSearchDate (yyyy-MM-dd) are required")
            if end < start or page < 1 or not 10 <= size <= 200:
                return self.violation(400, "bad period, page (from 1) or size (10 to 200)")
            chosen = [i for i in n["inquiries"] if start <= kdate(i["inquiryRegistrationDateTime"]) <= end]
            content, pages, total = page_of(chosen, page, size)
            return self.reply(200, {"content": content, "totalPages": pages, "totalElements": total,
                                    "first": page == 1, "last": page >= pages, "number": page - 1,
                                    "size": size, "empty": not content})
        try:
            body = json.loads(self.body or b"null")
        except ValueError:
            return self.violation(400, "the body is not JSON")
        parts = path.strip("/").split("/")
        if parts[:3] == ["v1", "pay-order", "seller"]:
            return self.naver_orders(parts[3:], body)
        if self.command == "PUT" and parts[:3] == ["v1", "contents", "qnas"] and len(parts) == 4:
            item = next((i for i in n["qnas"] if str(i["questionId"]) == parts[3]), None)
            if item is None:
                return self.violation(400, "no such question")
            if not isinstance(body, dict) or not str(body.get("commentContent") or "").strip():
                return self.violation(400, "commentContent is required")
            if item.get("answered"):
                return self.violation(400, "double answer to a product question")
            item.update(answered=True, answer=body["commentContent"])
            STATE["posted"].append({"path": path, "method": "PUT", "body": body})
            return self.reply(204)
        if parts[:3] == ["v1", "pay-merchant", "inquiries"] and len(parts) >= 5 and parts[4] == "answer":
            item = self.naver_inquiry(parts[3])
            if item is None:
                return self.violation(400, "no such inquiry", "ERR-NC-101004")
            if not isinstance(body, dict) or not str(body.get("answerComment") or "").strip():
                return self.violation(400, "answerComment is required")
            if self.command == "POST" and len(parts) == 5:
                if item.get("answered"):
                    return self.reply(400, {"code": "ERR-NC-101010", "message": "이미 답변된 문의입니다.",
                                            "invalidInputs": [], "traceId": "fake"})
                item.update(answered=True, answerContent=body["answerComment"],
                            answerContentId=5000 + len(STATE["posted"]))
            elif self.command == "PUT" and len(parts) == 6:
                if str(item.get("answerContentId")) != parts[5]:
                    return self.violation(400, "answerContentId is not this inquiry's answer")
                item["answerContent"] = body["answerComment"]
            else:
                return self.violation(404, "no such operation")
            STATE["posted"].append({"path": path, "method": self.command, "body": body})
            return self.reply(200, {})
        return self.violation(404, "no such Naver path")


    # -- Naver orders (docs/marketplaces.md, "Orders") ------------------------------------------------
    def naver_orders(self, rest, body):
        orders = CFG["naver"].get("orders", {})  # orderId -> its product orders, as the query answers them
        envelope = {"timestamp": dt.datetime.now(KST).isoformat(), "traceId": "fake"}
        if self.command == "GET" and len(rest) == 3 and rest[0] == "orders" and rest[2] == "product-order-ids":
            if rest[1] not in orders:  # not a violation: the seller asked about a number that is not theirs
                return self.reply(404, {"code": "104101", "message": "주문을 찾을 수 없습니다.", **envelope})
            ids = [p["productOrder"]["productOrderId"] for p in orders[rest[1]]]
            return self.reply(200, dict(envelope, data=ids))
        if self.command == "POST" and rest == ["product-orders", "query"]:
            if self.headers.get("Content-Type", "").replace(" ", "").lower() != "application/json;charset=utf-8":
                return self.violation(400, "Content-Type must be application/json;charset=UTF-8")
            ids = body.get("productOrderIds") if isinstance(body, dict) else None
            if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
                return self.violation(400, "productOrderIds (a list of strings) is required")
            if len(ids) > 300:
                return self.violation(400, "at most 300 productOrderIds")
            found = [p for ps in orders.values() for p in ps if p["productOrder"]["productOrderId"] in ids]
            return self.reply(200, dict(envelope, data=found))
        return self.violation(404, "no such Naver order path")


def main():
    serve(Handler, CFG, {"coupang": {"online": [], "call": []}, "naver": {"qnas": [], "inquiries": []}})


if __name__ == "__main__":
    main()
