#include "cli/cli_runner.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using casebook::test::cli;
using casebook::test::Run;

namespace {

QJsonObject json(const Run& r)
{
    INFO(r.out.toStdString() << r.err.toStdString());
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.trimmed().toUtf8(), &err);
    REQUIRE(err.error == QJsonParseError::NoError);
    return doc.object();
}

// A store with three tickets, one of them holding a message and its reply; returns its path.
struct TriageDb {
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("c.sqlite"));
    QStringList run(const QStringList& args) { return QStringList{QStringLiteral("--db"), db} + args; }

    TriageDb()
    {
        const QStringList mails{
            QStringLiteral(
                "From: kim@x.example\nTo: help@shop.example\nSubject: 환불 문의\nDate: Mon, 02 Mar 2026 "
                "09:00:00 +0900\nMessage-ID: <a1@x>\nContent-Type: text/plain; charset=UTF-8\n\n"
                "환불 부탁드립니다\n"),
            QStringLiteral(
                "From: kim@x.example\nTo: help@shop.example\nSubject: Re: 환불 문의\nDate: Mon, 02 Mar "
                "2026 10:00:00 +0900\nMessage-ID: <a2@x>\nIn-Reply-To: <a1@x>\nContent-Type: text/plain; "
                "charset=UTF-8\n\n그리고 접시 하나가 누락됐어요. 세트에 한 개가 없어요\n"),
            QStringLiteral(
                "From: lee@x.example\nTo: help@shop.example\nSubject: Where is my parcel\nDate: Tue, 03 "
                "Mar 2026 09:00:00 +0900\nMessage-ID: <b1@x>\n\nStill waiting for delivery\n")};
        QStringList files;
        for (int i = 0; i < mails.size(); ++i) {
            const QString path = dir.filePath(QStringLiteral("m%1.eml").arg(i));
            QFile f(path);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(mails[i].toUtf8());
            files << path;
        }
        const Run r = cli(run(QStringList{QStringLiteral("import"), QStringLiteral("eml")} + files));
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
    }

    QJsonArray tickets()
    {
        const Run r = cli(run({QStringLiteral("tickets"), QStringLiteral("--json")}));
        REQUIRE(r.code == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QJsonObject bySubject(const QString& subject)
    {
        for (const QJsonValue& v : tickets())
            if (v.toObject().value(QStringLiteral("subject")).toString() == subject)
                return v.toObject();
        FAIL("no ticket with subject " << subject.toStdString());
        return {};
    }
};

} // namespace

