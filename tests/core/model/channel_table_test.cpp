// The channel table (core/model/channel_table.h) is whole, and the places that act on a channel (answer
// clocks, board length, the tone verdict, account kinds, search's channel names, template limits,
// {{marketplace}}) agree with it.
#include "accounts/account.h"
#include "compose/template_library.h"
#include "compose/tone_checker.h"
#include "model/channel_table.h"
#include "model/enums.h"
#include "search/query.h"
#include "sources/marketplace_items.h"
#include "store/app_settings.h"

#include <QSet>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

// Every enumerator, listed by hand on purpose: a new one without a row must fail here.
const Channel kEveryChannel[] = {Channel::Email, Channel::Coupang, Channel::Naver, Channel::Csv,
                                 Channel::Elevenst, Channel::Amazon, Channel::Esm, Channel::Ebay};
const AccountKind kEveryKind[] = {AccountKind::Email, AccountKind::Coupang, AccountKind::Naver,
                                  AccountKind::Elevenst, AccountKind::Esm, AccountKind::Ebay};

ToneFinding policyFinding()
{
    ToneFinding f;
    f.category = QStringLiteral("policy");
    f.text = QStringLiteral("삭제하세요");
    return f;
}

} // namespace

TEST_CASE("every channel has one row with a name, label, badge and due rule", "[channels]")
{
    CHECK(std::size(kEveryChannel) == kChannelCount);
    QSet<QString> names;
    for (Channel c : kEveryChannel) {
        const ChannelInfo& row = channelInfo(c);
        INFO(toString(c).toStdString());
        CHECK(row.channel == c);
        CHECK_FALSE(row.name.empty());
        CHECK(toString(c) == toString(c).toLower());
        CHECK(channelFromString(toString(c)) == c);
        names.insert(toString(c));
        CHECK(row.label != nullptr);
        CHECK(std::string_view(row.label).size() > 0);
        // Badge: a colour (not the grey of an unknown channel) and a sign.
        CHECK(row.badge.rgb != 0x6b7280);
        CHECK(std::string_view(row.badge.text).size() > 0);
        // Due rule: positive hours on a clock that is its own (no chains of borrowed clocks).
        CHECK(row.due.defaultHours > 0);
        CHECK(channelInfo(row.due.clock).due.clock == row.due.clock);
    }
    CHECK(names.size() == int(kChannelCount));
    CHECK(allChannelNames().size() == int(kChannelCount));
    CHECK_FALSE(channelFromString(QStringLiteral("fax")).has_value());
    CHECK_FALSE(channelFromString(QStringLiteral("Email")).has_value());
}

TEST_CASE("message-id prefixes are unique and tell the channel back", "[channels]")
{
    int withoutPrefix = 0;
    for (const ChannelInfo& row : kChannelTable) {
        INFO(std::string(row.name));
        if (row.idPrefix.empty()) {
            ++withoutPrefix; // a Message-ID: mail (email, the fallback, or a relay told by its address)
            CHECK(row.mail);
            continue;
        }
        CHECK_FALSE(row.mail);
        CHECK(row.idPrefix.back() == ':');
        CHECK(channelOfExternalId(std::string(row.idPrefix) + "online:123") == row.channel);
        for (const ChannelInfo& other : kChannelTable)
            if (&other != &row && !other.idPrefix.empty())
                CHECK(other.idPrefix.substr(0, row.idPrefix.size()) != row.idPrefix);
    }
    CHECK(withoutPrefix == 2);
    // What the parsers write carries its channel's prefix and reads back as that channel.
    const MarketplaceBatch coupang = parseCoupangOnlineInquiries(
        R"({"code":"200","data":{"content":[{"inquiryId":41,"content":"재고 있나요?",
            "inquiryAt":"2026-03-05 14:22:10"}]}})",
        QStringLiteral("coupang:shop"));
    const MarketplaceBatch naver = parseNaverInquiries(
        R"({"content":[{"inquiryNo":42,"inquiryContent":"언제 와요?",
            "inquiryRegistrationDateTime":"2026-03-07T09:30:00.000+09:00"}],"totalPages":1})",
        QStringLiteral("naver:shop"));
    REQUIRE(coupang.messages.size() == 1);
    REQUIRE(naver.messages.size() == 1);
    for (const InboundMessage& m : {coupang.messages[0], naver.messages[0]}) {
        INFO(m.externalId.toStdString());
        CHECK(m.externalId.startsWith(toQString(channelInfo(m.channel).idPrefix)));
        CHECK(channelOfExternalId(m.externalId.toStdString()) == m.channel);
    }
    CHECK(channelOfExternalId("20260301.1234@mail.example") == Channel::Email);
    // The prefixes the parsers write today (core/sources/marketplace_items.cpp, csv_source.cpp).
    CHECK(channelOfExternalId("coupang:call:7") == Channel::Coupang);
    CHECK(channelOfExternalId("naver:qna:7") == Channel::Naver);
    CHECK(channelOfExternalId("csv:kmong:7") == Channel::Csv);
    CHECK(channelOfExternalId("11st:notice:7") == Channel::Elevenst);
    CHECK(channelOfExternalId("esm:qna:G-7") == Channel::Esm);
}

