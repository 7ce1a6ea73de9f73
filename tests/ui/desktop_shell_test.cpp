// The desktop around the panes: the Korean and English UI, Settings, tray notifications, the status bar,
// the dark palette, and the screenshots a person looks at (build/dev/screenshots/main-window-demo-*.png).
#include "accounts_dialog.h"
#include "compose/ticket_placeholders.h"
#include "conversation_pane.h"
#include "demo_store.h"
#include "language_scope.h"
#include "desktop_shell.h"
#include "import_controller.h"
#include "inbox/ingestor.h"
#include "semantic_colors.h"
#include "settings_dialog.h"
#include "status_bar_controller.h"
#include "store/app_settings.h"
#include "support/memory_secrets.h"
#include "template_manager_dialog.h"
#include "tray_notifier.h"
#include "ui_language.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <catch2/catch.hpp>

using namespace casebook;
using test::LanguageScope;

namespace {

QStringList menuTitles(const ui::MainWindow& window)
{
    QStringList titles;
    for (const QAction* a : window.menuBar()->actions())
        titles << a->text();
    return titles;
}

QString saveShot(QWidget& window, const QString& name)
{
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    const QString path = QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/") + name;
    QTest::qWait(50); // pending layouts (a status bar label just added) settle first
    REQUIRE(window.grab().save(path));
    return path;
}

// WCAG's contrast ratio: 4.5 is what body text needs.
double luminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x20), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x29));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0xa0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

struct PaletteScope {
    QPalette saved = QApplication::palette();
    explicit PaletteScope(const QPalette& p) { QApplication::setPalette(p); }
    ~PaletteScope() { QApplication::setPalette(saved); }
};

InboundMessage inquiry(const QString& id, const QString& subject, const QDateTime& at)
{
    InboundMessage m;
    m.raw = id.toUtf8();
    m.externalId = id;
    m.fromName = QStringLiteral("박민지");
    m.fromAddress = id + QStringLiteral("@buyer.example");
    m.subject = subject;
    m.date = at;
    m.text = QStringLiteral("언제 받을 수 있을까요?");
    m.customer = {QStringLiteral("email"), m.fromAddress};
    m.source = QStringLiteral("test");
    return m;
}

} // namespace

