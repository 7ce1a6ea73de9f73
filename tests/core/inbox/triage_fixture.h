#pragma once

#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::test {

// A store with an ingestor for building tickets message by message, and a dump of everything triage may
// touch, so a test can compare the store before an action and after its undo.
struct TriageStore {
    TempStore store;
    Ingestor ingestor{*store.db, IngestOptions{{QStringLiteral("help@shop.example")}}};
    int serial = 0;

    qint64 add(const QString& from, const QString& subject, const QString& text,
               const QStringList& orders = {}, Channel channel = Channel::Email)
    {
        InboundMessage m;
        m.channel = channel;
        m.raw = QStringLiteral("%1|%2|%3|%4").arg(from, subject, text).arg(++serial).toUtf8();
        m.externalId = QStringLiteral("m%1@test").arg(serial);
        m.fromAddress = from;
        m.fromName = from.section(QLatin1Char('@'), 0, 0);
        m.to = {QStringLiteral("help@shop.example")};
        m.subject = subject;
        m.text = text;
        m.orderNumbers = orders;
        m.date = store.clock.now().addSecs(serial * 60);
        if (channel != Channel::Email)
            m.customer = Identity{toString(channel), from};
        auto r = ingestor.ingest(m);
        REQUIRE(r);
        return r->ticketId;
    }

    SQLite::Database& r() { return store.db->reader(); }

    QList<qint64> messageIds(qint64 ticketId)
    {
        QList<qint64> ids;
        for (const MessageRecord& m : ticket_queries::messagesOfTicket(r(), ticketId))
            ids << m.id;
        return ids;
    }

    QString rows(const char* sqlText)
    {
        SQLite::Statement st(r(), sqlText);
        QString out;
        while (st.executeStep()) {
            for (int i = 0; i < st.getColumnCount(); ++i)
                out += QString::fromStdString(st.getColumn(i).getString()) + QLatin1Char('|');
            out += QLatin1Char('\n');
        }
        return out;
    }

    // Every ticket, message placement, order number, evidence row and customer flag.
    QString dump()
    {
        return rows("SELECT * FROM tickets ORDER BY id") +
               rows("SELECT id, ticket_id FROM messages ORDER BY id") +
               rows("SELECT * FROM ticket_orders ORDER BY ticket_id, order_number") +
               rows("SELECT id, ticket_id FROM evidence ORDER BY id") +
               rows("SELECT id, abusive, vip FROM customers ORDER BY id");
    }

    bool ftsIntact()
    {
        // Checks the index against the messages it was built from (no message here is quarantined).
        return store.db
            ->write([](SQLite::Database& db) -> Result<void> {
                db.exec("INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 1)");
                return {};
            })
            .ok();
    }

    int count(TicketView view)
    {
        TicketFilter f;
        f.view = view;
        f.now = store.clock.now();
        return ticket_queries::countInView(r(), f);
    }
};

} // namespace casebook::test