TEST_CASE("ticket sets status, priority, category, order, snooze and flags, and answers in JSON",
          "[cli][triage]")
{
    TriageDb t;
    const QString number =
        QString::number(t.bySubject(QStringLiteral("환불 문의")).value(QStringLiteral("number")).toInt());
    // The category was suggested at import.
    Run r = cli(t.run({QStringLiteral("ticket"), number}));
    CHECK(json(r).value(QStringLiteral("category")).toString() == QStringLiteral("refund"));

    r = cli(
        t.run({QStringLiteral("ticket"), number, QStringLiteral("--status"), QStringLiteral("waiting"),
               QStringLiteral("--priority"), QStringLiteral("2"), QStringLiteral("--category"),
               QStringLiteral("missing_item"), QStringLiteral("--add-order"), QStringLiteral("2026030212345"),
               QStringLiteral("--snooze"), QStringLiteral("2026-03-20T09:00:00+09:00"),
               QStringLiteral("--flag"), QStringLiteral("vip")}));
    REQUIRE(r.code == 0);
    QJsonObject o = json(r);
    CHECK(o.value(QStringLiteral("status")).toString() == QStringLiteral("waiting"));
    CHECK(o.value(QStringLiteral("priority")).toInt() == 2);
    CHECK(o.value(QStringLiteral("category")).toString() == QStringLiteral("missing_item"));
    CHECK(o.value(QStringLiteral("orders")).toArray().contains(QStringLiteral("2026030212345")));
    CHECK(o.value(QStringLiteral("snoozed_until")).toString() == QStringLiteral("2026-03-20T00:00:00Z"));
    CHECK(o.value(QStringLiteral("customer_flags")).toArray() == QJsonArray{QStringLiteral("vip")});
    CHECK(o.value(QStringLiteral("changed")).toArray().size() == 6);

    // A bad value is a usage error: nothing changes (not even the good values beside it) and stdout stays
    // empty, so a script reading the JSON never reads a ticket that was not changed.
    r = cli(t.run({QStringLiteral("ticket"), number, QStringLiteral("--priority"), QStringLiteral("0"),
                   QStringLiteral("--status"), QStringLiteral("closed")}));
    CHECK(r.code == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err.contains(QStringLiteral("not a status")));
    r = cli(t.run({QStringLiteral("ticket"), number, QStringLiteral("--snooze"), QStringLiteral("someday")}));
    CHECK(r.code == 2);
    CHECK(r.out.isEmpty());
    CHECK(json(cli(t.run({QStringLiteral("ticket"), number}))).value(QStringLiteral("priority")).toInt() ==
          2);
    r = cli(t.run({QStringLiteral("ticket"), QStringLiteral("9999"), QStringLiteral("--status"),
                   QStringLiteral("open")}));
    CHECK(r.code == 3);
    CHECK(r.out.isEmpty());
    CHECK(r.err.contains(QStringLiteral("no ticket #9999")));

    // Undo walks back the six changes, the last first.
    r = cli(t.run({QStringLiteral("undo")}));
    REQUIRE(r.code == 0);
    CHECK(json(r).value(QStringLiteral("undone")).toString() == QStringLiteral("customer_flag"));
    for (int i = 0; i < 5; ++i)
        REQUIRE(cli(t.run({QStringLiteral("undo")})).code == 0);
    o = json(cli(t.run({QStringLiteral("ticket"), number})));
    CHECK(o.value(QStringLiteral("status")).toString() == QStringLiteral("new"));
    CHECK(o.value(QStringLiteral("priority")).toInt() == 0);
    CHECK(o.value(QStringLiteral("category")).toString() == QStringLiteral("refund"));
    CHECK(o.value(QStringLiteral("orders")).toArray().isEmpty());
    CHECK(o.value(QStringLiteral("snoozed_until")).isNull());
    CHECK(o.value(QStringLiteral("customer_flags")).toArray().isEmpty());
    r = cli(t.run({QStringLiteral("undo")}));
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("nothing to undo")));

    // The seller's own summary of the case: set, shown, and undone like any other change.
    const QString summary = QStringLiteral("출고 전 포장 영상에 구성품 3개 모두 확인됨");
    r = cli(t.run({QStringLiteral("ticket"), number, QStringLiteral("--summary"), summary}));
    REQUIRE(r.code == 0);
    CHECK(json(r).value(QStringLiteral("summary")).toString() == summary);
    r = cli(t.run({QStringLiteral("show"), number}));
    CHECK(r.out.contains(QStringLiteral("Summary: ") + summary));
    REQUIRE(cli(t.run({QStringLiteral("undo")})).code == 0);
    CHECK(json(cli(t.run({QStringLiteral("ticket"), number})))
              .value(QStringLiteral("summary"))
              .toString()
              .isEmpty());
}