TEST_CASE("under the Korean UI the window's menus, views and columns are Korean", "[ui][translations]")
{
    test::DemoStore demo;
    LanguageScope korean(QStringLiteral("ko"));
    CHECK(ui::UiLanguage::installed() == QStringLiteral("ko"));
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("데모 받은편지함"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    const QStringList menus = menuTitles(window);
    INFO(menus.join(QStringLiteral(" | ")).toStdString());
    CHECK(menus.contains(QStringLiteral("파일(&F)")));
    CHECK(menus.contains(QStringLiteral("보기(&V)")));
    auto* views = window.findChild<QListWidget*>(QStringLiteral("viewsList"));
    REQUIRE(views);
    CHECK(views->item(0)->text().startsWith(QStringLiteral("받은편지함")));
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    REQUIRE(list);
    CHECK(list->model()->headerData(ui::TicketListModel::DueColumn, Qt::Horizontal).toString() ==
          QStringLiteral("답변 기한"));
    CHECK(list->model()->headerData(ui::TicketListModel::CustomerColumn, Qt::Horizontal).toString() ==
          QStringLiteral("고객"));

    test::showKoreanTicket(window);
    saveShot(window, QStringLiteral("main-window-demo-ko.png"));

    // Settings in Korean, on its answer-time page, for a person to look at.
    window.shell()->openSettings();
    ui::SettingsDialog* settings = window.shell()->settingsDialog();
    REQUIRE(settings);
    CHECK(settings->windowTitle() == QStringLiteral("설정"));
    CHECK(settings->tabs()->tabText(2) == QStringLiteral("답변 기한"));
    settings->tabs()->setCurrentIndex(2);
    REQUIRE(QTest::qWaitForWindowExposed(settings));
    saveShot(*settings, QStringLiteral("settings-dialog-ko.png"));
    settings->reject();

    // The reply templates, in Korean too.
    auto* templates = window.findChild<QAction*>(QStringLiteral("actionTemplates"));
    REQUIRE(templates);
    CHECK(templates->text() == QStringLiteral("답변 템플릿(&T)…"));
    templates->trigger();
    ui::TemplateManagerDialog* manager = window.templateManager();
    REQUIRE(manager);
    CHECK(manager->windowTitle() == QStringLiteral("답변 템플릿"));
    REQUIRE(QTest::qWaitForWindowExposed(manager));
    manager->selectTemplate(QStringLiteral("ko.shipping_time"));
    saveShot(*manager, QStringLiteral("template-manager-ko.png"));
}

TEST_CASE("under the English UI the menus are English, and the language follows the system by default",
          "[ui][translations]")
{
    CHECK(ui::UiLanguage::resolve(ui::UiLanguage::kSystem, QLocale(QLocale::Korean, QLocale::SouthKorea)) ==
          QStringLiteral("ko"));
    CHECK(ui::UiLanguage::resolve(ui::UiLanguage::kSystem,
                                  QLocale(QLocale::English, QLocale::UnitedStates)) == QStringLiteral("en"));
    CHECK(ui::UiLanguage::resolve(ui::UiLanguage::kSystem, QLocale(QLocale::German, QLocale::Germany)) ==
          QStringLiteral("en"));
    CHECK(ui::UiLanguage::resolve(QStringLiteral("ko"), QLocale(QLocale::English)) == QStringLiteral("ko"));

    test::DemoStore demo;
    LanguageScope english(QStringLiteral("en"));
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(menuTitles(window).contains(QStringLiteral("&File")));
    // English's plural forms come from casebook_en.ts.
    CHECK(QCoreApplication::translate("casebook::ui::TrayNotifier", "%n new inquiries arrived.", nullptr,
                                      1) == QStringLiteral("1 new inquiry arrived."));
    test::showKoreanTicket(window);
    saveShot(window, QStringLiteral("main-window-demo-en.png"));
}

TEST_CASE("under a dark palette the due clocks and flags stay readable", "[ui][palette]")
{
    const QPalette light = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    for (const QPalette& p : {light, darkPalette()}) {
        INFO((ui::SemanticColors::isDark(p) ? "dark" : "light"));
        for (auto role : {ui::SemanticColors::Role::Warning, ui::SemanticColors::Role::Danger,
                          ui::SemanticColors::Role::Vip, ui::SemanticColors::Role::Muted}) {
            INFO("role " << int(role));
            CHECK(contrast(ui::SemanticColors::color(role, p), p.color(QPalette::Base)) >= 4.5);
        }
        for (auto role :
             {ui::SemanticColors::Role::NoteBackground, ui::SemanticColors::Role::OutgoingBackground,
              ui::SemanticColors::Role::IncomingBackground}) {
            INFO("background " << int(role));
            CHECK(contrast(p.color(QPalette::Text), ui::SemanticColors::color(role, p)) >= 7.0);
        }
    }

    test::DemoStore demo;
    PaletteScope dark(darkPalette());
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    // Every coloured due clock in the list reads on the dark base.
    const QAbstractItemModel* model = window.ticketListModel();
    int coloured = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QVariant fg = model->index(row, ui::TicketListModel::DueColumn).data(Qt::ForegroundRole);
        if (!fg.isValid())
            continue;
        ++coloured;
        CHECK(contrast(fg.value<QColor>(), window.palette().color(QPalette::Base)) >= 4.5);
    }
    CHECK(coloured > 0);
    test::showKoreanTicket(window);
    saveShot(window, QStringLiteral("main-window-demo-dark.png"));
}

