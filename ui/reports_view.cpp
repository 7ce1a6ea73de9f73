#include "reports_view.h"

#include "channel_badge.h"
#include "semantic_colors.h"
#include "store/app_settings.h"
#include "worker_job.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace casebook::ui {
namespace {

enum Preset { LastFourWeeks, LastThreeMonths, LastTwelveMonths, ThisMonth, Custom };

QChartView* makeChartView(const QString& name)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // figures, not a show: drawn at once
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(420, 280);
    return view;
}

// A colour per category, spread around the colour wheel, in a shade that reads on the palette in use.
QColor categoryColor(int index, int count)
{
    const bool dark = SemanticColors::isDark();
    return QColor::fromHsv((index * 360 / std::max(1, count) + 200) % 360, dark ? 120 : 170,
                           dark ? 235 : 205);
}

// Series and axes of the previous figures go: the chart owns them until removed, and then nobody does.
void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) {
        chart->removeAxis(a);
        delete a;
    }
}

double hours(qint64 secs)
{
    return double(secs) / 3600.0;
}

} // namespace

ReportsView::ReportsView(Database& db, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_db(db), m_clock(clock), m_zone(AppSettings::dueClocks(db.reader()).hours().zone),
      m_job(new WorkerJob(nullptr, &db))
{
    m_job->setParent(this);
    setObjectName(QStringLiteral("reportsView"));
    setWindowTitle(tr("Reports"));

    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("reportPreset"));
    m_preset->addItems(
        {tr("Last 4 weeks"), tr("Last 3 months"), tr("Last 12 months"), tr("This month"), tr("Custom")});
    m_from = new QDateEdit;
    m_to = new QDateEdit;
    for (QDateEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    m_grain = new QComboBox;
    m_grain->setObjectName(QStringLiteral("reportGrain"));
    m_grain->addItems({tr("By day"), tr("By week"), tr("By month")});
    m_splitBox = new QComboBox;
    m_splitBox->setObjectName(QStringLiteral("reportSplit"));
    m_splitBox->addItems({tr("Channels"), tr("Categories")});
    auto* exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("reportExport"));
    exportButton->setToolTip(tr("Save this view as a PNG picture or a PDF"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period:")));
    bar->addWidget(m_preset);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–")));
    bar->addWidget(m_to);
    bar->addWidget(m_grain);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Bars by:")));
    bar->addWidget(m_splitBox);
    bar->addStretch(1);
    bar->addWidget(exportButton);

    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("reportContent"));
    m_content->setAutoFillBackground(true);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_summary->setWordWrap(true);
    m_claims = new QLabel;
    m_claims->setObjectName(QStringLiteral("reportClaims"));
    m_claims->setWordWrap(true);
    m_claims->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_claims->setTextFormat(Qt::RichText);
    m_volume = makeChartView(QStringLiteral("volumeChart"));
    m_response = makeChartView(QStringLiteral("responseChart"));
    m_backlog = makeChartView(QStringLiteral("backlogChart"));
    auto* grid = new QGridLayout(m_content);
    grid->addWidget(m_summary, 0, 0, 1, 2);
    grid->addWidget(m_volume, 1, 0);
    grid->addWidget(m_response, 1, 1);
    grid->addWidget(m_backlog, 2, 0);
    grid->addWidget(m_claims, 2, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_content, 1);

    connect(m_preset, &QComboBox::activated, this, &ReportsView::presetChosen);
    for (QDateEdit* e : {m_from, m_to})
        connect(e, &QDateEdit::editingFinished, this, [this] {
            m_preset->setCurrentIndex(Custom);
            recompute();
        });
    connect(m_grain, &QComboBox::activated, this, [this] { recompute(); });
    connect(m_splitBox, &QComboBox::activated, this,
            [this](int i) { setSplit(i == 0 ? Split::Channel : Split::Category); });
    connect(exportButton, &QPushButton::clicked, this, &ReportsView::chooseExport);
    resize(1200, 820);
    presetChosen(LastFourWeeks);
}

ReportsView::~ReportsView()
{
    delete m_job; // waits for a running computation while the view's members still exist
}

bool ReportsView::busy() const
{
    return m_job->busy();
}

QChart* ReportsView::volumeChart() const
{
    return m_volume->chart();
}

QChart* ReportsView::responseChart() const
{
    return m_response->chart();
}

QChart* ReportsView::backlogChart() const
{
    return m_backlog->chart();
}

void ReportsView::presetChosen(int index)
{
    const QDate today = m_clock.now().toTimeZone(m_zone).date();
    report::Period p = report::Period::lastFourWeeks(m_clock.now(), m_zone);
    switch (index) {
    case LastThreeMonths:
        p.from = p.from.addDays(-9 * 7); // thirteen weeks
        break;
    case LastTwelveMonths:
        p.from = QDate(today.year(), today.month(), 1).addMonths(-11);
        p.grain = report::Grain::Month;
        break;
    case ThisMonth:
        p.from = QDate(today.year(), today.month(), 1);
        p.grain = report::Grain::Day;
        break;
    default:
        break;
    }
    if (index == Custom)
        return;
    setPeriod(p);
    m_preset->setCurrentIndex(index);
}

void ReportsView::setPeriod(const report::Period& period)
{
    m_preset->setCurrentIndex(Custom); // a preset names itself after this
    {
        const QSignalBlocker a(m_from), b(m_to), c(m_grain);
        m_from->setDate(period.from);
        m_to->setDate(period.to);
        m_grain->setCurrentIndex(static_cast<int>(period.grain));
    }
    recompute();
}

void ReportsView::setSplit(Split split)
{
    m_split = split;
    m_splitBox->setCurrentIndex(split == Split::Channel ? 0 : 1);
    if (m_figures)
        fillVolume();
}

void ReportsView::recompute()
{
    if (m_job->busy()) {
        m_pending = true; // the latest choice is computed when the running one lands
        return;
    }
    report::Period period{m_from->date(), std::max(m_from->date(), m_to->date()),
                          static_cast<report::Grain>(m_grain->currentIndex()), m_zone};
    auto result = std::make_shared<report::Figures>();
    const QDateTime now = m_clock.now();
    m_job->run([this, period, now, result] { *result = report::computeFigures(m_db.reader(), period, now); },
               [this, result] {
                   if (m_pending) {
                       m_pending = false;
                       recompute();
                       return;
                   }
                   m_figures = std::make_unique<report::Figures>(std::move(*result));
                   showFigures();
               });
}

void ReportsView::finishChart(QChart* chart, const QList<QAbstractSeries*>& series, const QStringList& labels,
                              double top) const
{
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    auto* y = new QValueAxis;
    // Counts in whole numbers; hours up to `top` (0: as high as the bars reach).
    y->setLabelFormat(top > 0 ? QStringLiteral("%.0f") : QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    if (top > 0)
        y->setRange(0, top);
    else
        y->setMin(0);
    y->applyNiceNumbers();
    styleChart(chart);
}

void ReportsView::styleChart(QChart* chart) const
{
    const QPalette p = palette();
    chart->setBackgroundBrush(p.base());
    chart->setBackgroundPen(QPen(p.color(QPalette::Mid)));
    chart->setTitleBrush(p.text());
    QFont title = font();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    chart->legend()->setFont(font());
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(p.text());
        axis->setLabelsFont(font());
        axis->setTitleBrush(p.text());
        axis->setTitleFont(font());
        axis->setGridLineColor(p.color(QPalette::Midlight));
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
}

QString ReportsView::bucketLabel(int bucket) const
{
    const QDate d = m_figures->buckets.value(bucket);
    return m_figures->period.grain == report::Grain::Month ? d.toString(QStringLiteral("yyyy-MM"))
                                                           : d.toString(QStringLiteral("MM-dd"));
}

QString ReportsView::backlogLabel(int bucket) const
{
    const report::BacklogBucket& b = m_figures->backlog[bucket];
    const qint64 from = b.fromSecs / 86400, to = b.toSecs / 86400;
    // Short: six labels share the chart's width. (No "<": axis labels are rich text.)
    if (b.toSecs < 0)
        return tr("%1+ d").arg(from);
    return tr("%1–%2 d").arg(from).arg(to);
}

void ReportsView::showFigures()
{
    const report::Figures& f = *m_figures;
    QStringList inTime;
    for (const report::ChannelResponse& r : f.responses)
        if (r.decided > 0)
            inTime << tr("%1 %2%")
                          .arg(channelDisplayName(toString(r.channel)))
                          .arg(qRound(100.0 * r.inTime / r.decided));
    // Kept on one line when the summary wraps ("5d 19h", not "5d" and "19h" on two).
    const auto duration = [](qint64 s) {
        return s < 0 ? QStringLiteral("—") : durationDisplay(s).replace(QLatin1Char(' '), QChar::Nbsp);
    };
    m_summary->setText(
        tr("<b>%n inquiries</b> from %1 to %2 · first answer: median %3, 90% within %4 · answered "
           "in time: %5 · resolved: median %6",
           nullptr, f.received)
            .arg(f.period.from.toString(Qt::ISODate), f.period.to.toString(Qt::ISODate),
                 duration(f.firstResponse.medianSecs), duration(f.firstResponse.p90Secs),
                 inTime.isEmpty() ? QStringLiteral("—") : inTime.join(QStringLiteral(", ")),
                 duration(f.resolution.medianSecs)));
    QString claims = QStringLiteral("<b>%1</b>").arg(tr("Most claimed products and orders").toHtmlEscaped());
    if (f.topClaims.isEmpty())
        claims += QStringLiteral("<br>—");
    for (const report::ClaimedItem& o : f.topClaims.mid(0, 6)) {
        QStringList kinds;
        for (auto it = o.byCategory.begin(); it != o.byCategory.end(); ++it)
            kinds << QStringLiteral("%1 %2").arg(categoryDisplayName(it.key())).arg(it.value());
        // A product from the order cache, else the order number (its products were never fetched).
        const QString name = o.product.isEmpty() ? tr("order %1").arg(o.orderNumber) : o.product;
        claims += QStringLiteral("<br>%1 — %2 (%3)")
                      .arg(name.toHtmlEscaped())
                      .arg(tr("%n claim(s)", nullptr, o.claims()),
                           kinds.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    claims += QStringLiteral("<br><br><b>%1</b>").arg(tr("Customers flagged abusive").toHtmlEscaped());
    if (f.abusive.isEmpty())
        claims += QStringLiteral("<br>—");
    for (const report::AbusiveCustomer& a : f.abusive.mid(0, 6))
        claims +=
            QStringLiteral("<br>%1 — %2")
                .arg(a.name.toHtmlEscaped(), tr("inquiries %1 · claims %2").arg(a.inquiries).arg(a.claims));
    m_claims->setText(claims);
    fillVolume();
    fillResponse();
    fillBacklog();
    Q_EMIT figuresShown();
}

void ReportsView::fillVolume()
{
    const report::Figures& f = *m_figures;
    QChart* chart = m_volume->chart();
    clearChart(chart);
    chart->setTitle(m_split == Split::Channel ? tr("Inquiries received, by channel")
                                              : tr("Inquiries received, by category"));
    auto* series = new QStackedBarSeries;
    const int count = m_split == Split::Channel ? int(f.channels.size()) : int(f.categories.size());
    for (int s = 0; s < count; ++s) {
        auto* set = new QBarSet(m_split == Split::Channel ? channelDisplayName(toString(f.channels[s]))
                                                          : categoryDisplayName(f.categories[s]));
        set->setColor(m_split == Split::Channel ? QColor::fromRgb(channelInfo(f.channels[s]).badge.rgb)
                                                : categoryColor(static_cast<int>(f.categories[s]), 10));
        set->setBorderColor(palette().color(QPalette::Base));
        for (qsizetype b = 0; b < f.buckets.size(); ++b)
            *set << (m_split == Split::Channel ? f.receivedByChannel[b].value(f.channels[s])
                                               : f.receivedByCategory[b].value(f.categories[s]));
        connect(set, &QBarSet::clicked, this, [this, s, label = set->label()](int bucket) {
            Q_EMIT ticketsChosen(ticketsBehindVolume(bucket, s),
                                 tr("%1, %2").arg(label, bucketLabel(bucket)));
        });
        series->append(set);
    }
    QStringList labels;
    for (int b = 0; b < f.buckets.size(); ++b)
        labels << bucketLabel(b);
    finishChart(chart, {series}, labels, 0);
}

void ReportsView::fillResponse()
{
    const report::Figures& f = *m_figures;
    QChart* chart = m_response->chart();
    clearChart(chart);
    chart->setTitle(tr("First answer, hours (deadline dashed)"));
    auto* median = new QLineSeries;
    median->setName(tr("Median"));
    auto* p90 = new QLineSeries;
    p90->setName(tr("90% answered within"));
    auto* deadline = new QLineSeries;
    // The strictest clock of the channels in the period: the line every answer should stay under.
    qint64 clock = 0;
    for (const report::ChannelResponse& r : f.responses)
        clock = clock == 0 ? r.clockSecs : std::min(clock, r.clockSecs);
    deadline->setName(tr("Deadline (%n hour(s))", nullptr, int((clock == 0 ? 24 * 3600 : clock) / 3600)));
    double top = hours(clock == 0 ? 24 * 3600 : clock);
    for (qsizetype b = 0; b < f.buckets.size(); ++b) {
        const report::DurationFigures& d = f.firstResponseByBucket[b];
        if (d.count > 0) {
            median->append(double(b), hours(d.medianSecs));
            p90->append(double(b), hours(d.p90Secs));
            top = std::max(top, hours(d.p90Secs));
        }
        deadline->append(double(b), hours(clock == 0 ? 24 * 3600 : clock));
    }
    if (f.buckets.size() == 1)
        deadline->append(0.0, deadline->at(0).y()); // a lone point draws no line
    median->setPen(QPen(palette().color(QPalette::Highlight), 3));
    median->setPointsVisible(true);
    QPen p90Pen(palette().color(QPalette::Highlight).lighter(SemanticColors::isDark() ? 70 : 150), 2,
                Qt::DotLine);
    p90->setPen(p90Pen);
    p90->setPointsVisible(true);
    QPen deadlinePen(SemanticColors::color(SemanticColors::Role::Danger), 2, Qt::DashLine);
    deadline->setPen(deadlinePen);
    for (QLineSeries* s : {median, p90}) {
        connect(s, &QLineSeries::clicked, this, [this](const QPointF& p) {
            const int bucket = qRound(p.x());
            Q_EMIT ticketsChosen(ticketsBehindVolume(bucket, -1), bucketLabel(bucket));
        });
    }
    QStringList labels;
    for (int b = 0; b < f.buckets.size(); ++b)
        labels << bucketLabel(b);
    finishChart(chart, {median, p90, deadline}, labels, top * 1.1);
}

void ReportsView::fillBacklog()
{
    const report::Figures& f = *m_figures;
    QChart* chart = m_backlog->chart();
    clearChart(chart);
    chart->setTitle(tr("Open tickets now, by age"));
    auto* series = new QBarSeries;
    auto* set = new QBarSet(tr("Open tickets"));
    set->setColor(SemanticColors::color(SemanticColors::Role::Warning));
    QStringList labels;
    for (int b = 0; b < f.backlog.size(); ++b) {
        *set << f.backlog[b].ticketIds.size();
        labels << backlogLabel(b);
    }
    connect(set, &QBarSet::clicked, this, [this](int bucket) {
        Q_EMIT ticketsChosen(ticketsBehindBacklog(bucket), tr("Open, %1").arg(backlogLabel(bucket)));
    });
    series->append(set);
    chart->legend()->setVisible(false);
    finishChart(chart, {series}, labels, 0);
}

QList<qint64> ReportsView::ticketsBehindVolume(int bucket, int series) const
{
    if (!m_figures)
        return {};
    const report::Figures& f = *m_figures;
    if (series < 0)
        return f.ticketsBehind(bucket);
    if (m_split == Split::Channel)
        return series < f.channels.size() ? f.ticketsBehind(bucket, f.channels[series]) : QList<qint64>{};
    return series < f.categories.size() ? f.ticketsBehind(bucket, std::nullopt, f.categories[series])
                                        : QList<qint64>{};
}

QList<qint64> ReportsView::ticketsBehindBacklog(int bucket) const
{
    if (!m_figures || bucket < 0 || bucket >= m_figures->backlog.size())
        return {};
    return m_figures->backlog[bucket].ticketIds;
}

bool ReportsView::exportPng(const QString& path)
{
    return m_content->grab().save(path, "PNG");
}

bool ReportsView::exportPdf(const QString& path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    writer.setTitle(windowTitle());
    writer.setCreator(QStringLiteral("Casebook " CASEBOOK_VERSION));
    writer.setResolution(150);
    // Drawn as the widgets draw themselves, scaled to the page: the text stays vector text.
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const double scale =
        std::min(double(page.width()) / m_content->width(), double(page.height()) / m_content->height());
    painter.scale(scale, scale);
    m_content->render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    return painter.end();
}

void ReportsView::chooseExport()
{
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the report"), QStringLiteral("report.pdf"),
                                     tr("PDF (*.pdf);;PNG picture (*.png)"), &filter);
    if (path.isEmpty())
        return;
    const bool ok =
        path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) ? exportPng(path) : exportPdf(path);
    if (!ok)
        QMessageBox::warning(this, tr("Export the report"), tr("Could not write %1.").arg(path));
}

} // namespace casebook::ui
