// The reply service: the one path of a reply from the window and the CLI (fill, check, decide, queue, wake).
#include "accounts/account_store.h"
#include "compose/outbox.h"
#include "compose/reply_service.h"
#include "connectors/connector_factory.h"
#include "inbox/ingestor.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::test;

namespace {

const QString kThreat = QStringLiteral("리뷰 당장 삭제하세요. 안 지우시면 고소하겠습니다.");
const QString kPolite = QStringLiteral("불편을 드려 죄송합니다. 확인 후 오늘 중으로 다시 안내드리겠습니다.");

// Drafts what it is given, as a marketplace connector would, and counts the drafts.
struct DraftingConnector : Connector {
    int* drafts;
    explicit DraftingConnector(int* counter) : drafts(counter) {}
    struct NoTransport : OutboxTransport {
        SendOutcome send(const OutboxItem&) override { return SendOutcome::retry(QStringLiteral("test")); }
    } none;
    Result<SyncReport> sync(const SyncControl&) override { return SyncReport{}; }
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override
    {
        ++*drafts;
        OutboxDraft d;
        d.ticketId = ticketId;
        d.channel = Channel::Coupang;
        d.subject = QStringLiteral("배송 문의");
        d.body = text;
        d.raw = text.toUtf8();
        d.externalId = QStringLiteral("coupang:online:77:answer:sent");
        return d;
    }
    OutboxTransport& transport() override { return none; }
};

struct Fixture {
    TempStore s;
    int drafts = 0;
    int wakes = 0;
    ReplyService service{*s.db, [this](const ReplyRoute&) -> Result<std::unique_ptr<Connector>> {
                             return std::unique_ptr<Connector>(new DraftingConnector(&drafts));
                         }};
    Fixture()
    {
        service.setWakeHook([this] { ++wakes; });
    }

    qint64 coupangTicket(const QString& source = QStringLiteral("coupang:shop"))
    {
        InboundMessage m;
        m.channel = Channel::Coupang;
        m.raw = "{\"inquiryId\": 77}";
        m.rawSha256 = QStringLiteral("a").repeated(64);
        m.externalId = QStringLiteral("coupang:online:77");
        m.threadKey = QStringLiteral("coupang:online:77");
        m.fromName = QStringLiteral("김하나");
        m.subject = QStringLiteral("배송 문의");
        m.text = QStringLiteral("언제 도착하나요?");
        m.date = s.clock.now();
        m.customer = Identity{QStringLiteral("coupang"), QStringLiteral("buyer77")};
        m.customerName = QStringLiteral("김하나");
        m.source = source;
        auto in = Ingestor(*s.db, IngestOptions{}).ingest(m);
        REQUIRE(in);
        return in->ticketId;
    }

    qint64 mailTicket(const QString& source)
    {
        const QByteArray raw =
            "From: kim@example.test\r\nTo: help@shop.example\r\nSubject: where\r\n"
            "Message-ID: <rs1@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0900\r\n\r\n"
            "where is it\r\n";
        auto in = Ingestor(*s.db, IngestOptions{}).ingestMail(raw, source, QStringLiteral("1"));
        REQUIRE(in);
        return in->ticketId;
    }

    QList<OutboxItem> outbox(qint64 ticket)
    {
        auto items = Outbox(*s.db).list(ticket);
        REQUIRE(items);
        return *items;
    }

    QList<QPair<QString, QJsonObject>> events(qint64 ticket, const QString& kind)
    {
        QList<QPair<QString, QJsonObject>> out;
        SQLite::Statement st(s.db->reader(),
                             "SELECT kind, detail FROM events WHERE ticket_id = ? AND kind = ?");
        st.bind(1, static_cast<int64_t>(ticket));
        st.bind(2, kind.toStdString());
        while (st.executeStep())
            out.append(
                {QString::fromStdString(st.getColumn(0).getString()),
                 QJsonDocument::fromJson(QByteArray::fromStdString(st.getColumn(1).getString())).object()});
        return out;
    }
};

qint64 addAccount(Database& db, const QString& name, AccountKind kind)
{
    Account a;
    a.name = name;
    a.kind = kind;
    a.settings = QJsonObject{{QStringLiteral("address"), QStringLiteral("help@shop.example")}};
    auto id = AccountStore(db).add(a);
    REQUIRE(id);
    return *id;
}

} // namespace