TEST_CASE("no widget hard-codes a text or background colour in its HTML or style sheets", "[ui][palette]")
{
    // A fixed grey reads on white and vanishes on a dark base; SemanticColors gives each meaning a shade
    // for the palette in use.
    const QRegularExpression fixed(QStringLiteral(
        R"((?:color|background(?:-color)?)\s*:\s*(?:#[0-9a-fA-F]{3,8}\b|rgba?\(|(?:white|black|gr[ae]y)\b))"));
    QStringList found;
    const QDir ui(QStringLiteral(CASEBOOK_SOURCE_DIR "/ui"));
    for (const QString& name : ui.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files)) {
        const QStringList lines =
            QString::fromUtf8(test::readFile(ui.filePath(name))).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i)
            if (lines[i].contains(fixed))
                found << QStringLiteral("ui/%1:%2: %3").arg(name).arg(i + 1).arg(lines[i].trimmed());
    }
    INFO("Use SemanticColors (ui/semantic_colors.h) or the palette instead:\n" +
         found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("Ctrl+, opens Settings, which saves what templates, imports and the window read", "[ui][settings]")
{
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    ui::SettingsDialog* dialog = window.shell()->settingsDialog();
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->tabs()->count() == 6); // General, Seller, Answer times, Business hours, Case files, Accounts

    // The Accounts page's button is the hook for the accounts dialog.
    QSignalSpy accounts(window.shell(), &ui::DesktopShell::accountsRequested);
    auto* accountsButton = dialog->findChild<QPushButton*>(QStringLiteral("accountsButton"));
    REQUIRE(accountsButton);
    accountsButton->click();
    CHECK(accounts.count() == 1);
    // It opens without a nested event loop, over the settings, and closes back to them.
    REQUIRE(window.accountsDialog());
    CHECK(window.accountsDialog()->isVisible());
    window.accountsDialog()->reject();
    CHECK(QTest::qWaitFor([&] { return window.accountsDialog() == nullptr; }, 5000));

    dialog->findChild<QLineEdit*>(QStringLiteral("sellerNameEdit"))->setText(QStringLiteral("달빛도예"));
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("signatureEdit"))
        ->setPlainText(QStringLiteral("달빛도예 고객센터 드림"));
    dialog->findChild<QSpinBox*>(QStringLiteral("dueEmailHours"))->setValue(48);
    dialog->findChild<QSpinBox*>(QStringLiteral("dueCoupangHours"))->setValue(12);
    // The email clock counts business hours: weekdays 10–17 with no lunch, Saturday mornings, a day off.
    auto* emailMode = dialog->findChild<QComboBox*>(QStringLiteral("dueEmailMode"));
    REQUIRE(emailMode);
    emailMode->setCurrentIndex(emailMode->findData(QStringLiteral("business")));
    CHECK_FALSE(dialog->findChild<QComboBox*>(QStringLiteral("dueCoupangMode"))->isEnabled());
    for (const char* day : {"hoursMon", "hoursTue", "hoursWed", "hoursThu", "hoursFri"})
        dialog->findChild<QLineEdit*>(QLatin1String(day))->setText(QStringLiteral("10:00-17:00"));
    dialog->findChild<QLineEdit*>(QStringLiteral("hoursSat"))->setText(QStringLiteral("10:00-13:00"));
    dialog->findChild<QLineEdit*>(QStringLiteral("daysOff"))->setText(QStringLiteral("2026-12-31, 2026-12-24"));
    auto* language = dialog->findChild<QComboBox*>(QStringLiteral("languageBox"));
    REQUIRE(language);
    CHECK(language->currentData().toString() == ui::UiLanguage::kSystem);
    language->setCurrentIndex(language->findData(QStringLiteral("ko")));
    QSignalSpy languageChanged(dialog, &ui::SettingsDialog::languageChanged);
    dialog->accept();
    CHECK(languageChanged.count() == 1);
    CHECK(ui::UiLanguage::preference() == QStringLiteral("ko"));
    ui::UiLanguage::setPreference(ui::UiLanguage::kSystem);

    SQLite::Database& r = demo.store.db->reader();
    CHECK(AppSettings::seller(r).name == QStringLiteral("달빛도예"));
    CHECK(AppSettings::dueClocks(r).secs(Channel::Email) == 48 * 3600);
    CHECK(AppSettings::dueClocks(r).secs(Channel::Coupang) == 12 * 3600);
    CHECK(AppSettings::dueClocks(r).secs(Channel::Naver) == 24 * 3600);
    const DueClocks clocks = AppSettings::dueClocks(r);
    CHECK(clocks.businessHours(Channel::Email));
    CHECK_FALSE(clocks.businessHours(Channel::Coupang));
    CHECK(clocks.usesPublicHolidays());
    CHECK(BusinessHours::dayText(clocks.hours().week[0]) == QStringLiteral("10:00-17:00"));
    CHECK(BusinessHours::dayText(clocks.hours().week[5]) == QStringLiteral("10:00-13:00"));
    CHECK(BusinessHours::dayText(clocks.hours().week[6]) == QStringLiteral("off"));
    CHECK(clocks.hours().daysOff == QSet<QDate>{QDate(2026, 12, 24), QDate(2026, 12, 31)});
    // The templates' {{seller_name}} now says it, for any ticket.
    const int number =
        window.ticketListModel()->index(0, 0).data(ui::TicketListModel::TicketNumberRole).toInt();
    const auto values = TicketPlaceholders::forTicket(r, number, QStringLiteral("ko"));
    REQUIRE(values);
    CHECK(values->value(QStringLiteral("seller_name")) == QStringLiteral("달빛도예"));
    CHECK(values->value(QStringLiteral("seller_signature")) == QStringLiteral("달빛도예 고객센터 드림"));

    // Opened again, it shows what was saved.
    window.shell()->openSettings();
    REQUIRE(window.shell()->settingsDialog());
    CHECK(window.shell()->settingsDialog()->findChild<QSpinBox*>(QStringLiteral("dueEmailHours"))->value() ==
          48);
    CHECK(window.shell()->settingsDialog()->findChild<QLineEdit*>(QStringLiteral("hoursSat"))->text() ==
          QStringLiteral("10:00-13:00"));
    // A day that makes no sense saves nothing.
    window.shell()->settingsDialog()->findChild<QLineEdit*>(QStringLiteral("hoursSun"))->setText(QStringLiteral("noon"));
    QTimer::singleShot(0, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->accept();
    });
    window.shell()->settingsDialog()->accept();
    CHECK(BusinessHours::dayText(AppSettings::dueClocks(r).hours().week[6]) == QStringLiteral("off"));
}

