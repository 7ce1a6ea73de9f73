#include "compose/template_library.h"
#include "compose/template_renderer.h"
#include "compose/template_store.h"
#include "compose/ticket_placeholders.h"
#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QSet>

using namespace casebook;

namespace {

const QStringList kSituations{
    QStringLiteral("shipping_time"),         QStringLiteral("overseas_delay"),
    QStringLiteral("parcel_left_missing"),   QStringLiteral("missing_item"),
    QStringLiteral("damaged_defective"),     QStringLiteral("size_fit"),
    QStringLiteral("overseas_no_exchange"),  QStringLiteral("return_refund_procedure"),
    QStringLiteral("partial_refund_offer"),  QStringLiteral("free_gift_declined"),
    QStringLiteral("download_not_received"), QStringLiteral("payout_delay"),
    QStringLiteral("abusive_language"),      QStringLiteral("false_review"),
    QStringLiteral("escalate_marketplace"),  QStringLiteral("acknowledgement")};

ReplyTemplate userTemplate(const QString& id)
{
    return ReplyTemplate{id,
                         QStringLiteral("en"),
                         QStringLiteral("refund"),
                         QStringLiteral("Refund sent"),
                         QStringLiteral("Hi {{customer_name}}, we've refunded {{amount}}."),
                         QStringLiteral("We've refunded {{amount}}."),
                         false,
                         false};
}

} // namespace

TEST_CASE("the built-in library covers every situation in Korean and English", "[templates]")
{
    auto builtins = TemplateLibrary::builtins();
    REQUIRE(builtins.ok());
    for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")}) {
        QSet<QString> ids;
        for (const ReplyTemplate& t : builtins.value())
            if (t.language == lang) {
                ids.insert(t.id);
                CHECK(t.builtin);
                CHECK(t.id.startsWith(lang + QLatin1Char('.')));
                CHECK(TemplateLibrary::validate(t).ok());
                CHECK_FALSE(t.plainBody.isEmpty());
                CHECK(TemplateRenderer::placeholders(t.body).contains(QStringLiteral("customer_name")));
            }
        for (const QString& s : kSituations)
            CHECK(ids.contains(lang + QLatin1Char('.') + s));
    }
}

TEST_CASE("the marketplace variant stays within the board limit once filled", "[templates]")
{
    auto builtins = TemplateLibrary::builtins();
    REQUIRE(builtins.ok());
    for (const ReplyTemplate& t : builtins.value()) {
        PlaceholderValues values;
        // Long but lifelike values: a long product name, a long tracking link, a fact of a sentence or two.
        for (const QString& name : TemplateRenderer::placeholders(t.plainBody))
            values.insert(name, QString(40, QLatin1Char('x')));
        values.insert(QStringLiteral("fact"), QString(150, QLatin1Char('x')));
        auto text = TemplateRenderer::render(t.plainBody, values);
        REQUIRE(text.ok());
        INFO(t.id.toStdString());
        CHECK(text->toUcs4().size() <= TemplateLibrary::kBoardMaxLength);
        CHECK(text->toUcs4().size() >= TemplateLibrary::kBoardMinLength);
        CHECK_FALSE(text->contains(QLatin1Char('<')));
    }
}

TEST_CASE("rendering fills placeholders as plain text and names the unresolved ones", "[templates]")
{
    const QString text =
        QStringLiteral("Hi {{customer_name}}, order {{order_number}}: {{product}} & {{product}}.");
    auto done =
        TemplateRenderer::render(text, {{QStringLiteral("customer_name"), QStringLiteral("Kim & Lee")},
                                        {QStringLiteral("order_number"), QStringLiteral("42")},
                                        {QStringLiteral("product"), QStringLiteral("<Mug>")}});
    REQUIRE(done.ok());
    CHECK(done.value() == QStringLiteral("Hi Kim & Lee, order 42: <Mug> & <Mug>."));

    auto blocked = TemplateRenderer::render(text, {{QStringLiteral("customer_name"), QStringLiteral("Kim")},
                                                   {QStringLiteral("product"), QStringLiteral("   ")}});
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().message.contains(QStringLiteral("{{order_number}}")));
    CHECK_FALSE(blocked.error().message.contains(QStringLiteral("{{customer_name}}")));

    const RenderedText partial =
        TemplateRenderer::renderPartial(text, {{QStringLiteral("customer_name"), QStringLiteral("Kim")}});
    CHECK(partial.missing == QStringList{QStringLiteral("order_number"), QStringLiteral("product")});
    CHECK(partial.text == QStringLiteral("Hi Kim, order {{order_number}}: {{product}} & {{product}}."));

    CHECK(TemplateRenderer::placeholders(QStringLiteral("{{#vip}}Dear {{name}}{{/vip}} {{amount}}")) ==
          QStringList{QStringLiteral("name"), QStringLiteral("amount")});
    CHECK_FALSE(TemplateRenderer::check(QStringLiteral("Hi {{name")).ok());
}

