// The one table of channels: every place that needs to know what a channel is (its stored name, label,
// account kind, message-id prefix, whether it is a marketplace board and how long an answer may be there,
// when an answer is due, its badge) reads its row here. Adding a channel is one row plus its connector,
// parser, fake server and translations: see docs/adding-a-channel.md.
//
// No Qt here: the Qt-free search (core/search, linked by casebook-cli before Qt loads) reads the same rows.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

// The label is a source string the UI translates (context "casebook::ui"); lupdate finds it by this macro
// name. Defined here when Qt's own is not around, to the same effect: the text itself.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace casebook {

// Stored by name (ChannelInfo::name), never by number: the order only follows the table's.
enum class Channel { Email, Coupang, Naver, Csv, Elevenst, Amazon, Esm, Ebay };
// What kind of account syncs and answers a channel; ChannelInfo::accountKind. The mapping from a kind to
// its connector lives in core/connectors/connector_factory.cpp alone.
enum class AccountKind { Email, Coupang, Naver, Elevenst, Esm, Ebay };

// What a board counts when it limits an answer's length.
enum class LengthUnit { None, CodePoints, Utf16Units, Utf8Bytes };

// When an answer is due after a customer writes. `clock` names the channel whose setting (due_hours.NAME
// in the CLI, due_secs.NAME in the database) holds the time: a channel with its own setting names itself.
// A clock counts calendar hours (weekends and nights count, as the marketplaces count them) unless the seller
// switches it to their business hours (due_mode.NAME). A marketplace that takes the question over at the
// deadline (Coupang hands an unanswered call-center inquiry to its own agents after 24 hours, and the API can
// no longer answer it) always counts calendar hours: its deadline is the marketplace's, not the seller's.
struct DueRule {
    Channel clock;
    int defaultHours;
    bool calendarHours; // the default way of counting
    bool takesOver;     // the marketplace takes the question over when the time is up
};

struct Badge {
    unsigned rgb;     // 0xRRGGBB, drawn with white text
    const char* text; // one short sign, UTF-8
};

// One setting an account of the channel keeps (besides its secret, which goes to the keychain): the key in
// the account's settings, the CLI's `account add --KEY-WITH-DASHES`, and the field the accounts dialog shows.
// What an account field's value must look like (checked by the CLI and the accounts dialog alike).
enum class FieldFormat { Text, Date };

struct AccountField {
    std::string_view key;  // "vendor_id"; the CLI option is the same with '-' for '_'
    const char* label;     // QT_TRANSLATE_NOOP("casebook::ui", …)
    bool required;         // sync and answers cannot work without it
    FieldFormat format = FieldFormat::Text; // Date: yyyy-MM-dd
};

inline constexpr AccountField kCoupangFields[] = {
    {"vendor_id", QT_TRANSLATE_NOOP("casebook::ui", "Vendor id"), true},
    {"access_key", QT_TRANSLATE_NOOP("casebook::ui", "Access key"), true},
    {"wing_user", QT_TRANSLATE_NOOP("casebook::ui", "Wing user id"), true},
    // Coupang's Open API keys expire 180 days after they are issued (Wing shows the date); Casebook warns
    // 14 days before (connectors/connection_health.h). Learned from the gateway when its refusal names it.
    {"key_expires", QT_TRANSLATE_NOOP("casebook::ui", "Key expires on (yyyy-MM-dd)"), false, FieldFormat::Date},
};
inline constexpr AccountField kNaverFields[] = {
    {"client_id", QT_TRANSLATE_NOOP("casebook::ui", "Client id"), true},
};
// ESM (G마켓/옥션): the ESM+ master id signs every call (the JWT's kid); the site seller ids name the boards
// the token may read (its ssi claim). A seller on one site leaves the other id empty; at least one is needed,
// which the connector checks (a field cannot say "one of these two").
inline constexpr AccountField kEsmFields[] = {
    {"master_id", QT_TRANSLATE_NOOP("casebook::ui", "ESM+ master id"), true},
    {"gmarket_id", QT_TRANSLATE_NOOP("casebook::ui", "Gmarket seller id"), false},
    {"auction_id", QT_TRANSLATE_NOOP("casebook::ui", "Auction seller id"), false},
};
// eBay: the seller's user name tells their own messages; the App ID names the application whose Cert ID and
// the seller's refresh token make the secret (core/net/ebay_token.h).
inline constexpr AccountField kEbayFields[] = {
    {"username", QT_TRANSLATE_NOOP("casebook::ui", "eBay user name"), true},
    {"client_id", QT_TRANSLATE_NOOP("casebook::ui", "App ID (client id)"), true},
    {"marketplace_id", QT_TRANSLATE_NOOP("casebook::ui", "Marketplace (EBAY_US, EBAY_GB, …)"), false},
};

