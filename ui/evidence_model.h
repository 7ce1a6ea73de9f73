#pragma once

#include "model/values.h"
#include "store/database.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>
#include <optional>

namespace casebook::ui {

// The evidence of one case, one row per file, with a thumbnail (drawn on first display and kept).
class EvidenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, SizeColumn, CapturedColumn, AddedColumn, HashColumn, NoteColumn, ColumnCount };
    enum Role { Sha256Role = Qt::UserRole + 1, EvidenceIdRole, StoredPathRole };

    EvidenceModel(Database& db, QObject* parent = nullptr);

    void setTicket(qint64 ticketId);
    void reload();
    qint64 ticketId() const { return m_ticketId; }
    const EvidenceRecord& record(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Preview {
        QPixmap thumbnail;
        std::optional<qint64> durationMs;
    };
    const Preview& preview(const EvidenceRecord& r) const;

    Database& m_db;
    qint64 m_ticketId = 0;
    QList<EvidenceRecord> m_rows;
    mutable QHash<QString, Preview> m_previews; // by SHA-256: the content never changes
};

} // namespace casebook::ui
