#pragma once

#include "model/channel_table.h"

#include <QHashFunctions>
#include <QString>
#include <QStringList>
#include <optional>

namespace casebook {

enum class TicketStatus { New, Open, Waiting, Resolved, Spam };
enum class Direction { In, Out, Note };
enum class Category { Shipping, Return, Refund, Exchange, Defect, MissingItem, Payment, Review, Abuse, Other };

// The stable names used in the database, JSON output and the CLI (a channel's from its row in
// model/channel_table.h).
QString toString(TicketStatus s);
QString toString(Channel c);
QString toString(Direction d);
QString toString(Category c);

std::optional<TicketStatus> ticketStatusFromString(const QString& s);
std::optional<Channel> channelFromString(const QString& s);
// Of these channels (by name), the one whose marketplace may take a question over when its answer time is up
// (DueRule::takesOver); which tickets it does take over is takeover_queries' to say.
std::optional<Channel> takeoverChannel(const QStringList& channels);
std::optional<Direction> directionFromString(const QString& s);
std::optional<Category> categoryFromString(const QString& s);

// For QHash keys.
inline size_t qHash(Category c, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(c), seed);
}

QStringList allTicketStatusNames();
QStringList allCategoryNames();
QStringList allChannelNames();

// The length of a text as `unit` counts it (lengthIn over the QString's UTF-16).
int lengthIn(LengthUnit unit, const QString& text);
// The length of a text as the channel's board counts it (ChannelInfo::unit).
int boardLength(Channel c, const QString& text);

// A text of the channel table (UTF-8) as a QString.
inline QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

} // namespace casebook
