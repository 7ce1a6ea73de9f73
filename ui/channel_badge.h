#pragma once

#include "model/enums.h"

#include <QIcon>
#include <QString>

namespace casebook::ui {

// A small coloured badge per channel (drawn, so it needs no image plugin), and the channel's display name.
QIcon channelIcon(const QString& channel);
QString channelDisplayName(const QString& channel);

// "3h 20m left", "overdue 2h" and the colour that goes with it (none, amber, red) on the current palette.
struct DueText {
    QString text;
    QColor color;
};
DueText dueText(const QDateTime& due, const QDateTime& now);

QString statusDisplayName(TicketStatus s);
QString categoryDisplayName(Category c);

} // namespace casebook::ui
