#pragma once

#include "model/result.h"

#include <QByteArray>

class QPrinter;

namespace casebook::ui {

// Prints a case file's report (its PDF bytes) page by page: Qt PDF renders each page at the printer's
// resolution, Qt Print Support prints it, scaled to the printable area with its aspect kept. Returns the
// pages printed. Runs on the GUI thread (a printer is painted there).
Result<int> printCaseReport(const QByteArray& pdf, QPrinter& printer);

} // namespace casebook::ui
