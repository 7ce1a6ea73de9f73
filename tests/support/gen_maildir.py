#!/usr/bin/env python3
"""Casebook's own Maildir corpus: a small seller's customer-service mailbox, written for tests and benchmarks.

usage: gen_maildir.py --n N --out DIR [--seed S]

Writes N messages (plus the byte-identical second deliveries real mailboxes have) into the Maildir DIR
(cur/, new/, tmp/), and beside it:
  DIR.manifest.json  n_logical_messages, n_files, seed, intended_threads, stats (anomaly and format
                     counts), expected_hits_logical_messages (how many messages a correct search finds for
                     the planted words, counted on subject and body text as a reader sees it, quotes
                     included, messages attached to a forward left out) and the queries they stand for.
  DIR.truth.tsv      header line, then one row per file: file (relative to DIR, as the importer's
                     source_ref has it: cur/NAME or new/NAME), intended thread, index in the thread,
                     Message-ID as written, what was done to that ID, and "dup" on a second delivery.

Why it looks the way it does (each part exercises a path of the importer, search or threading):
  * threads of 1-12 messages (weight 1/size) between one customer and the shop: customers write to
    help@example.com, agents answer from NAME@support.example.com or from help@example.com itself;
  * replies link by In-Reply-To and References (80%), In-Reply-To only (7%), References only (5%), or
    not at all, only a "Re:"/"RE:"/"회신:"/"답장:" subject (8%); now and then the customer re-sends an
    earlier mail as a forward ("Fwd:"/"전달:", inline or as message/rfc822) with no reply headers.
    Every intended thread is findable by a threader from headers, or from the same customer writing a
    reply-looking subject within days, which is the rule the ticket matcher documents;
  * broken Message-IDs: missing, without angle brackets, with a space inside, reusing an unrelated
    message's ID; 1% of messages are delivered twice (identical bytes, another file name);
  * 60% English threads, 40% Korean; Korean customers write UTF-8, EUC-KR or CP949 (labelled
    ks_c_5601-1987 as Outlook does, with syllables EUC-KR lacks); non-ASCII headers are RFC 2047
    (B or Q; long ones in several encoded-words, some split inside a character as some mailers do),
    a few are raw 8-bit UTF-8;
  * bodies in 7bit/8bit, quoted-printable or base64; HTML alternatives, HTML-only mail, attachments
    (images, PDFs, Korean file names in RFC 2231 or RFC 2047 form);
  * planted words: "chargeback" and "환불" (refund) in about 1% of messages each, half of the 환불 glued
    to a particle (환불을), which a search must still find.

Same seed, same bytes: only random.Random(seed) decides anything, and file times come from the mail's date.
Python 3 standard library only.
"""
import argparse
import base64
import binascii
import itertools
import json
import os
import random
import re
import sys
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from urllib.parse import quote

SUPPORT_DOMAIN = "support.example.com"
SHOP_ADDRESS = "help@example.com"
SHOP_NAME = "Example Store"
FROM_TARGET = "jiwoo.park@" + SUPPORT_DOMAIN  # the agent the benchmarks' from: query looks for

# ------------------------------------------------------------------------------------------- vocabulary
EN_CUSTOMER = [
    "I placed order {order} on {day} and the box arrived crushed.",
    "The {item} I received is not the model shown on your website.",
    "Tracking for order {order} has said 'label created' for {n} days now.",
    "My card was billed twice for the same purchase.",
    "Could you tell me when the {item} will be back in stock?",
    "The {item} makes a loud rattling noise when switched on.",
    "I would like to return the {item}; it does not fit my desk.",
    "Please send the invoice to our accounts team instead of to me.",
    "The coupon WELCOME{n} was rejected at checkout.",
    "I moved last week, can the parcel still be redirected?",
    "Half of the screws for the {item} were missing from the package.",
    "I have attached a photo of the label on the parcel.",
    "The replacement {item} has exactly the same fault.",
    "Is there a way to speak to someone by phone about this?",
    "Thanks, the new part arrived and everything works now.",
    "Your courier left the parcel at the wrong address.",
    "I cannot log in; the reset link says it has expired.",
    "We need {n} more units of the {item} for our office.",
    "Can you confirm whether the {item} comes with a European plug?",
    "I still have not heard back about my previous message.",
]
EN_AGENT = [
    "Thank you for getting in touch, and sorry for the trouble with your order.",
    "I have checked order {order}: it left our warehouse on {day}.",
    "A replacement {item} is on its way; you do not need to return the faulty one.",
    "I have asked the courier to open an investigation into the delivery.",
    "The duplicate payment has been reversed and should show within {n} business days.",
    "Could you send us the serial number printed under the {item}?",
    "I have sent a new password reset link, valid for one hour.",
    "Your return label is attached; please drop the parcel at any post office.",
    "I have passed your question to our product team and will update you shortly.",
    "The coupon has been applied manually and the difference refunded to your card.",
    "We expect new stock of the {item} in about {n} days.",
    "Please let me know if there is anything else I can do for you.",
    "I am sorry for the slow reply; we are answering more mail than usual this week.",
    "Your order {order} has been updated with the new delivery address.",
]
EN_SUBJECTS = [
    "Order {order} arrived damaged", "Where is my order {order}?", "{Item} not working",
    "Charged twice for order {order}", "Return request for {item}", "Invoice address for order {order}",
    "Coupon code not accepted", "Missing parts in order {order}", "Cannot log in to my account",
    "Question about the {item}", "Wrong item received in order {order}", "Change delivery address",
    "Bulk order of {item}", "Replacement {item} also faulty", "Stock of {item}",
]
EN_ITEMS = ["desk lamp", "espresso machine", "laptop stand", "office chair", "tea kettle", "webcam",
            "bike light", "bluetooth speaker", "label printer", "rice cooker", "phone case", "dehumidifier"]

