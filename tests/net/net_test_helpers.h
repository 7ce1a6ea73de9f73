#pragma once

#include "accounts/account_store.h"
#include "accounts/secret_store.h"
#include "connectors/email_connector.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "test_servers.h"

#include <QJsonArray>
#include <SQLiteCpp/Statement.h>

namespace casebook::test {

inline QByteArray inquiry(int n, const QString& text = {})
{
    const QString body =
        text.isEmpty() ? QStringLiteral("주문 %1번 배송이 아직 안 왔어요. 확인 부탁드립니다.").arg(n) : text;
    return "From: =?utf-8?B?" + QStringLiteral("김고객").toUtf8().toBase64() + "?= <kim" +
           QByteArray::number(n) +
           "@example.test>\r\n"
           "To: seller@example.test\r\n"
           "Subject: =?utf-8?B?" +
           QStringLiteral("배송 문의 %1").arg(n).toUtf8().toBase64() +
           "?=\r\n"
           "Message-ID: <inq" +
           QByteArray::number(n) +
           "@example.test>\r\n"
           "Date: Mon, 2 Mar 2026 10:00:00 +0900\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
           "base64\r\n\r\n" +
           body.toUtf8().toBase64() + "\r\n";
}

inline Account emailAccount(quint16 imapPort, quint16 smtpPort, const QString& tls = QStringLiteral("none"))
{
    Account a;
    a.name = QStringLiteral("shop");
    a.kind = AccountKind::Email;
    a.settings = QJsonObject{{QStringLiteral("address"), QStringLiteral("seller@example.test")},
                             {QStringLiteral("display_name"), QStringLiteral("행복상점")},
                             {QStringLiteral("signature"), QStringLiteral("행복상점 고객센터")},
                             {QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")},
                             {QStringLiteral("imap_port"), imapPort},
                             {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                             {QStringLiteral("smtp_port"), smtpPort},
                             {QStringLiteral("user"), QStringLiteral("seller@example.test")},
                             {QStringLiteral("tls"), tls}};
    return a;
}

inline std::unique_ptr<EmailConnector> connector(Database& db, Account a, const QString& secret)
{
    AccountStore store(db);
    auto id = store.add(a);
    if (!id) {
        REQUIRE(store.updateSettings(a.name, a.settings));
        a.id = store.byName(a.name)->id;
    } else {
        a.id = *id;
    }
    auto settings = EmailSettings::from(a);
    REQUIRE(settings);
    auto c = std::make_unique<EmailConnector>(a, *settings, db, secret);
    c->setReconnects(3, 20);
    return c;
}

inline int count(Database& db, const char* sql)
{
    SQLite::Statement st(db.reader(), sql);
    st.executeStep();
    return st.getColumn(0).getInt();
}

} // namespace casebook::test
