#include "template_manager_dialog.h"

#include "channel_badge.h"
#include "tone_highlighter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace casebook::ui {
namespace {

QString categoryLabel(const QString& stored)
{
    const auto c = categoryFromString(stored);
    return c ? categoryDisplayName(*c) : stored;
}

} // namespace

TemplateManagerDialog::TemplateManagerDialog(Database& db, QWidget* parent)
    : QDialog(parent), m_db(db), m_list(new QListWidget), m_id(new QLineEdit), m_language(new QComboBox),
      m_category(new QComboBox), m_title(new QLineEdit), m_body(new QPlainTextEdit),
      m_plain(new QPlainTextEdit), m_kind(new QLabel), m_status(new QLabel),
      m_delete(new QPushButton(tr("&Delete")))
{
    setObjectName(QStringLiteral("templateManager"));
    setWindowTitle(tr("Reply templates"));
    if (auto store = TemplateStore::open(db))
        m_store.emplace(std::move(store.value()));
    else
        setStatus(store.error().message);
    if (auto checker = ToneChecker::builtin())
        m_checker.emplace(std::move(checker.value()));
    m_list->setObjectName(QStringLiteral("templateList"));
    m_id->setObjectName(QStringLiteral("templateId"));
    m_language->setObjectName(QStringLiteral("templateLanguage"));
    m_category->setObjectName(QStringLiteral("templateCategory"));
    m_title->setObjectName(QStringLiteral("templateTitle"));
    m_body->setObjectName(QStringLiteral("templateBody"));
    m_plain->setObjectName(QStringLiteral("templatePlain"));
    m_status->setObjectName(QStringLiteral("templateStatus"));
    m_status->setWordWrap(true);
    // The categories by the names the ticket list shows; the template keeps the stored id.
    for (const QString& name : allCategoryNames())
        m_category->addItem(categoryDisplayName(*categoryFromString(name)), name);
    m_language->addItem(tr("Korean"), QStringLiteral("ko"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_id->setPlaceholderText(tr("letters, digits, . _ - (e.g. my.late_refund)"));
    m_body->setPlaceholderText(tr("Hello {{customer_name}}, …"));
    m_plain->setPlaceholderText(tr("The same text without formatting, for marketplace boards (optional)"));

    auto* form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Category"), m_category);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Text"), m_body);
    form->addRow(tr("Board text"), m_plain);
    form->addRow(QString(), m_kind);

    auto* add = new QPushButton(tr("&New"));
    auto* duplicate = new QPushButton(tr("D&uplicate"));
    auto* restore = new QPushButton(tr("&Restore built-ins"));
    auto* importButton = new QPushButton(tr("&Import…"));
    auto* exportButton = new QPushButton(tr("&Export…"));
    auto* saveButton = new QPushButton(tr("&Save"));
    saveButton->setObjectName(QStringLiteral("templateSave"));
    saveButton->setDefault(true);
    auto* listButtons = new QHBoxLayout;
    for (QPushButton* b : {add, duplicate, m_delete, restore})
        listButtons->addWidget(b);
    auto* fileButtons = new QHBoxLayout;
    fileButtons->addWidget(importButton);
    fileButtons->addWidget(exportButton);
    fileButtons->addStretch();
    fileButtons->addWidget(saveButton);

    auto* left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_status);
    right->addLayout(fileButtons);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(close);
    resize(1000, 640);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (!currentId().isEmpty())
            showTemplate(currentId());
    });
    connect(add, &QPushButton::clicked, this, &TemplateManagerDialog::startNew);
    connect(duplicate, &QPushButton::clicked, this, &TemplateManagerDialog::duplicateCurrent);
    connect(m_delete, &QPushButton::clicked, this, &TemplateManagerDialog::deleteCurrent);
    connect(restore, &QPushButton::clicked, this, &TemplateManagerDialog::restoreBuiltins);
    connect(saveButton, &QPushButton::clicked, this, &TemplateManagerDialog::save);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import templates"), QString(),
                                                          tr("Template files (*.json)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export templates"), QStringLiteral("templates.json"), tr("Template files (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    reload();
}

QString TemplateManagerDialog::currentId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString TemplateManagerDialog::statusText() const
{
    return m_status->text();
}

void TemplateManagerDialog::setStatus(const QString& text)
{
    m_status->setText(text);
}

