#pragma once

#include "report/report_figures.h"

#include <QJsonObject>

namespace casebook::report {

// A period's figures for scripts: JSON (times in seconds, days as YYYY-MM-DD in the period's zone) and
// the same as CSV rows of figure, bar, key and value (the bar's first day, or "all").
QJsonObject toJson(const Figures& fig);
QList<QStringList> toCsvRows(const Figures& fig);

} // namespace casebook::report
