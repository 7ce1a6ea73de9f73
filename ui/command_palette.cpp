#include "command_palette.h"

#include "action_registry.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace casebook::ui {

CommandPalette::CommandPalette(QWidget* window)
    : QDialog(window), m_actions(registeredActions(window)), m_input(new QLineEdit(this)),
      m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    m_input->setObjectName(QStringLiteral("paletteInput"));
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_input->setPlaceholderText(tr("Type a command…"));
    m_input->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_input);
    layout->addWidget(m_list);
    resize(520, 360);
    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_input, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    filter({});
}

int CommandPalette::fuzzyScore(const QString& pattern, const QString& text)
{
    const QString p = pattern.toCaseFolded().simplified();
    const QString t = text.toCaseFolded();
    // The words typed as they stand score above any scattered match, better at a word's start and early.
    if (const qsizetype at = t.indexOf(p); at >= 0 && !p.isEmpty()) {
        const bool wordStart = at == 0 || !t.at(at - 1).isLetterOrNumber();
        return 1000 + (wordStart ? 100 : 0) - static_cast<int>(std::min<qsizetype>(at, 99));
    }
    int score = 0, run = 0;
    qsizetype at = 0;
    for (QChar c : QString(p).remove(QLatin1Char(' '))) {
        const qsizetype found = t.indexOf(c, at);
        if (found < 0)
            return -1;
        run = found == at ? run + 1 : 1;
        const bool wordStart = found == 0 || !t.at(found - 1).isLetterOrNumber();
        score += run * 2 + (wordStart ? 5 : 0) - static_cast<int>(std::min<qsizetype>(found - at, 10));
        at = found + 1;
    }
    return std::max(score, 0);
}

void CommandPalette::filter(const QString& pattern)
{
    struct Hit {
        int score;
        int index;
    };
    QList<Hit> hits;
    for (int i = 0; i < m_actions.size(); ++i) {
        if (!m_actions[i]->isEnabled())
            continue;
        const int s = pattern.isEmpty() ? 0 : fuzzyScore(pattern, plainActionText(m_actions[i]));
        if (s >= 0)
            hits << Hit{s, i};
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
    m_list->clear();
    for (const Hit& h : hits) {
        const QAction* a = m_actions[h.index];
        const QString keys = actionKeys(a).join(QStringLiteral(", "));
        auto* item = new QListWidgetItem(
            keys.isEmpty() ? plainActionText(a) : plainActionText(a) + QStringLiteral("    ") + keys, m_list);
        item->setIcon(a->icon());
        item->setData(Qt::UserRole, h.index);
    }
    m_list->setCurrentRow(0);
}

void CommandPalette::runCurrent()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    QPointer<QAction> action = m_actions.value(item->data(Qt::UserRole).toInt());
    accept();
    // After the palette has closed, so the action sees the window as the seller left it.
    if (action)
        QTimer::singleShot(0, action, [action] {
            if (action)
                action->trigger();
        });
}

bool CommandPalette::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = m_list->currentRow() + (key == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace casebook::ui