TEST_CASE("user templates: add, edit, duplicate, delete; built-ins edited, hidden and restored",
          "[templates]")
{
    test::TempStore s;
    auto opened = TemplateStore::open(*s.db);
    REQUIRE(opened.ok());
    TemplateStore& store = opened.value();
    const int builtinCount = store.list().size();
    CHECK(builtinCount >= 32);
    CHECK(store.list(QStringLiteral("ko")).size() + store.list(QStringLiteral("en")).size() == builtinCount);

    REQUIRE(store.add(userTemplate(QStringLiteral("my-refund"))).ok());
    CHECK_FALSE(store.add(userTemplate(QStringLiteral("my-refund"))).ok());
    CHECK_FALSE(store.add(userTemplate(QStringLiteral("ko.shipping_time"))).ok());
    ReplyTemplate bad = userTemplate(QStringLiteral("bad"));
    bad.plainBody = QStringLiteral("<b>bold</b>");
    CHECK_FALSE(store.add(bad).ok());
    CHECK(store.list().size() == builtinCount + 1);

    ReplyTemplate edited = *store.find(QStringLiteral("my-refund"));
    edited.title = QStringLiteral("Refund issued");
    REQUIRE(store.update(edited).ok());
    CHECK(store.find(QStringLiteral("my-refund"))->title == QStringLiteral("Refund issued"));

    auto copy = store.duplicate(QStringLiteral("my-refund"));
    REQUIRE(copy.ok());
    CHECK(copy->id == QStringLiteral("my-refund-copy"));
    CHECK(store.duplicate(QStringLiteral("my-refund"))->id == QStringLiteral("my-refund-copy-2"));
    REQUIRE(store.remove(QStringLiteral("my-refund-copy")).ok());
    CHECK_FALSE(store.find(QStringLiteral("my-refund-copy")));

    // A built-in: an edit is kept and can be undone; a deletion hides it until restored.
    ReplyTemplate b = *store.find(QStringLiteral("en.acknowledgement"));
    const QString original = b.body;
    b.body = QStringLiteral("Thanks {{customer_name}}, got it.");
    REQUIRE(store.update(b).ok());
    CHECK(store.find(QStringLiteral("en.acknowledgement"))->body == b.body);
    CHECK(store.find(QStringLiteral("en.acknowledgement"))->edited);
    REQUIRE(store.restoreBuiltin(QStringLiteral("en.acknowledgement")).ok());
    CHECK(store.find(QStringLiteral("en.acknowledgement"))->body == original);
    REQUIRE(store.remove(QStringLiteral("ko.size_fit")).ok());
    CHECK_FALSE(store.find(QStringLiteral("ko.size_fit")));
    auto builtinDup = store.duplicate(QStringLiteral("ko.shipping_time"), QStringLiteral("ko.my-shipping"));
    REQUIRE(builtinDup.ok());
    CHECK_FALSE(builtinDup->builtin);
    auto restored = store.restoreBuiltins();
    REQUIRE(restored.ok());
    CHECK(restored.value() == 1);
    CHECK(store.find(QStringLiteral("ko.size_fit")));
    CHECK(store.find(QStringLiteral("ko.my-shipping"))); // the user's own survive a restore
}

