#include "evidence_model.h"

#include "evidence/evidence_locker.h"
#include "evidence/evidence_preview.h"

#include <QFont>
#include <QFontDatabase>
#include <QLocale>
#include <QTime>

namespace casebook::ui {
namespace {

constexpr int kThumbnail = 56;

QString when(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString duration(qint64 ms)
{
    const QTime t = QTime(0, 0).addMSecs(ms);
    return ms >= 3600 * 1000 ? t.toString(QStringLiteral("h:mm:ss")) : t.toString(QStringLiteral("m:ss"));
}

} // namespace

EvidenceModel::EvidenceModel(Database& db, QObject* parent) : QAbstractTableModel(parent), m_db(db) {}

void EvidenceModel::setTicket(qint64 ticketId)
{
    m_ticketId = ticketId;
    reload();
}

void EvidenceModel::reload()
{
    beginResetModel();
    m_rows = m_ticketId > 0 ? EvidenceLocker(m_db).list(m_ticketId) : QList<EvidenceRecord>{};
    endResetModel();
}

int EvidenceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EvidenceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const EvidenceModel::Preview& EvidenceModel::preview(const EvidenceRecord& r) const
{
    auto it = m_previews.find(r.sha256);
    if (it == m_previews.end()) {
        const EvidencePreview p = evidencePreview(EvidenceLocker(m_db).pathOf(r.sha256), r.mediaType,
                                                  QSize(kThumbnail, kThumbnail));
        it = m_previews.insert(r.sha256, Preview{QPixmap::fromImage(p.image), p.durationMs});
    }
    return *it;
}

QVariant EvidenceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EvidenceRecord& r = m_rows.at(index.row());
    switch (role) {
    case Sha256Role:
        return r.sha256;
    case EvidenceIdRole:
        return r.id;
    case StoredPathRole:
        return EvidenceLocker(m_db).pathOf(r.sha256);
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(preview(r).thumbnail) : QVariant();
    case Qt::FontRole:
        return index.column() == HashColumn ? QVariant(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                                            : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == HashColumn)
            return tr("SHA-256 %1\n(Ctrl+C copies it)").arg(r.sha256);
        if (index.column() == NameColumn)
            return tr("%1\n%2 · added from %3").arg(r.originalName, r.mediaType, r.source);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return r.originalName;
    case SizeColumn: {
        QString size = QLocale().formattedDataSize(r.size);
        if (r.mediaType.startsWith(QLatin1String("video/")))
            if (const auto ms = preview(r).durationMs)
                size += QStringLiteral(" · ") + duration(*ms);
        return size;
    }
    case CapturedColumn:
        return when(r.capturedAt);
    case AddedColumn:
        return when(r.addedAt);
    case HashColumn:
        return r.sha256;
    case NoteColumn:
        return r.note;
    default:
        return {};
    }
}

QVariant EvidenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    static const char* const kHeaders[ColumnCount] = {QT_TR_NOOP("File"),     QT_TR_NOOP("Size"),
                                                      QT_TR_NOOP("Captured"), QT_TR_NOOP("Added"),
                                                      QT_TR_NOOP("SHA-256"),  QT_TR_NOOP("Note")};
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return tr(kHeaders[section]);
}

} // namespace casebook::ui
