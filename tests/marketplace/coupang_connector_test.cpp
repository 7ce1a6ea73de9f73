#include "connectors/connector_factory.h"
#include "connectors/outbox_sender.h"
#include "support/memory_secrets.h"
#include "coupang_fixture.h"
#include "inbox/ingestor.h"
#include "net/coupang_signer.h"
#include "store/ticket_queries.h"

#include <QProcess>
#include <QSet>
#include <QThread>
#include <QUrlQuery>

using namespace casebook;
using namespace casebook::test;

namespace {

QSet<QString> externalIds(Database& db)
{
    QSet<QString> ids;
    SQLite::Statement st(db.reader(), "SELECT external_id FROM messages");
    while (st.executeStep())
        ids << QString::fromStdString(st.getColumn(0).getString());
    return ids;
}

int messageCount(Database& db)
{
    return ticket_queries::stats(db.reader()).messages;
}

} // namespace

TEST_CASE("Coupang CEA signature over date, method, path and query", "[coupang]")
{
    const QDateTime at(QDate(2026, 2, 16), QTime(3, 15, 0), QTimeZone::utc());
    const auto s =
        coupangSign(QStringLiteral("ak-test"), QStringLiteral("sk-test"), at, "GET",
                    QStringLiteral("/v2/providers/openapi/apis/api/v5/vendors/A00012345/onlineInquiries"),
                    QStringLiteral("vendorId=A00012345&pageNum=1"));
    CHECK(s.signedDate == QStringLiteral("260216T031500Z"));
    // Computed independently with Python's hmac module.
    CHECK(s.signature == QStringLiteral("11b590d81f78f21485d9dca5460f6378fbb0ccc351c130a8ccc26f4635594bda"));
    CHECK(s.authorization ==
          QByteArray("CEA algorithm=HmacSHA256, access-key=ak-test, signed-date=260216T031500Z, "
                     "signature=") +
              s.signature.toLatin1());
}

TEST_CASE("the fake Coupang refuses a wrong signature, a window over 7 days and a page over 50", "[coupang]")
{
    FakeMarketplace server(coupangConfig());
    const QString path =
        QStringLiteral("/v2/providers/openapi/apis/api/v5/vendors/A00012345/onlineInquiries");
    auto get = [&](const QString& secret, const QString& query) {
        const auto sig = coupangSign(QStringLiteral("ak-test"), secret, QDateTime::currentDateTimeUtc(),
                                     "GET", path, query);
        HttpRequest req;
        req.url = QUrl(server.baseUrl() + path + QLatin1Char('?') + query);
        req.headers << qMakePair(QByteArray("Authorization"), sig.authorization)
                    << qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=UTF-8"));
        return httpExchange(req).status;
    };
    const QString ok =
        QStringLiteral("vendorId=A00012345&answeredType=ALL&inquiryStartAt=2026-11-01&inquiryEndAt="
                       "2026-11-07&pageNum=1&pageSize=50");
    CHECK(get(QStringLiteral("sk-test"), ok) == 200);
    CHECK(get(QStringLiteral("wrong"), ok) == 401);
    CHECK(get(QStringLiteral("sk-test"),
              QString(ok).replace(QStringLiteral("11-07"), QStringLiteral("11-08"))) == 400);
    CHECK(get(QStringLiteral("sk-test"), QString(ok).replace(QStringLiteral("=50"), QStringLiteral("=51"))) ==
          400);
    CHECK(server.violations().size() == 3);
}

