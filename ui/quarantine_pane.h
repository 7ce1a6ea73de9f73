#pragma once

#include "store/database.h"

#include <QWidget>

class QPlainTextEdit;
class QTreeWidget;

namespace casebook::ui {

// The "could not read" view: messages kept raw because they could not be parsed, with the reason, and the
// raw text of the one selected (as plain text: it may be hostile, so nothing in it is rendered).
class QuarantinePane : public QWidget {
    Q_OBJECT
public:
    explicit QuarantinePane(Database& db, QWidget* parent = nullptr);

    void reload();
    QTreeWidget* list() const { return m_list; }
    QPlainTextEdit* rawView() const { return m_raw; }

private:
    void showRaw(const QString& sha256);

    Database& m_db;
    QTreeWidget* m_list;
    QPlainTextEdit* m_raw;
};

} // namespace casebook::ui
