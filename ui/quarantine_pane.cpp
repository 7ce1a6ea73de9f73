#include "quarantine_pane.h"

#include "store/ticket_lookup.h"
#include "store/ticket_queries.h"

#include <QHeaderView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace casebook::ui {
namespace {
constexpr int kShaRole = Qt::UserRole;
// A raw message can be huge; its opening is what tells a person what it is.
constexpr qsizetype kMaxShownBytes = 256 * 1024;
} // namespace

QuarantinePane::QuarantinePane(Database& db, QWidget* parent)
    : QWidget(parent), m_db(db), m_list(new QTreeWidget(this)), m_raw(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("quarantinePane"));
    m_list->setObjectName(QStringLiteral("quarantineList"));
    m_raw->setObjectName(QStringLiteral("quarantineRaw"));
    m_list->setHeaderLabels({tr("Received"), tr("Reason"), tr("Source"), tr("Size")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFont(QStringLiteral("monospace")));
    m_raw->setPlaceholderText(tr("Select a message to see its raw text."));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_raw);
    split->setSizes({300, 400});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            showRaw(item->data(0, kShaRole).toString());
        else
            m_raw->clear();
    });
}

void QuarantinePane::reload()
{
    m_list->clear();
    m_raw->clear();
    for (const auto& q : ticket_lookup::quarantined(m_db.reader())) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, QLocale().toString(q.createdAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, q.reason);
        item->setToolTip(1, q.reason);
        item->setText(2, q.sourceRef.isEmpty() ? q.source : q.source + QStringLiteral(" · ") + q.sourceRef);
        item->setText(3, QLocale().formattedDataSize(q.size));
        item->setData(0, kShaRole, q.sha256);
    }
}

void QuarantinePane::showRaw(const QString& sha256)
{
    const QByteArray raw = ticket_queries::rawMessage(m_db.reader(), sha256);
    // Decoded with replacement characters; NULs and other controls would confuse the text view.
    QString text = QString::fromUtf8(raw.left(kMaxShownBytes));
    for (QChar& c : text)
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            c = QChar(0xFFFD);
    if (raw.size() > kMaxShownBytes)
        text += tr("\n\n[… %1 more bytes not shown]").arg(raw.size() - kMaxShownBytes);
    m_raw->setPlainText(text);
}

} // namespace casebook::ui