TEST_CASE("merge and split move messages, and undo restores the tickets", "[cli][triage]")
{
    TriageDb t;
    const QJsonArray before = t.tickets();
    const QJsonObject refund = t.bySubject(QStringLiteral("환불 문의"));
    const QJsonObject parcel = t.bySubject(QStringLiteral("Where is my parcel"));
    const QString a = QString::number(refund.value(QStringLiteral("number")).toInt());
    const QString b = QString::number(parcel.value(QStringLiteral("number")).toInt());

    Run r = cli(t.run({QStringLiteral("merge"), a, b}));
    REQUIRE(r.code == 0);
    CHECK(json(r).value(QStringLiteral("into")).toObject().value(QStringLiteral("messages")).toInt() == 3);
    CHECK(cli(t.run({QStringLiteral("merge"), a, b})).code == 1); // b is merged already
    r = cli(t.run({QStringLiteral("undo")}));
    REQUIRE(r.code == 0);
    CHECK(json(r).value(QStringLiteral("undone")).toString() == QStringLiteral("merge"));
    CHECK(t.tickets() == before);

    QString reply;
    for (const QJsonValue& m : refund.value(QStringLiteral("messages")).toArray())
        if (m.toObject().value(QStringLiteral("message_id")).toString() == QStringLiteral("a2@x"))
            reply = m.toObject().value(QStringLiteral("sha256")).toString();
    REQUIRE_FALSE(reply.isEmpty());
    r = cli(t.run({QStringLiteral("split"), a, QStringLiteral("--message"), reply}));
    REQUIRE(r.code == 0);
    const QJsonObject split = json(r);
    CHECK(split.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("messages")).toInt() == 1);
    CHECK(split.value(QStringLiteral("new_ticket")).toObject().value(QStringLiteral("messages")).toInt() ==
          1);
    CHECK(split.value(QStringLiteral("new_ticket")).toObject().value(QStringLiteral("category")).toString() ==
          QStringLiteral("missing_item"));
    CHECK(t.tickets().size() == before.size() + 1);
    r = cli(t.run({QStringLiteral("split"), a, QStringLiteral("--message"), QStringLiteral("00ff")}));
    CHECK(r.code == 3);
    REQUIRE(cli(t.run({QStringLiteral("undo")})).code == 0);
    CHECK(t.tickets() == before);
}

TEST_CASE("tickets filters by status, category, channel and due time, sorts, limits, and shows due",
          "[cli][triage][tickets]")
{
    TriageDb t;
    const QJsonArray all = t.tickets();
    REQUIRE(all.size() == 2);
    // The JSON carries what triage needs; every ticket here owes an answer since March.
    for (const QJsonValue& v : all) {
        const QJsonObject o = v.toObject();
        CHECK(o.value(QStringLiteral("priority")).toInt() == 0);
        CHECK(QDateTime::fromString(o.value(QStringLiteral("due_at")).toString(), Qt::ISODate).isValid());
        CHECK(o.value(QStringLiteral("due_at")).toString().endsWith(QLatin1Char('Z')));
    }
    const QJsonObject refund = t.bySubject(QStringLiteral("환불 문의"));
    const QJsonObject parcel = t.bySubject(QStringLiteral("Where is my parcel"));
    CHECK(refund.value(QStringLiteral("category")).toString() == QStringLiteral("refund"));
    // Due first: the refund was written a day before the parcel question.
    CHECK(all[0].toObject().value(QStringLiteral("number")) == refund.value(QStringLiteral("number")));
    const QString a = QString::number(refund.value(QStringLiteral("number")).toInt());
    const QString b = QString::number(parcel.value(QStringLiteral("number")).toInt());

    auto numbers = [&](const QStringList& options) {
        const Run r = cli(t.run(QStringList{QStringLiteral("tickets"), QStringLiteral("--json")} + options));
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        QStringList out;
        for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            out << QString::number(v.toObject().value(QStringLiteral("number")).toInt());
        return out;
    };
    CHECK(numbers({QStringLiteral("--sort"), QStringLiteral("activity")}) == QStringList{b, a});
    CHECK(numbers({QStringLiteral("--sort"), QStringLiteral("number")}) == QStringList{a, b});
    CHECK(numbers({QStringLiteral("--limit"), QStringLiteral("1")}) == QStringList{a});
    CHECK(numbers({QStringLiteral("--category"), QStringLiteral("refund")}) == QStringList{a});
    CHECK(numbers({QStringLiteral("--channel"), QStringLiteral("coupang")}).isEmpty());
    CHECK(numbers({QStringLiteral("--channel"), QStringLiteral("email")}).size() == 2);
    // The refund's answer was due a day after 2026-03-02 10:00 KST; the parcel's a day after 03-03 09:00.
    CHECK(numbers({QStringLiteral("--due-before"), QStringLiteral("2026-03-03T12:00:00+09:00")}) ==
          QStringList{a});
    CHECK(numbers({QStringLiteral("--due-before"), QStringLiteral("2026-03-01")}).isEmpty());

    REQUIRE(cli(t.run({QStringLiteral("ticket"), b, QStringLiteral("--status"), QStringLiteral("spam")})).code ==
            0);
    CHECK(numbers({}) == QStringList{a, b}); // spam is listed, owing no answer: last
    CHECK(numbers({QStringLiteral("--status"), QStringLiteral("new,open")}) == QStringList{a});
    CHECK(numbers({QStringLiteral("--status"), QStringLiteral("spam")}) == QStringList{b});

    // Text: the due time (overdue here), priority and category beside the status.
    const Run text = cli(t.run({QStringLiteral("tickets"), QStringLiteral("--status"), QStringLiteral("open,new")}));
    REQUIRE(text.code == 0);
    CHECK(text.out.startsWith(QStringLiteral("#%1\tnew\toverdue ").arg(a)));
    CHECK(text.out.contains(QStringLiteral("\tnormal\trefund\t")));

    // A bad value is a usage error, with nothing on stdout.
    for (const QStringList& bad :
         {QStringList{QStringLiteral("--status"), QStringLiteral("open,closed")},
          QStringList{QStringLiteral("--channel"), QStringLiteral("etsy")},
          QStringList{QStringLiteral("--category"), QStringLiteral("misc")},
          QStringList{QStringLiteral("--due-before"), QStringLiteral("tomorrow")},
          QStringList{QStringLiteral("--sort"), QStringLiteral("subject")},
          QStringList{QStringLiteral("--limit"), QStringLiteral("0")},
          QStringList{QStringLiteral("--limit"), QStringLiteral("ten")}}) {
        const Run r = cli(t.run(QStringList{QStringLiteral("tickets")} + bad));
        INFO(bad.join(QLatin1Char(' ')).toStdString());
        CHECK(r.code == 2);
        CHECK(r.out.isEmpty());
    }
}