TEST_CASE("the threatening reply on a marketplace is not queued; its findings say why", "[reply]")
{
    Fixture f;
    const qint64 ticket = f.coupangTicket();
    auto outcome = f.service.queue(ReplyRequest{ticket, kThreat});
    REQUIRE(outcome);
    CHECK_FALSE(outcome->queued());
    CHECK(outcome->check.route.channel == Channel::Coupang);
    CHECK(outcome->check.verdict == SendVerdict::Blocked);
    QStringList categories;
    for (const ToneFinding& finding : outcome->check.findings) {
        categories << finding.category;
        CHECK_FALSE(finding.reason.isEmpty());
        CHECK(finding.end > finding.start);
    }
    CHECK(categories.contains(QStringLiteral("threat")));
    CHECK(categories.contains(QStringLiteral("policy")));
    CHECK(f.outbox(ticket).isEmpty());
    CHECK(f.drafts == 0);
    CHECK(f.wakes == 0);

    // The same words by mail need the seller's confirmation, not an override: still not queued without one.
    const qint64 mail = f.mailTicket(QStringLiteral("maildir:/x"));
    auto byMail = f.service.queue(ReplyRequest{mail, kThreat});
    REQUIRE(byMail);
    CHECK(byMail->check.verdict == SendVerdict::Confirm);
    CHECK_FALSE(byMail->queued());
    CHECK(f.outbox(mail).isEmpty());
}

TEST_CASE("a polite reply is queued through the connector and the sender is woken", "[reply]")
{
    Fixture f;
    const qint64 ticket = f.coupangTicket();
    auto outcome = f.service.queue(ReplyRequest{ticket, kPolite});
    REQUIRE(outcome);
    CHECK(outcome->check.verdict == SendVerdict::Send);
    CHECK(outcome->check.findings.isEmpty());
    REQUIRE(outcome->queued());
    CHECK_FALSE(outcome->overridden);
    const QList<OutboxItem> items = f.outbox(ticket);
    REQUIRE(items.size() == 1);
    CHECK(items.first().id == outcome->outboxId);
    CHECK(items.first().body == kPolite);
    CHECK(items.first().externalId == QStringLiteral("coupang:online:77:answer:sent"));
    CHECK(f.drafts == 1);
    CHECK(f.wakes == 1);
    CHECK(f.events(ticket, QStringLiteral("tone_override")).isEmpty());
}

TEST_CASE("an override queues the flagged reply and keeps its reason in the ticket's history", "[reply]")
{
    Fixture f;
    const qint64 ticket = f.coupangTicket();
    ReplyRequest request{ticket, kThreat};
    request.toneOverride = QStringLiteral("The buyer's lawyer asked for this wording.");
    auto outcome = f.service.queue(request);
    REQUIRE(outcome);
    REQUIRE(outcome->queued());
    CHECK(outcome->overridden);
    CHECK(f.outbox(ticket).size() == 1);
    CHECK(f.wakes == 1);
    const auto recorded = f.events(ticket, QStringLiteral("tone_override"));
    REQUIRE(recorded.size() == 1);
    const QJsonObject detail = recorded.first().second;
    CHECK(detail.value(QStringLiteral("reason")).toString() == request.toneOverride);
    CHECK(detail.value(QStringLiteral("verdict")).toString() == QStringLiteral("blocked"));
    CHECK(detail.value(QStringLiteral("outbox")).toInteger() == outcome->outboxId);
    CHECK(detail.value(QStringLiteral("findings")).toArray().size() == outcome->check.findings.size());

    // A blank reason is no override.
    request.toneOverride = QStringLiteral("   ");
    auto blank = f.service.queue(request);
    REQUIRE(blank);
    CHECK_FALSE(blank->queued());
    CHECK(f.outbox(ticket).size() == 1);
}

TEST_CASE("an unfilled placeholder is refused, from a text or a template", "[reply]")
{
    Fixture f;
    const qint64 ticket = f.coupangTicket();
    auto fromText =
        f.service.queue(ReplyRequest{ticket, QStringLiteral("주문번호 {{order_number}} 확인했습니다.")});
    REQUIRE(fromText);
    CHECK_FALSE(fromText->queued());
    CHECK(fromText->check.problem.kind == ReplyProblem::Kind::Unfilled);
    CHECK(fromText->check.problem.unfilled == QStringList{QStringLiteral("order_number")});
    CHECK(f.outbox(ticket).isEmpty());
    CHECK(f.drafts == 0);

    ReplyRequest templated;
    templated.ticketId = ticket;
    templated.templateId = QStringLiteral("ko.shipping_time");
    auto partly = f.service.check(templated);
    REQUIRE(partly);
    // The ticket fills its own values (the customer's name); what only the seller knows stays unfilled.
    CHECK_FALSE(partly->text.contains(QStringLiteral("{{customer_name}}")));
    REQUIRE(partly->problem.kind == ReplyProblem::Kind::Unfilled);
    for (const QString& name : partly->problem.unfilled)
        templated.values.insert(name, QStringLiteral("3"));
    auto filled = f.service.queue(templated);
    REQUIRE(filled);
    CHECK_FALSE(filled->check.problem);
    CHECK(filled->queued() == (filled->check.verdict == SendVerdict::Send));

    ReplyRequest missing;
    missing.ticketId = ticket;
    missing.templateId = QStringLiteral("no.such_template");
    auto none = f.service.check(missing);
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::NotFound);
}