KO_CUSTOMER = [
    "{day}에 주문한 상품({order})이 찌그러진 상자로 도착했어요.",
    "받은 {item}이 홈페이지에 있는 모델과 달라요.",
    "주문번호 {order} 배송 조회가 {n}일째 그대로입니다.",
    "같은 주문이 카드에서 두 번 결제되었습니다.",
    "{item} 재입고는 언제 되나요?",
    "{item}에서 전원을 켜면 덜컹거리는 소리가 납니다.",
    "{item}을 반품하고 싶습니다.",
    "세금계산서를 회사 메일로 보내 주실 수 있나요?",
    "쿠폰 WELCOME{n}이 결제할 때 적용되지 않았어요.",
    "배송지를 바꿀 수 있을까요? 지난주에 이사했습니다.",
    "구성품 나사가 절반이나 빠져 있었습니다.",
    "택배 송장 사진을 첨부합니다.",
    "교환받은 {item}도 똑같이 고장났어요.",
    "전화로 상담할 수 있는 방법이 있나요?",
    "새 부품 잘 받았고 이제 잘 됩니다. 감사합니다.",
    "택배가 다른 주소에 놓여 있었어요.",
    "로그인이 안 되고 비밀번호 재설정 링크가 만료되었다고 나옵니다.",
    "사무실용으로 {item} {n}개를 추가 주문하고 싶습니다.",
    "지난번 문의에 아직 답을 못 받았습니다.",
]
KO_CUSTOMER_CP949 = ["정말 황당하네요, 똠방각하도 아니고.", "햏, 이번에는 제대로 보내 주세요."]
KO_AGENT = [
    "문의 주셔서 감사합니다. 불편을 드려 죄송합니다.",
    "주문 {order}은 {day}에 물류센터에서 출고되었습니다.",
    "교환 상품을 발송해 드렸습니다. 기존 상품은 보내지 않으셔도 됩니다.",
    "택배사에 배송 사고 조사를 요청하였습니다.",
    "중복 결제는 취소 처리되었으며 영업일 기준 {n}일 안에 반영됩니다.",
    "{item} 밑면에 있는 제품 번호를 알려 주시겠어요?",
    "비밀번호 재설정 링크를 다시 보내 드렸습니다. 한 시간 동안 유효합니다.",
    "반품 송장을 첨부해 드립니다. 가까운 우체국에 맡겨 주세요.",
    "담당 부서에 문의 내용을 전달하였고 곧 다시 안내해 드리겠습니다.",
    "쿠폰을 수동으로 적용하고 차액은 카드로 돌려 드렸습니다.",
    "{item}은 약 {n}일 뒤에 입고될 예정입니다.",
    "더 궁금하신 점이 있으면 언제든 말씀해 주세요.",
    "요즘 문의가 많아 답변이 늦어졌습니다. 양해 부탁드립니다.",
]
KO_SUBJECTS = [
    "주문 {order} 파손 문의", "주문 {order} 배송 문의", "{item} 고장 문의", "이중 결제 문의 ({order})",
    "{item} 반품 요청", "세금계산서 발행 요청", "쿠폰 적용 오류", "구성품 누락 ({order})",
    "로그인 오류", "{item} 재입고 문의", "오배송 문의 {order}", "배송지 변경 요청 {order}",
]
KO_ITEMS = ["책상 조명", "커피 머신", "노트북 거치대", "사무용 의자", "전기 주전자", "웹캠", "블루투스 스피커",
            "라벨 프린터", "전기밥솥", "제습기"]