TEST_CASE("templates export to a file and import into another database", "[templates]")
{
    test::TempStore a;
    auto storeA = TemplateStore::open(*a.db);
    REQUIRE(storeA.ok());
    REQUIRE(storeA->add(userTemplate(QStringLiteral("mine"))).ok());
    ReplyTemplate b = *storeA->find(QStringLiteral("ko.acknowledgement"));
    b.title = QStringLiteral("접수 확인 (수정)");
    REQUIRE(storeA->update(b).ok());
    auto file = storeA->exportJson({QStringLiteral("mine"), QStringLiteral("ko.acknowledgement")});
    REQUIRE(file.ok());
    CHECK_FALSE(storeA->exportJson({QStringLiteral("nope")}).ok());

    test::TempStore c;
    auto storeC = TemplateStore::open(*c.db);
    REQUIRE(storeC.ok());
    auto imported = storeC->importJson(file.value(), QStringLiteral("mine.json"));
    REQUIRE(imported.ok());
    CHECK(imported.value() == 2);
    CHECK(*storeC->find(QStringLiteral("mine")) == *storeA->find(QStringLiteral("mine")));
    CHECK(storeC->find(QStringLiteral("ko.acknowledgement"))->title == QStringLiteral("접수 확인 (수정)"));
    CHECK(storeC->find(QStringLiteral("ko.acknowledgement"))->builtin);

    const int before = storeC->list().size();
    auto broken =
        storeC->importJson(R"({"templates":[{"id":"ok","language":"en","category":"other","title":"t",
        "body":"b"},{"id":"Bad Id","language":"en","category":"other","title":"t","body":"b"}]})",
                           QStringLiteral("broken.json"));
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.contains(QStringLiteral("Bad Id")));
    CHECK(storeC->list().size() == before); // all or nothing
}

TEST_CASE("placeholders come from the ticket: customer, order, marketplace, seller", "[templates]")
{
    test::TempStore s;
    Ingestor ingestor(*s.db, {});
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
    m.orderNumbers = {QStringLiteral("2026112300017")};
    m.customer = Identity{QStringLiteral("coupang"), QStringLiteral("buyer77")};
    m.customerName = QStringLiteral("김하나");
    auto in = ingestor.ingest(m);
    REQUIRE(in.ok());
    const int number = ticket_queries::ticketsByIds(s.db->reader(), {in->ticketId}).first().number;

    auto values = TicketPlaceholders::forTicket(s.db->reader(), number, QStringLiteral("ko"));
    REQUIRE(values);
    CHECK(values->value(QStringLiteral("customer_name")) == QStringLiteral("김하나"));
    CHECK(values->value(QStringLiteral("order_number")) == QStringLiteral("2026112300017"));
    CHECK(values->value(QStringLiteral("marketplace")) == QStringLiteral("쿠팡"));
    CHECK(values->value(QStringLiteral("ticket_number")) == QString::number(number));
    CHECK_FALSE(values->contains(QStringLiteral("seller_name")));
    CHECK(TicketPlaceholders::languageOf(s.db->reader(), number) == QLatin1String("ko"));
    CHECK_FALSE(TicketPlaceholders::forTicket(s.db->reader(), 99999, QStringLiteral("ko")));

    REQUIRE(s.db->write([](SQLite::Database& db) -> Result<void> {
                    db.exec("INSERT INTO meta(key, value) VALUES ('seller_name', '하나상점')");
                    return {};
                })
                .ok());
    values = TicketPlaceholders::forTicket(s.db->reader(), number, QStringLiteral("ko"));
    CHECK(values->value(QStringLiteral("seller_name")) == QStringLiteral("하나상점"));
    auto text =
        TemplateRenderer::render(QStringLiteral("{{customer_name}} 고객님, {{seller_name}}입니다."), *values);
    REQUIRE(text.ok());
    CHECK(text.value() == QStringLiteral("김하나 고객님, 하나상점입니다."));
}

TEST_CASE("fuzzy search over title, category and id, the ticket's language first", "[templates]")
{
    test::TempStore s;
    auto store = TemplateStore::open(*s.db);
    REQUIRE(store.ok());
    const QList<ReplyTemplate> refunds = store->search(QStringLiteral("refund"), QStringLiteral("ko"));
    REQUIRE_FALSE(refunds.isEmpty());
    CHECK(refunds.first().language == QLatin1String("ko")); // ko.partial_refund_offer by its id and category
    REQUIRE(refunds.size() >= 4);
    for (int i = 0; i < 2; ++i) {
        CHECK(refunds.at(i).language == QLatin1String("ko"));
        CHECK((refunds.at(i).category + refunds.at(i).id).contains(QLatin1String("refund")));
    }
    const QList<ReplyTemplate> spread = store->search(QStringLiteral("dmgd"), QStringLiteral("en"));
    REQUIRE_FALSE(spread.isEmpty());
    CHECK(spread.first().id == QStringLiteral("en.damaged_defective"));
    CHECK(store->search(QStringLiteral("사은품"), QStringLiteral("en")).first().id ==
          QStringLiteral("ko.free_gift_declined"));
    CHECK(store->search(QStringLiteral("zzzzqq")).isEmpty());
    CHECK(store->search(QString(), QStringLiteral("en")).first().language == QLatin1String("en"));
}
