// Amazon buyer-seller messages from the command line: imported as mail, listed as channel amazon, answered
// by email to the relay address through the one reply path.
#include "cli/cli_runner.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace casebook::test;

namespace {

QString mail(const char* name)
{
    return testData(QStringLiteral("mail/") + QLatin1String(name));
}

} // namespace

TEST_CASE("CLI: Amazon relay mail is channel amazon and its reply goes to the relay", "[cli][amazon]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("a.sqlite"));
    const auto run = [&](const QStringList& args) { return cli(QStringList{QStringLiteral("--db"), db} + args); };
    const Run imported = run({QStringLiteral("import"), QStringLiteral("eml"), mail("amazon-inquiry-en.eml"),
                              mail("amazon-followup-en.eml"), mail("amazon-inquiry-ko.eml"), mail("utf8-base64.eml"),
                              QStringLiteral("--own"), QStringLiteral("help@dalbit-shop.example")});
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);

    const auto tickets = [&](const QString& channel) {
        const Run r = run({QStringLiteral("tickets"), QStringLiteral("--channel"), channel, QStringLiteral("--json")});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    };
    const QJsonArray amazon = tickets(QStringLiteral("amazon"));
    REQUIRE(amazon.size() == 2); // the English question and its follow-up are one ticket
    CHECK(tickets(QStringLiteral("email")).size() == 1);
    int number = 0;
    for (const QJsonValue& t : amazon)
        if (t[QStringLiteral("orders")].toArray().contains(QStringLiteral("114-3941689-8772232")))
            number = t[QStringLiteral("number")].toInt();
    REQUIRE(number > 0);

    // The email account that receives the relay answers it: no Amazon account exists.
    const QString text = dir.filePath(QStringLiteral("reply.txt"));
    {
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Hello Jane, thank you for your patience. We have asked the carrier about your parcel.\n");
    }
    const Run added = run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("email"),
                           QStringLiteral("shop-mail"), QStringLiteral("--address"),
                           QStringLiteral("help@dalbit-shop.example"), QStringLiteral("--imap"),
                           QStringLiteral("127.0.0.1:1"), QStringLiteral("--smtp"), QStringLiteral("127.0.0.1:1"),
                           QStringLiteral("--tls"), QStringLiteral("none"), QStringLiteral("--password-command"),
                           QStringLiteral("echo pw")});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    const Run replied =
        run({QStringLiteral("reply"), QString::number(number), QStringLiteral("--text-file"), text});
    INFO(replied.out.toStdString() << replied.err.toStdString());
    REQUIRE(replied.code == 0);

    const Run outbox = run({QStringLiteral("outbox"), QStringLiteral("--json")});
    REQUIRE(outbox.code == 0);
    const QJsonArray items = QJsonDocument::fromJson(outbox.out.toUtf8()).array();
    REQUIRE(items.size() == 1);
    const QJsonObject item = items.first().toObject();
    CHECK(item[QStringLiteral("ticket")].toInt() == number);
    CHECK(item[QStringLiteral("channel")].toString() == QStringLiteral("amazon"));
    CHECK(item[QStringLiteral("to")].toArray() == QJsonArray{QStringLiteral("7kx2mq9d4lpz3wh@marketplace.amazon.com")});
    CHECK(item[QStringLiteral("subject")].toString().contains(QStringLiteral("114-3941689-8772232")));
}
