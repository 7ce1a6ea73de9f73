#pragma once

#include "model/channel_table.h"
#include "store/database.h"

#include <QDialog>
#include <QList>

#include <array>
#include <utility>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QVBoxLayout;

namespace casebook::ui {

// Settings: language, the seller's name and signature, answer-due clocks per channel, and a page for the
// mail accounts. Seller and clocks go to the database (AppSettings) so the CLI and imports use them too;
// the language goes to QSettings and applies at the next start.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Database& db, QWidget* parent = nullptr);

    // The Accounts page, for whoever builds the account list to add it to (its layout is a QVBoxLayout).
    QWidget* accountsPage() const { return m_accountsPage; }
    QTabWidget* tabs() const { return m_tabs; }

    void accept() override;

Q_SIGNALS:
    // The "Email accounts…" button: the window opens the accounts dialog.
    void accountsRequested();
    // Emitted on OK when the language preference changed ("system", "en", "ko").
    void languageChanged(const QString& preference);
    // Emitted on OK after the seller profile and clocks were saved.
    void settingsSaved();

private:
    QWidget* buildGeneralPage();
    QWidget* buildSellerPage();
    QWidget* buildDueClocksPage();
    QWidget* buildBusinessHoursPage();
    QWidget* buildCaseFilesPage();
    QWidget* buildAccountsPage();

    Database& m_db;
    QTabWidget* m_tabs;
    QComboBox* m_language = nullptr;
    QLineEdit* m_ownAddresses = nullptr;
    QLineEdit* m_tsaUrl = nullptr;
    QLineEdit* m_sellerName = nullptr;
    QPlainTextEdit* m_signature = nullptr;
    QList<std::pair<Channel, QSpinBox*>> m_dueHours; // one per clock of the channel table
    QList<std::pair<Channel, QComboBox*>> m_dueModes; // calendar or business hours, per clock
    std::array<QLineEdit*, 7> m_days{};               // Monday … Sunday: "09:00-12:00,13:00-18:00" or "off"
    QLineEdit* m_daysOff = nullptr;
    QCheckBox* m_publicHolidays = nullptr;
    QWidget* m_accountsPage = nullptr;
};

} // namespace casebook::ui
