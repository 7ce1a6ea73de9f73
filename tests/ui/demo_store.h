#pragma once

#include "demo/demo_inbox.h"
#include "main_window.h"
#include "support/test_support.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"

#include <QSettings>

namespace casebook::test {

// The demo inbox in a fresh database, its answer clocks set from the current time.
struct DemoStore {
    TempStore store;
    DemoStore()
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        // The window as a first start lays it out: the test settings file outlives runs (and is shared by
        // every run on this machine), and a screenshot must not show the column widths some other test left.
        QSettings().remove(QStringLiteral("MainWindow"));
        auto r = DemoInbox::load(*store.db, DemoInbox::resourceRoot());
        REQUIRE(r);
    }
};

// Selects a Korean shipping or missing-item ticket of the Inbox, for the screenshots a person looks at.
inline void showKoreanTicket(ui::MainWindow& window)
{
    window.viewsPane()->selectView(TicketView::Inbox);
    const ui::TicketListModel* model = window.ticketListModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString subject = model->index(row, ui::TicketListModel::SubjectColumn).data().toString();
        if (subject.contains(QStringLiteral("배송")) || subject.contains(QStringLiteral("누락"))) {
            window.ticketListPane()->selectRow(row);
            return;
        }
    }
}

} // namespace casebook::test
