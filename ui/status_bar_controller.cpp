#include "status_bar_controller.h"

#include "semantic_colors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStatusBar>

namespace casebook::ui {

StatusBarController::StatusBarController(QStatusBar* bar)
    : QObject(bar), m_bar(bar), m_accountsBox(new QWidget(bar)), m_outboxLabel(new QLabel(bar)),
      m_healthLabel(new QLabel(bar))
{
    setObjectName(QStringLiteral("statusBarController"));
    m_accountsBox->setObjectName(QStringLiteral("accountStates"));
    auto* layout = new QHBoxLayout(m_accountsBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    m_outboxLabel->setObjectName(QStringLiteral("outboxCount"));
    m_healthLabel->setObjectName(QStringLiteral("healthNotice"));
    m_healthLabel->hide();
    m_bar->addPermanentWidget(m_healthLabel);
    m_bar->addPermanentWidget(m_accountsBox);
    m_bar->addPermanentWidget(m_outboxLabel);
    setOutboxCount(0);
}

QString StatusBarController::accountState(const QString& account) const
{
    const QLabel* label = m_accounts.value(account);
    return label ? label->property("state").toString() : QString();
}

void StatusBarController::setAccountState(const QString& account, const QString& state, bool problem)
{
    QLabel*& label = m_accounts[account];
    if (!label) {
        // Accounts sit left of the outbox count, in the order they first reported.
        label = new QLabel(m_accountsBox);
        label->setObjectName(QStringLiteral("accountState:") + account);
        m_accountsBox->layout()->addWidget(label);
    }
    label->setProperty("state", state);
    label->setText(tr("%1: %2").arg(account, state));
    label->setToolTip(label->text());
    // A palette role, not a fixed colour, so it reads in light and dark.
    QPalette p = m_bar->palette();
    if (problem)
        p.setColor(QPalette::WindowText, SemanticColors::color(SemanticColors::Role::Danger, p));
    label->setPalette(p);
}

void StatusBarController::removeAccount(const QString& account)
{
    delete m_accounts.take(account);
}

void StatusBarController::setHealthNotice(const QString& notice)
{
    m_healthLabel->setText(notice);
    m_healthLabel->setToolTip(notice);
    QPalette p = m_bar->palette();
    p.setColor(QPalette::WindowText, SemanticColors::color(SemanticColors::Role::Danger, p));
    m_healthLabel->setPalette(p);
    m_healthLabel->setVisible(!notice.isEmpty());
}

void StatusBarController::setOutboxCount(int count)
{
    m_outbox = count;
    m_outboxLabel->setText(count == 0 ? tr("Outbox empty") : tr("Outbox: %n to send", nullptr, count));
}

} // namespace casebook::ui
