// What a seller's trial of the window found (issue 17), each checked by code as far as code can see it:
// typing after Enter in the search box, a reopened draft's cursor, columns that cut their text, English
// words in the Korean window, the empty evidence pane, the template picker's first suggestion, the
// timestamp authority in Settings, bold Korean.
#include "action_registry.h"
#include "command_palette.h"
#include "composer_window.h"
#include "casefile/case_file_timestamp.h"
#include "custody_log_dialog.h"
#include "demo/demo_dates.h"
#include "demo_store.h"
#include "evidence/custody_log.h"
#include "evidence_pane.h"
#include "inbox/ticket_actions.h"
#include "language_scope.h"
#include "settings_dialog.h"
#include "shortcut_help_dialog.h"
#include "store/app_settings.h"
#include "template_picker.h"
#include "ticket_list_pane.h"
#include "undo_text.h"
#include "views_pane.h"

#include <QCollator>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>

using namespace casebook;
using test::ComposerWindow;
using test::LanguageScope;

namespace {

QString saveShot(QWidget& widget, const QString& name)
{
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    const QString path = QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/") + name;
    QTest::qWait(50);
    REQUIRE(widget.grab().save(path));
    return path;
}

// Words of Latin letters in a text of the Korean window, but for key names, file formats and the like.
QStringList englishWords(const QString& text)
{
    static const QSet<QString> allowed{
        QStringLiteral("Ctrl"),    QStringLiteral("Shift"),  QStringLiteral("Alt"),     QStringLiteral("Meta"),
        QStringLiteral("Enter"),   QStringLiteral("Return"), QStringLiteral("Esc"),     QStringLiteral("Del"),
        QStringLiteral("Tab"),     QStringLiteral("Space"),  QStringLiteral("PgUp"),    QStringLiteral("PgDown"),
        QStringLiteral("SHA"),     QStringLiteral("PDF"),    QStringLiteral("CSV"),     QStringLiteral("ZIP"),
        QStringLiteral("Maildir"), QStringLiteral("mbox"),   QStringLiteral("eml"),     QStringLiteral("VIP"),
        QStringLiteral("RFC"),     QStringLiteral("URL"),    QStringLiteral("http"),    QStringLiteral("https"),
        QStringLiteral("Casebook"), QStringLiteral("F5"),    QStringLiteral("Print"),   QStringLiteral("Backspace")};
    static const QRegularExpression word(QStringLiteral("(?<![\\w.@/-])[A-Za-z][A-Za-z0-9]+(?![\\w.@/-])"));
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        if (!allowed.contains(w))
            out << w;
    }
    return out;
}

void checkKorean(const QString& where, const QString& text)
{
    const QStringList english = englishWords(text);
    INFO(where.toStdString() << ": \"" << text.toStdString() << "\"");
    CHECK(english.isEmpty());
}

ui::TicketListPane* listPane(ui::MainWindow& window)
{
    return window.ticketListPane();
}

// The text's width in the font the row is drawn with, plus the badge when there is one.
int textNeed(const QTreeView* view, const QModelIndex& index)
{
    QFont font = view->font();
    if (const QVariant f = index.data(Qt::FontRole); f.isValid())
        font = f.value<QFont>();
    const int icon = index.data(Qt::DecorationRole).isNull() ? 0 : 16 + 4;
    return QFontMetrics(font).horizontalAdvance(index.data().toString()) + icon + 6;
}

// "Coupan…", "overdue 1d …", "Missing ite…": every row of the Inbox and of All, in the short columns.
void checkColumnsFit(ui::MainWindow& window)
{
    QTreeView* view = listPane(window)->view();
    for (TicketView v : {TicketView::Inbox, TicketView::All}) {
        window.viewsPane()->selectView(v);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            for (int column : {int(ui::TicketListModel::DueColumn), int(ui::TicketListModel::ChannelColumn),
                               int(ui::TicketListModel::CategoryColumn), int(ui::TicketListModel::StatusColumn)}) {
                const QModelIndex index = view->model()->index(row, column);
                INFO("row " << row << " column " << column << ": " << index.data().toString().toStdString());
                CHECK(textNeed(view, index) <= view->header()->sectionSize(column));
            }
    }
}

} // namespace

