#include "support/report_fixture.h"

#include "evidence/evidence_locker.h"
#include "inbox/ingestor.h"
#include "inbox/ticket_actions.h"
#include "store/app_settings.h"
#include "store/order_cache.h"
#include "store/ticket_writes.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

namespace casebook::test::report_fixture {
namespace {

const QString kShop = QStringLiteral("help@shop.example");

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

InboundMessage message(const ReportFixtureTicket& t, int index, Direction direction, const QDateTime& at)
{
    InboundMessage m;
    m.channel = t.channel;
    m.direction = direction;
    m.date = at;
    m.subject = t.subject.isEmpty() ? QStringLiteral("Inquiry %1").arg(index) : t.subject;
    m.text = direction == Direction::In ? t.claimText : answerText(index);
    // Mail programs quote the question under the answer, in the customer's language or the shop's.
    if (direction == Direction::Out && t.channel == Channel::Email && !t.sellerFirst)
        m.text += index % 2 ? QStringLiteral("\n\nOn Mon, Nov 2, 2026 at 10:00 AM <%1> wrote:\n> %2\n")
                                  .arg(t.customer, t.claimText)
                            : QStringLiteral("\n\n2026년 11월 2일 (월) 오전 10:00, <%1>님이 작성:\n> %2\n")
                                  .arg(t.customer, t.claimText);
    m.raw =
        QStringLiteral("fixture|%1|%2").arg(index).arg(direction == Direction::In ? "in" : "out").toUtf8();
    if (!t.order.isEmpty())
        m.orderNumbers = {t.order};
    if (t.channel == Channel::Email) {
        const QString question = QStringLiteral("q%1@customer.example").arg(index);
        if (direction == Direction::In) {
            m.externalId = question;
            m.fromAddress = t.customer;
            m.to = {kShop};
        } else {
            // The seller's answer threads by its In-Reply-To (or opens the ticket when the seller wrote
            // first).
            m.externalId = QStringLiteral("a%1@shop.example").arg(index);
            m.fromAddress = kShop;
            m.to = {t.customer};
            if (!t.sellerFirst) {
                m.inReplyTo = question;
                m.references = {question};
                m.subject = QStringLiteral("Re: ") + m.subject;
            }
        }
    } else {
        const QString key = toString(t.channel) + QStringLiteral(":fixture:%1").arg(index);
        m.threadKey = key;
        m.externalId = key + (direction == Direction::In ? QStringLiteral(":q") : QStringLiteral(":a"));
        m.customer = Identity{toString(t.channel), t.customer};
        m.customerName = t.customer;
        m.source = toString(t.channel) + QStringLiteral(":fixture");
    }
    return m;
}

} // namespace

QString answerText(int index)
{
    return QStringLiteral("Answer to inquiry %1: we will sort it out.").arg(index);
}

QMap<QString, QStringList> cachedProducts()
{
    QMap<QString, QStringList> out{
        {QStringLiteral("ORD-1"), {QStringLiteral("달항아리 머그")}},
        {QStringLiteral("ORD-2"), {QStringLiteral("달항아리 머그"), QStringLiteral("백자 접시 세트")}},
        {QStringLiteral("ORD-500"), {QStringLiteral("Linen apron")}},
    };
    // Single orders of the generated tickets: every fourth names the plate set, one names it on two lines.
    for (int i = 0; i < 110; i += 4)
        out.insert(QStringLiteral("ORD-%1").arg(100 + i), {QStringLiteral("백자 접시 세트")});
    out.insert(QStringLiteral("ORD-102"), {}); // fetched, but the market listed no lines
    return out;
}

QDateTime now()
{
    return utc(2026, 12, 3, 3); // Thursday 3 December 2026, 12:00 KST
}

QList<ReportFixtureTicket> plan()
{
    QList<ReportFixtureTicket> out;
    // Hand-placed: what the rules must get right.
    // Friday 27 Nov 17:00 KST, answered Monday 30 Nov 10:00 KST: 65 calendar hours, 2 business hours.
    out << ReportFixtureTicket{QStringLiteral("friday@customer.example"),
                               Channel::Email,
                               Category::Shipping,
                               utc(2026, 11, 27, 8),
                               65 * 3600,
                               -1,
                               TicketStatus::Waiting,
                               QStringLiteral("ORD-500"),
                               false,
                               0,
                               false,
                               QStringLiteral("배송이 언제 되나요?")};
    // Monday 2 Nov 01:00 KST is Sunday 1 Nov in UTC: the week of 2 November, not the one before.
    out << ReportFixtureTicket{QStringLiteral("cp-early"),
                               Channel::Coupang,
                               Category::Refund,
                               utc(2026, 11, 1, 16),
                               3600,
                               30 * 3600,
                               TicketStatus::Resolved,
                               QStringLiteral("CP-9001"),
                               false,
                               1,
                               false,
                               QStringLiteral("=HYPERLINK(\"http://x\") 환불해 주세요"),
                               QStringLiteral("=cmd|' /C calc'!A0")};
    // The seller wrote first: a ticket, not an inquiry.
    out << ReportFixtureTicket{QStringLiteral("outreach@customer.example"),
                               Channel::Email,
                               Category::Other,
                               utc(2026, 11, 10, 2),
                               -1,
                               -1,
                               TicketStatus::Waiting,
                               {},
                               false,
                               0,
                               true,
                               {}};
    // Spam is no inquiry either.
    out << ReportFixtureTicket{QStringLiteral("spam@spam.example"),
                               Channel::Email,
                               Category::Other,
                               utc(2026, 11, 11, 2),
                               -1,
                               -1,
                               TicketStatus::Spam,
                               {},
                               false,
                               0,
                               false,
                               QStringLiteral("Buy now")};

    QRandomGenerator rng(21);
    const Channel channels[] = {Channel::Email, Channel::Email, Channel::Coupang, Channel::Naver,
                                Channel::Csv};
    const QString sharedOrders[] = {QStringLiteral("ORD-1"), QStringLiteral("ORD-2"),
                                    QStringLiteral("ORD-3")};
    const QString claims[] = {QStringLiteral("상자가 찌그러져 왔고 컵 하나가 깨졌어요."),
                              QStringLiteral("-1 star. Two plates missing from the set."),
                              QStringLiteral("@seller refund me now"), QStringLiteral("+82 10 반품 원합니다"),
                              QStringLiteral("Wrong colour, please exchange.")};
    const QDateTime first = utc(2026, 10, 26, 0);
    QSet<QString> ordered;
    for (int i = 0; i < 110; ++i) {
        ReportFixtureTicket t;
        t.channel = channels[rng.bounded(5)];
        t.category = static_cast<Category>(rng.bounded(10));
        const int who = static_cast<int>(rng.bounded(14));
        t.customer = t.channel == Channel::Email
                         ? QStringLiteral("c%1@customer.example").arg(who)
                         : QStringLiteral("%1-buyer-%2").arg(toString(t.channel)).arg(who);
        t.abusive = who == 3 || who == 7;
        t.askedAt = first.addSecs(qint64(rng.bounded(38 * 24)) * 3600 + qint64(rng.bounded(60)) * 60);
        if (rng.bounded(10) < 7)
            t.answerAfterSecs = qint64(rng.bounded(10, 70 * 60)) * 60; // 10 minutes to 70 hours
        if (t.answerAfterSecs >= 0 && rng.bounded(2) == 0)
            t.resolveAfterSecs = t.answerAfterSecs + qint64(rng.bounded(1, 200)) * 3600;
        if (t.resolveAfterSecs >= 0 && t.askedAt.addSecs(t.resolveAfterSecs) > now())
            t.resolveAfterSecs = -1;
        if (t.askedAt.addSecs(t.answerAfterSecs) > now())
            t.answerAfterSecs = -1, t.resolveAfterSecs = -1;
        t.finalStatus = t.resolveAfterSecs >= 0  ? TicketStatus::Resolved
                        : t.answerAfterSecs >= 0 ? TicketStatus::Waiting
                        : rng.bounded(2)         ? TicketStatus::Open
                                                 : TicketStatus::New;
        // Orders shared between customers only on email (a marketplace order joins its tickets into one).
        const bool claim = t.category == Category::Refund || t.category == Category::Return ||
                           t.category == Category::Defect || t.category == Category::MissingItem;
        // … and never twice for one customer (their second mail about it would join the first ticket).
        t.order = QStringLiteral("ORD-%1").arg(100 + i);
        if (claim && t.channel == Channel::Email) {
            const QString shared = sharedOrders[rng.bounded(3)];
            if (!ordered.contains(t.customer + shared)) {
                ordered.insert(t.customer + shared);
                t.order = shared;
            }
        }
        t.evidence = claim ? static_cast<int>(rng.bounded(3)) : 0;
        t.claimText = claims[rng.bounded(5)];
        out << t;
    }
    return out;
}

QList<qint64> write(Database& db, FixedClock& clock, const QList<ReportFixtureTicket>& plan,
                    const QString& scratchDir)
{
    DueClocks clocks;
    clocks.setBusinessHours(Channel::Email, true);
    REQUIRE(AppSettings::save(db, clocks));
    Ingestor ingestor(db, IngestOptions{{kShop}});
    TicketActions actions(db);
    EvidenceLocker locker(db);
    QList<qint64> ids;
    for (int i = 0; i < plan.size(); ++i) {
        const ReportFixtureTicket& t = plan[i];
        clock.set(t.askedAt);
        auto opened =
            ingestor.ingest(message(t, i, t.sellerFirst ? Direction::Out : Direction::In, t.askedAt));
        REQUIRE(opened);
        REQUIRE(opened->createdTicket);
        const qint64 id = opened->ticketId;
        ids << id;
        if (t.answerAfterSecs >= 0) {
            const QDateTime at = t.askedAt.addSecs(t.answerAfterSecs);
            clock.set(at);
            auto answered = ingestor.ingest(message(t, i, Direction::Out, at));
            REQUIRE(answered);
            REQUIRE(answered->ticketId == id);
        }
        REQUIRE(db.write([&](SQLite::Database& w) -> Result<void> {
            ticket_writes::setCategory(w, id, t.category);
            if (t.abusive) {
                SQLite::Statement st(w,
                                     "UPDATE customers SET abusive = 1 WHERE id = (SELECT customer_id FROM "
                                     "tickets WHERE id = ?)");
                st.bind(1, static_cast<int64_t>(id));
                st.exec();
            }
            return {};
        }));
        for (int e = 0; e < t.evidence; ++e) {
            const QString path = scratchDir + QStringLiteral("/evidence-%1-%2.txt").arg(i).arg(e);
            QFile f(path);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("photo %1 of ticket %2").arg(e).arg(i).toUtf8());
            f.close();
            REQUIRE(locker.add({id, path, {}, {}, QStringLiteral("file")}));
        }
        if (t.resolveAfterSecs >= 0) {
            clock.set(t.askedAt.addSecs(t.resolveAfterSecs));
            REQUIRE(actions.setStatus(id, TicketStatus::Resolved));
        } else {
            REQUIRE(db.write([&](SQLite::Database& w) -> Result<void> {
                ticket_writes::setStatus(w, id, t.finalStatus);
                return {};
            }));
        }
    }
    const QMap<QString, QStringList> cache = cachedProducts();
    REQUIRE(db.write([&](SQLite::Database& w) -> Result<void> {
        for (auto it = cache.begin(); it != cache.end(); ++it) {
            Order order;
            order.channel = Channel::Email;
            order.orderId = it.key();
            order.fetchedAt = now();
            for (const QString& product : it.value())
                order.items << OrderItem{product, {}, 1, 10000};
            if (it.key() == QStringLiteral("ORD-104")) // the same product on two lines counts once
                order.items << OrderItem{it.value().front(), QStringLiteral("2nd colour"), 1, 10000};
            order_cache::store(w, it.key(), order);
        }
        // An older fetch of ORD-1 by another market names another product: the newest one counts.
        Order older;
        older.channel = Channel::Coupang;
        older.orderId = QStringLiteral("ORD-1");
        older.fetchedAt = now().addDays(-20);
        older.items << OrderItem{QStringLiteral("Old listing name"), {}, 1, 1};
        order_cache::store(w, QStringLiteral("ORD-1"), older);
        return {};
    }));
    clock.set(now());
    return ids;
}

QList<int> openByAge(const QList<ReportFixtureTicket>& plan)
{
    const qint64 day = 24 * 3600;
    const QList<qint64> edges = {0, day, 3 * day, 7 * day, 14 * day, 30 * day};
    QList<int> backlog(edges.size());
    for (const ReportFixtureTicket& t : plan) {
        if (t.finalStatus != TicketStatus::New && t.finalStatus != TicketStatus::Open &&
            t.finalStatus != TicketStatus::Waiting)
            continue;
        const qint64 age = t.askedAt.secsTo(now());
        int b = 0;
        while (b + 1 < edges.size() && age >= edges[b + 1])
            ++b;
        ++backlog[b];
    }
    return backlog;
}

} // namespace casebook::test::report_fixture
