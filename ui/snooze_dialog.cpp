#include "snooze_dialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace casebook::ui {

SnoozeDialog::SnoozeDialog(const Clock& clock, QWidget* parent)
    : QDialog(parent), m_edit(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("snoozeDialog"));
    setWindowTitle(tr("Snooze"));
    m_edit->setObjectName(QStringLiteral("snoozeUntil"));
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QDateTime now = clock.now().toLocalTime();
    const QDateTime tomorrowMorning(now.date().addDays(1), QTime(9, 0));
    m_edit->setMinimumDateTime(now);
    m_edit->setDateTime(tomorrowMorning);

    auto* quick = new QHBoxLayout;
    auto preset = [&](const QString& text, const QString& name, const QDateTime& at) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, [this, at] {
            m_edit->setDateTime(at);
            accept();
        });
        quick->addWidget(b);
    };
    preset(tr("In 3 hours"), QStringLiteral("snoozeLater"), now.addSecs(3 * 3600));
    preset(tr("Tomorrow 9:00"), QStringLiteral("snoozeTomorrow"), tomorrowMorning);
    const int toMonday = 8 - now.date().dayOfWeek(); // 1..7 days ahead
    preset(tr("Next Monday"), QStringLiteral("snoozeNextWeek"),
           QDateTime(now.date().addDays(toMonday), QTime(9, 0)));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Hide from the Inbox until:"), this));
    layout->addLayout(quick);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
}

QDateTime SnoozeDialog::until() const
{
    return m_edit->dateTime().toUTC();
}

} // namespace casebook::ui
