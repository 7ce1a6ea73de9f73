#include "cli/cli_runner.h"
#include "mail/mime_parser.h"
#include "support/test_support.h"
#include "test_servers.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace casebook::test;

namespace {

const QByteArray kCanary = "canary-Cli-5d8e0b";

QByteArray inquiry(int n)
{
    return "From: kim" + QByteArray::number(n) +
           "@example.test\r\nTo: seller@example.test\r\n"
           "Subject: =?utf-8?B?" +
           QStringLiteral("환불 문의 %1").arg(n).toUtf8().toBase64() +
           "?=\r\n"
           "Message-ID: <cli" +
           QByteArray::number(n) +
           "@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0900\r\n"
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
           QStringLiteral("환불해 주세요 %1").arg(n).toUtf8() + "\r\n";
}

QJsonDocument lastJson(const Run& r)
{
    INFO(r.out.toStdString() << r.err.toStdString());
    REQUIRE(r.code == 0);
    return QJsonDocument::fromJson(r.out.trimmed().split(QLatin1Char('\n')).last().toUtf8());
}

// Runs the CLI with `input` on stdin.
Run cliWithInput(const QStringList& args, const QProcessEnvironment& env, const QByteArray& input)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASEBOOK_CLI), args);
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST_CASE("CLI: email account, sync, reply --send, outbox - the password appears nowhere", "[cli][net]")
{
    if (const QString missing = dovecotMissing() + aiosmtpdMissing(); !missing.isEmpty()) {
        WARN("skipped: " << missing.toStdString());
        return;
    }
    Dovecot imap(QString::fromLatin1(kCanary));
    imap.deliver(inquiry(1));
    imap.deliver(inquiry(2));
    REQUIRE(imap.start());
    SmtpServer smtp({false, QStringLiteral("seller@example.test"), QString::fromLatin1(kCanary)});
    REQUIRE(smtp.start());

    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain here
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    const QString db = home.filePath(QStringLiteral("casebook.sqlite"));
    const QString pwFile = home.filePath(QStringLiteral("pw"));
    {
        QFile f(pwFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(kCanary + "\n");
    }
    QString everything; // every word the CLI printed, for the canary check
    auto run = [&](const QStringList& args) {
        Run r = cli(QStringList{QStringLiteral("--db"), db} + args, env);
        everything += r.out + r.err;
        return r;
    };

    const QStringList common{QStringLiteral("--address"), QStringLiteral("seller@example.test"),
                             QStringLiteral("--imap"),    QStringLiteral("127.0.0.1:%1").arg(imap.port()),
                             QStringLiteral("--smtp"),    QStringLiteral("127.0.0.1:%1").arg(smtp.port()),
                             QStringLiteral("--tls"),     QStringLiteral("none")};
    Run added = run(
        QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("email"),
                    QStringLiteral("shop")} +
        common + QStringList{QStringLiteral("--password-command"), QStringLiteral("cat '%1'").arg(pwFile)});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);

    // No keychain and no command: said clearly, and nothing stored.
    Run noKeychain =
        cliWithInput(QStringList{QStringLiteral("--db"), db, QStringLiteral("account"), QStringLiteral("add"),
                                 QStringLiteral("email"), QStringLiteral("other")} +
                         common,
                     env, kCanary + "\n");
    everything += noKeychain.out + noKeychain.err;
    CHECK(noKeychain.code == 1);
    CHECK(noKeychain.err.contains(QStringLiteral("--password-command")));

    // Remote host without TLS is refused at once.
    Run remote =
        run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("email"), QStringLiteral("far"),
             QStringLiteral("--address"), QStringLiteral("a@b.test"), QStringLiteral("--imap"),
             QStringLiteral("imap.example.com:143"), QStringLiteral("--smtp"),
             QStringLiteral("smtp.example.com:25"), QStringLiteral("--tls"), QStringLiteral("none"),
             QStringLiteral("--password-command"), QStringLiteral("true")});
    CHECK(remote.code != 0);
    CHECK(remote.err.contains(QStringLiteral("without TLS")));

    Run coupang = run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("coupang"),
                       QStringLiteral("market"), QStringLiteral("--vendor-id"), QStringLiteral("A0001"),
                       QStringLiteral("--access-key"), QStringLiteral("ak"), QStringLiteral("--wing-user"),
                       QStringLiteral("wing"), QStringLiteral("--secret-command"),
                       QStringLiteral("cat '%1'").arg(pwFile)});
    REQUIRE(coupang.code == 0);
    const QJsonArray accounts =
        lastJson(run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")})).array();
    REQUIRE(accounts.size() == 2);
    QStringList coupangKeys = accounts.at(0).toObject().value(QStringLiteral("settings")).toObject().keys();
    if (accounts.at(0).toObject().value(QStringLiteral("kind")) != QStringLiteral("coupang"))
        coupangKeys = accounts.at(1).toObject().value(QStringLiteral("settings")).toObject().keys();
    CHECK(coupangKeys == QStringList{QStringLiteral("access_key"), QStringLiteral("secret_command"),
                                     QStringLiteral("vendor_id"), QStringLiteral("wing_user")});

    const QJsonObject first =
        lastJson(run({QStringLiteral("sync"), QStringLiteral("shop"), QStringLiteral("--json")})).object();
    CHECK(first.value(QStringLiteral("fetched")).toInt() == 2);
    CHECK(first.value(QStringLiteral("imported")).toInt() == 2);
    CHECK(first.value(QStringLiteral("duplicates")).toInt() == 0);
    CHECK(first.value(QStringLiteral("quarantined")).toInt() == 0);
    const QJsonObject again =
        lastJson(run({QStringLiteral("sync"), QStringLiteral("shop"), QStringLiteral("--json")})).object();
    CHECK(again.value(QStringLiteral("fetched")).toInt() == 0);

    const QJsonArray tickets = lastJson(run({QStringLiteral("tickets"), QStringLiteral("--json")})).array();
    REQUIRE(tickets.size() == 2);
    const QString number = QString::number(tickets.at(0).toObject().value(QStringLiteral("number")).toInt());
    const QString replyFile = home.filePath(QStringLiteral("reply.txt"));
    {
        QFile f(replyFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("환불은 오늘 처리했습니다.\n").toUtf8());
    }
    // Two files go with the reply: bytes of every value (no text conversion may touch them), and a
    // Korean file name.
    QByteArray binary;
    for (int i = 0; i < 3000; ++i)
        binary += static_cast<char>((i * 7 + i / 256) & 0xff);
    const QByteArray receipt = QStringLiteral("영수증: 29,000원\r\n.\r\n끝\n").toUtf8();
    const QString binaryFile = home.filePath(QStringLiteral("label.bin"));
    const QString receiptFile = home.filePath(QStringLiteral("영수증.txt"));
    for (const auto& [path, bytes] : {std::pair{binaryFile, binary}, std::pair{receiptFile, receipt}}) {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    Run missingFile = run({QStringLiteral("reply"), number, QStringLiteral("--text-file"), replyFile,
                           QStringLiteral("--attach"), home.filePath(QStringLiteral("nope.pdf"))});
    CHECK(missingFile.code != 0);
    CHECK(missingFile.err.contains(QStringLiteral("nope.pdf")));
    Run sent = run({QStringLiteral("reply"), number, QStringLiteral("--text-file"), replyFile,
                    QStringLiteral("--attach"), binaryFile, QStringLiteral("--attach"), receiptFile,
                    QStringLiteral("--send")});
    INFO(sent.out.toStdString() << sent.err.toStdString());
    REQUIRE(sent.code == 0);
    REQUIRE(smtp.received().size() == 1);
    auto parsed = casebook::parseMessage(smtp.received().first());
    REQUIRE(parsed);
    REQUIRE(parsed->attachments.size() == 2);
    CHECK(parsed->attachments.at(0).filename == QStringLiteral("label.bin"));
    CHECK(parsed->attachments.at(0).data == binary);
    CHECK(parsed->attachments.at(1).filename == QStringLiteral("영수증.txt"));
    CHECK(parsed->attachments.at(1).data == receipt);
    CHECK(parsed->inReplyTo.startsWith(QStringLiteral("cli")));
    CHECK(parsed->text.contains(QStringLiteral("환불은 오늘 처리했습니다.")));
    CHECK(parsed->subject.contains(QStringLiteral("[#%1]").arg(number)));

    // A refused send stays in the outbox, and `outbox` says why.
    smtp.setRefuse(true);
    Run refused = run({QStringLiteral("reply"), number, QStringLiteral("--text-file"), replyFile,
                       QStringLiteral("--send")});
    CHECK(refused.code == 1);
    const QJsonArray outbox = lastJson(run({QStringLiteral("outbox"), QStringLiteral("--json")})).array();
    REQUIRE(outbox.size() == 2);
    QStringList states;
    for (const QJsonValue& v : outbox)
        states << v.toObject().value(QStringLiteral("state")).toString();
    states.sort();
    CHECK(states == QStringList{QStringLiteral("queued"), QStringLiteral("sent")});
    Run listing = run({QStringLiteral("outbox")});
    CHECK(listing.out.contains(QStringLiteral("451")));

    CHECK(run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("market")}).code == 0);

    // The canary: not in the database, its WAL, any settings file, or anything printed.
    QStringList checked;
    for (const QString& root : {home.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path == pwFile)
                continue;
            checked << QFileInfo(path).fileName();
            INFO(path.toStdString());
            CHECK_FALSE(readFile(path).contains(kCanary));
        }
    }
    CHECK(checked.contains(QStringLiteral("casebook.sqlite")));
    CHECK_FALSE(everything.toUtf8().contains(kCanary));
    CHECK_FALSE(imap.log().toUtf8().contains(kCanary));
}