TEST_CASE("a board's length is counted in its unit, at the limit and one past it", "[reply]")
{
    const auto board = answerBoardOf(Channel::Coupang);
    REQUIRE(board);
    CHECK(board->unit == LengthUnit::CodePoints);
    CHECK(answerBoardOf(Channel::Naver));
    CHECK_FALSE(answerBoardOf(Channel::Email));
    // 999 syllables and one emoji: 1,000 characters as the seller counts them, 1,001 UTF-16 units.
    const QString atLimit = QString(board->maxLength - 1, QChar(u'가')) + QStringLiteral("😀");
    CHECK(atLimit.size() == board->maxLength + 1);
    CHECK(board->lengthOf(atLimit) == board->maxLength);
    CHECK(AnswerBoard{2, 1000, LengthUnit::Utf16Units}.lengthOf(atLimit) == 1001);
    CHECK(board->lengthOf(QStringLiteral("\n  ") + atLimit + QStringLiteral("\n")) == board->maxLength);
    CHECK_FALSE(ReplyService::problemOf(atLimit, Channel::Coupang));
    const ReplyProblem over = ReplyService::problemOf(atLimit + QStringLiteral("가"), Channel::Coupang);
    CHECK(over.kind == ReplyProblem::Kind::TooLong);
    CHECK(over.length == board->maxLength + 1);
    CHECK(over.limit == board->maxLength);
    CHECK(ReplyService::problemOf(QStringLiteral("네"), Channel::Naver).kind == ReplyProblem::Kind::TooShort);
    CHECK_FALSE(ReplyService::problemOf(atLimit + atLimit, Channel::Email)); // mail has no board

    Fixture f;
    const qint64 ticket = f.coupangTicket();
    auto check = f.service.check(ReplyRequest{ticket, atLimit});
    REQUIRE(check);
    CHECK(check->length == board->maxLength);
    CHECK_FALSE(check->problem);
    auto tooLong = f.service.queue(ReplyRequest{ticket, atLimit + QStringLiteral("가")});
    REQUIRE(tooLong);
    CHECK_FALSE(tooLong->queued());
    CHECK(tooLong->check.problem.kind == ReplyProblem::Kind::TooLong);
    CHECK(f.outbox(ticket).isEmpty());
}

TEST_CASE("the answering account: the one that synced the ticket, else the only one of its channel",
          "[reply]")
{
    Fixture f;
    const qint64 coupang = f.coupangTicket(QStringLiteral("coupang:second-shop"));
    const qint64 mail = f.mailTicket(QStringLiteral("maildir:/x"));

    auto none = f.service.route(coupang);
    REQUIRE(none);
    CHECK(none->channel == Channel::Coupang); // shown as Coupang before any account exists
    CHECK_FALSE(none->account);
    CHECK(none->noAccount.code == ErrorCode::NotFound);

    addAccount(*f.s.db, QStringLiteral("mail"), AccountKind::Email);
    addAccount(*f.s.db, QStringLiteral("first-shop"), AccountKind::Coupang);
    const qint64 second = addAccount(*f.s.db, QStringLiteral("second-shop"), AccountKind::Coupang);
    auto synced = f.service.route(coupang);
    REQUIRE(synced);
    REQUIRE(synced->account);
    CHECK(synced->account->id == second); // the one whose sync brought it, though two Coupang accounts exist
    CHECK(synced->channel == Channel::Coupang);
    auto byMail = f.service.route(mail);
    REQUIRE(byMail);
    REQUIRE(byMail->account);
    CHECK(byMail->account->name == QStringLiteral("mail"));
    CHECK(byMail->channel == Channel::Email);

    // The connectors' accountForTicket is the same rule.
    for (qint64 t : {coupang, mail}) {
        auto account = accountForTicket(*f.s.db, t);
        REQUIRE(account);
        CHECK(account->id == f.service.route(t)->account->id);
    }

    // Without a connector the reply waits in the outbox as text, with the reason.
    ReplyService noConnectors(*f.s.db, {});
    auto kept = noConnectors.queue(ReplyRequest{mail, QStringLiteral("Thank you, we will check today.")});
    REQUIRE(kept);
    CHECK(kept->queued());
    REQUIRE(kept->waiting);
    CHECK(f.outbox(mail).first().channel == Channel::Email);
}
