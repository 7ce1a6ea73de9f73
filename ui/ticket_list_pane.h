#pragma once

#include "store/ticket_queries.h"

#include <QWidget>

class QLineEdit;
class QTreeView;

namespace casebook::ui {

class TicketListModel;

// The middle pane: the tickets of the chosen view.
class TicketListPane : public QWidget {
    Q_OBJECT
public:
    TicketListPane(TicketListModel* model, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    QLineEdit* searchBox() const { return m_search; }
    void focusSearch();
    void selectRow(int row);
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray& state);

Q_SIGNALS:
    void ticketSelected(qint64 ticketId);
    void searchProblem(const QString& message); // empty when the query is fine

private:
    TicketListModel* m_model;
    QTreeView* m_view;
    QLineEdit* m_search;
};

} // namespace casebook::ui
