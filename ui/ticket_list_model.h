#pragma once

#include "model/clock.h"
#include "store/database.h"
#include "store/ticket_queries.h"

#include <QAbstractTableModel>
#include <QHash>

namespace casebook::ui {

// The tickets of one view. Loads the ids of the whole view first (cheap), and each row's details only when
// a view asks for them, a block at a time, so a view of 100,000 tickets opens at once.
class TicketListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DueColumn,
        ChannelColumn,
        CustomerColumn,
        SubjectColumn,
        CategoryColumn,
        StatusColumn,
        ActivityColumn,
        ColumnCount
    };
    // Roles views read; DisplayRole gives each column's text.
    enum Role {
        TicketIdRole = Qt::UserRole + 1, // qint64
        TicketNumberRole,                // int
        StatusRole,                      // QString, TicketStatus's stable name
        DueAtRole,                       // QDateTime (UTC) or invalid
        ChannelsRole,                    // QStringList
        UnreadRole,                      // int
        CustomerFlagsRole,               // QStringList: "abusive", "vip"
    };

    TicketListModel(Database& db, const Clock& clock, QObject* parent = nullptr);

    void setView(TicketView view);
    // A view, narrowed to one channel's or one category's tickets (nullopt for all), or a search; one reload.
    void show(TicketView view, std::optional<Channel> channel, std::optional<Category> category,
              const QString& query);
    // Tickets with a message matching `query` (the search language of core/store/search_query.h), across
    // views; an empty query returns to the view. Returns the query's error, if any.
    QString setSearch(const QString& query);
    // Exactly these tickets (the ones behind a report's bar), until a view or a search is chosen.
    void showTickets(const QList<qint64>& ids);
    const QString& search() const { return m_search; }
    TicketView view() const { return m_filter.view; }
    Database& database() const { return m_db; }
    void reload();
    // Sorted in SQL: the ids come back in order and details still load a block at a time.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int rowOfTicket(qint64 ticketId) const { return m_ids.indexOf(ticketId); }

private:
    const TicketSummary* summaryAt(int row) const;
    // The marketplace that takes the ticket over when it is due (Coupang's call-center inquiries), read with
    // the ticket's block of rows.
    std::optional<Channel> takeoverOf(qint64 ticketId) const;

    static constexpr int kBlock = 200;
    Database& m_db;
    const Clock& m_clock;
    TicketFilter m_filter{.view = TicketView::Inbox};
    QString m_search;
    QString m_searchError;
    std::optional<QList<qint64>> m_fixed; // showTickets()
    QList<qint64> m_ids;
    mutable QHash<int, QList<TicketSummary>> m_blocks; // block index → summaries of its rows
    mutable QHash<qint64, Channel> m_takeover;         // ticket → the marketplace taking it over
};

} // namespace casebook::ui
