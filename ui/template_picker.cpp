#include "template_picker.h"

#include "channel_badge.h"
#include "compose/template_store.h"
#include "compose/template_suggester.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace casebook::ui {

TemplatePicker::TemplatePicker(const TemplateStore& store, QString preferredLanguage, QWidget* parent)
    : QDialog(parent), m_store(store), m_language(std::move(preferredLanguage)),
      m_search(new QLineEdit(this)), m_list(new QListWidget(this)), m_preview(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("templatePicker"));
    setWindowTitle(tr("Insert a template"));
    m_search->setObjectName(QStringLiteral("templateSearch"));
    m_search->setPlaceholderText(tr("Search by title or category…"));
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setReadOnly(true);
    m_preview->setMaximumHeight(140);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Insert"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TemplatePicker::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_preview);
    layout->addWidget(buttons);
    resize(560, 460);

    connect(m_search, &QLineEdit::textChanged, this, &TemplatePicker::filter);
    connect(m_search, &QLineEdit::returnPressed, this, &TemplatePicker::choose);
    connect(m_list, &QListWidget::itemActivated, this, &TemplatePicker::choose);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatePicker::showPreview);
    filter(QString());
}

void TemplatePicker::suggestFor(Category category, const QString& customerText)
{
    m_category = category;
    m_customerText = customerText;
    filter(m_search->text());
}

void TemplatePicker::filter(const QString& query)
{
    m_shown = query.trimmed().isEmpty() && m_category
                  ? template_suggester::rank(m_store.list(), *m_category, m_customerText, m_language)
                  : m_store.search(query, m_language);
    m_list->clear();
    for (const ReplyTemplate& t : m_shown) {
        // The category as the rest of the window names it ("배송"), not its stored id ("shipping").
        const auto category = categoryFromString(t.category);
        auto* item = new QListWidgetItem(QStringLiteral("%1   · %2 · %3")
                                             .arg(t.title, category ? categoryDisplayName(*category) : t.category,
                                                  t.language.toUpper()),
                                         m_list);
        item->setData(Qt::UserRole, t.id);
    }
    m_list->setCurrentRow(m_shown.isEmpty() ? -1 : 0);
    showPreview();
}

void TemplatePicker::showPreview()
{
    const int row = m_list->currentRow();
    m_preview->setPlainText(row >= 0 && row < m_shown.size() ? m_shown[row].body : QString());
}

void TemplatePicker::choose()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_shown.size())
        return;
    const ReplyTemplate chosen = m_shown[row];
    accept();
    Q_EMIT templateChosen(chosen);
}

bool TemplatePicker::eventFilter(QObject* watched, QEvent* event)
{
    // Up and Down move through the list while the search box keeps the focus.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace casebook::ui
