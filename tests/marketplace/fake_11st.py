#!/usr/bin/python3
"""A fake 11st Open API (product Q&A and urgent notices) for Casebook's tests, on 127.0.0.1.

Written from 11st's Open API guide as docs/marketplaces.md summarises it: XML answers in EUC-KR, the
`openapikey` header, Q&A listed in windows of at most 7 days (prodqnalist), urgent notices (getalimilist)
in windows of at most 30 days, answers by PUT (prodqnaanswer, alimianswer). A broken rule answers as 11st
would and is recorded under "violations", so a test can assert that the connector broke none. /_control/*
lets the test read what was sent, inject refusals and change items. Usage: fake_11st.py CONFIG.json
(prints the port on the first line). CONFIG: {"11st": {"api_key", "qnas": [...], "notices": [...], "orders": [...]}}; an order's
lines are served by claimservice/orderlistalladdr (주문번호별 배송정보 조회).
"""
import datetime as dt
import json
import os
import sys
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler

from fake_server import answer_injected, read_request, serve
from xml.sax.saxutils import escape

LOCK = threading.Lock()
STATE = {"requests": [], "posted": [], "violations": [], "inject": []}
CFG = {}
NS = "http://skt.tmall.business.openapi.spring.service.client.domain/"


def ymd(s):
    return dt.datetime.strptime(s, "%Y%m%d").date()


def item_day(item):
    """The Korea day of an item: createDt is "2026-01-19 12:47:02.0" (Q&A) or "20260119" (notices)."""
    s = item["createDt"]
    return dt.date.fromisoformat(s[:10]) if "-" in s else ymd(s)