TEST_CASE("after Enter in the search box the seller types on in the box; Down goes to the results",
          "[ui][search][window17]")
{
    ComposerWindow w;
    auto* box = w.window->findChild<QLineEdit*>(QStringLiteral("searchBox"));
    REQUIRE(box);
    w.list->setFocus();
    QTest::keyClick(w.list, Qt::Key_K, Qt::ControlModifier);
    REQUIRE(box->hasFocus());
    box->insert(QStringLiteral("환불"));
    QTest::keyClick(box, Qt::Key_Return);
    REQUIRE(w.list->model()->rowCount() > 0);
    // Where the keys go now is where a person's next keys go: "from:priya" holds an r (reply) and an i.
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus);
    QTest::keyClicks(focus, QStringLiteral(" from:priya"));
    CHECK(w.composer->isHidden());
    CHECK(box->text() == QStringLiteral("환불 from:priya"));
    QTest::keyClick(box, Qt::Key_Down);
    CHECK(w.list->hasFocus());
}

TEST_CASE("a reopened draft puts the cursor at its end", "[ui][composer][drafts][window17]")
{
    ComposerWindow w;
    const QList<TicketSummary> all = ticket_queries::tickets(w.store.db->reader(), TicketFilter{});
    REQUIRE(all.size() >= 2);
    w.select(all[0].id);
    QTest::keyClick(w.list, Qt::Key_R);
    w.type(QStringLiteral("안녕하세요.\n확인해 보니"));
    QTest::keyClick(w.editor(), Qt::Key_Escape);
    w.select(all[1].id);
    w.select(all[0].id);
    QTest::keyClick(w.list, Qt::Key_R);
    REQUIRE(w.editor()->toPlainText() == QStringLiteral("안녕하세요.\n확인해 보니"));
    CHECK(w.editor()->textCursor().position() == w.editor()->toPlainText().size());
    CHECK(w.editor()->hasFocus());
}

TEST_CASE("the due, channel, category and status columns hold their text, in English and in Korean",
          "[ui][window17]")
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ko")}) {
        test::DemoStore demo;
        LanguageScope scope(language);
        ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                              test::memorySecrets());
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        checkColumnsFit(window);
        // The Subject column keeps room to be read.
        QHeaderView* header = listPane(window)->view()->header();
        QStringList widths;
        for (int c = 0; c < header->count(); ++c)
            widths << QString::number(header->sectionSize(c));
        INFO(language.toStdString() << " widths " << widths.join(QLatin1Char(' ')).toStdString());
        CHECK(header->sectionSize(ui::TicketListModel::SubjectColumn) >= 150);
    }
}

