#include "settings_dialog.h"

#include "casefile/case_file_timestamp.h"
#include "channel_badge.h"
#include "inbox/own_addresses.h"
#include "store/app_settings.h"
#include "ui_language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace casebook::ui {
namespace {

QLabel* note(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QSpinBox* hoursBox(const QString& objectName, qint64 secs)
{
    auto* box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(1, 24 * 30);
    box->setValue(int(std::max<qint64>(1, (secs + 1800) / 3600)));
    box->setSuffix(QCoreApplication::translate("casebook::ui::SettingsDialog", " h"));
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(Database& db, QWidget* parent)
    : QDialog(parent), m_db(db), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildGeneralPage(), tr("General"));
    m_tabs->addTab(buildSellerPage(), tr("Seller"));
    m_tabs->addTab(buildDueClocksPage(), tr("Answer times"));
    m_tabs->addTab(buildBusinessHoursPage(), tr("Business hours"));
    m_tabs->addTab(buildCaseFilesPage(), tr("Case files"));
    m_tabs->addTab(buildAccountsPage(), tr("Accounts"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(520, 420);
}

QWidget* SettingsDialog::buildGeneralPage()
{
    auto* page = new QWidget;
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System language"), UiLanguage::kSystem);
    // Each language in its own name, so a seller who cannot read the current one still finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(UiLanguage::preference())));
    auto* form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(note(tr("A new language applies the next time Casebook starts.")));
    return page;
}

QWidget* SettingsDialog::buildSellerPage()
{
    auto* page = new QWidget;
    const SellerProfile seller = AppSettings::seller(m_db.reader());
    m_sellerName = new QLineEdit(seller.name);
    m_sellerName->setObjectName(QStringLiteral("sellerNameEdit"));
    m_sellerName->setPlaceholderText(tr("e.g. Dalbit Ceramics"));
    m_signature = new QPlainTextEdit(seller.signature);
    m_signature->setObjectName(QStringLiteral("signatureEdit"));
    m_signature->setTabChangesFocus(true);
    m_signature->setPlaceholderText(tr("e.g. Dalbit Ceramics customer care · 02-123-4567"));
    m_ownAddresses = new QLineEdit(AppSettings::value(m_db.reader(), own_addresses::kSettingKey));
    m_ownAddresses->setObjectName(QStringLiteral("ownAddressesEdit"));
    m_ownAddresses->setPlaceholderText(tr("e.g. help@dalbit.example, @dalbit.example"));
    auto* form = new QFormLayout(page);
    form->addRow(tr("Seller &name:"), m_sellerName);
    form->addRow(tr("&Signature:"), m_signature);
    form->addRow(note(tr("Templates put the seller name where they say {{seller_name}}, and the signature "
                         "where they say {{seller_signature}}.")));
    form->addRow(tr("Your &addresses:"), m_ownAddresses);
    const OwnAddressSet known = own_addresses::known(m_db);
    form->addRow(note(tr("Mail from these addresses is your reply, not a customer's. Casebook also uses your "
                         "email accounts and what imports found (%1). After a change, Tools → Sort mail "
                         "again applies them to the mail stored already.")
                          .arg(known.isEmpty() ? tr("none yet") : known.describe())));
    return page;
}

QWidget* SettingsDialog::buildDueClocksPage()
{
    auto* page = new QWidget;
    const DueClocks due = AppSettings::dueClocks(m_db.reader());
    auto* form = new QFormLayout(page);
    form->addRow(note(tr("How long after a customer writes the answer is due. Coupang and Naver expect an "
                         "answer within 24 hours.")));
    // One box per clock of the channel table, named "due<Name>Hours" (dueEmailHours, dueCoupangHours, …).
    m_dueHours.clear();
    m_dueModes.clear();
    for (Channel clock : DueClocks::clocks()) {
        QString name = toString(clock);
        name[0] = name[0].toUpper();
        auto* box = hoursBox(QStringLiteral("due%1Hours").arg(name), due.secs(clock));
        m_dueHours.append({clock, box});
        // Calendar hours or the seller's business hours ("dueEmailMode", …).
        auto* mode = new QComboBox;
        mode->setObjectName(QStringLiteral("due%1Mode").arg(name));
        mode->addItem(tr("calendar hours"), QStringLiteral("calendar"));
        mode->addItem(tr("business hours"), QStringLiteral("business"));
        mode->setCurrentIndex(due.businessHours(clock) ? 1 : 0);
        if (!DueClocks::mayCountBusinessHours(clock)) {
            mode->setEnabled(false);
            mode->setToolTip(tr("%1 takes the question over when the time is up, nights and weekends included.")
                                 .arg(channelDisplayName(toString(clock))));
        }
        m_dueModes.append({clock, mode});
        auto* row = new QHBoxLayout;
        row->addWidget(box);
        row->addWidget(mode);
        row->addStretch(1);
        form->addRow(channelDisplayName(toString(clock)) + QLatin1Char(':'), row);
    }
    form->addRow(note(tr("New messages use these times; tickets already open keep theirs.")));
    return page;
}

QWidget* SettingsDialog::buildBusinessHoursPage()
{
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("businessHoursPage"));
    const BusinessHours hours = AppSettings::dueClocks(m_db.reader()).hours();
    auto* form = new QFormLayout(page);
    form->addRow(note(tr("The hours an answer clock on business hours counts. Write each day's hours as "
                         "09:00-12:00,13:00-18:00 (the gap is your lunch break), or off.")));
    static const char* kNames[] = {"hoursMon", "hoursTue", "hoursWed", "hoursThu", "hoursFri", "hoursSat", "hoursSun"};
    for (int day = 1; day <= 7; ++day) {
        auto* edit = new QLineEdit(BusinessHours::dayText(hours.week[static_cast<std::size_t>(day - 1)]));
        edit->setObjectName(QLatin1String(kNames[day - 1]));
        m_days[static_cast<std::size_t>(day - 1)] = edit;
        form->addRow(QLocale().dayName(day) + QLatin1Char(':'), edit);
    }
    QList<QDate> off = hours.daysOff.values();
    std::sort(off.begin(), off.end());
    QStringList days;
    for (const QDate& d : off)
        days << d.toString(Qt::ISODate);
    m_daysOff = new QLineEdit(days.join(QStringLiteral(", ")));
    m_daysOff->setObjectName(QStringLiteral("daysOff"));
    m_daysOff->setPlaceholderText(QStringLiteral("2026-12-24, 2026-12-31"));
    form->addRow(tr("Your days off:"), m_daysOff);
    m_publicHolidays = new QCheckBox(tr("Korean public holidays, substitute holidays included"));
    m_publicHolidays->setObjectName(QStringLiteral("publicHolidays"));
    m_publicHolidays->setChecked(AppSettings::dueClocks(m_db.reader()).usesPublicHolidays());
    form->addRow(m_publicHolidays);
    const auto [first, last] = korean_holidays::years();
    form->addRow(note(tr("Public holidays known for %1–%2, from the Korea Astronomy and Space Science Institute (KASI).").arg(first).arg(last)));
    return page;
}

QWidget* SettingsDialog::buildCaseFilesPage()
{
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("caseFilesPage"));
    m_tsaUrl = new QLineEdit(AppSettings::value(m_db.reader(), case_file_timestamp::kSettingKey));
    m_tsaUrl->setObjectName(QStringLiteral("tsaUrlEdit"));
    m_tsaUrl->setPlaceholderText(tr("e.g. https://freetsa.org/tsr (empty: no timestamp)"));
    auto* form = new QFormLayout(page);
    form->addRow(tr("&Timestamp authority:"), m_tsaUrl);
    form->addRow(note(tr("With the address of an RFC 3161 timestamp authority, each exported case file is "
                         "stamped by it: proof from a third party that the file existed at that time. The "
                         "export then needs the network. The same as casebook-cli settings set tsa_url.")));
    return page;
}

QWidget* SettingsDialog::buildAccountsPage()
{
    m_accountsPage = new QWidget;
    m_accountsPage->setObjectName(QStringLiteral("accountsPage"));
    auto* layout = new QVBoxLayout(m_accountsPage);
    layout->addWidget(note(tr("The mail accounts Casebook fetches from and sends with.")));
    auto* button = new QPushButton(tr("&Email accounts…"));
    button->setObjectName(QStringLiteral("accountsButton"));
    connect(button, &QPushButton::clicked, this, &SettingsDialog::accountsRequested);
    layout->addWidget(button, 0, Qt::AlignLeft);
    layout->addStretch(1);
    return m_accountsPage;
}

void SettingsDialog::accept()
{
    // Checked first, so a mistyped address or day saves nothing.
    const auto own = own_addresses::parseList(m_ownAddresses->text());
    if (!own) {
        QMessageBox::warning(this, tr("Settings not saved"), own.error().message);
        return;
    }
    const QString tsaUrl = m_tsaUrl->text().trimmed();
    if (!case_file_timestamp::isAcceptableUrl(tsaUrl)) {
        m_tabs->setCurrentWidget(m_tsaUrl->parentWidget());
        QMessageBox::warning(this, tr("Settings not saved"),
                             tr("'%1' is not the http(s) address of a timestamp authority; leave it empty "
                                "for none.")
                                 .arg(tsaUrl));
        return;
    }
    DueClocks clocks = AppSettings::dueClocks(m_db.reader());
    BusinessHours hours = clocks.hours();
    for (int day = 1; day <= 7; ++day) {
        auto ranges = BusinessHours::parseDay(m_days[static_cast<std::size_t>(day - 1)]->text());
        if (!ranges) {
            m_tabs->setCurrentWidget(m_days[0]->parentWidget());
            QMessageBox::warning(this, tr("Settings not saved"),
                                 tr("%1: write the hours as 09:00-12:00,13:00-18:00, or off.").arg(QLocale().dayName(day)));
            return;
        }
        hours.week[static_cast<std::size_t>(day - 1)] = ranges.value();
    }
    hours.daysOff.clear();
    for (const QString& d : m_daysOff->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QDate day = QDate::fromString(d.trimmed(), Qt::ISODate);
        if (!day.isValid()) {
            QMessageBox::warning(this, tr("Settings not saved"),
                                 tr("'%1' is not a date: write days off as 2026-12-24, 2026-12-31.").arg(d.trimmed()));
            return;
        }
        hours.daysOff.insert(day);
    }
    clocks.setHours(hours);
    clocks.setUsesPublicHolidays(m_publicHolidays->isChecked());
    for (const auto& [clock, mode] : m_dueModes)
        clocks.setBusinessHours(clock, mode->currentData().toString() == QLatin1String("business"));
    const auto seller =
        AppSettings::save(m_db, SellerProfile{m_sellerName->text(), m_signature->toPlainText()});
    for (const auto& [clock, box] : m_dueHours)
        clocks.set(clock, box->value() * 3600LL);
    const auto due = seller ? AppSettings::save(m_db, clocks) : seller;
    if (!due) {
        QMessageBox::warning(this, tr("Settings not saved"), due.error().message);
        return;
    }
    const auto tsaSaved = m_db.write([&](SQLite::Database& w) -> Result<void> {
        AppSettings::setValue(w, case_file_timestamp::kSettingKey, tsaUrl);
        return {};
    });
    if (!tsaSaved) {
        QMessageBox::warning(this, tr("Settings not saved"), tsaSaved.error().message);
        return;
    }
    const auto ownSaved = own_addresses::saveSetting(m_db, own.value());
    if (!ownSaved) {
        QMessageBox::warning(this, tr("Settings not saved"), ownSaved.error().message);
        return;
    }
    const QString language = m_language->currentData().toString();
    if (language != UiLanguage::preference()) {
        UiLanguage::setPreference(language);
        Q_EMIT languageChanged(language);
    }
    Q_EMIT settingsSaved();
    QDialog::accept();
}

} // namespace casebook::ui
