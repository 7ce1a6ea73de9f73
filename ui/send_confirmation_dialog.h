#pragma once

#include "compose/tone_finding.h"

#include <QDialog>

class QCheckBox;
class QListWidget;
class QPushButton;

namespace casebook::ui {

// Shown when a reply has tone findings: each one with its passage, reason and suggestion. When a policy
// finding on a marketplace channel blocks the reply, sending takes ticking an explicit override.
class SendConfirmationDialog : public QDialog {
    Q_OBJECT
public:
    SendConfirmationDialog(const QList<ToneFinding>& findings, bool blocked, const QString& channelName,
                           QWidget* parent = nullptr);

    QListWidget* findingsList() const { return m_list; }
    QCheckBox* overrideBox() const { return m_override; } // nullptr unless blocked
    QPushButton* sendButton() const { return m_send; }

private:
    QListWidget* m_list;
    QCheckBox* m_override = nullptr;
    QPushButton* m_send;
};

} // namespace casebook::ui
