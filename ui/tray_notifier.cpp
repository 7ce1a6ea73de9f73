#include "tray_notifier.h"

#include "channel_badge.h"
#include "store/takeover_queries.h"
#include "store/ticket_queries.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>

namespace casebook::ui {
namespace {

// The app's icon when the desktop gives one, else a drawn mark (no image plugin needed).
QIcon trayIcon()
{
    QIcon icon = QApplication::windowIcon();
    if (!icon.isNull())
        return icon;
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x25, 0x63, 0xeb));
    p.drawRoundedRect(QRectF(1, 1, 30, 30), 7, 7);
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(20);
    p.setFont(f);
    p.drawText(pm.rect(), Qt::AlignCenter, QStringLiteral("C"));
    return QIcon(pm);
}

} // namespace

TrayNotifier::TrayNotifier(Database& db, const Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_clock(clock), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("trayNotifier"));
    connect(m_timer, &QTimer::timeout, this, &TrayNotifier::checkDueSoon);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(trayIcon(), this);
    m_tray->setToolTip(QStringLiteral("Casebook"));
    auto* menu = new QMenu();
    menu->addAction(tr("Show Casebook"), this, &TrayNotifier::showWindowRequested);
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, &TrayNotifier::quitRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activateLastNotice);
    m_tray->show();
}

TrayNotifier::~TrayNotifier()
{
    if (m_tray)
        delete m_tray->contextMenu();
}

void TrayNotifier::start(int intervalMs)
{
    checkDueSoon();
    m_timer->start(intervalMs);
}

void TrayNotifier::ticketsArrived(int count)
{
    if (count <= 0)
        return;
    notify({tr("New inquiries"), tr("%n new inquiries arrived.", nullptr, count), 0});
}

void TrayNotifier::checkDueSoon()
{
    TicketFilter filter;
    filter.view = TicketView::DueSoon;
    filter.now = m_clock.now();
    const QList<qint64> due = ticket_queries::ticketIds(m_db.reader(), filter);
    QList<qint64> fresh;
    for (qint64 id : due)
        if (!m_dueTold.contains(id))
            fresh << id;
    m_dueTold = QSet<qint64>(due.begin(), due.end());
    const bool first = !m_checkedOnce;
    m_checkedOnce = true;
    if (fresh.isEmpty())
        return;
    if (fresh.size() > 1 || first) {
        notify({tr("Answers due soon"), tr("%n tickets are due soon or overdue.", nullptr, int(fresh.size())),
                fresh.size() == 1 ? fresh.first() : 0});
        return;
    }
    const QList<TicketSummary> tickets = ticket_queries::ticketsByIds(m_db.reader(), {fresh.first()});
    if (tickets.isEmpty())
        return;
    const TicketSummary& t = tickets.first();
    notify({tr("Answer due soon"),
            tr("#%1 %2 (%3)").arg(t.number).arg(t.subject, dueText(t.dueAt, m_clock.now(), takeover_queries::of(m_db.reader(), t.id)).text), t.id});
}

void TrayNotifier::activateLastNotice()
{
    Q_EMIT ticketActivated(m_last.ticketId);
}

void TrayNotifier::notify(Notice notice)
{
    m_last = std::move(notice);
    if (m_tray)
        m_tray->showMessage(m_last.title, m_last.text, QSystemTrayIcon::Information, 10 * 1000);
    Q_EMIT notified(m_last.title, m_last.text);
}

} // namespace casebook::ui
