#pragma once

#include "compose/reply_template.h"
#include "model/enums.h"

#include <QDialog>
#include <optional>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace casebook {
class TemplateStore;
}

namespace casebook::ui {

// Ctrl+T in the composer: before anything is typed, the templates that fit the ticket come first (its
// category, the customer's words: core's template_suggester); type a few letters of a title or category
// (fuzzy, as TemplateStore::search matches), the ticket's language listed first; Enter inserts the
// highlighted template.
class TemplatePicker : public QDialog {
    Q_OBJECT
public:
    TemplatePicker(const TemplateStore& store, QString preferredLanguage, QWidget* parent = nullptr);

    // What the ticket is about: the suggestions before the seller types are ranked by it.
    void suggestFor(Category category, const QString& customerText);

    QLineEdit* searchBox() const { return m_search; }
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void templateChosen(const casebook::ReplyTemplate& chosen);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void filter(const QString& query);
    void choose();
    void showPreview();

    const TemplateStore& m_store;
    QString m_language;
    std::optional<Category> m_category;
    QString m_customerText;
    QList<ReplyTemplate> m_shown;
    QLineEdit* m_search;
    QListWidget* m_list;
    QPlainTextEdit* m_preview;
};

} // namespace casebook::ui