struct ChannelInfo {
    Channel channel;
    std::string_view name;                  // stable: database, JSON, CLI, search's channel:
    const char* label;                      // QT_TRANSLATE_NOOP("casebook::ui", …): what the window shows
    std::string_view customerLabelEn;       // {{marketplace}} in English templates; empty: not a marketplace
    std::string_view customerLabelKo;       // … and in Korean ones
    std::optional<AccountKind> accountKind; // none: imported only, nothing answers from Casebook
    std::string_view accountKindName;       // the kind's stable name (accounts table, `account add KIND`)
    std::span<const AccountField> accountFields; // the account's settings (none for email: its own form)
    // What the account's secret is, where its name alone does not say (QT_TRANSLATE_NOOP; null: none).
    const char* secretHint = nullptr;
    std::string_view sourcePrefix;          // a synced message's source is "PREFIX:<account>"
    std::string_view idPrefix;              // external ids start with it; empty: a Message-ID (mail)
    // Its messages come and go as email (Message-IDs, threading by In-Reply-To, the seller's own addresses
    // telling direction, .eml in a case file, replies through an email account): email itself, and a
    // marketplace whose buyers write through a mail relay (Amazon).
    bool mail;
    bool board;                             // a marketplace Q&A board: plain text, length limits, policy
    int minLength;                          // on a board, in `unit`
    int maxLength;
    LengthUnit unit;
    DueRule due;
    Badge badge;
};

