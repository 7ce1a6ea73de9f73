#pragma once

#include "model/clock.h"
#include "store/database.h"
#include "store/ticket_queries.h"
#include "view_selection.h"

#include <QWidget>

class QListWidget;
class QListWidgetItem;

namespace casebook::ui {

// The left pane: the inbox's views, its channels and categories, and the seller's saved searches, each with
// the number of tickets in it. Saved searches are added, renamed and deleted from the context menu.
class ViewsPane : public QWidget {
    Q_OBJECT
public:
    ViewsPane(Database& db, const Clock& clock, QWidget* parent = nullptr);

    // Re-reads the counts (and the channels and saved searches), keeping the current choice.
    void refreshCounts();
    void selectView(TicketView view);
    TicketView currentView() const;
    ViewSelection currentSelection() const;
    // The query a new saved search starts from: what the search box holds.
    void setCurrentSearch(const QString& query) { m_currentSearch = query; }

    void addSavedSearch();
    void renameSavedSearch(QListWidgetItem* item);
    void deleteSavedSearch(QListWidgetItem* item);

Q_SIGNALS:
    void viewChosen(casebook::TicketView view);
    void selectionChosen(const casebook::ui::ViewSelection& selection);

private:
    void rebuild(bool withCounts = true);
    void showContextMenu(const QPoint& pos);
    void reportError(const QString& message);

    Database& m_db;
    const Clock& m_clock;
    QListWidget* m_list;
    QString m_currentSearch;
    bool m_rebuilding = false;
};

} // namespace casebook::ui
