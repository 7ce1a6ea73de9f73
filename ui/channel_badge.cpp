#include "channel_badge.h"

#include "semantic_colors.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPainter>
#include <QPixmap>

namespace casebook::ui {
namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("casebook::ui", s);
}

QPixmap badge(const QColor& color, const QString& letter, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size * 0.25, size * 0.25);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(int(size * 0.62));
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(QRect(0, 0, size, size), Qt::AlignCenter, letter);
    return pm;
}

} // namespace

// Both read the channel's row of the channel table (model/channel_table.h); a name with no row (an old
// database's, a newer version's) gets a grey "?" and itself as its name.
QIcon channelIcon(const QString& channel)
{
    QColor color(0x6b, 0x72, 0x80);
    QString letter = QStringLiteral("?");
    if (const auto c = channelFromString(channel)) {
        const Badge& b = channelInfo(*c).badge;
        color = QColor::fromRgb(QRgb(b.rgb));
        letter = QString::fromUtf8(b.text);
    }
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(badge(color, letter, size));
    return icon;
}

QString channelDisplayName(const QString& channel)
{
    const auto c = channelFromString(channel);
    return c ? tr(channelInfo(*c).label) : channel;
}

QString durationDisplay(qint64 secs)
{
    const qint64 a = std::abs(secs);
    return a >= 86400  ? tr("%1d %2h").arg(a / 86400).arg((a % 86400) / 3600)
           : a >= 3600 ? tr("%1h %2m").arg(a / 3600).arg((a % 3600) / 60)
                       : tr("%1m").arg(std::max<qint64>(1, a / 60));
}

DueText dueText(const QDateTime& due, const QDateTime& now, std::optional<Channel> by)
{
    if (!due.isValid())
        return {};
    const qint64 secs = now.secsTo(due);
    const QString span = durationDisplay(secs);
    if (by) {
        const QString name = tr(channelInfo(*by).label);
        if (secs < 0) {
            const QString took = tr("%1 took over %2 ago").arg(name, span);
            return {took, SemanticColors::color(SemanticColors::Role::Danger), took};
        }
        return {tr("%1 takes over in %2").arg(name, span),
                SemanticColors::color(secs < 4 * 3600 ? SemanticColors::Role::Danger : SemanticColors::Role::Warning),
                QCoreApplication::translate("casebook::ui", "%1 in %2", "the marketplace takes the question over in")
                    .arg(name, span)};
    }
    const auto same = [](const QString& text, const QColor& color) { return DueText{text, color, text}; };
    if (secs < 0)
        return same(tr("overdue %1").arg(span), SemanticColors::color(SemanticColors::Role::Danger));
    if (secs < 4 * 3600)
        return same(tr("%1 left").arg(span), SemanticColors::color(SemanticColors::Role::Warning));
    return same(tr("%1 left").arg(span), QColor());
}

QString statusDisplayName(TicketStatus s)
{
    switch (s) {
    case TicketStatus::New:
        return tr("New");
    case TicketStatus::Open:
        return tr("Open");
    case TicketStatus::Waiting:
        return tr("Waiting");
    case TicketStatus::Resolved:
        return tr("Resolved");
    case TicketStatus::Spam:
        return tr("Spam");
    }
    return {};
}

QString categoryDisplayName(Category c)
{
    switch (c) {
    case Category::Shipping:
        return tr("Shipping");
    case Category::Return:
        return tr("Return");
    case Category::Refund:
        return tr("Refund");
    case Category::Exchange:
        return tr("Exchange");
    case Category::Defect:
        return tr("Defect");
    case Category::MissingItem:
        return tr("Missing item");
    case Category::Payment:
        return tr("Payment");
    case Category::Review:
        return tr("Review");
    case Category::Abuse:
        return tr("Abuse");
    case Category::Other:
        return tr("Other");
    }
    return {};
}

} // namespace casebook::ui