inline constexpr std::array<ChannelInfo, 8> kChannelTable{{
    {.channel = Channel::Email,
     .name = "email",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "Email"),
     .customerLabelEn = "",
     .customerLabelKo = "",
     .accountKind = AccountKind::Email,
     .accountKindName = "email",
     .accountFields = {},
     .sourcePrefix = "imap",
     .idPrefix = "",
     .mail = true,
     .board = false,
     .minLength = 0,
     .maxLength = 0,
     .unit = LengthUnit::None,
     .due = {Channel::Email, 24, true, false},
     .badge = {0x2563eb, "@"}},
    // Coupang's answer board takes 2–1000 characters (docs say "characters"; counted in code points, as the
    // composer always has).
    {.channel = Channel::Coupang,
     .name = "coupang",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "Coupang"),
     .customerLabelEn = "Coupang",
     .customerLabelKo = "쿠팡",
     .accountKind = AccountKind::Coupang,
     .accountKindName = "coupang",
     .accountFields = kCoupangFields,
     .sourcePrefix = "coupang",
     .idPrefix = "coupang:",
     .mail = false,
     .board = true,
     .minLength = 2,
     .maxLength = 1000,
     .unit = LengthUnit::CodePoints,
     .due = {Channel::Coupang, 24, true, true},
     .badge = {0xe53e30, "C"}},
    // Naver does not publish its limit; it is no shorter than Coupang's, so the same keeps both safe.
    {.channel = Channel::Naver,
     .name = "naver",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "Naver"),
     .customerLabelEn = "Naver SmartStore",
     .customerLabelKo = "네이버 스마트스토어",
     .accountKind = AccountKind::Naver,
     .accountKindName = "naver",
     .accountFields = kNaverFields,
     .sourcePrefix = "naver",
     .idPrefix = "naver:",
     .mail = false,
     .board = true,
     .minLength = 2,
     .maxLength = 1000,
     .unit = LengthUnit::CodePoints,
     .due = {Channel::Naver, 24, true, false},
     .badge = {0x03c75a, "N"}},
    // Exports of boards without an API (presets kmong, 11st, gmarket in core/sources/csv_source.cpp):
    // answered on the board itself, so no account and no length rule; due on the email clock.
    {.channel = Channel::Csv,
     .name = "csv",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "CSV import"),
     .customerLabelEn = "",
     .customerLabelKo = "",
     .accountKind = std::nullopt,
     .accountKindName = "",
     .accountFields = {},
     .sourcePrefix = "",
     .idPrefix = "csv:",
     .mail = false,
     .board = false,
     .minLength = 0,
     .maxLength = 0,
     .unit = LengthUnit::None,
     .due = {Channel::Email, 24, true, false},
     .badge = {0x7c3aed, "≡"}},
    // 11st Open API (docs/marketplaces.md): the API key is the account's secret, so no other setting is
    // needed. 11st publishes no length limit for a Q&A answer; Naver's and Coupang's 2–1000 characters keep
    // a template safe on all three. Due on a 24-hour calendar clock; an urgent notice (긴급알리미) carries
    // its own reply-by date, which wins when it is earlier.
    {.channel = Channel::Elevenst,
     .name = "11st",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "11st"),
     .customerLabelEn = "11st",
     .customerLabelKo = "11번가",
     .accountKind = AccountKind::Elevenst,
     .accountKindName = "11st",
     .accountFields = {},
     .sourcePrefix = "11st",
     .idPrefix = "11st:",
     .mail = false,
     .board = true,
     .minLength = 2,
     .maxLength = 1000,
     .unit = LengthUnit::CodePoints,
     .due = {Channel::Elevenst, 24, true, false},
     .badge = {0xf43142, "11"}},
    // Amazon buyer-seller messages: no API reads or answers them (docs/amazon.md), so they arrive as email
    // from the relay (core/mail/amazon_relay.h recognises it) and are answered by email to the relay
    // address, through the email account that received them. Amazon wants an answer within 24 hours,
    // weekends and holidays included: calendar hours, on a clock of its own.
    {.channel = Channel::Amazon,
     .name = "amazon",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "Amazon"),
     .customerLabelEn = "Amazon",
     .customerLabelKo = "아마존",
     .accountKind = AccountKind::Email,
     .accountKindName = "email",
     .accountFields = {},
     .sourcePrefix = "imap",
     .idPrefix = "",
     .mail = true,
     .board = false,
     .minLength = 0,
     .maxLength = 0,
     .unit = LengthUnit::None,
     .due = {Channel::Amazon, 24, true, false},
     .badge = {0xb45309, "a"}},
    // G마켓 and 옥션 through ESM's Trading API (docs/marketplaces.md): one account signs for both sites, so
    // one row; which site an item came from is a field of the item. ESM takes an answer of at most 1,000
    // bytes; it does not say in which encoding, and UTF-8 (3 bytes a Hangul syllable) is the stricter of
    // the two it could mean. Urgent notices (긴급알리미) carry their own reply-by date.
    {.channel = Channel::Esm,
     .name = "esm",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "Gmarket/Auction"),
     .customerLabelEn = "Gmarket/Auction",
     .customerLabelKo = "G마켓/옥션",
     .accountKind = AccountKind::Esm,
     .accountKindName = "esm",
     .accountFields = kEsmFields,
     .sourcePrefix = "esm",
     .idPrefix = "esm:",
     .mail = false,
     .board = true,
     .minLength = 2,
     .maxLength = 1000,
     .unit = LengthUnit::Utf8Bytes,
     .due = {Channel::Esm, 24, true, false},
     .badge = {0x16a34a, "G"}},
    // eBay: buyers' messages (Message API) and post-order cases. eBay publishes no message length for the
    // API; 2000 characters is what its message pages take (uncertain). A case's respond-by date wins over
    // the 24-hour clock when earlier (InboundMessage::replyBy).
    {.channel = Channel::Ebay,
     .name = "ebay",
     .label = QT_TRANSLATE_NOOP("casebook::ui", "eBay"),
     .customerLabelEn = "eBay",
     .customerLabelKo = "이베이",
     .accountKind = AccountKind::Ebay,
     .accountKindName = "ebay",
     .accountFields = kEbayFields,
     .secretHint = QT_TRANSLATE_NOOP("casebook::ui", "Cert ID (client secret), a space, the refresh token"),
     .sourcePrefix = "ebay",
     .idPrefix = "ebay:",
     .mail = false,
     .board = true,
     .minLength = 2,
     .maxLength = 2000,
     .unit = LengthUnit::CodePoints,
     .due = {Channel::Ebay, 24, true, false},
     .badge = {0x0064d2, "e"}},
}};