def record_xml(tag, item):
    parts = []
    for key, value in item.items():
        if isinstance(value, list):  # emerReplyList: <emerReplyList><emerReplyCtnt>…</emerReplyCtnt>…
            inner = "".join(f"<emerReplyCtnt>{escape(str(v))}</emerReplyCtnt>" for v in value)
            parts.append(f"<{key}>{inner}</{key}>")
        else:
            parts.append(f"<{key}>{escape(str(value))}</{key}>")
    return f"<ns2:{tag}>{''.join(parts)}</ns2:{tag}>"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if os.environ.get("FAKE_MARKETPLACE_LOG"):
            sys.stderr.write("fake 11st: " + fmt % args + "\n")

    def xml(self, status, root, inner, ns=True):
        decl = '<?xml version="1.0" encoding="euc-kr" standalone="yes"?>'
        attr = f' xmlns:ns2="{NS}"' if ns else ""
        tag = f"ns2:{root}" if ns else root
        body = f"{decl}<{tag}{attr}>{inner}</{tag}>".encode("euc-kr", errors="xmlcharrefreplace")
        self.send_response(status)
        self.send_header("Content-Type", "text/xml;charset=euc-kr")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if not self.path_only.startswith("/_control/"):
            STATE["requests"].append({"method": self.command, "path": self.path_only, "status": status,
                                      "at": time.time()})

    def json_reply(self, obj):
        body = json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def result(self, root, code, words, violation=None, ns=True):
        if violation:
            STATE["violations"].append(f"{self.command} {self.path_only}: {violation}")
        prefix = "ns2:" if ns else ""
        return self.xml(200, root, f"<{prefix}result_code>{code}</{prefix}result_code>"
                                   f"<{prefix}result_text>{escape(words)}</{prefix}result_text>", ns)

    def handle_any(self):
        read_request(self)
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
            return self.json_reply({k: STATE[k] for k in ("requests", "posted", "violations")})
        if what == "inject":  # the next `count` API calls answer `status`
            STATE["inject"] += [arg["status"]] * arg.get("count", 1)
        elif what == "add":
            CFG["11st"][arg["list"]].append(arg["item"])
        elif what == "update":  # {"list", "id", "fields"}: a change made at 11st (a re-ask, an answer)
            key = "brdInfoNo" if arg["list"] == "qnas" else "emerNtceSeq"
            item = next(i for i in CFG["11st"][arg["list"]] if str(i[key]) == str(arg["id"]))
            item.update(arg["fields"])
        return self.json_reply({"ok": True})

    def api(self):
        c = CFG["11st"]
        parts = self.path_only.strip("/").split("/")
        qna_list = parts[:3] == ["rest", "prodqnaservices", "prodqnalist"]
        root = ("productQnas" if parts[:2] == ["rest", "prodqnaservices"]
                else "orders" if parts[:2] == ["rest", "claimservice"] else "alimi")
        if self.headers.get("openapikey") != c["api_key"]:
            # 11st's words when the key names no seller.
            return self.result(root, "-1", "OpenAPI Key 에 해당하는 유저가 없습니다.",
                               "missing or unknown openapikey header")
        if self.command == "GET" and qna_list and len(parts) == 6:
            return self.qna_list(parts[3], parts[4], parts[5])
        if self.command == "GET" and parts[:3] == ["rest", "alimi", "getalimilist"] and 5 <= len(parts) <= 7:
            return self.notice_list(parts[3], parts[4], parts[5] if len(parts) > 5 else None)
        if self.command == "PUT" and parts[:3] == ["rest", "prodqnaservices", "prodqnaanswer"] and len(parts) == 5:
            return self.qna_answer(parts[3], parts[4])
        if self.command == "PUT" and parts == ["rest", "alimi", "alimianswer"]:
            return self.notice_answer()
        if self.command == "GET" and parts[:3] == ["rest", "claimservice", "orderlistalladdr"] and len(parts) == 4:
            return self.order_list(parts[3])
        STATE["violations"].append(f"{self.command} {self.path_only}: no such 11st path")
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def order_list(self, numbers):
        """주문번호별 배송정보 조회: one <ns2:order> per line of each order named (comma-separated, at most 100)."""
        wanted = numbers.split(",")
        if len(wanted) > 100:
            return self.result("orders", "-28003", "주문번호의 갯수는 최대 100개 까지만 가능 합니다.",
                               "more than 100 order numbers")
        if not all(w.isdigit() for w in wanted):
            return self.result("orders", "-1", "주문번호가 올바르지 않습니다.", "an order number is not digits")
        lines = [o for o in CFG["11st"].get("orders", []) if str(o["ordNo"]) in wanted]
        if not lines:  # an order 11st does not know: its result code, not a violation
            return self.result("orders", "-28002", "해당 건이 없습니다.")
        return self.xml(200, "orders", "".join(record_xml("order", o) for o in lines))

    def window(self, start, end, days):
        try:
            s, e = ymd(start), ymd(end)
        except ValueError:
            return None, None, "startTime and endTime are YYYYMMDD"
        if e < s:
            return None, None, "endTime before startTime"
        if (e - s).days > days - 1:
            return None, None, f"window longer than {days} days"
        return s, e, None

    def qna_list(self, start, end, status):
        s, e, bad = self.window(start, end, 7)
        if bad:
            return self.result("productQnas", "500", "최대 조회기간은 7일 입니다.", bad)
        if status not in ("00", "01", "02"):
            return self.result("productQnas", "500", "처리여부 값이 올바르지 않습니다.", "answerStatus not 00/01/02")
        chosen = [i for i in CFG["11st"]["qnas"] if s <= item_day(i) <= e and
                  (status == "00" or (i.get("answerYn") == "Y") == (status == "01"))]
        return self.xml(200, "productQnas", "".join(record_xml("productQna", i) for i in chosen))

    def notice_list(self, start, end, status):
        s, e, bad = self.window(start, end, 30)
        if bad:
            return self.result("alimi", "-10004", "조회기간은 최대 30일단위로 가능합니다.", bad)
        if status is not None and status not in ("01", "02", "03", "04", "05", "06"):
            return self.result("alimi", "-10003", "처리상태값이 올바르지 않습니다.", "emerNtceCrntCd not 01–06")
        chosen = [i for i in CFG["11st"]["notices"] if s <= item_day(i) <= e and
                  (status is None or i["emerNtceCrntCd"] == status)]
        if not chosen:  # "nothing found" is a result code, not an error
            return self.result("alimi", "0", "조회된 결과가 없습니다.")
        return self.xml(200, "alimi", "".join(record_xml("alimListInfo", i) for i in chosen))

    def body_xml(self):
        if "xml" not in (self.headers.get("Content-Type") or ""):
            STATE["violations"].append(f"{self.command} {self.path_only}: Content-Type is not XML")
        try:
            return ET.fromstring(self.body)
        except ET.ParseError:
            STATE["violations"].append(f"{self.command} {self.path_only}: the body is not XML")
            return None

    def qna_answer(self, brd_info_no, prd_no):
        root = self.body_xml()
        item = next((i for i in CFG["11st"]["qnas"] if str(i["brdInfoNo"]) == brd_info_no), None)
        text = root.findtext("answerCont") if root is not None and root.tag == "ProductQna" else None

        def client_message(code, words, violation=None):
            if violation:
                STATE["violations"].append(f"PUT {self.path_only}: {violation}")
            return self.xml(200, "ClientMessage", f"<brdInfoNo>{brd_info_no}</brdInfoNo>"
                                                  f"<productNo>{prd_no}</productNo><message>{escape(words)}</message>"
                                                  f"<resultCode>{code}</resultCode>", ns=False)
        if item is None or str(item.get("brdInfoClfNo")) != prd_no:
            return client_message("500", f"상품 Qna 글 번호 :{brd_info_no}의 답변 업데이트 실패.",
                                  "no such question of that product")
        if not text or not text.strip():
            return client_message("500", "답변내용이 없습니다.", "answerCont is required")
        if item.get("answerYn") == "Y":
            # 11st replaces the answer (and mails the customer again): Casebook must not send a second one.
            STATE["violations"].append(f"PUT {self.path_only}: a second answer replaced the first")
        item.update(answerYn="Y", answerCont=text, answerDt=dt.date.today().strftime("%Y/%m/%d"))
        STATE["posted"].append({"path": self.path_only, "method": "PUT", "body": self.body.decode()})
        return client_message("200", f"상품 Qna 글 번호 : {brd_info_no}의 성공적으로 수정되었습니다.")

    def notice_answer(self):
        root = self.body_xml()
        if root is None or root.tag != "request":
            return self.result("alimiResult", "-1", "요청 형식 오류", "the body is not <request>", ns=False)
        seq, confirm, text = root.findtext("emerNtceSeq"), root.findtext("confirmYn"), root.findtext("answerCtnt")
        item = next((i for i in CFG["11st"]["notices"] if str(i["emerNtceSeq"]) == seq), None)
        if item is None:
            return self.result("alimiResult", "-1", "게시물이 없습니다.", "no such notice", ns=False)
        if confirm not in ("Y", "N"):
            return self.result("alimiResult", "-1", "확인처리 값 오류", "confirmYn must be Y or N", ns=False)
        if item["emerTypeCd"] == "02":
            return self.result("alimiResult", "100", "확인처리 되었습니다.", None if not text else
                               "an answer to an announcement", ns=False)
        if not text or not text.strip():
            return self.result("alimiResult", "-1", "답변내용이 없습니다.", "answerCtnt is required", ns=False)
        if item["emerNtceCrntCd"] not in ("01", "02", "04"):
            # Already answered or closed: 11st refuses (the code is read from public client code).
            return self.result("alimiResult", "-10005", "이미 처리된 건입니다.", None, ns=False)
        item.setdefault("emerReplyList", []).append(text)
        item["emerNtceCrntCd"] = "05" if item["emerNtceCrntCd"] == "04" else "03"
        STATE["posted"].append({"path": self.path_only, "method": "PUT", "body": self.body.decode()})
        return self.xml(200, "alimiResult", f"<emerNtceSeq>{seq}</emerNtceSeq><ordNo>{item.get('ordNo', '')}</ordNo>"
                                            "<result_code>200</result_code><result_text>답변처리 되었습니다.</result_text>",
                        ns=False)


def main():
    serve(Handler, CFG, {"11st": {"api_key": "", "qnas": [], "notices": []}})


if __name__ == "__main__":
    main()
