#pragma once

#include "model/clock.h"
#include "report/report_figures.h"
#include "store/database.h"

#include <QWidget>
#include <memory>

class QAbstractSeries;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;

namespace casebook::ui {

class WorkerJob;

// View → Reports: a period's figures (core/report) in charts a seller reads at a glance: inquiries per bar
// stacked by channel or category, the first-response time against the deadline, the open tickets by age,
// and the claims and abusive customers beside them. Figures are computed on a WorkerJob as the period
// changes; a click on a bar or a point asks the window to list the tickets behind it. The view exports
// itself to PNG or PDF.
class ReportsView : public QWidget {
    Q_OBJECT
public:
    enum class Split { Channel, Category };

    ReportsView(Database& db, const Clock& clock, QWidget* parent = nullptr);
    ~ReportsView() override;

    // Shows this period (the pickers follow) and computes its figures in the background.
    void setPeriod(const report::Period& period);
    void setSplit(Split split);
    // The figures on screen, or null before the first computation lands.
    const report::Figures* figures() const { return m_figures.get(); }
    bool busy() const;

    QChart* volumeChart() const;
    QChart* responseChart() const;
    QChart* backlogChart() const;

    // The charts and figures as they are on screen.
    bool exportPng(const QString& path);
    bool exportPdf(const QString& path);
    void chooseExport(); // asks for a file (.png or .pdf)

    // What clicking a bar opens, in the bar's terms: the tickets behind volume bar `bucket` of `series`
    // (a channel or a category, by the current split), behind a point of the response line (series -1), or
    // behind backlog bar `bucket`.
    QList<qint64> ticketsBehindVolume(int bucket, int series) const;
    QList<qint64> ticketsBehindBacklog(int bucket) const;

Q_SIGNALS:
    void figuresShown();
    // The window lists these tickets; `what` says which bar they are.
    void ticketsChosen(const QList<qint64>& ids, const QString& what);

private:
    void presetChosen(int index);
    void recompute();
    void showFigures();
    void fillVolume();
    void fillResponse();
    void fillBacklog();
    // Adds the series with a category axis of `labels` below and a value axis from 0 beside, in the palette.
    void finishChart(QChart* chart, const QList<QAbstractSeries*>& series, const QStringList& labels,
                     double top) const;
    void styleChart(QChart* chart) const;
    QString bucketLabel(int bucket) const;
    QString backlogLabel(int bucket) const;

    Database& m_db;
    const Clock& m_clock;
    QTimeZone m_zone;
    WorkerJob* m_job;
    bool m_pending = false;
    Split m_split = Split::Channel;
    std::unique_ptr<report::Figures> m_figures;
    QComboBox* m_preset;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_grain;
    QComboBox* m_splitBox;
    QWidget* m_content;
    QLabel* m_summary;
    QLabel* m_claims;
    QChartView* m_volume;
    QChartView* m_response;
    QChartView* m_backlog;
};

} // namespace casebook::ui
