#pragma once

#include "model/enums.h"

#include <QColor>
#include <QIcon>
#include <optional>
#include <QString>

namespace casebook::ui {

// A small coloured badge per channel (drawn, so it needs no image plugin), and the channel's display name.
QIcon channelIcon(const QString& channel);
QString channelDisplayName(const QString& channel);

// "3h 20m left", "overdue 2h" and the colour that goes with it (none, amber, red) on the current palette. When
// a marketplace takes the question over at that time (takeover_queries: Coupang's call-center inquiries), the
// text says so: "Coupang takes over in 3h 20m".
struct DueText {
    QString text;
    QColor color;
    QString brief; // the same for a narrow column ("Coupang in 3h 20m"); the text says it whole
};
DueText dueText(const QDateTime& due, const QDateTime& now, std::optional<Channel> takeover = std::nullopt);

// A length of time in the window's language: "1d 4h", "3h 20m", "25m" (never less than a minute).
QString durationDisplay(qint64 secs);

QString statusDisplayName(TicketStatus s);
QString categoryDisplayName(Category c);

} // namespace casebook::ui
