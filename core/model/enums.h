#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringList>

#include <optional>

namespace casebook {

enum class TicketStatus { New, Open, Waiting, Resolved, Spam };
enum class Channel { Email, Coupang, Naver, Csv };
enum class Direction { In, Out, Note };
enum class Category { Shipping, Return, Refund, Exchange, Defect, MissingItem, Payment, Review, Abuse, Other };

// The stable names used in the database, JSON output and the CLI.
QString toString(TicketStatus s);
QString toString(Channel c);
QString toString(Direction d);
QString toString(Category c);

std::optional<TicketStatus> ticketStatusFromString(const QString& s);
std::optional<Channel> channelFromString(const QString& s);
std::optional<Direction> directionFromString(const QString& s);
std::optional<Category> categoryFromString(const QString& s);

// For QHash keys.
inline size_t qHash(Category c, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(c), seed);
}

QStringList allTicketStatusNames();
QStringList allCategoryNames();

} // namespace casebook