TEST_CASE("a ticket coming due is told once, and clicking the notice selects it", "[ui][tray]")
{
    test::TempStore store;
    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2026-03-02T00:00:00Z"), Qt::ISODate);
    Ingestor ingestor(*store.db, IngestOptions{});
    auto a = ingestor.ingest(inquiry(QStringLiteral("a"), QStringLiteral("택배가 안 왔어요"), t0));
    auto b = ingestor.ingest(inquiry(QStringLiteral("b"), QStringLiteral("교환 문의"), t0.addSecs(3 * 3600)));
    REQUIRE(a);
    REQUIRE(b);

    ui::TrayNotifier tray(*store.db, store.clock);
    CHECK_FALSE(tray.trayAvailable()); // offscreen has no tray: it carries on without one
    QSignalSpy told(&tray, &ui::TrayNotifier::notified);
    QSignalSpy activated(&tray, &ui::TrayNotifier::ticketActivated);

    store.clock.set(t0.addSecs(3600)); // both due in a day
    tray.checkDueSoon();
    CHECK(told.isEmpty());

    store.clock.set(t0.addSecs(19 * 3600)); // a: 5 h left; b: 8 h left
    tray.checkDueSoon();
    REQUIRE(told.count() == 1);
    CHECK(tray.lastNotice().ticketId == a->ticketId);
    CHECK(told.last().at(1).toString().contains(QStringLiteral("택배가 안 왔어요")));
    CHECK(told.last().at(1).toString().contains(QStringLiteral("5h 0m left")));
    tray.checkDueSoon();
    CHECK(told.count() == 1); // told once

    store.clock.set(t0.addSecs(22 * 3600)); // b comes due too; a is still due and not told again
    tray.checkDueSoon();
    REQUIRE(told.count() == 2);
    CHECK(tray.lastNotice().ticketId == b->ticketId);
    tray.activateLastNotice();
    REQUIRE(activated.count() == 1);
    CHECK(activated.first().first().toLongLong() == b->ticketId);

    tray.ticketsArrived(3);
    CHECK(told.last().at(1).toString() == QStringLiteral("3 new inquiries arrived."));
    CHECK(tray.lastNotice().ticketId == 0);
    tray.ticketsArrived(0);
    CHECK(told.count() == 3);
}

