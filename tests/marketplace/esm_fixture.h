#pragma once

#include "accounts/account_store.h"
#include "connectors/esm_connector.h"
#include "fake_marketplace.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

namespace casebook::test {

inline const QString kEsmMaster = QStringLiteral("shopmaster");
inline const QString kEsmSecret = QStringLiteral("BtqV-esm-secret-key==");
inline const QString kEsmGmarketId = QStringLiteral("gshop");
inline const QString kEsmAuctionId = QStringLiteral("ashop");

// "yyyy-MM-ddTHH:mm:ss+09:00", `days` ago at 10:00 Korea time: how ESM writes a receipt time.
inline QString esmTime(int days, int hour = 10)
{
    return kstDaysAgo(days, hour).replace(QLatin1Char(' '), QLatin1Char('T')) + QStringLiteral("+09:00");
}

// Q&A: G마켓 7001 (two days ago), 7002 (already answered at ESM, with its answer), 7003 (twelve days ago:
// another window); 옥션 board 8001 and 쪽지 8002 (yesterday). Urgent notices: G마켓 9001 yesterday 12:30,
// to be answered the same day; 옥션 9501 (no token: Auction notices have none), already answered.
inline QJsonObject esmConfig()
{
    auto qna = [](const char* site, int qnaType, int no, int days, bool answered) {
        QJsonObject q{{"site", site},
                      {"qnaType", qnaType},
                      {"messageNo", QString::number(no)},
                      {"token", QStringLiteral("tok-%1").arg(no)},
                      {"QnaType", qnaType},
                      {"SellerId", QString::fromLatin1(site) == QLatin1String("G") ? kEsmGmarketId : kEsmAuctionId},
                      {"contractType", QStringLiteral("배송")},
                      {"informStatus", answered ? QStringLiteral("처리완료") : QStringLiteral("미처리")},
                      {"ReAsking", false},
                      {"receiveDate", esmTime(days)},
                      {"title", QStringLiteral("배송 문의 %1").arg(no)},
                      {"details", QStringLiteral("언제 도착하나요? %1").arg(no)},
                      {"siteGoodsNo", "2445678901"},
                      {"orderNo", QStringLiteral("40012%1").arg(no)},
                      {"inquirerName", QStringLiteral("박*희")}};
        if (answered)
            q.insert("answerComments", QStringLiteral("내일 도착합니다."));
        return q;
    };
    const QJsonArray qnas{qna("G", 3, 7001, 2, false), qna("G", 3, 7002, 2, true), qna("G", 3, 7003, 12, false),
                          qna("A", 1, 8001, 1, false), qna("A", 2, 8002, 1, false)};
    auto notice = [](const char* site, int no, bool answered, bool token) {
        QJsonObject n{{"site", site},
                      {"emerMessageNo", QString::number(no)},
                      {"informStatus", answered ? QStringLiteral("처리완료") : QStringLiteral("미처리")},
                      {"contactType", QStringLiteral("배송지연")},
                      {"receiveDate", esmTime(1, 12).replace(QStringLiteral("12:00:00"), QStringLiteral("12:30:30"))},
                      {"replyLimitDate", kstDaysAgo(1).left(10)}, // the same day: before 24 hours pass
                      {"title", QStringLiteral("배송 지연 확인 요청 %1").arg(no)},
                      {"details", QStringLiteral("고객이 배송 지연을 문의했습니다. %1").arg(no)},
                      {"siteGoodsNo", "2445678901"},
                      {"orderNo", QStringLiteral("40099%1").arg(no)}};
        if (token)
            n.insert("token", QStringLiteral("etok-%1").arg(no));
        return n;
    };
    const QJsonArray notices{notice("G", 9001, false, true), notice("A", 9501, true, false)};
    return {{"esm", QJsonObject{{"master_id", kEsmMaster},
                                {"secret_key", kEsmSecret},
                                {"gmarket_id", kEsmGmarketId},
                                {"auction_id", kEsmAuctionId},
                                {"qnas", qnas},
                                {"notices", notices}}}};
}

// An ESM account of both sites in a store of its own, against fake_esm.py.
struct EsmShop {
    TempStore store;
    FakeMarketplace server;
    Account account;

    explicit EsmShop(const QJsonObject& config = esmConfig()) : server(config, QStringLiteral(CASEBOOK_FAKE_ESM))
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        account.name = QStringLiteral("esmshop");
        account.kind = AccountKind::Esm;
        account.settings = {{"base_url", server.baseUrl()},
                            {"horizon_days", 20},
                            {"master_id", kEsmMaster},
                            {"gmarket_id", kEsmGmarketId},
                            {"auction_id", kEsmAuctionId},
                            // What the window's connector reads (connectorFor); tests' own connectors take it directly.
                            {"secret_command", QStringLiteral("printf %1").arg(kEsmSecret)}};
        auto id = AccountStore(*store.db).add(account);
        REQUIRE(id);
        account.id = id.value();
    }
    EsmConnector connector(const QString& secret = kEsmSecret)
    {
        return EsmConnector(account, *store.db, secret, HttpPacing{20, 150, 3, 500});
    }
    qint64 ticketOf(const QString& externalId) { return ticketOfExternal(*store.db, externalId); }
    SendOutcome sendDraft(EsmConnector& c, const OutboxDraft& d) { return sendThroughOutbox(*store.db, c, d); }
    QJsonArray requests() { return server.state().value(QStringLiteral("requests")).toArray(); }
    QDateTime dueOf(qint64 ticket)
    {
        const auto t = ticket_queries::ticketsByIds(store.db->reader(), {ticket});
        REQUIRE(t.size() == 1);
        return t.first().dueAt;
    }
};

} // namespace casebook::test