TEST_CASE("Coupang sync: both kinds, every page, answered and unanswered, once", "[coupang]")
{
    CoupangShop shop;
    auto c = shop.connector();
    auto report = c.sync({});
    REQUIRE(report);
    CHECK(shop.server.violations().isEmpty());
    const QSet<QString> ids = externalIds(*shop.store.db);
    for (int i = 0; i < 55; ++i)
        CHECK(ids.contains(QStringLiteral("coupang:online:%1").arg(1000 + i)));
    for (int i = 0; i < 32; ++i)
        CHECK(ids.contains(QStringLiteral("coupang:call:%1").arg(3000 + i)));
    CHECK(ids.contains(QStringLiteral("coupang:online:2002:answer:9"))); // an existing answer
    CHECK(ids.contains(QStringLiteral("coupang:call:3900:answer:602")));
    CHECK_FALSE(ids.contains(QStringLiteral("coupang:online:2003"))); // before the 30-day horizon
    CHECK(report->imported == messageCount(*shop.store.db));

    // Page 2 of both lists was asked for; every window is within the horizon.
    QSet<QString> pages;
    for (const QJsonValue& r : shop.server.state().value(QStringLiteral("requests")).toArray()) {
        const QString q = r[QStringLiteral("query")].toString();
        if (q.contains(QStringLiteral("pageNum=2")))
            pages << r[QStringLiteral("path")].toString().section(QLatin1Char('/'), -1);
        const QDate start =
            QDate::fromString(QUrlQuery(q).queryItemValue(QStringLiteral("inquiryStartAt")), Qt::ISODate);
        CHECK(start.isValid());
        CHECK(start >= koreaDate(shop.store.clock.now()).addDays(-30));
    }
    CHECK(pages == QSet<QString>{QStringLiteral("onlineInquiries"), QStringLiteral("callCenterInquiries")});
    // Both lists walked in windows of at most 7 days that leave no day out, from the horizon to today.
    for (const QString& list : {QStringLiteral("onlineInquiries"), QStringLiteral("callCenterInquiries")}) {
        QSet<QDate> days;
        for (const QJsonValue& r : shop.server.state().value(QStringLiteral("requests")).toArray()) {
            if (!r[QStringLiteral("path")].toString().endsWith(list))
                continue;
            const QUrlQuery q(r[QStringLiteral("query")].toString());
            const QDate from =
                QDate::fromString(q.queryItemValue(QStringLiteral("inquiryStartAt")), Qt::ISODate);
            const QDate to = QDate::fromString(q.queryItemValue(QStringLiteral("inquiryEndAt")), Qt::ISODate);
            CHECK(from.daysTo(to) <= 6);
            for (QDate d = from; d <= to; d = d.addDays(1))
                days << d;
        }
        const QDate today = koreaDate(shop.store.clock.now());
        CHECK(days.size() == 31);
        CHECK(days.contains(today.addDays(-30)));
        CHECK(days.contains(today));
    }

    // One ticket per inquiry; the answered one waits, the others are due in 24 hours; entities decoded.
    const qint64 answered = ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2002"));
    CHECK(ticket_queries::messagesOfTicket(shop.store.db->reader(), answered).size() == 2);
    const qint64 entity = ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2001"));
    const auto msgs = ticket_queries::messagesOfTicket(shop.store.db->reader(), entity);
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].text == QStringLiteral("주문 2000000007 배송이 <언제> 되나요?"));
    const auto summary = ticket_queries::ticketsByIds(shop.store.db->reader(), {entity});
    REQUIRE(summary.size() == 1);
    CHECK(summary[0].dueAt == msgs[0].date.addSecs(24 * 3600));
    CHECK(summary[0].channels.contains(QStringLiteral("coupang")));

    // Again: nothing new, nothing doubled.
    const int before = messageCount(*shop.store.db);
    auto again = c.sync({});
    REQUIRE(again);
    CHECK(again->imported == 0);
    CHECK(messageCount(*shop.store.db) == before);
}

