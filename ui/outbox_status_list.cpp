#include "outbox_status_list.h"

#include "compose/outbox.h"

#include <QLocale>
#include <QTimer>

namespace casebook::ui {
namespace {

constexpr int kPollMs = 5000; // the sender's progress shows within seconds

QString firstLine(const QString& text)
{
    const QString line = text.trimmed().section(QLatin1Char('\n'), 0, 0);
    return line.size() > 60 ? line.left(59) + QStringLiteral("…") : line;
}

} // namespace

OutboxStatusList::OutboxStatusList(Database& db, QWidget* parent)
    : QListWidget(parent), m_db(db), m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("outboxList"));
    setMaximumHeight(84);
    setWordWrap(true);
    setFocusPolicy(Qt::NoFocus);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_poll->start();
    hide();
}

void OutboxStatusList::setTicket(qint64 ticketId)
{
    m_ticketId = ticketId;
    refresh();
}

void OutboxStatusList::refresh()
{
    clear();
    if (!m_ticketId) {
        hide();
        return;
    }
    auto items = Outbox(m_db).list(m_ticketId);
    if (!items) {
        new QListWidgetItem(items.error().message, this);
        show();
        return;
    }
    for (const OutboxItem& it : items.value()) {
        const QString when = QLocale().toString(it.updatedAt.toLocalTime(), QLocale::ShortFormat);
        QString state;
        QColor color(0x55, 0x55, 0x55);
        switch (it.state) {
        case OutboxState::Queued:
            state = it.lastError.isEmpty() ? tr("Queued") : tr("Queued, waiting: %1").arg(it.lastError);
            break;
        case OutboxState::Sending:
            state = tr("Sending…");
            break;
        case OutboxState::Sent:
            state = tr("Sent");
            color = QColor(0x15, 0x80, 0x3d);
            break;
        case OutboxState::Failed:
            state = tr("Failed: %1").arg(it.lastError);
            color = QColor(0xdc, 0x26, 0x26);
            break;
        case OutboxState::Unknown:
            state = tr("Unknown: check the Sent folder (or the marketplace) before sending again");
            color = QColor(0xb4, 0x53, 0x09);
            break;
        }
        auto* row =
            new QListWidgetItem(QStringLiteral("%1 · %2 · %3").arg(state, when, firstLine(it.body)), this);
        row->setForeground(color);
        row->setData(Qt::UserRole, it.id);
        row->setData(Qt::UserRole + 1, toString(it.state));
    }
    setVisible(count() > 0);
}

} // namespace casebook::ui
