#pragma once

#include <QObject>
#include <functional>

class QWidget;

namespace casebook::ui {

// Runs a piece of start-up work once, just after a widget has painted for the first time (on the next turn
// of the event loop, so the picture is on screen first): what the seller is not looking at yet — view
// counts, the snooze timer's query, the integrity check — must not hold up the first picture of the list.
class AfterFirstPaint : public QObject {
public:
    // `fn` runs in `context`'s thread and not at all once `context` is gone.
    static void run(QWidget* painted, QObject* context, std::function<void()> fn);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AfterFirstPaint(QObject* context, std::function<void()> fn);
    std::function<void()> m_fn;
};

} // namespace casebook::ui