TEST_CASE("Coupang product answer through the outbox, then refused a second time", "[coupang]")
{
    CoupangShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    const qint64 ticket = ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2004"));
    auto draft = c.draftReply(ticket, QStringLiteral("안녕하세요.\n재고 있습니다."));
    REQUIRE(draft);
    CHECK(draft->target.value(QStringLiteral("kind")).toString() == QStringLiteral("online"));
    Outbox outbox(*shop.store.db);
    REQUIRE(outbox.enqueue(draft.value()));
    // Queued counts as answering: no second draft while it waits.
    CHECK_FALSE(c.draftReply(ticket, QStringLiteral("또 다른 답")));
    auto flushed = outbox.flush([&](const OutboxItem&) { return &c.transport(); });
    REQUIRE(flushed);
    CHECK(flushed->sent == 1);
    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 1);
    CHECK(posted[0][QStringLiteral("path")].toString().endsWith(
        QStringLiteral("/v4/vendors/A00012345/onlineInquiries/2004/replies")));
    const QJsonObject body = posted[0][QStringLiteral("body")].toObject();
    CHECK(body == QJsonObject{{"content", QStringLiteral("안녕하세요.\n재고 있습니다.")},
                              {"vendorId", "A00012345"},
                              {"replyBy", "wing-kim"}});
    const auto summary = ticket_queries::ticketsByIds(shop.store.db->reader(), {ticket});
    CHECK(summary[0].status == TicketStatus::Waiting);

    auto second = c.draftReply(ticket, QStringLiteral("또 다른 답"));
    REQUIRE_FALSE(second);
    CHECK(second.error().message.contains(QStringLiteral("already answered")));
    // The answer Coupang now lists is the one the outbox stored, not a second message.
    const int before = messageCount(*shop.store.db);
    REQUIRE_OK(c.sync({}));
    CHECK(messageCount(*shop.store.db) == before);
    // An inquiry answered before Casebook saw it is refused too.
    CHECK_FALSE(c.draftReply(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2002")),
                             QStringLiteral("답")));
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("Coupang call-center answer names the reply awaiting the seller", "[coupang]")
{
    CoupangShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    const qint64 ticket = ticketOfExternal(*shop.store.db, QStringLiteral("coupang:call:3004"));
    auto draft = c.draftReply(ticket, QStringLiteral("확인했습니다. 내일 발송됩니다."));
    REQUIRE(draft);
    CHECK(draft->target.value(QStringLiteral("parent_answer_id")).toString() == QStringLiteral("504"));
    CHECK_FALSE(c.draftReply(ticket, QStringLiteral("x"))); // one character: under Coupang's minimum
    Outbox outbox(*shop.store.db);
    REQUIRE(outbox.enqueue(draft.value()));
    auto flushed = outbox.flush([&](const OutboxItem&) { return &c.transport(); });
    REQUIRE(flushed);
    CHECK(flushed->sent == 1);
    const QJsonObject body = shop.server.posted()[0][QStringLiteral("body")].toObject();
    CHECK(body.value(QStringLiteral("parentAnswerId")).toInt() == 504);
    CHECK(body.value(QStringLiteral("inquiryId")).toInt() == 3004);
    CHECK(body.value(QStringLiteral("vendorId")).toString() == QStringLiteral("A00012345"));
    CHECK(body.value(QStringLiteral("replyBy")).toString() == QStringLiteral("wing-kim"));
    auto twice = c.draftReply(ticket, QStringLiteral("두 번째 답변입니다"));
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message.contains(QStringLiteral("already answered")));
    CHECK_FALSE(c.draftReply(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:call:3900")),
                             QStringLiteral("답변입니다")));
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("Coupang transferred call-center inquiry confirmed: exact request, refused when closed or none",
          "[coupang]")
{
    CoupangShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    const qint64 fresh = ticketOfExternal(*shop.store.db, QStringLiteral("coupang:call:3950"));
    auto confirmed = c.confirmTransferOf(fresh);
    REQUIRE_OK(confirmed);
    CHECK(confirmed.value() == QStringLiteral("3950"));
    const auto question = ticket_queries::messagesOfTicket(shop.store.db->reader(), fresh);
    REQUIRE_FALSE(question.isEmpty());
    CHECK(question[0].text == QStringLiteral("반품 문의 \"급함\"")); // &quot; decoded
    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 1);
    CHECK(posted[0][QStringLiteral("method")].toString() == QStringLiteral("POST"));
    CHECK(posted[0][QStringLiteral("path")].toString() ==
          QStringLiteral(
              "/v2/providers/openapi/apis/api/v4/vendors/A00012345/callCenterInquiries/3950/confirms"));
    CHECK(posted[0][QStringLiteral("body")].toObject() == QJsonObject{{"confirmBy", "wing-kim"}});
    SQLite::Statement ev(
        shop.store.db->reader(),
        "SELECT detail FROM events WHERE ticket_id = ? AND kind = 'coupang_transfer_confirmed'");
    ev.bind(1, static_cast<int64_t>(fresh));
    REQUIRE(ev.executeStep());
    CHECK(QString::fromStdString(ev.getColumn(0).getString()).contains(QStringLiteral("3950")));

    // Transferred nine days ago: Coupang closed it; the error says so in Coupang's words and ours.
    auto closed = c.confirmTransferOf(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:call:3010")));
    REQUIRE_FALSE(closed);
    CHECK(closed.error().message.contains(QStringLiteral("522")));
    CHECK(closed.error().message.contains(QStringLiteral("24 hours")));
    // A product inquiry and an answered call-center inquiry are never sent to Coupang.
    const int before = shop.server.state().value(QStringLiteral("requests")).toArray().size();
    auto product =
        c.confirmTransferOf(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2004")));
    REQUIRE_FALSE(product);
    CHECK(product.error().message.contains(QStringLiteral("transferred")));
    CHECK_FALSE(c.confirmTransferOf(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:call:3900"))));
    CHECK(shop.server.state().value(QStringLiteral("requests")).toArray().size() == before);
    CHECK(shop.server.posted().size() == 1);
    CHECK(shop.server.violations().isEmpty());

    // The fake checks what the connector must get right: a wrong body or signature is a violation. (After a
    // second's pause: these calls are not paced, and the gateway allows ten a second.)
    QThread::msleep(1100);
    const QString path = QStringLiteral(
        "/v2/providers/openapi/apis/api/v4/vendors/A00012345/callCenterInquiries/3950/confirms");
    auto post = [&](const QString& secret, const QByteArray& body) {
        const auto sig = coupangSign(QStringLiteral("ak-test"), secret, QDateTime::currentDateTimeUtc(),
                                     "POST", path, QString());
        HttpRequest req;
        req.method = "POST";
        req.url = QUrl(shop.server.baseUrl() + path);
        req.headers << qMakePair(QByteArray("Authorization"), sig.authorization)
                    << qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=UTF-8"));
        req.body = body;
        return httpExchange(req).status;
    };
    CHECK(post(QStringLiteral("wrong"), R"({"confirmBy":"wing-kim"})") == 401);
    CHECK(post(QStringLiteral("sk-test"), R"({"confirmBy":"someone"})") == 400);
    CHECK(post(QStringLiteral("sk-test"), R"({"confirmBy":"wing-kim","vendorId":"A00012345"})") == 400);
    CHECK(shop.server.violations().size() == 3);
}

TEST_CASE("Coupang 429 and 403 slow down and retry, an answer is never dropped", "[coupang]")
{
    CoupangShop shop;
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 2}});
    shop.server.control(QStringLiteral("inject"), {{"status", 403}, {"count", 1}, {"html", true}});
    auto c = shop.connector();
    auto report = c.sync({});
    REQUIRE(report);
    CHECK(externalIds(*shop.store.db).size() == report->imported);
    CHECK(externalIds(*shop.store.db).contains(QStringLiteral("coupang:online:1054")));

    const qint64 ticket = ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:1020"));
    auto draft = c.draftReply(ticket, QStringLiteral("답변드립니다."));
    REQUIRE(draft);
    Outbox outbox(*shop.store.db);
    auto id = outbox.enqueue(draft.value());
    REQUIRE(id);
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", shop.pacing.attempts}});
    auto first = outbox.flush([&](const OutboxItem&) { return &c.transport(); });
    REQUIRE(first);
    CHECK(first->retrying == 1);
    auto item = outbox.item(id.value());
    REQUIRE(item);
    CHECK(item->state == OutboxState::Queued);
    CHECK(item->lastError.contains(QStringLiteral("429")));
    CHECK(shop.server.posted().isEmpty());
    REQUIRE(outbox.retryNow(id.value()));
    auto second = outbox.flush([&](const OutboxItem&) { return &c.transport(); });
    REQUIRE(second);
    CHECK(second->sent == 1);
    CHECK(shop.server.posted().size() == 1);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("the account's horizon_days sets how far back the first Coupang sync reaches", "[coupang]")
{
    CoupangShop shop;
    shop.account.settings.insert(QStringLiteral("horizon_days"), 10);
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    const QSet<QString> ids = externalIds(*shop.store.db);
    CHECK(ids.contains(QStringLiteral("coupang:online:2004")));       // 1 day ago
    CHECK(ids.contains(QStringLiteral("coupang:call:3031")));         // 9 days ago
    CHECK_FALSE(ids.contains(QStringLiteral("coupang:online:2001"))); // 12 days ago
    for (const QJsonValue& r : shop.server.state().value(QStringLiteral("requests")).toArray()) {
        const QDate start = QDate::fromString(
            QUrlQuery(r[QStringLiteral("query")].toString()).queryItemValue(QStringLiteral("inquiryStartAt")),
            Qt::ISODate);
        CHECK(start >= koreaDate(shop.store.clock.now()).addDays(-10));
    }
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("a Coupang inquiry about an order joins the email thread about the same order", "[coupang]")
{
    CoupangShop shop;
    Ingestor ingestor(*shop.store.db, IngestOptions{{QStringLiteral("help@shop.example")}});
    const QByteArray mail =
        "From: Lee <lee@mail.example>\nTo: help@shop.example\nSubject: 배송 문의\n"
        "Date: " +
        QDateTime::currentDateTimeUtc().addDays(-13).toString(Qt::RFC2822Date).toLatin1() +
        "\nMessage-ID: <o7@mail.example>\nContent-Type: text/plain; charset=UTF-8\n\n"
        "주문번호 2000000007 아직 안 왔어요.\n";
    auto email = ingestor.ingestMail(mail, QStringLiteral("test"), {});
    REQUIRE(email);
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    CHECK(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2001")) == email->ticketId);
    CHECK(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:1000")) != email->ticketId);
}

TEST_CASE("a Coupang sync killed mid-way resumes: nothing lost, nothing doubled", "[coupang]")
{
    // The reference: the same shop synced in one go.
    int expected = 0;
    {
        CoupangShop reference;
        auto c = reference.connector();
        REQUIRE_OK(c.sync({}));
        expected = messageCount(*reference.store.db);
    }
    CoupangShop shop;
    shop.server.control(QStringLiteral("delay"), {{"ms", 200}});
    QProcess probe;
    probe.start(QStringLiteral(CASEBOOK_SYNC_PROBE),
                {shop.store.path(), QStringLiteral("shop"), QStringLiteral("sk-test")});
    REQUIRE(probe.waitForStarted());
    // Killed once it has had four pages answered (at least three committed).
    for (int i = 0; i < 200 && shop.server.state().value(QStringLiteral("requests")).toArray().size() < 4;
         ++i)
        QThread::msleep(50);
    probe.kill();
    REQUIRE(probe.waitForFinished(10000));
    REQUIRE(probe.exitStatus() == QProcess::CrashExit);
    const int partial = messageCount(*shop.store.db);
    CHECK(partial > 0);
    CHECK(partial < expected);

    shop.server.control(QStringLiteral("delay"), {{"ms", 0}});
    const int before = shop.server.state().value(QStringLiteral("requests")).toArray().size();
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    CHECK(messageCount(*shop.store.db) == expected);
    SQLite::Statement dup(
        shop.store.db->reader(),
        "SELECT COUNT(*) FROM (SELECT external_id FROM messages GROUP BY external_id HAVING COUNT(*) > 1)");
    REQUIRE(dup.executeStep());
    CHECK(dup.getColumn(0).getInt() == 0);
    // It went on from the cursor, not from the horizon's first page.
    const QJsonObject first =
        shop.server.state().value(QStringLiteral("requests")).toArray()[before].toObject();
    const QString horizon = koreaDate(shop.store.clock.now()).addDays(-30).toString(Qt::ISODate);
    CHECK_FALSE(
        (first[QStringLiteral("query")].toString().contains(QStringLiteral("inquiryStartAt=") + horizon) &&
         first[QStringLiteral("query")].toString().contains(QStringLiteral("pageNum=1&"))));
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("the connector factory makes a working Coupang connector with the secret from its command",
          "[coupang]")
{
    CoupangShop shop;
    shop.account.settings.insert(QStringLiteral("secret_command"), QStringLiteral("printf sk-test"));
    KeychainSecretStore keychain; // not asked: the account names a command
    auto connector = connectorFor(shop.account, *shop.store.db, keychain);
    REQUIRE_OK(connector);
    auto report = connector.value()->sync({});
    REQUIRE_OK(report);
    CHECK(report->imported == messageCount(*shop.store.db));
    CHECK(report->imported > 0);
    shop.account.settings.remove(QStringLiteral("vendor_id"));
    auto missing = connectorFor(shop.account, *shop.store.db, keychain);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.contains(QStringLiteral("vendor_id")));
}

TEST_CASE("Coupang answers of the same words to several inquiries are each recorded; an interrupted send is "
          "settled by asking Coupang and never sent twice",
          "[coupang][outbox]")
{
    CoupangShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    Database& db = *shop.store.db;
    const QString words = QStringLiteral("문의 감사합니다. 오늘 오후에 발송됩니다.");
    QList<qint64> tickets;
    for (const char* id : {"2001", "1005", "2004"})
        tickets << ticketOfExternal(db, QStringLiteral("coupang:online:") + QLatin1String(id));
    Outbox outbox(db);
    for (qint64 t : tickets) {
        auto d = c.draftReply(t, words);
        REQUIRE_OK(d);
        REQUIRE_OK(outbox.enqueue(d.value()));
    }
    // A run that is gone claimed two items: it died before posting the first, and after Coupang took the
    // second but before recording it.
    Outbox gone(db, ClaimOwner(QStringLiteral("gone")));
    auto first = gone.claimNext();
    REQUIRE_OK(first);
    REQUIRE(first->has_value());
    auto second = gone.claimNext();
    REQUIRE_OK(second);
    REQUIRE(second->has_value());
    CHECK(c.send(**second).kind == SendOutcome::Kind::Sent);
    REQUIRE(shop.server.posted().size() == 1);

    MemorySecrets secrets;
    OutboxSender sender(db, secrets);
    auto settled = sender.settleInterrupted();
    REQUIRE_OK(settled);
    CHECK(settled->interrupted == 2);
    CHECK(settled->foundSent == 1);
    CHECK(settled->requeued == 1);
    CHECK(settled->unknown == 0);
    CHECK(shop.server.posted().size() == 1); // settling asks; it never sends
    auto flushed = sender.flush();
    REQUIRE_OK(flushed);
    CHECK(flushed->sent == 2);
    CHECK(flushed->errors.isEmpty());

    // Each inquiry answered once on Coupang, each answer once in its ticket, each with its own stored copy.
    QHash<QString, int> answers;
    for (const QJsonValue& p : shop.server.posted())
        ++answers[p[QStringLiteral("path")].toString()];
    CHECK(answers.size() == 3);
    for (int n : answers)
        CHECK(n == 1);
    QSet<QString> stored;
    for (qint64 t : tickets) {
        int out = 0;
        for (const auto& m : ticket_queries::messagesOfTicket(db.reader(), t))
            if (m.direction == Direction::Out) {
                ++out;
                CHECK(m.text == words);
                stored << m.rawSha256;
            }
        CHECK(out == 1);
    }
    CHECK(stored.size() == 3);
    CHECK_FALSE(stored.contains(QString()));
    auto left = outbox.list();
    REQUIRE_OK(left);
    for (const OutboxItem& it : *left)
        CHECK(it.state == OutboxState::Sent);
    // The next sync finds Coupang's copies of the three answers already stored.
    const int before = messageCount(db);
    REQUIRE_OK(c.sync({}));
    CHECK(messageCount(db) == before);
    CHECK(shop.server.violations().isEmpty());
}