inline constexpr std::size_t kChannelCount = kChannelTable.size();

constexpr std::size_t channelIndex(Channel c)
{
    for (std::size_t i = 0; i < kChannelTable.size(); ++i)
        if (kChannelTable[i].channel == c)
            return i;
    return 0; // unreachable: every Channel has a row ([channels] test)
}

constexpr const ChannelInfo& channelInfo(Channel c)
{
    return kChannelTable[channelIndex(c)];
}

constexpr const ChannelInfo* channelInfo(std::string_view name)
{
    for (const ChannelInfo& row : kChannelTable)
        if (row.name == name)
            return &row;
    return nullptr;
}

// The row that an account of this kind answers (the first with that kind).
constexpr const ChannelInfo& channelOfAccountKind(AccountKind k)
{
    for (const ChannelInfo& row : kChannelTable)
        if (row.accountKind == k)
            return row;
    return kChannelTable[0];
}

// Whether the row is its account kind's own (the first row of the kind): a channel answered through
// another channel's account (Amazon through email) adds no kind of its own to the lists of kinds.
constexpr bool ownsAccountKind(const ChannelInfo& row)
{
    return row.accountKind && channelOfAccountKind(*row.accountKind).channel == row.channel;
}

constexpr std::optional<AccountKind> accountKindOfName(std::string_view name)
{
    for (const ChannelInfo& row : kChannelTable)
        if (row.accountKind && row.accountKindName == name)
            return row.accountKind;
    return std::nullopt;
}

// The account kind whose syncs write sources "PREFIX:<account>".
constexpr std::optional<AccountKind> accountKindOfSourcePrefix(std::string_view prefix)
{
    for (const ChannelInfo& row : kChannelTable)
        if (row.accountKind && row.sourcePrefix == prefix)
            return row.accountKind;
    return std::nullopt;
}

// The channel an external id belongs to: the row whose prefix it starts with, else email (a Message-ID; a
// mail relay's message is told apart by its address, not its id).
constexpr Channel channelOfExternalId(std::string_view id)
{
    for (const ChannelInfo& row : kChannelTable)
        if (!row.idPrefix.empty() && id.substr(0, row.idPrefix.size()) == row.idPrefix)
            return row.channel;
    return Channel::Email;
}

// The length of a text as `unit` counts it, from its UTF-16 (QString's) units. A lone surrogate counts as
// one code point, as three bytes (U+FFFD).
constexpr int lengthIn(LengthUnit unit, std::u16string_view text)
{
    int n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char16_t u = text[i];
        const bool pair =
            u >= 0xD800 && u < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000;
        switch (unit) {
        case LengthUnit::None:
        case LengthUnit::Utf16Units:
            n += pair ? 2 : 1;
            break;
        case LengthUnit::CodePoints:
            n += 1;
            break;
        case LengthUnit::Utf8Bytes:
            n += pair ? 4 : u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
            break;
        }
        if (pair)
            ++i;
    }
    return n;
}

// The strictest limits over every board: what a template meant for any board must keep to.
constexpr int strictestBoardMaxLength()
{
    int limit = 0;
    for (const ChannelInfo& row : kChannelTable)
        if (row.board && (limit == 0 || row.maxLength < limit))
            limit = row.maxLength;
    return limit;
}

constexpr int strictestBoardMinLength()
{
    int limit = 0;
    for (const ChannelInfo& row : kChannelTable)
        if (row.board && row.minLength > limit)
            limit = row.minLength;
    return limit;
}

} // namespace casebook