EN_FIRST = ["Olivia", "Noah", "Amelia", "Liam", "Grace", "Ethan", "Chloe", "Mason", "Hannah", "Isaac",
            "Priya", "Mateo", "Zoe", "Arjun", "Nora", "Felix", "Ruby", "Omar", "Clara", "Leo"]
EN_LAST = ["Turner", "Hughes", "Baker", "Reyes", "Foster", "Patel", "Murphy", "Collins", "Wright",
           "Nguyen", "Fischer", "Rossi", "Cooper", "Ward", "Bennett", "Hayes"]
KO_FAMILY = [("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi"), ("정", "jung"), ("강", "kang"),
             ("윤", "yoon"), ("장", "jang"), ("한", "han"), ("송", "song"), ("문", "moon"), ("배", "bae")]
KO_GIVEN = [("서윤", "seoyun"), ("도현", "dohyun"), ("하린", "harin"), ("시우", "siwoo"), ("지호", "jiho"),
            ("예린", "yerin"), ("주원", "juwon"), ("채원", "chaewon"), ("건우", "gunwoo"), ("소율", "soyul"),
            ("태민", "taemin"), ("다은", "daeun")]
EN_DOMAINS = ["gmail.com", "outlook.com", "yahoo.co.uk", "proton.me", "icloud.com", "mailbox.org",
              "example-office.net"]