TEST_CASE("account fields: unique keys, a label each, the CLI's option names", "[channels]")
{
    for (const ChannelInfo& row : kChannelTable) {
        INFO(std::string(row.name));
        QSet<QString> keys;
        for (const AccountField& f : row.accountFields) {
            CHECK(row.accountKind.has_value());
            CHECK_FALSE(f.key.empty());
            CHECK(toQString(f.key) == toQString(f.key).toLower());
            CHECK_FALSE(toQString(f.key).contains(QLatin1Char('-')));
            CHECK(std::string_view(f.label).size() > 0);
            keys.insert(toQString(f.key));
        }
        CHECK(keys.size() == int(row.accountFields.size()));
    }
    // vendor_id, access_key, wing_user and the key's expiry date (optional).
    CHECK(channelInfo(Channel::Coupang).accountFields.size() == 4);
    CHECK(channelInfo(Channel::Coupang).accountFields.back().format == FieldFormat::Date);
    CHECK_FALSE(channelInfo(Channel::Coupang).accountFields.back().required);
    CHECK(channelInfo(Channel::Email).accountFields.empty()); // the dialog's own mail form
}

TEST_CASE("account kinds come from the table and answer their channel", "[channels]")
{
    QSet<QString> kindNames, sources;
    for (AccountKind k : kEveryKind) {
        const ChannelInfo& row = channelOfAccountKind(k);
        INFO(toString(k).toStdString());
        CHECK(row.accountKind == k);
        CHECK(accountKindFromString(toString(k)) == k);
        CHECK(accountKindOfSourcePrefix(row.sourcePrefix) == k);
        kindNames.insert(toString(k));
        sources.insert(toQString(row.sourcePrefix));
    }
    CHECK(kindNames.size() == int(std::size(kEveryKind)));
    CHECK(sources.size() == int(std::size(kEveryKind)));
    CHECK(allAccountKindNames() ==
          (QStringList{QStringLiteral("email"), QStringLiteral("coupang"), QStringLiteral("naver"),
                       QStringLiteral("11st"), QStringLiteral("esm"), QStringLiteral("ebay")}));
    CHECK(accountKindOfSourcePrefix("imap") == AccountKind::Email); // "imap:shop-mail"
    CHECK_FALSE(accountKindFromString(QStringLiteral("csv")).has_value());
    // A board is answered from Casebook, so some account kind answers it.
    for (const ChannelInfo& row : kChannelTable)
        if (row.board)
            CHECK(row.accountKind.has_value());
}

TEST_CASE("answer clocks and their settings follow the table's due rules", "[channels]")
{
    const DueClocks defaults;
    QList<Channel> owners;
    for (const ChannelInfo& row : kChannelTable) {
        INFO(std::string(row.name));
        CHECK(defaults.forChannel(row.channel) == qint64(channelInfo(row.due.clock).due.defaultHours) * 3600);
        if (row.due.clock == row.channel) {
            owners << row.channel;
            CHECK(AppSettings::dueKey(row.channel) == QStringLiteral("due_secs.") + toQString(row.name));
        }
    }
    CHECK(DueClocks::clocks() == owners);
    CHECK(owners.contains(Channel::Email));

    // Setting one clock moves exactly the channels that read it.
    for (Channel clock : DueClocks::clocks()) {
        DueClocks c;
        c.set(clock, 7 * 3600);
        for (const ChannelInfo& row : kChannelTable)
            CHECK((c.forChannel(row.channel) == 7 * 3600) == (row.due.clock == clock));
    }
}

TEST_CASE("boards: length limits in their unit, the tone verdict, templates, {{marketplace}}", "[channels]")
{
    const QList<ToneFinding> policy{policyFinding()};
    for (const ChannelInfo& row : kChannelTable) {
        INFO(std::string(row.name));
        // A policy finding blocks a reply on a board only; elsewhere it asks to confirm.
        CHECK((sendVerdict(policy, row.channel) == SendVerdict::Blocked) == row.board);
        // A marketplace has a name for {{marketplace}}: every board, and a relay answered by mail (Amazon).
        CHECK(row.customerLabelEn.empty() == !(row.board || (row.mail && row.channel != Channel::Email)));
        CHECK(row.customerLabelKo.empty() == row.customerLabelEn.empty());
        if (!row.board) {
            CHECK(row.unit == LengthUnit::None);
            continue;
        }
        CHECK(row.unit != LengthUnit::None);
        CHECK(row.minLength > 0);
        CHECK(row.maxLength > row.minLength);
        CHECK(TemplateLibrary::kBoardMaxLength <= row.maxLength);
        CHECK(TemplateLibrary::kBoardMinLength >= row.minLength);
        // boardLength counts in the row's unit: a text of exactly the limit is the limit.
        const QString atLimit(row.maxLength, QChar(u'가'));
        CHECK(boardLength(row.channel, atLimit) == lengthIn(row.unit, u"가") * row.maxLength);
    }
}