TEST_CASE("the Korean window says its commands, shortcuts, custody log and undo in Korean",
          "[ui][translations][window17]")
{
    test::DemoStore demo;
    LanguageScope korean(QStringLiteral("ko"));
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("데모"), test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    // Every command the window holds, as the menus, the palette and the help list it.
    const QList<QAction*> actions = ui::registeredActions(&window);
    REQUIRE(actions.size() > 30);
    for (const QAction* a : actions) {
        checkKorean(QStringLiteral("action ") + a->objectName(), ui::plainActionText(a));
        checkKorean(QStringLiteral("keys of ") + a->objectName(), ui::actionKeys(a).join(QLatin1Char(' ')));
        CHECK_FALSE(ui::plainActionText(a).contains(QRegularExpression(QStringLiteral("\\([A-Z]\\)"))));
    }
    ui::CommandPalette palette(&window);
    auto* list = palette.findChild<QListWidget*>(QStringLiteral("paletteList"));
    REQUIRE(list);
    QStringList entries;
    for (int i = 0; i < list->count(); ++i) {
        entries << list->item(i)->text();
        checkKorean(QStringLiteral("palette"), list->item(i)->text());
    }
    // In the order of the Korean alphabet, as a person looks a command up.
    QStringList names;
    for (const QString& entry : entries)
        names << entry.section(QStringLiteral("    "), 0, 0);
    QStringList sorted = names;
    QCollator collator(QLocale(QLocale::Korean, QLocale::SouthKorea));
    std::sort(sorted.begin(), sorted.end(), [&](const QString& x, const QString& y) { return collator.compare(x, y) < 0; });
    CHECK(names == sorted);
    palette.show();
    saveShot(palette, QStringLiteral("palette-ko.png"));

    ui::ShortcutHelpDialog help(&window);
    auto* table = help.findChild<QTableWidget*>(QStringLiteral("shortcutTable"));
    REQUIRE(table);
    for (int r = 0; r < table->rowCount(); ++r)
        checkKorean(QStringLiteral("shortcut help"), table->item(r, 0)->text() + QLatin1Char(' ') + table->item(r, 1)->text());
    help.show();
    saveShot(help, QStringLiteral("shortcuts-ko.png"));

    // The custody log of a demo case with evidence: actions and the names of the facts.
    qint64 withEvidence = 0;
    for (const TicketSummary& t : ticket_queries::tickets(demo.store.db->reader(), TicketFilter{}))
        if (!custody_log::entries(demo.store.db->reader(), t.id).isEmpty()) {
            withEvidence = t.id;
            break;
        }
    REQUIRE(withEvidence);
    ui::CustodyLogDialog custody(*demo.store.db, withEvidence, 1, &window);
    auto* log = custody.findChild<QTreeWidget*>(QStringLiteral("custodyLog"));
    REQUIRE(log);
    REQUIRE(log->topLevelItemCount() > 0);
    for (int i = 0; i < log->topLevelItemCount(); ++i) {
        checkKorean(QStringLiteral("custody action"), log->topLevelItem(i)->text(2));
        // The facts' names, not their values (file names and hashes are what they are).
        QStringList names;
        for (const QString& fact : log->topLevelItem(i)->text(3).split(QStringLiteral(" · ")))
            names << fact.section(QStringLiteral(": "), 0, 0);
        checkKorean(QStringLiteral("custody facts"), names.join(QLatin1Char(' ')));
    }
    custody.show();
    saveShot(custody, QStringLiteral("custody-log-ko.png"));

    // The undo message of a status change, of a bulk change and of a flag.
    TicketActions acts(*demo.store.db);
    const QList<TicketSummary> open = ticket_queries::tickets(demo.store.db->reader(), TicketFilter{});
    REQUIRE(open.size() >= 2);
    REQUIRE(acts.setStatus(open[0].id, TicketStatus::Resolved));
    QString said = ui::UndoText::of(*acts.lastUndoable());
    checkKorean(QStringLiteral("undo"), said);
    CHECK(said.contains(QStringLiteral("해결됨")));
    REQUIRE(acts.applyToAll({open[0].id, open[1].id}, BulkChange{.priority = 2, .category = Category::Refund}));
    said = ui::UndoText::of(*acts.lastUndoable());
    checkKorean(QStringLiteral("bulk undo"), said);
    REQUIRE(acts.setCustomerFlag(open[1].id, CustomerFlag::Vip, true));
    checkKorean(QStringLiteral("flag undo"), ui::UndoText::of(*acts.lastUndoable()));
}

TEST_CASE("an empty evidence pane is one line; the conversation gets the room", "[ui][evidence][window17]")
{
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"), test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* evidence = window.findChild<ui::EvidencePane*>(QStringLiteral("evidencePane"));
    auto* split = window.findChild<QSplitter*>(QStringLiteral("caseSplitter"));
    REQUIRE(evidence);
    REQUIRE(split);
    window.viewsPane()->selectView(TicketView::All);
    const ui::TicketListModel* model = window.ticketListModel();
    int without = -1, with = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const qint64 id = model->index(row, 0).data(ui::TicketListModel::TicketIdRole).toLongLong();
        (custody_log::entries(demo.store.db->reader(), id).isEmpty() ? without : with) = row;
    }
    REQUIRE(without >= 0);
    REQUIRE(with >= 0);
    window.ticketListPane()->selectRow(without);
    QTest::qWait(20);
    INFO("evidence pane " << evidence->height() << " of " << split->height());
    CHECK(evidence->height() * 6 < split->height());
    saveShot(window, QStringLiteral("evidence-empty.png"));
    // A case with evidence shows its files.
    window.ticketListPane()->selectRow(with);
    QTest::qWait(20);
    auto* files = evidence->findChild<QTreeView*>(QStringLiteral("evidenceList"));
    REQUIRE(files);
    CHECK(files->isVisible());
    CHECK(files->height() >= 80);
}

