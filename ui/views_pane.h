#pragma once

#include "model/clock.h"
#include "store/database.h"
#include "store/ticket_queries.h"

#include <QWidget>

class QListWidget;

namespace casebook::ui {

// The left pane: the inbox's views with the number of tickets in each.
class ViewsPane : public QWidget {
    Q_OBJECT
public:
    ViewsPane(Database& db, const Clock& clock, QWidget* parent = nullptr);

    void refreshCounts();
    void selectView(TicketView view);
    TicketView currentView() const;

Q_SIGNALS:
    void viewChosen(casebook::TicketView view);

private:
    Database& m_db;
    const Clock& m_clock;
    QListWidget* m_list;
};

} // namespace casebook::ui