void TemplateManagerDialog::reload(const QString& selectId)
{
    if (!m_store)
        return;
    const QString keep = selectId.isEmpty() ? currentId() : selectId;
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const ReplyTemplate& t : m_store->list()) {
        const QString kind = !t.builtin ? tr("yours") : t.edited ? tr("built-in, edited") : tr("built-in");
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 — %2 · %3 · %4").arg(t.title, t.language, categoryLabel(t.category), kind));
        item->setData(Qt::UserRole, t.id);
        m_list->addItem(item);
        if (t.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    if (!currentId().isEmpty())
        showTemplate(currentId());
}

void TemplateManagerDialog::selectTemplate(const QString& id)
{
    reload(id);
}

void TemplateManagerDialog::showTemplate(const QString& id)
{
    const auto t = m_store ? m_store->find(id) : std::nullopt;
    if (!t)
        return;
    m_creating = false;
    m_id->setText(t->id);
    m_id->setReadOnly(true);
    m_language->setCurrentIndex(m_language->findData(t->language));
    if (m_category->findData(t->category) < 0) // a category from an imported file this version lacks
        m_category->addItem(t->category, t->category);
    m_category->setCurrentIndex(m_category->findData(t->category));
    m_title->setText(t->title);
    m_body->setPlainText(t->body);
    m_plain->setPlainText(t->plainBody);
    m_kind->setText(
        !t->builtin ? tr("Your own template.")
        : t->edited
            ? tr("A built-in template you changed: Restore built-ins brings back the original.")
            : tr("A built-in template: saving keeps your version, and the original can be restored."));
    m_delete->setText(t->builtin ? tr("&Hide") : tr("&Delete"));
}

void TemplateManagerDialog::startNew()
{
    m_creating = true;
    m_list->clearSelection();
    m_id->clear();
    m_id->setReadOnly(false);
    m_category->setCurrentIndex(m_category->findData(QStringLiteral("other")));
    m_title->clear();
    m_body->clear();
    m_plain->clear();
    m_kind->setText(tr("A new template of your own."));
    m_id->setFocus();
    setStatus(QString());
}

bool TemplateManagerDialog::save()
{
    if (!m_store)
        return false;
    ReplyTemplate t;
    t.id = m_id->text().trimmed();
    t.language = m_language->currentData().toString();
    t.category = m_category->currentData().toString();
    t.title = m_title->text().trimmed();
    t.body = m_body->toPlainText();
    t.plainBody = m_plain->toPlainText();
    const Result<void> done = m_creating ? m_store->add(t) : m_store->update(t);
    if (!done) {
        setStatus(done.error().message);
        return false;
    }
    QString said = tr("Saved %1.").arg(t.id);
    if (m_checker) {
        QStringList found;
        for (const QString& text : {t.body, t.plainBody})
            for (const ToneFinding& f : m_checker->check(text, t.language))
                found << QStringLiteral("%1 (“%2”)").arg(ToneHighlighter::categoryName(f.category), f.text);
        if (!found.isEmpty())
            said += QLatin1Char(' ') + tr("The tone check finds: %1.").arg(found.join(QStringLiteral(", ")));
    }
    m_creating = false;
    reload(t.id);
    setStatus(said);
    return true;
}

void TemplateManagerDialog::duplicateCurrent()
{
    if (!m_store || currentId().isEmpty())
        return;
    auto copy = m_store->duplicate(currentId());
    if (!copy) {
        setStatus(copy.error().message);
        return;
    }
    reload(copy->id);
    setStatus(tr("Copied as %1: edit it and save.").arg(copy->id));
}

void TemplateManagerDialog::deleteCurrent()
{
    const QString id = currentId();
    if (!m_store || id.isEmpty())
        return;
    auto done = m_store->remove(id);
    if (!done) {
        setStatus(done.error().message);
        return;
    }
    reload();
    setStatus(tr("%1 removed.").arg(id));
}

void TemplateManagerDialog::restoreBuiltins()
{
    if (!m_store)
        return;
    auto n = m_store->restoreBuiltins();
    if (!n) {
        setStatus(n.error().message);
        return;
    }
    reload();
    setStatus(tr("%n built-in template(s) restored.", nullptr, n.value()));
}

bool TemplateManagerDialog::exportTo(const QString& path)
{
    if (!m_store)
        return false;
    auto json = m_store->exportJson();
    if (!json) {
        setStatus(json.error().message);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json.value()) != json.value().size() ||
        !file.commit()) {
        setStatus(tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    setStatus(tr("Exported the templates to %1.").arg(path));
    return true;
}

bool TemplateManagerDialog::importFrom(const QString& path)
{
    if (!m_store)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("Could not read %1: %2").arg(path, file.errorString()));
        return false;
    }
    auto n = m_store->importJson(file.readAll(), path);
    if (!n) {
        setStatus(n.error().message);
        return false;
    }
    reload();
    setStatus(tr("%n template(s) imported.", nullptr, n.value()));
    return true;
}

} // namespace casebook::ui