// Run inside a private, unlocked Secret Service (the cli.keychain test in CMakeLists.txt starts one).
TEST_CASE(
    "CLI with a keychain: the password goes to the keychain, is used by sync, and leaves with the account",
    "[.keychain]")
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") || !dovecotMissing().isEmpty()) {
        WARN("skipped: needs a session bus with a Secret Service, and dovecot");
        return;
    }
    Dovecot imap(QString::fromLatin1(kCanary));
    imap.deliver(inquiry(1));
    REQUIRE(imap.start());
    QTemporaryDir home;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString db = home.filePath(QStringLiteral("casebook.sqlite"));
    const QString name = QStringLiteral("kc%1").arg(QCoreApplication::applicationPid());
    Run added = cliWithInput({QStringLiteral("--db"), db, QStringLiteral("account"), QStringLiteral("add"),
                              QStringLiteral("email"), name, QStringLiteral("--address"),
                              QStringLiteral("seller@example.test"), QStringLiteral("--imap"),
                              QStringLiteral("127.0.0.1:%1").arg(imap.port()), QStringLiteral("--smtp"),
                              QStringLiteral("127.0.0.1:1"), QStringLiteral("--tls"), QStringLiteral("none")},
                             env, kCanary + "\n");
    INFO(added.out.toStdString() << added.err.toStdString());
    REQUIRE(added.code == 0);
    CHECK(added.out.contains(QStringLiteral("keychain")));
    CHECK_FALSE(readFile(db).contains(kCanary));
    auto stored = [&] {
        QProcess lookup; // QtKeychain's libsecret items carry "user" (the account) and "server" (the service)
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--unlock"),
                      QStringLiteral("user"), name});
        lookup.waitForFinished(10000);
        return lookup.readAllStandardOutput() + lookup.readAllStandardError();
    };
    CHECK(stored().contains(kCanary));
    const QJsonObject synced =
        lastJson(
            cli({QStringLiteral("--db"), db, QStringLiteral("sync"), name, QStringLiteral("--json")}, env))
            .object();
    CHECK(synced.value(QStringLiteral("imported")).toInt() == 1);
    REQUIRE(cli({QStringLiteral("--db"), db, QStringLiteral("account"), QStringLiteral("remove"), name}, env)
                .code == 0);
    CHECK_FALSE(stored().contains(kCanary));
}
