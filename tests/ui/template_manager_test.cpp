#include "compose/template_store.h"
#include "demo_store.h"
#include "main_window.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "template_manager_dialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::test;

namespace {

QPushButton* button(QWidget& dialog, const QString& text)
{
    for (auto* b : dialog.findChildren<QPushButton*>())
        if (b->text().remove(QLatin1Char('&')) == text)
            return b;
    FAIL("no button " << text.toStdString());
    return nullptr;
}

template <typename T> T* field(QWidget& dialog, const char* name)
{
    auto* w = dialog.findChild<T*>(QLatin1String(name));
    REQUIRE(w);
    return w;
}

} // namespace

TEST_CASE("File → Reply templates: add, edit a built-in, duplicate, delete, restore, export and import",
          "[ui][templates]")
{
    DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* action = window.findChild<QAction*>(QStringLiteral("actionTemplates"));
    REQUIRE(action);
    action->trigger();
    REQUIRE(window.templateManager());
    ui::TemplateManagerDialog& dialog = *window.templateManager();
    CHECK(dialog.isVisible()); // window-modal, no nested event loop
    auto store = TemplateStore::open(*demo.store.db);
    REQUIRE(store.ok());
    const int builtins = int(store.value().list().size());
    CHECK(field<QListWidget>(dialog, "templateList")->count() == builtins);

    // A new template of the seller's own; the tone check's verdict comes with the save.
    button(dialog, QStringLiteral("New"))->click();
    field<QLineEdit>(dialog, "templateId")->setText(QStringLiteral("my.late_refund"));
    auto* language = field<QComboBox>(dialog, "templateLanguage");
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    auto* category = field<QComboBox>(dialog, "templateCategory");
    CHECK(category->findText(QStringLiteral("Refund")) >= 0); // by name, not the stored id
    category->setCurrentIndex(category->findData(QStringLiteral("refund")));
    field<QLineEdit>(dialog, "templateTitle")->setText(QStringLiteral("Refund is on its way"));
    field<QPlainTextEdit>(dialog, "templateBody")
        ->setPlainText(QStringLiteral("Hi {{customer_name}},\nYour refund was issued today. It is your fault "
                                      "that it took this long.\n{{seller_name}}"));
    REQUIRE(dialog.save());
    CHECK(dialog.statusText().contains(QStringLiteral("Blame")));
    auto mine = store.value().find(QStringLiteral("my.late_refund"));
    REQUIRE(mine);
    CHECK_FALSE(mine->builtin);
    CHECK(mine->language == QStringLiteral("en"));
    CHECK(field<QListWidget>(dialog, "templateList")->count() == builtins + 1);
    // The same id again is refused with a reason, and nothing is lost.
    button(dialog, QStringLiteral("New"))->click();
    field<QLineEdit>(dialog, "templateId")->setText(QStringLiteral("my.late_refund"));
    field<QLineEdit>(dialog, "templateTitle")->setText(QStringLiteral("Other"));
    field<QPlainTextEdit>(dialog, "templateBody")->setPlainText(QStringLiteral("Other text"));
    CHECK_FALSE(dialog.save());
    CHECK_FALSE(dialog.statusText().isEmpty());
    CHECK(store.value().find(QStringLiteral("my.late_refund"))->title ==
          QStringLiteral("Refund is on its way"));

    // A built-in edited is kept as the seller's version and can be restored.
    dialog.selectTemplate(QStringLiteral("en.shipping_time"));
    CHECK(field<QLineEdit>(dialog, "templateId")->text() == QStringLiteral("en.shipping_time"));
    CHECK(field<QLineEdit>(dialog, "templateId")->isReadOnly());
    field<QLineEdit>(dialog, "templateTitle")->setText(QStringLiteral("Shipping time (ours)"));
    REQUIRE(dialog.save());
    CHECK(store.value().find(QStringLiteral("en.shipping_time"))->edited);

    // Duplicate, then delete the copy.
    dialog.selectTemplate(QStringLiteral("my.late_refund"));
    button(dialog, QStringLiteral("Duplicate"))->click();
    REQUIRE(store.value().find(QStringLiteral("my.late_refund-copy")));
    CHECK(field<QLineEdit>(dialog, "templateId")->text() == QStringLiteral("my.late_refund-copy"));
    button(dialog, QStringLiteral("Delete"))->click();
    CHECK_FALSE(store.value().find(QStringLiteral("my.late_refund-copy")));

    // Export everything, hide a built-in, restore the built-ins, then import the file into a fresh store.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("templates.json"));
    REQUIRE(dialog.exportTo(file));
    dialog.selectTemplate(QStringLiteral("en.overseas_delay"));
    button(dialog, QStringLiteral("Hide"))->click();
    CHECK_FALSE(store.value().find(QStringLiteral("en.overseas_delay")));
    button(dialog, QStringLiteral("Restore built-ins"))->click();
    CHECK(store.value().find(QStringLiteral("en.overseas_delay")));
    CHECK(store.value().find(QStringLiteral("en.shipping_time"))->title !=
          QStringLiteral("Shipping time (ours)"));
    CHECK(store.value().find(QStringLiteral("my.late_refund"))); // the seller's own stay

    TempStore other;
    ui::TemplateManagerDialog second(*other.db);
    REQUIRE(second.importFrom(file));
    auto otherStore = TemplateStore::open(*other.db);
    REQUIRE(otherStore.ok());
    CHECK(otherStore.value().find(QStringLiteral("my.late_refund")));
    CHECK(otherStore.value().find(QStringLiteral("en.shipping_time"))->title ==
          QStringLiteral("Shipping time (ours)"));
    // A file that is not a template file is refused with a message, and nothing changes.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile b(broken);
    REQUIRE(b.open(QIODevice::WriteOnly));
    b.write("{not json");
    b.close();
    CHECK_FALSE(second.importFrom(broken));
    CHECK_FALSE(second.statusText().isEmpty());

    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    CHECK(dialog.grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/template-manager.png")));
    dialog.reject();
    CHECK(QTest::qWaitFor([&] { return window.templateManager() == nullptr; }, 5000));
}
