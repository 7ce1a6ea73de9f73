#pragma once

#include "compose/outbox.h"
#include "net/marketplace_http.h"
#include "store/database.h"
#include "store/ticket_queries.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <catch2/catch.hpp>

namespace casebook::test {

// tests/marketplace/fake_marketplace.py on a free loopback port: checks requests as Coupang and Naver do
// and records what was posted and every rule a client broke.
class FakeMarketplace {
public:
    // `script`: the fake to run (fake_marketplace.py for Coupang and Naver; fake_11st.py, …).
    explicit FakeMarketplace(const QJsonObject& config,
                             const QString& script = QStringLiteral(CASEBOOK_FAKE_MARKETPLACE))
    {
        REQUIRE(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("config.json"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(config).toJson());
        f.close();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("/usr/bin/python3"), {script, path});
        REQUIRE(m_process.waitForStarted());
        REQUIRE(m_process.waitForReadyRead(20000));
        const int port = m_process.readLine().trimmed().toInt();
        REQUIRE(port > 0);
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    }
    ~FakeMarketplace()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    QString baseUrl() const { return m_base; }

    QJsonObject control(const QString& what, const QJsonObject& arg = {})
    {
        HttpRequest req;
        req.method = "POST";
        req.url = QUrl(m_base + QStringLiteral("/_control/") + what);
        req.body = QJsonDocument(arg).toJson(QJsonDocument::Compact);
        const HttpReply r = httpExchange(req);
        REQUIRE(r.status == 200);
        return QJsonDocument::fromJson(r.body).object();
    }
    QJsonObject state() { return control(QStringLiteral("state")); }
    QStringList violations()
    {
        QStringList out;
        for (const QJsonValue& v : state().value(QStringLiteral("violations")).toArray())
            out << v.toString();
        return out;
    }
    QJsonArray posted() { return state().value(QStringLiteral("posted")).toArray(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_base;
};

// REQUIRE with the error's words in the report.
#define REQUIRE_OK(expr)                                                                                     \
    do {                                                                                                     \
        const auto& result_ = (expr);                                                                        \
        INFO((result_ ? std::string() : result_.error().message.toStdString()));                             \
        REQUIRE(result_.ok());                                                                               \
    } while (false)

// The ticket of the message with this external id ("coupang:online:1007").
inline qint64 ticketOfExternal(Database& db, const QString& externalId)
{
    auto t = ticket_queries::ticketOfExternalId(db.reader(), externalId);
    REQUIRE(t);
    return *t;
}

// The draft queued, claimed and sent through `transport` as the outbox worker would, and the outcome
// recorded.
inline SendOutcome sendThroughOutbox(Database& db, OutboxTransport& transport, const OutboxDraft& draft)
{
    Outbox outbox(db);
    auto id = outbox.enqueue(draft);
    REQUIRE(id);
    auto claimed = outbox.claimNext();
    REQUIRE(claimed);
    REQUIRE(claimed->has_value());
    const SendOutcome outcome = transport.send(**claimed);
    REQUIRE(outbox.complete((*claimed)->id, outcome));
    return outcome;
}

// "yyyy-MM-dd HH:mm:ss" in Korea time, `days` before now.
inline QString kstDaysAgo(int days, int hour = 10, int minute = 0)
{
    const QDateTime k = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(9 * 3600)).addDays(-days);
    return QDateTime(k.date(), QTime(hour, minute), QTimeZone(9 * 3600))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// "yyyy-MM-dd HH:mm:ss" in Korea time, `hours` before now.
inline QString kstHoursAgo(int hours)
{
    return QDateTime::currentDateTimeUtc()
        .addSecs(-hours * 3600)
        .toTimeZone(QTimeZone(9 * 3600))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace casebook::test