TEST_CASE("the window tells of imported tickets and opens the ticket a notice names", "[ui][tray]")
{
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    ui::TrayNotifier* tray = window.shell()->trayNotifier();
    QSignalSpy told(tray, &ui::TrayNotifier::notified);

    QSignalSpy done(window.importController(), &ui::ImportController::finished);
    window.importController()->importPaths(ui::ImportController::Kind::Eml,
                                           {test::testData(QStringLiteral("mail/utf8-base64.eml")),
                                            test::testData(QStringLiteral("mail/euc-kr.eml"))});
    REQUIRE(done.wait(30000));
    bool toldArrival = false;
    for (const auto& args : told)
        toldArrival |= args.at(1).toString() == QStringLiteral("2 new inquiries arrived.");
    CHECK(toldArrival);

    // A resolved ticket is not in the Inbox: the window switches view to show it.
    const QList<qint64> resolved =
        ticket_queries::ticketIds(demo.store.db->reader(), {.view = TicketView::Resolved});
    REQUIRE_FALSE(resolved.isEmpty());
    window.shell()->showTicket(resolved.first());
    CHECK(window.conversationPane()->ticketId() == resolved.first());
    window.shell()->showTicket(0);
    CHECK(window.viewsPane()->currentView() == TicketView::Inbox);
}

TEST_CASE("the status bar shows each account's sync state and the outbox", "[ui][statusbar]")
{
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    ui::StatusBarController* bar = window.shell()->statusBarController();
    auto* outbox = window.findChild<QLabel*>(QStringLiteral("outboxCount"));
    REQUIRE(outbox);
    CHECK(outbox->text() == QStringLiteral("Outbox empty"));
    bar->setOutboxCount(3);
    CHECK(outbox->text() == QStringLiteral("Outbox: 3 to send"));
    CHECK(bar->outboxCount() == 3);

    bar->setAccountState(QStringLiteral("help@dalbit.example"), QStringLiteral("synced 14:02"));
    bar->setAccountState(QStringLiteral("Coupang"), QStringLiteral("offline: could not reach the server"),
                         true);
    auto* mail = window.findChild<QLabel*>(QStringLiteral("accountState:help@dalbit.example"));
    REQUIRE(mail);
    CHECK(mail->text() == QStringLiteral("help@dalbit.example: synced 14:02"));
    bar->setAccountState(QStringLiteral("help@dalbit.example"), QStringLiteral("syncing…"));
    CHECK(mail->text() == QStringLiteral("help@dalbit.example: syncing…"));
    CHECK(bar->accountState(QStringLiteral("Coupang")) ==
          QStringLiteral("offline: could not reach the server"));
    auto* coupang = window.findChild<QLabel*>(QStringLiteral("accountState:Coupang"));
    REQUIRE(coupang);
    CHECK(coupang->palette().color(QPalette::WindowText) !=
          mail->palette().color(QPalette::WindowText)); // a problem stands out
    bar->removeAccount(QStringLiteral("Coupang"));
    CHECK(window.findChild<QLabel*>(QStringLiteral("accountState:Coupang")) == nullptr);
    saveShot(window, QStringLiteral("main-window-status-bar.png"));
}
