#pragma once

#include "store/database.h"

#include <QDialog>

namespace casebook::ui {

// The custody log of one case, read-only, with whether its hash chain still holds.
class CustodyLogDialog : public QDialog {
    Q_OBJECT
public:
    CustodyLogDialog(Database& db, qint64 ticketId, int caseNumber, QWidget* parent = nullptr);
};

} // namespace casebook::ui
