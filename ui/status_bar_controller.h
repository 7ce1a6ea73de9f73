#pragma once

#include <QMap>
#include <QObject>

class QLabel;
class QStatusBar;
class QWidget;

namespace casebook::ui {

// The status bar's lasting part: each account's sync state ("shop@example.com: synced 14:02") and the number
// of replies waiting in the outbox. Whoever syncs or sends feeds it; transient messages stay the bar's own.
class StatusBarController : public QObject {
    Q_OBJECT
public:
    explicit StatusBarController(QStatusBar* bar);

    QString accountState(const QString& account) const;
    int outboxCount() const { return m_outbox; }

public Q_SLOTS:
    // `state` is what a person reads: "synced 14:02", "syncing…", "offline: could not reach the server".
    // `problem` shows it in the danger colour.
    void setAccountState(const QString& account, const QString& state, bool problem = false);
    void removeAccount(const QString& account);
    void setOutboxCount(int count);
    // A lasting notice about the accounts' connections (a Coupang key about to expire), in the danger
    // colour; empty hides it.
    void setHealthNotice(const QString& notice);

private:
    QStatusBar* m_bar;
    QWidget* m_accountsBox;
    QMap<QString, QLabel*> m_accounts;
    QLabel* m_outboxLabel;
    QLabel* m_healthLabel;
    int m_outbox = 0;
};

} // namespace casebook::ui