TEST_CASE("lengths in each unit a board may count", "[channels]")
{
    // 한 (BMP, 3 UTF-8 bytes), 😀 (a surrogate pair, 4 bytes), a (1 byte).
    const std::u16string_view text = u"한😀a";
    CHECK(lengthIn(LengthUnit::CodePoints, text) == 3);
    CHECK(lengthIn(LengthUnit::Utf16Units, text) == 4);
    CHECK(lengthIn(LengthUnit::Utf8Bytes, text) == 8);
    CHECK(lengthIn(LengthUnit::CodePoints, u"") == 0);
    // A lone high surrogate is one code point (U+FFFD when sent: 3 bytes).
    const char16_t lone[] = {0xD83D, u'a'};
    CHECK(lengthIn(LengthUnit::CodePoints, std::u16string_view(lone, 2)) == 2);
    CHECK(lengthIn(LengthUnit::Utf8Bytes, std::u16string_view(lone, 2)) == 4);
    CHECK(boardLength(Channel::Coupang, QStringLiteral("한😀a")) == 3);
}

TEST_CASE("search's channel: names are the table's", "[channels]")
{
    std::vector<std::string_view> names;
    for (const ChannelInfo& row : kChannelTable)
        names.push_back(row.name);
    CHECK(search::Query::channelNames() == names);
}

TEST_CASE("mail channels: email and Amazon's relay, both answered by an email account", "[channels]")
{
    for (const ChannelInfo& row : kChannelTable) {
        INFO(std::string(row.name));
        if (!row.mail)
            continue;
        CHECK(row.accountKind == AccountKind::Email);
        CHECK_FALSE(row.board);
        CHECK(row.idPrefix.empty());
    }
    // Amazon wants an answer within 24 hours, weekends and holidays included: its own clock, calendar hours.
    const ChannelInfo& amazon = channelInfo(Channel::Amazon);
    CHECK(amazon.due.clock == Channel::Amazon);
    CHECK(amazon.due.defaultHours == 24);
    CHECK(amazon.due.calendarHours);
    CHECK(AppSettings::dueKey(Channel::Amazon) == QStringLiteral("due_secs.amazon"));
    // One email account kind still: Amazon adds no kind of its own.
    CHECK(channelOfAccountKind(AccountKind::Email).channel == Channel::Email);
    CHECK(accountKindOfName("email") == AccountKind::Email);
}

TEST_CASE("account fields: each has a key and a label, none repeats a kind's own or a common setting",
          "[channels]")
{
    // Every marketplace account also keeps these, set by the CLI's and the dialog's common options.
    const QSet<QString> common{QStringLiteral("base_url"), QStringLiteral("horizon_days"),
                               QStringLiteral("secret_command"), QStringLiteral("name")};
    for (const AccountKind kind : kEveryKind) {
        const ChannelInfo& row = channelOfAccountKind(kind);
        INFO(std::string(row.name));
        QSet<QString> keys;
        for (const AccountField& f : row.accountFields) {
            const QString key = toQString(f.key);
            CHECK_FALSE(key.isEmpty());
            CHECK_FALSE(key.contains(QLatin1Char('-'))); // the CLI option is the key with '-' for '_'
            CHECK(f.label != nullptr);
            CHECK_FALSE(QString::fromUtf8(f.label).isEmpty());
            CHECK_FALSE(common.contains(key));
            CHECK_FALSE(keys.contains(key));
            keys.insert(key);
        }
        // A hint, where a row gives one, says something.
        if (row.secretHint)
            CHECK_FALSE(QString::fromUtf8(row.secretHint).isEmpty());
    }
    // eBay's secret is two values, so its row says what they are; the seller's name and the App ID are fields.
    const ChannelInfo& ebay = channelInfo(Channel::Ebay);
    REQUIRE(ebay.secretHint);
    QStringList required;
    for (const AccountField& f : ebay.accountFields)
        if (f.required)
            required << toQString(f.key);
    CHECK(required == QStringList{QStringLiteral("username"), QStringLiteral("client_id")});
}
