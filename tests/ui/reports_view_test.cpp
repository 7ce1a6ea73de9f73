// View → Reports on the reports' fixture: the charts hold the figures this test counts from the fixture's
// plan, a bar's click lists the tickets behind it in the window, the view exports itself, and screenshots
// in English and Korean for a person to look at (build/dev/screenshots/reports-*.png).
#include "channel_badge.h"
#include "language_scope.h"
#include "main_window.h"
#include "reports_view.h"
#include "support/memory_secrets.h"
#include "support/report_fixture.h"
#include "support/test_support.h"
#include "ticket_list_model.h"
#include "ui_language.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QPdfDocument>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

using namespace casebook;
using test::ReportFixtureTicket;

namespace {

struct ReportsWindow {
    test::TempStore store;
    QList<ReportFixtureTicket> plan = test::report_fixture::plan();
    QList<qint64> ids;
    std::unique_ptr<ui::MainWindow> window;
    ui::ReportsView* view = nullptr;

    ReportsWindow()
    {
        ids = test::report_fixture::write(*store.db, store.clock, plan, store.dir.path());
        QSettings().remove(QStringLiteral("MainWindow"));
        window = std::make_unique<ui::MainWindow>(*store.db, store.clock, QStringLiteral("Reports"),
                                                  test::memorySecrets());
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        view = window->openReports();
        REQUIRE(view);
        REQUIRE(QTest::qWaitForWindowExposed(view));
        QSignalSpy shown(view, &ui::ReportsView::figuresShown);
        view->setPeriod(report::Period{QDate(2026, 11, 2), QDate(2026, 11, 29), report::Grain::Week,
                                       QTimeZone("Asia/Seoul")});
        // The first period (the last four weeks) may still be computing: wait for November's figures.
        while (!view->figures() || view->figures()->period.from != QDate(2026, 11, 2) || view->busy())
            REQUIRE(shown.wait(20000));
    }
};

int weekOf(const QDateTime& t)
{
    const qint64 days = QDate(2026, 11, 2).daysTo(t.toTimeZone(QTimeZone("Asia/Seoul")).date());
    return days < 0 || days >= 28 ? -1 : static_cast<int>(days / 7);
}

QList<QBarSet*> barSets(QChart* chart)
{
    REQUIRE(chart->series().size() == 1);
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().front());
    REQUIRE(series);
    return series->barSets();
}

QString saveShot(QWidget& w, const QString& name)
{
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    const QString path = QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/") + name;
    QTest::qWait(50);
    REQUIRE(w.grab().save(path));
    return path;
}

} // namespace

