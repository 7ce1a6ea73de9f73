#pragma once

#include "compose/template_store.h"
#include "compose/tone_checker.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace casebook::ui {

// The seller's reply templates: the built-ins and their own, edited, added, duplicated, deleted (a
// built-in is hidden and can be restored), and carried between computers as files. Each save says what the
// tone check finds in the text, so a template is not saved with a risky sentence unnoticed.
class TemplateManagerDialog : public QDialog {
    Q_OBJECT
public:
    explicit TemplateManagerDialog(Database& db, QWidget* parent = nullptr);

    // The file buttons ask for a path and call these; tests call them directly.
    bool exportTo(const QString& path);
    bool importFrom(const QString& path);

    QString statusText() const;
    void selectTemplate(const QString& id);
    bool save();

private:
    void reload(const QString& selectId = {});
    void showTemplate(const QString& id);
    void startNew();
    void duplicateCurrent();
    void deleteCurrent();
    void restoreBuiltins();
    void setStatus(const QString& text);
    QString currentId() const;

    Database& m_db;
    std::optional<TemplateStore> m_store;
    std::optional<ToneChecker> m_checker;
    QListWidget* m_list;
    QLineEdit* m_id;
    QComboBox* m_language;
    QComboBox* m_category;
    QLineEdit* m_title;
    QPlainTextEdit* m_body;
    QPlainTextEdit* m_plain;
    QLabel* m_kind;
    QLabel* m_status;
    QPushButton* m_delete;
    bool m_creating = false;
};

} // namespace casebook::ui
