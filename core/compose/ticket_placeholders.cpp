#include "compose/ticket_placeholders.h"

#include "compose/tone_checker.h"
#include "model/channel_keys.h"
#include "store/app_settings.h"
#include "store/order_cache.h"
#include "store/sql_util.h"
#include "store/ticket_queries.h"

#include <QTimeZone>
#include <SQLiteCpp/Statement.h>

namespace casebook {
namespace {

// {{marketplace}}: what customers call the channel, from its row of the channel table; empty for a channel
// that is not a marketplace.
QString marketplaceName(const QString& channel, const QString& language)
{
    const auto c = channelFromString(channel);
    if (!c)
        return {};
    const ChannelInfo& row = channelInfo(*c);
    return toQString(language == QLatin1String("ko") ? row.customerLabelKo : row.customerLabelEn);
}

} // namespace

std::optional<PlaceholderValues> TicketPlaceholders::forTicket(SQLite::Database& db, int number,
                                                               const QString& language)
{
    const auto ticket = ticket_queries::ticketByNumber(db, number);
    if (!ticket)
        return std::nullopt;
    PlaceholderValues v;
    v.insert(QStringLiteral("ticket_number"), QString::number(ticket->number));
    v.insert(QStringLiteral("subject"), ticket->subject);
    v.insert(QStringLiteral("customer_name"), ticket->customerName.trimmed());
    if (!ticket->orderNumbers.isEmpty()) {
        v.insert(QStringLiteral("order_number"), ticket->orderNumbers.first());
        v.insert(QStringLiteral("order_numbers"), ticket->orderNumbers.join(QStringLiteral(", ")));
    }
    // A ticket can span channels; the marketplace one is where the answer goes.
    QString channel = ticket->channels.isEmpty() ? QString() : ticket->channels.first();
    for (const QString& c : ticket->channels)
        if (!marketplaceName(c, language).isEmpty())
            channel = c;
    v.insert(QStringLiteral("channel"), channel);
    v.insert(QStringLiteral("marketplace"), marketplaceName(channel, language));
    if (const auto customer = ticket_queries::customerOfTicket(db, ticket->id)) {
        if (v.value(QStringLiteral("customer_name")).isEmpty())
            v.insert(QStringLiteral("customer_name"), customer->displayName.trimmed());
        for (const Identity& i : customer->identities)
            if (i.kind == identityKindOf(Channel::Email)) {
                v.insert(QStringLiteral("customer_email"), i.value);
                break;
            }
    }
    // The order as last fetched (the side panel or `casebook-cli order` fetch it): never the network here.
    if (const auto order = order_cache::forTicket(db, number)) {
        v.insert(QStringLiteral("product"), order->product());
        v.insert(QStringLiteral("option"), order->option());
        v.insert(QStringLiteral("carrier"), order->carrier);
        v.insert(QStringLiteral("tracking_number"), order->trackingNumber);
        // The market's day of delivery, as its buyers read it (Korea time for both Korean markets).
        if (order->deliveredAt.isValid())
            v.insert(QStringLiteral("delivery_date"),
                     order->deliveredAt.toTimeZone(QTimeZone(9 * 3600)).date().toString(Qt::ISODate));
    }
    const SellerProfile seller = AppSettings::seller(db);
    v.insert(QStringLiteral("seller_name"), seller.name);
    v.insert(QStringLiteral("seller_signature"), seller.signature);
    // Empty values are as good as missing: drop them so rendering names them.
    v.removeIf([](const auto& it) { return it.value().trimmed().isEmpty(); });
    return v;
}

QString TicketPlaceholders::languageOf(SQLite::Database& db, int number)
{
    try {
        SQLite::Statement st(db, "SELECT language, id FROM tickets WHERE number = ?");
        st.bind(1, number);
        if (!st.executeStep())
            return {};
        const QString stored = sql::textOf(st.getColumn(0));
        if (!stored.isEmpty())
            return stored.left(2).toLower();
        const qint64 id = st.getColumn(1).getInt64();
        for (const MessageRecord& m : ticket_queries::messagesOfTicket(db, id))
            if (m.direction == Direction::In && !m.text.trimmed().isEmpty())
                return ToneChecker::detectLanguage(m.subject + QLatin1Char('\n') + m.text);
    } catch (const SQLite::Exception&) {
    }
    return {};
}

} // namespace casebook