TEST_CASE("ticket with several numbers changes them all, and one undo takes it back", "[cli][triage][bulk]")
{
    TriageDb t;
    const QJsonArray before = t.tickets();
    const QString a = QString::number(t.bySubject(QStringLiteral("환불 문의")).value(QStringLiteral("number")).toInt());
    const QString b =
        QString::number(t.bySubject(QStringLiteral("Where is my parcel")).value(QStringLiteral("number")).toInt());
    Run r = cli(t.run({QStringLiteral("ticket"), a, b, QStringLiteral("--status"), QStringLiteral("resolved"),
                       QStringLiteral("--priority"), QStringLiteral("1"), QStringLiteral("--category"),
                       QStringLiteral("shipping"), QStringLiteral("--flag"), QStringLiteral("vip")}));
    REQUIRE(r.code == 0);
    const QJsonArray changed = json(r).value(QStringLiteral("tickets")).toArray();
    REQUIRE(changed.size() == 2);
    for (const QJsonValue& v : changed) {
        CHECK(v.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("resolved"));
        CHECK(v.toObject().value(QStringLiteral("priority")).toInt() == 1);
        CHECK(v.toObject().value(QStringLiteral("category")).toString() == QStringLiteral("shipping"));
        CHECK(v.toObject().value(QStringLiteral("customer_flags")).toArray() == QJsonArray{QStringLiteral("vip")});
    }
    r = cli(t.run({QStringLiteral("undo")}));
    REQUIRE(r.code == 0);
    CHECK(json(r).value(QStringLiteral("undone")).toString() == QStringLiteral("bulk"));
    CHECK(t.tickets() == before);
    CHECK(cli(t.run({QStringLiteral("undo")})).code == 1); // nothing else was recorded

    // Usage errors change nothing: a bad value, a missing ticket, a one-ticket option.
    r = cli(t.run({QStringLiteral("ticket"), a, b, QStringLiteral("--status"), QStringLiteral("closed")}));
    CHECK(r.code == 2);
    CHECK(r.out.isEmpty());
    r = cli(t.run({QStringLiteral("ticket"), a, b, QStringLiteral("--summary"), QStringLiteral("x")}));
    CHECK(r.code == 2);
    r = cli(t.run({QStringLiteral("ticket"), a, QStringLiteral("9999"), QStringLiteral("--status"),
                   QStringLiteral("resolved")}));
    CHECK(r.code == 3);
    CHECK(r.out.isEmpty());
    CHECK(t.tickets() == before);
}
