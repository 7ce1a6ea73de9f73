#include "main_window.h"

#include "conversation_pane.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

namespace casebook::ui {

MainWindow::MainWindow(Database& db, const Clock& clock, const QString& title, QWidget* parent)
    : QMainWindow(parent),
      m_model(new TicketListModel(db, clock, this)),
      m_views(new ViewsPane(db, clock)),
      m_list(new TicketListPane(m_model)),
      m_conversation(new ConversationPane(db, clock)),
      m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(title.isEmpty() ? QStringLiteral("Casebook") : QStringLiteral("Casebook — %1").arg(title));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_conversation);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({170, 760, 520});
    setCentralWidget(m_splitter);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refresh = view->addAction(tr("&Refresh"), this, [this] {
        m_model->reload();
        m_views->refreshCounts();
    });
    refresh->setShortcut(QKeySequence::Refresh);

    connect(m_views, &ViewsPane::viewChosen, this, [this](TicketView v) {
        m_model->setView(v);
        m_conversation->clear();
        m_list->selectRow(0);
    });
    connect(m_list, &TicketListPane::ticketSelected, m_conversation, &ConversationPane::showTicket);

    const StoreStats s = ticket_queries::stats(db.reader());
    statusBar()->showMessage(tr("%1 tickets · %2 messages · %3").arg(s.tickets).arg(s.messages).arg(db.path()));

    resize(1450, 860);
    restoreState();
    m_views->selectView(TicketView::Inbox);
}

MainWindow::~MainWindow() = default;

void MainWindow::restoreState()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("state")).toByteArray());
    const QByteArray splitter = settings.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_list->restoreHeaderState(settings.value(QStringLiteral("ticketListHeader")).toByteArray());
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("ticketListHeader"), m_list->saveHeaderState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveState();
    event->accept();
}

} // namespace casebook::ui
