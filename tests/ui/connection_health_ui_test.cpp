// Connection health in the window: the accounts dialog shows a Coupang key's expiry (warned 14 days before),
// Naver's token and the last complete sync; the main window's status bar carries the key's notice.
#include "accounts/account_store.h"
#include "accounts_dialog.h"
#include "connectors/connection_health.h"
#include "email_account_form.h"
#include "language_scope.h"
#include "main_window.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::test;

namespace {

// A shop on 2026-12-07 (Korea): a Coupang key that expires in 10 days and last synced an hour ago, a Naver
// account whose token was renewed at 13:00 Korea time.
struct HealthShop {
    TempStore store;
    HealthShop()
    {
        store.clock.set(QDateTime(QDate(2026, 12, 7), QTime(5, 0), QTimeZone::utc()));
        Account coupang;
        coupang.name = QStringLiteral("wing");
        coupang.kind = AccountKind::Coupang;
        // Nothing listens there: nothing in the window reaches a real gateway.
        coupang.settings = {{"vendor_id", "A00012345"}, {"access_key", "ak"}, {"wing_user", "wing-kim"},
                            {"key_expires", "2026-12-17"}, {"base_url", "http://127.0.0.1:9"},
                            {"secret_command", "printf sk"}};
        REQUIRE(AccountStore(*store.db).add(coupang));
        Account naver;
        naver.name = QStringLiteral("smart");
        naver.kind = AccountKind::Naver;
        naver.settings = {{"client_id", "naver-client"}, {"base_url", "http://127.0.0.1:9"},
                          {"secret_command", "printf x"}};
        REQUIRE(AccountStore(*store.db).add(naver));
        REQUIRE(store.db->write([&](SQLite::Database& w) -> Result<void> {
            saveLastSync(w, sourceOfAccount(coupang), store.clock.now().addSecs(-3600));
            return {};
        }));
        const QDateTime renewed(QDate(2026, 12, 7), QTime(4, 0), QTimeZone::utc());
        REQUIRE(saveTokenState(*store.db, sourceOfAccount(naver), {renewed, renewed.addSecs(10800)}));
    }
};

void choose(ui::AccountsDialog& dialog, const QString& name)
{
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("accountList"));
    REQUIRE(list);
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().startsWith(name + QLatin1Char(' ')))
            list->setCurrentRow(i);
}

void shoot(QWidget& w, const QString& file)
{
    // A kind's fields are made anew when it is chosen; the layout shows them at the next turn of the loop.
    QTest::qWait(50);
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    CHECK(w.grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/") + file));
}

} // namespace

TEST_CASE("Accounts dialog: the key's expiry warned, the last complete sync, Naver's token (English, Korean)",
          "[ui][accounts][health]")
{
    HealthShop shop;
    {
        LanguageScope english(QStringLiteral("en")); // English plurals ("10 days") come from its .ts
        ui::AccountsDialog dialog(*shop.store.db, test::memorySecrets());
        dialog.resize(900, 640);
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        choose(dialog, QStringLiteral("wing"));
        auto* health = dialog.findChild<QLabel*>(QStringLiteral("accountHealth"));
        REQUIRE(health);
        CHECK(health->isVisible());
        CHECK(health->text().contains(QStringLiteral("The key expires on 2026-12-17, in 10 days")));
        CHECK(health->text().contains(QStringLiteral("Last complete sync: ")));
        CHECK_FALSE(health->text().contains(QStringLiteral("never")));
        CHECK(formField(dialog, "key_expires")->text() == QStringLiteral("2026-12-17"));
        shoot(dialog, QStringLiteral("accounts-health-en.png"));

        choose(dialog, QStringLiteral("smart"));
        CHECK(health->text().contains(QStringLiteral("Naver token: valid until")));
        CHECK(health->text().contains(QStringLiteral("never"))); // Naver never synced to the end

        // A date the dialog cannot read is refused before anything is saved.
        choose(dialog, QStringLiteral("wing"));
        formField(dialog, "key_expires")->setText(QStringLiteral("next spring"));
        dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
        CHECK(AccountStore(*shop.store.db).byName(QStringLiteral("wing"))->setting(QStringLiteral("key_expires")) ==
              QStringLiteral("2026-12-17"));
        CHECK(dialog.findChild<QLabel*>(QStringLiteral("testStatus"))->text().contains(QStringLiteral("2027-06-30")));
        // Renewed: the new date is kept and the warning goes.
        formField(dialog, "key_expires")->setText(QStringLiteral("2027-06-05"));
        dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
        choose(dialog, QStringLiteral("smart"));
        choose(dialog, QStringLiteral("wing"));
        CHECK(health->text().contains(QStringLiteral("The key is valid until 2027-06-05.")));
    }
    REQUIRE(AccountStore(*shop.store.db)
                .updateSettings(QStringLiteral("wing"),
                                [&] {
                                    auto s = AccountStore(*shop.store.db).byName(QStringLiteral("wing"))->settings;
                                    s.insert(QStringLiteral("key_expires"), QStringLiteral("2026-12-17"));
                                    return s;
                                }()));
    LanguageScope korean(QStringLiteral("ko"));
    ui::AccountsDialog dialog(*shop.store.db, test::memorySecrets());
    dialog.resize(900, 640);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    choose(dialog, QStringLiteral("wing"));
    const QString text = dialog.findChild<QLabel*>(QStringLiteral("accountHealth"))->text();
    CHECK(text.contains(QStringLiteral("2026-12-17")));
    CHECK(text.contains(QStringLiteral("10일")));
    CHECK(text.contains(QStringLiteral("마지막 전체 동기화")));
    shoot(dialog, QStringLiteral("accounts-health-ko.png"));
}

TEST_CASE("Main window: the status bar warns of a Coupang key about to expire", "[ui][health]")
{
    LanguageScope english(QStringLiteral("en"));
    HealthShop shop;
    ui::MainWindow window(*shop.store.db, shop.store.clock, QStringLiteral("Health"), test::memorySecrets());
    window.resize(1200, 700);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* notice = window.findChild<QLabel*>(QStringLiteral("healthNotice"));
    REQUIRE(notice);
    CHECK(notice->isVisible());
    CHECK(notice->text() == QStringLiteral("The Coupang key of wing expires on 2026-12-17, in 10 days."));
    shoot(window, QStringLiteral("status-health-en.png"));

    // A month later than the key: expired, still said.
    shop.store.clock.set(QDateTime(QDate(2027, 1, 7), QTime(5, 0), QTimeZone::utc()));
    ui::MainWindow later(*shop.store.db, shop.store.clock, QStringLiteral("Health"), test::memorySecrets());
    CHECK(later.findChild<QLabel*>(QStringLiteral("healthNotice"))->text() ==
          QStringLiteral("The Coupang key of wing expired on 2026-12-17."));
}
