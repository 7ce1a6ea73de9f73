#pragma once

#include "model/clock.h"

#include <QDialog>

class QDateTimeEdit;

namespace casebook::ui {

// "s": until when a ticket stays out of the Inbox. Quick choices for the usual answers, or any date.
class SnoozeDialog : public QDialog {
    Q_OBJECT
public:
    SnoozeDialog(const Clock& clock, QWidget* parent = nullptr);

    QDateTime until() const; // UTC
    QDateTimeEdit* editor() const { return m_edit; }

private:
    QDateTimeEdit* m_edit;
};

} // namespace casebook::ui