TEST_CASE("the Reports view charts the period's figures and opens the tickets behind a bar", "[ui][reports]")
{
    ReportsWindow w;
    ui::ReportsView& view = *w.view;
    const report::Figures& fig = *view.figures();
    REQUIRE(fig.channels.size() == 4);

    // Inquiries per week and channel, stacked: the bars hold what the plan says.
    QMap<QString, QList<int>> expected;
    QMap<Category, QList<int>> byCategory;
    for (const ReportFixtureTicket& t : w.plan) {
        if (t.sellerFirst || t.finalStatus == TicketStatus::Spam || weekOf(t.askedAt) < 0)
            continue;
        QList<int>& row = expected[ui::channelDisplayName(toString(t.channel))];
        row.resize(4);
        ++row[weekOf(t.askedAt)];
        byCategory[t.category].resize(4);
        ++byCategory[t.category][weekOf(t.askedAt)];
    }
    const QList<QBarSet*> sets = barSets(view.volumeChart());
    REQUIRE(sets.size() == expected.size());
    for (QBarSet* set : sets) {
        INFO(set->label().toStdString());
        REQUIRE(expected.contains(set->label()));
        for (int b = 0; b < 4; ++b)
            CHECK(int(set->at(b)) == expected.value(set->label()).value(b));
    }

    // Clicking Email's third bar lists exactly those tickets in the window.
    QBarSet* email = nullptr;
    for (QBarSet* set : sets)
        if (set->label() == ui::channelDisplayName(QStringLiteral("email")))
            email = set;
    REQUIRE(email);
    Q_EMIT email->clicked(2);
    QSet<qint64> behind;
    for (int i = 0; i < w.plan.size(); ++i)
        if (!w.plan[i].sellerFirst && w.plan[i].finalStatus != TicketStatus::Spam &&
            weekOf(w.plan[i].askedAt) == 2 && w.plan[i].channel == Channel::Email)
            behind.insert(w.ids[i]);
    const ui::TicketListModel* list = w.window->ticketListModel();
    REQUIRE(list->rowCount() == behind.size());
    for (int row = 0; row < list->rowCount(); ++row)
        CHECK(behind.contains(list->index(row, 0).data(ui::TicketListModel::TicketIdRole).toLongLong()));

    // By category: one set per category that occurs.
    view.setSplit(ui::ReportsView::Split::Category);
    const QList<QBarSet*> categorySets = barSets(view.volumeChart());
    CHECK(categorySets.size() == byCategory.size());
    for (QBarSet* set : categorySets)
        for (int b = 0; b < 4; ++b) {
            int n = 0;
            for (auto it = byCategory.begin(); it != byCategory.end(); ++it)
                if (ui::categoryDisplayName(it.key()) == set->label())
                    n = it.value().value(b);
            CHECK(int(set->at(b)) == n);
        }

    // The first answer's line: a median per week with answers, under or over the 24-hour line.
    const QList<QAbstractSeries*> lines = view.responseChart()->series();
    REQUIRE(lines.size() == 3);
    auto* median = qobject_cast<QLineSeries*>(lines[0]);
    auto* deadline = qobject_cast<QLineSeries*>(lines[2]);
    REQUIRE(median);
    REQUIRE(deadline);
    CHECK(median->count() == 4);
    for (int b = 0; b < median->count(); ++b)
        CHECK(median->at(b).y() == Approx(double(fig.firstResponseByBucket[b].medianSecs) / 3600.0));
    CHECK(deadline->at(0).y() == Approx(24.0));

    // Open tickets by age now: the plan's open tickets.
    const QList<int> backlog = test::report_fixture::openByAge(w.plan);
    const QList<QBarSet*> open = barSets(view.backlogChart());
    REQUIRE(open.size() == 1);
    for (int b = 0; b < backlog.size(); ++b)
        CHECK(int(open.front()->at(b)) == backlog[b]);
    Q_EMIT open.front()->clicked(5);
    CHECK(list->rowCount() == backlog[5]);

    // The most claimed: the plate set (named by the order cache for several orders) heads the list, and an
    // order never fetched shows by its number.
    const auto* claims = view.findChild<QLabel*>(QStringLiteral("reportClaims"));
    REQUIRE(claims);
    REQUIRE_FALSE(fig.topClaims.isEmpty());
    CHECK(claims->text().contains(fig.topClaims.front().name().toHtmlEscaped()));
    CHECK(claims->text().contains(QStringLiteral("백자 접시 세트")));
    for (const report::ClaimedItem& c : fig.topClaims.mid(0, 6))
        if (c.product.isEmpty())
            CHECK(claims->text().contains(QStringLiteral("order %1").arg(c.orderNumber)));

    // Export: a PNG of the view and a one-page PDF.
    QTemporaryDir out;
    CHECK(view.exportPng(out.filePath(QStringLiteral("report.png"))));
    CHECK(QImage(out.filePath(QStringLiteral("report.png"))).width() > 800);
    REQUIRE(view.exportPdf(out.filePath(QStringLiteral("report.pdf"))));
    QPdfDocument pdf;
    REQUIRE(pdf.load(out.filePath(QStringLiteral("report.pdf"))) == QPdfDocument::Error::None);
    CHECK(pdf.pageCount() == 1);
}

TEST_CASE("screenshots: the Reports view in English and Korean", "[ui][reports]")
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ko")}) {
        test::LanguageScope scope(language);
        ReportsWindow w;
        w.view->setSplit(ui::ReportsView::Split::Channel);
        if (language == QLatin1String("ko"))
            CHECK(w.view->volumeChart()->title() != QStringLiteral("Inquiries received, by channel"));
        saveShot(*w.view, QStringLiteral("reports-%1.png").arg(language));
    }
}
