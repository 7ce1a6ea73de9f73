#include "model/enums.h"

#include <array>
#include <utility>

namespace casebook {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

constexpr Names<TicketStatus, 5> kStatus{{{TicketStatus::New, "new"},
                                          {TicketStatus::Open, "open"},
                                          {TicketStatus::Waiting, "waiting"},
                                          {TicketStatus::Resolved, "resolved"},
                                          {TicketStatus::Spam, "spam"}}};
constexpr Names<Direction, 3> kDirection{{{Direction::In, "in"}, {Direction::Out, "out"}, {Direction::Note, "note"}}};
constexpr Names<Category, 10> kCategory{{{Category::Shipping, "shipping"},
                                         {Category::Return, "return"},
                                         {Category::Refund, "refund"},
                                         {Category::Exchange, "exchange"},
                                         {Category::Defect, "defect"},
                                         {Category::MissingItem, "missing_item"},
                                         {Category::Payment, "payment"},
                                         {Category::Review, "review"},
                                         {Category::Abuse, "abuse"},
                                         {Category::Other, "other"}}};

template <typename E, std::size_t N>
QString nameOf(const Names<E, N>& names, E value)
{
    for (const auto& [v, n] : names)
        if (v == value)
            return QString::fromLatin1(n);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Names<E, N>& names, const QString& s)
{
    for (const auto& [v, n] : names)
        if (s == QLatin1String(n))
            return v;
    return std::nullopt;
}

template <typename E, std::size_t N>
QStringList namesOf(const Names<E, N>& names)
{
    QStringList out;
    for (const auto& entry : names)
        out << QString::fromLatin1(entry.second);
    return out;
}

} // namespace

QString toString(TicketStatus s) { return nameOf(kStatus, s); }
QString toString(Channel c)
{
    return toQString(channelInfo(c).name);
}
QString toString(Direction d) { return nameOf(kDirection, d); }
QString toString(Category c) { return nameOf(kCategory, c); }

std::optional<TicketStatus> ticketStatusFromString(const QString& s) { return valueOf(kStatus, s); }
std::optional<Channel> channelFromString(const QString& s)
{
    const ChannelInfo* row = channelInfo(s.toStdString()); // UTF-8
    return row ? std::optional(row->channel) : std::nullopt;
}
std::optional<Channel> takeoverChannel(const QStringList& channels)
{
    for (const QString& name : channels)
        if (const auto c = channelFromString(name); c && channelInfo(*c).due.takesOver)
            return c;
    return std::nullopt;
}
std::optional<Direction> directionFromString(const QString& s) { return valueOf(kDirection, s); }
std::optional<Category> categoryFromString(const QString& s) { return valueOf(kCategory, s); }

QStringList allTicketStatusNames() { return namesOf(kStatus); }
QStringList allCategoryNames() { return namesOf(kCategory); }

int lengthIn(LengthUnit unit, const QString& text)
{
    return lengthIn(unit, std::u16string_view(reinterpret_cast<const char16_t*>(text.utf16()),
                                              std::size_t(text.size())));
}

int boardLength(Channel c, const QString& text)
{
    return lengthIn(channelInfo(c).unit, text);
}

QStringList allChannelNames()
{
    QStringList out;
    for (const ChannelInfo& row : kChannelTable)
        out << toQString(row.name);
    return out;
}

} // namespace casebook
