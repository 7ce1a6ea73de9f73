#pragma once

#include "store/ticket_queries.h"
#include "view_selection.h"

#include <QSet>
#include <QWidget>

class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace casebook::ui {

class QuarantinePane;
class TicketListModel;

// The middle pane: the tickets of the chosen view.
class TicketListPane : public QWidget {
    Q_OBJECT
public:
    TicketListPane(TicketListModel* model, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    TicketListModel* model() const { return m_model; }
    QuarantinePane* quarantinePane() const { return m_quarantine; }
    QLineEdit* searchBox() const { return m_search; }
    void focusSearch();
    void selectRow(int row);
    // Points the list at what the views pane chose: a view, a channel or category, a saved search, or the
    // messages that could not be read.
    void showSelection(const ViewSelection& selection);
    // The ids of the selected tickets, the current one first.
    QList<qint64> selectedTicketIds() const;
    qint64 currentTicketId() const;
    // Reloads the list and keeps the current ticket selected, or the row where it was if it left the view.
    void reloadKeepingPlace();
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray& state);
    // The sort the seller picked on the header ("column,asc" or "column,desc"), or empty while each view
    // keeps its own order (the Inbox: what is due first). The window keeps it across restarts.
    QString chosenSort() const;
    void restoreChosenSort(const QString& sort);
    // Widens the short columns (due, channel, category, status, activity) to their texts.
    void fitColumns();

Q_SIGNALS:
    void ticketSelected(qint64 ticketId);
    void searchProblem(const QString& message); // empty when the query is fine

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runSearch();
    // Puts the indicator on the column the view orders by, without sorting (the model's Default).
    void showViewOrder();

    TicketListModel* m_model;
    QTreeView* m_view;
    QLineEdit* m_search;
    QuarantinePane* m_quarantine;
    QStackedWidget* m_stack;
    bool m_sortChosen = false;
    bool m_fitting = false;      // a width set by fitColumns, not by the seller
    QSet<int> m_sizedByHand;     // columns the seller resized: fitColumns leaves them be
};

} // namespace casebook::ui