KO_DOMAINS = ["naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "gmail.com"]

# The planted words: nothing else in the vocabulary may contain them, or the expected counts would lie.
CHARGEBACK_LINES = ["My bank says it will start a chargeback if this is not sorted out.",
                    "Please hold off on a chargeback while we look into this."]
HWANBUL_TOKEN = "환불 부탁드립니다."      # 환불 as a word on its own
HWANBUL_PARTICLE = "환불을 요청합니다."   # 환불 glued to the particle 을

MAILERS = ["Microsoft Outlook 16.0", "Apple Mail (2.3774.300)", "Mozilla Thunderbird 128.3",
           "NAVER Mail", "Daum Mail", "Zendesk", "Roundcube Webmail/1.6.9", "K-9 Mail for Android"]


def _check_vocabulary():
    words = EN_CUSTOMER + EN_AGENT + EN_SUBJECTS + EN_ITEMS
    assert not any("chargeback" in s.lower() for s in words)
    korean = KO_CUSTOMER + KO_AGENT + KO_SUBJECTS + KO_ITEMS + [k for k, _ in KO_FAMILY] + \
        [g for g, _ in KO_GIVEN] + KO_CUSTOMER_CP949
    assert not any("환불" in s for s in korean)
    for s in korean + [HWANBUL_TOKEN, HWANBUL_PARTICLE]:
        # Python's euc-kr codec spells syllables KS X 1001 lacks as 8-byte jamo sequences mail readers do
        # not decode; only CP949 customers may use those (KO_CUSTOMER_CP949).
        if s not in KO_CUSTOMER_CP949:
            assert s.encode("euc-kr") == s.encode("cp949"), s


_check_vocabulary()

# ------------------------------------------------------------------------------------------- encoding
PY_CODEC = {"UTF-8": "utf-8", "EUC-KR": "euc-kr", "ks_c_5601-1987": "cp949"}


def is_ascii(s):
    return s.isascii()


def encoded_words(text, charset, mode, split_inside_char=False):
    """RFC 2047 words of at most 75 characters. With split_inside_char the bytes are cut at fixed
    positions, the way some mailers do, so one character may straddle two words."""
    raw = text.encode(PY_CODEC[charset])
    prefix = "=?%s?%s?" % (charset, mode)
    room = 75 - len(prefix) - 2
    if mode == "B":
        per_word = room // 4 * 3
        if split_inside_char:
            chunks = [raw[i:i + per_word] for i in range(0, len(raw), per_word)]
        else:
            chunks = _char_chunks(text, charset, per_word)
        return [prefix + base64.b64encode(c).decode("ascii") + "?=" for c in chunks]
    words = []
    for chunk in _char_chunks(text, charset, room // 3):
        q = "".join(chr(b) if (b < 128 and (chr(b).isalnum())) else ("_" if b == 32 else "=%02X" % b)
                    for b in chunk)
        words.append(prefix + q + "?=")
    return words


def _char_chunks(text, charset, max_bytes):
    chunks, cur = [], b""
    for ch in text:
        b = ch.encode(PY_CODEC[charset])
        if cur and len(cur) + len(b) > max_bytes:
            chunks.append(cur)
            cur = b""
        cur += b
    if cur:
        chunks.append(cur)
    return chunks


def body_transfer(text, codec, cte):
    """(Content-Transfer-Encoding, encoded body) for a text body, lines ending in LF."""
    data = text.encode(codec)
    if cte == "base64":
        # MUAs base64 the canonical form, CRLF line ends.
        return "base64", base64.encodebytes(data.replace(b"\n", b"\r\n")).decode("ascii")
    if cte == "quoted-printable":
        return "quoted-printable", binascii.b2a_qp(data).decode("ascii")
    return ("7bit" if data.isascii() else "8bit"), data.decode(codec)


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_html(text, charset):
    out = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s"></head>'
           '<body style="font-family:sans-serif">' % charset.lower()]
    quoting = False
    for line in text.split("\n"):
        if line.startswith(">") != quoting:
            quoting = not quoting
            out.append('<blockquote style="border-left:2px solid #ccc">' if quoting else "</blockquote>")
        body = line.lstrip("> ") if quoting else line
        out.append("<div>%s</div>" % (html_escape(body) if body else "<br>"))
    if quoting:
        out.append("</blockquote>")
    out.append("</body></html>\n")
    return "\n".join(out)


def wrap_lines(text, width=76):
    out = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = line + " " + word if line else word
        out.append(line)
    return "\n".join(out)


# ------------------------------------------------------------------------------------------- the mailbox
class Person:
    __slots__ = ("name", "address", "lang", "charset", "domain")

    def __init__(self, name, address, lang, charset):
        self.name, self.address, self.lang, self.charset = name, address, lang, charset
        self.domain = address.split("@", 1)[1]


class Mail:
    """What later mails of the thread need to know about an earlier one."""
    __slots__ = ("ref", "chain", "text", "sender", "date", "subject", "raw_for_forward")

    def __init__(self):
        self.ref = None            # what a reply puts in In-Reply-To (None when the mail had no ID)
        self.chain = []            # the References a reply to this mail would carry
        self.text = ""
        self.sender = None
        self.date = None
        self.subject = ""
        self.raw_for_forward = b""


class Mailbox:
    STAT_KEYS = ("msg_missing_id", "msg_id_no_brackets", "msg_id_with_space", "msg_id_collision", "dup_file",
                 "reply_full_refs", "reply_irt_only", "reply_refs_only", "reply_no_refs_subject_only",
                 "forward_inline", "forward_attached", "lang_en", "lang_ko_utf8", "lang_ko_euckr",
                 "lang_ko_cp949", "cte_7bit_8bit", "cte_qp", "cte_base64", "multipart_alternative",
                 "html_only", "with_attachment", "raw_8bit_subject", "subject_split_inside_char",
                 "subject_q_encoded")

    def __init__(self, n, out, seed):
        self.n, self.out = n, out
        self.rng = random.Random(seed)
        self.stats = dict.fromkeys(self.STAT_KEYS, 0)
        self.hits = {"chargeback": 0, "hwanbul_token": 0, "hwanbul_substr": 0, "from_target": 0}
        self.truth = []
        self.files = 0
        self.ids_written = []
        self.threads = 0
        self._make_people()

    def _make_people(self):
        r = self.rng
        self.agents_en, self.agents_ko = [], []
        self.agents_ko.append(Person("박지우", FROM_TARGET, "ko", "UTF-8"))
        for i in range(1, 18):
            if i % 2:
                (fam, fam_r), (giv, giv_r) = self.pick(KO_FAMILY), self.pick(KO_GIVEN)
                self.agents_ko.append(Person(fam + giv, "%s.%s%d@%s" % (giv_r, fam_r, i, SUPPORT_DOMAIN),
                                             "ko", "UTF-8"))
            else:
                first, last = self.pick(EN_FIRST), self.pick(EN_LAST)
                self.agents_en.append(Person("%s %s" % (first, last),
                                             "%s.%s@%s" % (first.lower(), last.lower(), SUPPORT_DOMAIN),
                                             "en", "UTF-8"))
        self.shop = Person(SHOP_NAME, SHOP_ADDRESS, "en", "UTF-8")
        self.customers = []
        for i in range(max(60, self.n // 6)):
            if r.random() < 0.4:
                (fam, fam_r), (giv, giv_r) = self.pick(KO_FAMILY), self.pick(KO_GIVEN)
                charset = r.choices(["UTF-8", "EUC-KR", "ks_c_5601-1987"], [60, 25, 15])[0]
                self.customers.append(Person(fam + giv, "%s%s%d@%s" % (fam_r, giv_r, i, self.pick(KO_DOMAINS)),
                                             "ko", charset))
            else:
                first, last = self.pick(EN_FIRST), self.pick(EN_LAST)
                self.customers.append(Person("%s %s" % (first, last),
                                             "%s.%s%d@%s" % (first.lower(), last[0].lower(), i,
                                                             self.pick(EN_DOMAINS)), "en", "UTF-8"))
        # A few customers write most of the mail, as in any shop.
        self.customer_cum_weights = list(itertools.accumulate(1.0 / (i + 1) ** 0.8
                                                              for i in range(len(self.customers))))

    # -- text
    def pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def between(self, lo, hi):
        """randint's result range, at a fraction of its cost (it is called a few dozen times a message)."""
        return lo + int(self.rng.random() * (hi - lo + 1))

    def fill(self, template, lang):
        if "{" not in template:
            return template
        r = self.rng
        values = {}
        if "{order}" in template:
            values["order"] = "%d-%06d" % (2023 + int(r.random() * 3), int(r.random() * 1000000))
        if "{item}" in template or "{Item}" in template:
            item = self.pick(EN_ITEMS if lang == "en" else KO_ITEMS)
            values["item"], values["Item"] = item, item.capitalize()
        if "{n}" in template:
            values["n"] = self.between(2, 30)
        if "{day}" in template:
            values["day"] = "%d/%d" % (self.between(1, 12), self.between(1, 28))
        return template.format(**values)

    def compose_text(self, lang, sender, is_agent, parent):
        r = self.rng
        if lang == "en":
            pool = EN_AGENT if is_agent else EN_CUSTOMER
            greeting = "Hi," if not is_agent else "Hello,"
        else:
            pool = KO_AGENT if is_agent else KO_CUSTOMER
            greeting = "안녕하세요." if not is_agent else "안녕하세요, 고객님."
        lines = [self.fill(self.pick(pool), lang) for _ in range(self.between(1, 6))]
        if not is_agent and sender.charset == "ks_c_5601-1987" and r.random() < 0.3:
            lines.append(self.pick(KO_CUSTOMER_CP949))
        if lang == "en" and r.random() < 0.009:
            lines.insert(r.randrange(len(lines) + 1), self.pick(CHARGEBACK_LINES))
        if lang == "ko" and r.random() < 0.013:
            lines.insert(r.randrange(len(lines) + 1), self.pick([HWANBUL_TOKEN, HWANBUL_PARTICLE]))
        paragraphs, i = [], 0
        while i < len(lines):
            step = self.between(1, 3)
            paragraphs.append(" ".join(lines[i:i + step]))
            i += step
        if is_agent:
            team = "Customer Care, Example Store" if lang == "en" else "Example Store 고객센터"
            signature = "-- \n%s\n%s" % (sender.name, team)
        else:
            signature = sender.name
        text = greeting + "\n\n" + wrap_lines("\n\n".join(paragraphs)) + "\n\n" + signature + "\n"
        if parent is not None and r.random() < 0.9:
            text += "\n" + self.quote(parent, lang)
        return text

    def quote(self, parent, lang):
        r = self.rng
        shown = parent.text.split("\n")[:12]
        if r.random() < 0.2:   # Outlook puts the original under a header block instead of '>' marks
            return ("-----Original Message-----\nFrom: %s <%s>\nSent: %s\nSubject: %s\n\n%s\n"
                    % (parent.sender.name, parent.sender.address, format_datetime(parent.date),
                       parent.subject, "\n".join(shown)))
        if lang == "en":
            head = "On %s, %s <%s> wrote:" % (parent.date.strftime("%a, %b %d, %Y at %H:%M"),
                                              parent.sender.name, parent.sender.address)
        else:
            head = "%s, %s <%s>님이 작성:" % (parent.date.strftime("%Y년 %m월 %d일 %H:%M"), parent.sender.name,
                                          parent.sender.address)
        return head + "\n" + "\n".join("> " + l if l else ">" for l in shown) + "\n"

    # -- headers
    def message_id(self, sender, when):
        r = self.rng
        token = "%016x" % r.getrandbits(64)
        if sender.domain == SUPPORT_DOMAIN or sender.address == SHOP_ADDRESS:
            return "<%d.%s@mail.%s>" % (int(when.timestamp()), token, SUPPORT_DOMAIN)
        if sender.domain == "gmail.com":
            return "<CA%s%s@mail.gmail.com>" % (token.upper(), "%08X" % r.getrandbits(32))
        if sender.domain in ("outlook.com",):
            return "<PAXP193MB%s@PAXP193MB%04d.EURP193.PROD.OUTLOOK.COM>" % (token.upper(), self.between(0, 9999))
        return "<%s.%d@%s>" % (token, int(when.timestamp()), sender.domain)

    def header_text(self, text, charset):
        """A header value as the sender's mailer writes it: ASCII as is, else encoded-words."""
        if is_ascii(text):
            return text
        r, st = self.rng, self.stats
        if charset == "UTF-8" and r.random() < 0.05:
            st["raw_8bit_subject"] += 1
            return text   # undeclared 8-bit UTF-8: against the RFCs, common from webmail
        m = re.match(r"((?:(?:Re|RE|Fwd|FW|회신|답장|전달): )*)(.*)", text, re.S)
        prefix, rest = m.group(1), m.group(2)
        mode = "B"
        split = False
        if r.random() < 0.15:
            mode = "Q"
            st["subject_q_encoded"] += 1
        elif r.random() < 0.2:
            split = True
            st["subject_split_inside_char"] += 1
        words = encoded_words(rest, charset, mode, split)
        return prefix + "\n ".join(words)

    def address(self, person, charset):
        if is_ascii(person.name):
            return ('"%s" <%s>' if " " in person.name else "%s <%s>") % (person.name, person.address)
        return "%s <%s>" % (" ".join(encoded_words(person.name, charset, "B")), person.address)

    # -- the corpus
    def run(self):
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(self.out, sub), exist_ok=True)
        r = self.rng
        sizes = list(range(1, 13))
        size_weights = [1.0 / k for k in sizes]
        start = datetime(2023, 1, 2, tzinfo=timezone.utc).timestamp()
        made = 0
        while made < self.n:
            size = min(r.choices(sizes, size_weights)[0], self.n - made)
            self.thread(self.threads, size, start + r.random() * 730 * 86400)
            self.threads += 1
            made += size

    def thread(self, tno, size, t0):
        r = self.rng
        customer = r.choices(self.customers, cum_weights=self.customer_cum_weights)[0]
        lang = customer.lang
        agents = self.agents_en if lang == "en" else self.agents_ko
        agent = self.pick(agents) if r.random() < 0.85 else self.pick(self.agents_en + self.agents_ko)
        if r.random() < 0.15:
            agent = self.shop   # answered from the shared mailbox itself
        subject = self.fill(self.pick(EN_SUBJECTS if lang == "en" else KO_SUBJECTS), lang)
        tz = timezone(timedelta(hours=9)) if lang == "ko" else \
            timezone(timedelta(hours=self.pick([-7, -5, 0, 1, 2])))
        earlier = []
        t = t0
        for idx in range(size):
            is_agent = idx % 2 == 1
            if idx > 0 and r.random() < 0.15:
                is_agent = not is_agent   # a second mail from the same side before an answer
            when = datetime.fromtimestamp(int(t), tz)
            t += self.between(600, 2 * 86400)
            parent = None
            if earlier:
                parent = earlier[-1] if r.random() < 0.85 else self.pick(earlier)
            self.message(tno, idx, lang, agent if is_agent else customer, customer, is_agent, when, subject,
                         parent, earlier)

    def message(self, tno, idx, lang, sender, customer, is_agent, when, base_subject, parent, earlier):
        r, st = self.rng, self.stats
        charset = sender.charset if not is_agent else "UTF-8"
        codec = PY_CODEC[charset]
        st["lang_en" if lang == "en" else {"UTF-8": "lang_ko_utf8", "EUC-KR": "lang_ko_euckr",
                                           "ks_c_5601-1987": "lang_ko_cp949"}[charset]] += 1
        # Message-ID, sometimes broken the ways real mail breaks it
        x = r.random()
        kind, mid = "ok", None
        if x < 0.005:
            kind = "missing_id"
        elif x < 0.010:
            kind = "id_no_brackets"
            mid = self.message_id(sender, when)[1:-1]
        elif x < 0.012:
            kind = "id_with_space"
            mid = self.message_id(sender, when).replace("@", " @")
        elif x < 0.015 and self.ids_written:
            kind = "id_collision"
            mid = self.pick(self.ids_written)
        else:
            mid = self.message_id(sender, when)
        if kind != "ok":
            st[{"missing_id": "msg_missing_id", "id_no_brackets": "msg_id_no_brackets",
                "id_with_space": "msg_id_with_space", "id_collision": "msg_id_collision"}[kind]] += 1
        if mid and kind != "id_collision":
            self.ids_written.append(mid)

        me = Mail()
        me.sender, me.date = sender, when
        me.ref = None if mid is None else (mid if mid.startswith("<") else "<%s>" % mid)
        in_reply_to, references = None, []
        subject = base_subject
        forward = None
        if parent is not None:
            chain = (parent.chain + [parent.ref] if parent.ref else parent.chain)[-10:]
            me.chain = chain
            y = r.random()
            if not is_agent and y < 0.02 and parent.sender is sender:
                # The customer sends an earlier mail of theirs again as a forward: no reply headers.
                forward = parent
                subject = self.pick(["Fwd: ", "FW: "] if lang == "en" else ["전달: ", "Fwd: "]) + base_subject
                me.chain = []
            else:
                subject = self.pick(["Re: ", "Re: ", "RE: ", "Re: Re: "] if lang == "en"
                                   else ["Re: ", "RE: ", "회신: ", "답장: "]) + base_subject
                y = r.random()
                if y < 0.80:
                    st["reply_full_refs"] += 1
                    in_reply_to, references = parent.ref, chain
                elif y < 0.87:
                    st["reply_irt_only"] += 1
                    in_reply_to = parent.ref
                elif y < 0.92:
                    st["reply_refs_only"] += 1
                    references = chain
                else:
                    st["reply_no_refs_subject_only"] += 1
                    me.chain = []
        me.subject = subject

        if forward is not None:
            note = ("I am sending my earlier message again, I have had no answer yet.\n\n%s\n" % sender.name
                    if lang == "en" else "전에 보낸 메일을 다시 보냅니다. 아직 답변을 받지 못했습니다.\n\n%s\n" % sender.name)
            if r.random() < 0.5:
                st["forward_inline"] += 1
                text = (note + "\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\n"
                        "To: %s\n\n%s" % (forward.sender.name, forward.sender.address, format_datetime(forward.date),
                                          forward.subject, SHOP_ADDRESS, forward.text))
                attached = None
            else:
                st["forward_attached"] += 1
                text, attached = note, forward.raw_for_forward
        else:
            text = self.compose_text(lang, sender, is_agent, parent)
            attached = None
        me.text = text

        # what a correct search finds in this message (subject and the body a reader sees)
        seen = subject + "\n" + text
        if "chargeback" in seen.lower():
            self.hits["chargeback"] += 1
        if "환불" in seen:
            self.hits["hwanbul_substr"] += 1
            if re.search(r"(^|[\s>])환불([\s.,!?]|$)", seen, re.M):
                self.hits["hwanbul_token"] += 1
        if sender.address == FROM_TARGET:
            self.hits["from_target"] += 1

        # headers
        peer = customer if is_agent else self.shop
        h = ["Return-Path: <%s>" % sender.address,
             "Received: from %s (%s [198.51.100.%d])\n\tby mx.example.com (Postfix) with ESMTPS id %010X\n"
             "\tfor <%s>; %s" % ("mail." + sender.domain, "mail." + sender.domain, self.between(1, 254),
                                 r.getrandbits(40), peer.address,
                                 format_datetime(when + timedelta(seconds=self.between(1, 120)))),
             "From: " + self.address(sender, charset),
             "To: " + self.address(peer, charset)]
        if r.random() < 0.08:
            h.append("Cc: orders@example.com")
        h.append("Subject: " + self.header_text(subject, charset))
        h.append("Date: " + format_datetime(when))
        if mid is not None:
            h.append("Message-ID: " + mid)
        if in_reply_to:
            h.append("In-Reply-To: " + in_reply_to)
        if references:
            h.append("References: " + "\n ".join(references))
        h.append("MIME-Version: 1.0")
        h.append(("User-Agent: " if r.random() < 0.3 else "X-Mailer: ") + self.pick(MAILERS))

        # body
        if charset != "UTF-8":
            cte = "base64" if r.random() < 0.7 else "8bit"
        elif lang == "ko":
            cte = r.choices(["8bit", "base64", "quoted-printable"], [40, 35, 25])[0]
        else:
            cte = r.choices(["7bit", "quoted-printable", "base64"], [50, 30, 20])[0]
        st[{"7bit": "cte_7bit_8bit", "8bit": "cte_7bit_8bit", "base64": "cte_base64",
            "quoted-printable": "cte_qp"}[cte]] += 1

        def leaf(ctype, payload):
            c, body = body_transfer(payload, codec, cte)
            return ('Content-Type: %s; charset="%s"\nContent-Transfer-Encoding: %s\n\n' % (ctype, charset, c)
                    ).encode("ascii") + body.encode(codec)

        shape = r.random()
        if shape < 0.25:
            st["multipart_alternative"] += 1
            b = ("=_alt_%012x" % r.getrandbits(48)).encode("ascii")
            entity = (b'Content-Type: multipart/alternative; boundary="' + b + b'"\n\n--' + b + b"\n" +
                      leaf("text/plain", text) + b"\n--" + b + b"\n" + leaf("text/html", to_html(text, charset)) +
                      b"\n--" + b + b"--\n")
        elif shape < 0.28:
            st["html_only"] += 1
            entity = leaf("text/html", to_html(text, charset))
        else:
            entity = leaf("text/plain", text)

        parts = []
        if attached is not None:
            parts.append(b'Content-Type: message/rfc822\nContent-Disposition: attachment; filename="' +
                         (b"forwarded.eml" if lang == "en" else b"original.eml") + b'"\n\n' + attached)
        if r.random() < 0.10:
            st["with_attachment"] += 1
            parts.append(self.attachment(lang))
        if parts:
            b = ("=_mix_%012x" % r.getrandbits(48)).encode("ascii")
            entity = (b'Content-Type: multipart/mixed; boundary="' + b + b'"\n\n'
                      b"This is a multi-part message in MIME format.\n\n--" + b + b"\n" + entity + b"\n" +
                      b"".join(b"--" + b + b"\n" + p + b"\n" for p in parts) + b"--" + b + b"--\n")

        # Headers are ASCII but for raw 8-bit subjects, which are UTF-8.
        data = ("\n".join(h) + "\n").encode("utf-8") + entity
        me.raw_for_forward = data
        earlier.append(me)

        deliveries = 2 if r.random() < 0.01 else 1
        if deliveries == 2:
            st["dup_file"] += 1
        for copy in range(deliveries):
            self.write(data, when, tno, idx, mid or "", kind, copy)

    def attachment(self, lang):
        r = self.rng
        if r.random() < 0.7:
            blob = b"\x89PNG\r\n\x1a\n" + r.randbytes(self.between(2048, 8192))
            ctype, name = "image/png", ("photo_%d.png" % self.between(1, 99) if lang == "en"
                                        else "사진_%d.png" % self.between(1, 99))
        else:
            blob = b"%PDF-1.4\n" + r.randbytes(self.between(3000, 9000)) + b"\n%%EOF\n"
            ctype, name = "application/pdf", ("invoice_%d.pdf" % self.between(1000, 9999) if lang == "en"
                                              else "거래명세서_%d.pdf" % self.between(1000, 9999))
        if is_ascii(name):
            disposition = 'attachment; filename="%s"' % name
            ctype_line = 'Content-Type: %s; name="%s"' % (ctype, name)
        elif r.random() < 0.5:   # RFC 2231, what the standard says
            disposition = "attachment; filename*=UTF-8''%s" % quote(name.encode("utf-8"))
            ctype_line = "Content-Type: %s" % ctype
        else:                    # RFC 2047 inside a quoted parameter, what Korean webmail often does
            word = "=?UTF-8?B?%s?=" % base64.b64encode(name.encode("utf-8")).decode("ascii")
            disposition = 'attachment; filename="%s"' % word
            ctype_line = 'Content-Type: %s; name="%s"' % (ctype, word)
        return ("%s\nContent-Disposition: %s\nContent-Transfer-Encoding: base64\n\n" % (ctype_line, disposition)
                ).encode("ascii") + base64.encodebytes(blob)

    def write(self, data, when, tno, idx, mid, kind, copy):
        r = self.rng
        self.files += 1
        stamp = int(when.timestamp()) + (self.between(5, 600) if copy else self.between(0, 4))
        name = "%d.M%dP%dQ%d.mx.example.com" % (stamp, self.between(0, 999999), 1000 + self.between(0, 60000), self.files)
        if r.random() < 0.1:
            sub = "new"
        else:
            sub = "cur"
            name += ":2," + self.pick(["S", "S", "RS", "", "FS"])
        path = os.path.join(self.out, sub, name)
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (stamp, stamp))
        self.truth.append("%s/%s\t%d\t%d\t%s\t%s\t%s\n" % (sub, name, tno, idx, mid, kind, "dup" if copy else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True, help="messages to write (second deliveries come on top)")
    ap.add_argument("--out", required=True, help="the Maildir to create")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    if a.n < 1:
        ap.error("--n must be at least 1")
    out = os.path.abspath(a.out.rstrip("/"))
    started = time.monotonic()
    box = Mailbox(a.n, out, a.seed)
    box.run()
    manifest = {
        "n_logical_messages": a.n,
        "n_files": box.files,
        "seed": a.seed,
        "intended_threads": box.threads,
        "stats": box.stats,
        "expected_hits_logical_messages": box.hits,
        "queries": {"chargeback": "the word chargeback, about 1% of messages",
                    "hwanbul_token": "환불 as a word of its own",
                    "hwanbul_substr": "환불 anywhere, with a particle too (환불을)",
                    "from_target": "from:" + FROM_TARGET},
    }
    with open(out + ".manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(out + ".truth.tsv", "w", encoding="utf-8") as f:
        f.write("file\tthread\tidx\tmessage_id\tid_kind\tdup\n")
        f.writelines(box.truth)
    print("%d files, %d intended threads in %s (%.1f s)" % (box.files, box.threads, out,
                                                            time.monotonic() - started), file=sys.stderr)


if __name__ == "__main__":
    main()