TEST_CASE("the template picker suggests what fits the question first and names categories as the list does",
          "[ui][composer][window17]")
{
    ComposerWindow w;
    // The demo's gift-wrap question on Coupang.
    const TicketSummary gift = w.ticketWhere([](const TicketSummary& t) { return t.subject.contains(QStringLiteral("선물포장")) || t.summary.contains(QStringLiteral("선물포장")); });
    w.select(gift.id);
    QTest::keyClick(w.list, Qt::Key_T, Qt::ControlModifier);
    auto* picker = w.waitForDialog<ui::TemplatePicker>(QStringLiteral("templatePicker"));
    REQUIRE(picker->list()->count() > 0);
    const QString first = picker->list()->item(0)->text();
    INFO(first.toStdString());
    CHECK_FALSE(first.contains(QStringLiteral("폭언")));
    CHECK_FALSE(first.contains(QStringLiteral("리뷰")));
    for (int i = 0; i < picker->list()->count(); ++i)
        for (const QString& id : allCategoryNames())
            CHECK_FALSE(picker->list()->item(i)->text().contains(QStringLiteral("· ") + id + QStringLiteral(" ·")));
    saveShot(*picker, QStringLiteral("template-picker-gift.png"));
    picker->reject();
    // The offscreen platform gives the activation back to no window when a dialog closes.
    w.window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(w.window.get()));

    // A shipping question: a shipping template first.
    const TicketSummary shipping = w.ticketWhere([&](const TicketSummary& t) {
        return t.category == Category::Shipping && w.korean(t);
    });
    w.select(shipping.id);
    QTest::keyClick(w.list, Qt::Key_T, Qt::ControlModifier);
    picker = w.waitForDialog<ui::TemplatePicker>(QStringLiteral("templatePicker"));
    CHECK(picker->list()->item(0)->text().contains(QStringLiteral("배송")));
    picker->reject();
}

TEST_CASE("Settings keeps the timestamp authority the CLI's tsa_url stamps case files with",
          "[ui][settings][window17]")
{
    test::DemoStore demo;
    ui::SettingsDialog dialog(*demo.store.db);
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("tsaUrlEdit"));
    REQUIRE(edit);
    CHECK(edit->text().isEmpty());
    // A wrong address saves nothing and says why.
    edit->setText(QStringLiteral("ftp://tsa.example"));
    QTimer::singleShot(0, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->accept();
    });
    dialog.accept();
    CHECK(AppSettings::value(demo.store.db->reader(), case_file_timestamp::kSettingKey).isEmpty());
    edit->setText(QStringLiteral(" https://tsa.example/tsr "));
    dialog.accept();
    CHECK(AppSettings::value(demo.store.db->reader(), case_file_timestamp::kSettingKey) ==
          QStringLiteral("https://tsa.example/tsr"));
    ui::SettingsDialog again(*demo.store.db);
    CHECK(again.findChild<QLineEdit*>(QStringLiteral("tsaUrlEdit"))->text() == QStringLiteral("https://tsa.example/tsr"));
}

TEST_CASE("an unread row is marked by a dot before its subject as well as in bold", "[ui][window17]")
{
    // The ink of a Hangul word, drawn as the ticket list draws an unread row and a read one.
    const auto ink = [](const QFont& font, const QString& text) {
        QImage image(400, 60, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setFont(font);
        p.setPen(Qt::black);
        p.drawText(QRect(0, 0, 400, 60), Qt::AlignLeft | Qt::AlignVCenter, text);
        p.end();
        double sum = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                sum += 255 - qGray(image.pixel(x, y));
        return sum;
    };
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"), test::memorySecrets());
    window.viewsPane()->selectView(TicketView::Inbox);
    // After the window has drawn its rows, bold and regular, as a seller sees it.
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    (void)window.grab();
    const ui::TicketListModel* model = window.ticketListModel();
    QFont regular = listPane(window)->view()->font();
    QFont bold = regular;
    for (int row = 0; row < model->rowCount(); ++row)
        if (const QVariant f = model->index(row, 0).data(Qt::FontRole); f.isValid()) {
            // As the item delegate takes it: the role's font over the view's.
            bold = f.value<QFont>().resolve(regular);
            break;
        }
    REQUIRE(bold.bold());
    // The dot: on every unread row, on no other (the bold face of Hangul did not reach the seller's rows).
    int unread = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex subject = model->index(row, ui::TicketListModel::SubjectColumn);
        const bool bolded = subject.data(Qt::FontRole).isValid();
        unread += bolded;
        CHECK(subject.data(Qt::DecorationRole).isNull() == !bolded);
    }
    CHECK(unread > 0);
    const QString hangul = QStringLiteral("배송 문의 환불 요청");
    const QString latin = QStringLiteral("Shipping question");
    const double hangulRatio = ink(bold, hangul) / ink(regular, hangul);
    const double latinRatio = ink(bold, latin) / ink(regular, latin);
    INFO("bold/regular ink: Hangul " << hangulRatio << ", Latin " << latinRatio);
    CHECK(latinRatio > 1.15);
    CHECK(hangulRatio > 1.15);
}

TEST_CASE("the demo's words move with its dates: a body says the month its header says",
          "[ui][demo][window17]")
{
    // The rule on its own: 272 days after 2026-03-10, a Thursday two days later is a Wednesday in December.
    const QDate written(2026, 3, 10);
    CHECK(demo_dates::shift(QStringLiteral("지급 예정일: 2026년 3월 12일(목)"), written, 272) ==
          QStringLiteral("지급 예정일: 2026년 12월 9일(수)"));
    CHECK(demo_dates::shift(QStringLiteral("On 3/6/2026 9:30 AM, we wrote"), written, 272) ==
          QStringLiteral("On 12/3/2026 9:30 AM, we wrote"));
    CHECK(demo_dates::shift(QStringLiteral("Sent: Thursday, March 5, 2026"), written, 272) ==
          QStringLiteral("Sent: Wednesday, December 2, 2026"));
    CHECK(demo_dates::shift(QStringLiteral("2월 2주차(2/9~2/15 구매확정분), 회수는 목요일에"), written, 272) ==
          QStringLiteral("11월 2주차(11/8~11/14 구매확정분), 회수는 수요일에"));
    CHECK(demo_dates::shift(QStringLiteral("Sent: 2026-03-04 (수) 10:30:02"), written, 272) ==
          QStringLiteral("Sent: 2026-12-01 (화) 10:30:02"));
    CHECK(demo_dates::shift(QStringLiteral("작년 11월 등록 계좌"), written, 272) == QStringLiteral("올해 8월 등록 계좌"));
    // What only looks like a date stays.
    CHECK(demo_dates::shift(QStringLiteral("24/7 상담, 주문번호 2026030412998741, 3~5일, 12일째"), written, 272) ==
          QStringLiteral("24/7 상담, 주문번호 2026030412998741, 3~5일, 12일째"));

    // The demo replayed on a day far from March: every full date a message's words give lies near the
    // message's own date (the conversation would otherwise say March under a December header).
    test::TempStore store;
    store.clock.set(QDateTime(QDate(2027, 8, 20), QTime(3, 0), Qt::UTC));
    REQUIRE(DemoInbox::load(*store.db, DemoInbox::resourceRoot()));
    static const QRegularExpression korean(QStringLiteral("(?<!\\d)(\\d{1,2})월\\s*(\\d{1,2})일"));
    static const QRegularExpression iso(QStringLiteral("(20\\d\\d)-(\\d\\d)-(\\d\\d)"));
    int checked = 0;
    for (const TicketSummary& t : ticket_queries::tickets(store.db->reader(), TicketFilter{.view = TicketView::All}))
        for (const MessageRecord& m : ticket_queries::messagesOfTicket(store.db->reader(), t.id)) {
            const QDate day = m.date.toOffsetFromUtc(9 * 3600).date();
            QList<QDate> named;
            for (auto it = korean.globalMatch(m.text); it.hasNext();) {
                const auto k = it.next();
                QDate d(day.year(), k.captured(1).toInt(), k.captured(2).toInt());
                if (d.isValid() && d.daysTo(day) > 182)
                    d = d.addYears(1);
                if (d.isValid() && day.daysTo(d) > 182)
                    d = d.addYears(-1);
                named << d;
            }
            for (auto it = iso.globalMatch(m.text); it.hasNext();) {
                const auto k = it.next();
                named << QDate(k.captured(1).toInt(), k.captured(2).toInt(), k.captured(3).toInt());
            }
            for (const QDate& d : named) {
                if (!d.isValid())
                    continue;
                ++checked;
                INFO("#" << t.number << " written " << day.toString(Qt::ISODate).toStdString() << " names "
                         << d.toString(Qt::ISODate).toStdString());
                CHECK(std::abs(d.daysTo(day)) <= 60);
            }
        }
    CHECK(checked >= 20);
}
