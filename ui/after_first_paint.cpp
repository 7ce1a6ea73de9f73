#include "after_first_paint.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace casebook::ui {

AfterFirstPaint::AfterFirstPaint(QObject* context, std::function<void()> fn)
    : QObject(context), m_fn(std::move(fn))
{
}

void AfterFirstPaint::run(QWidget* painted, QObject* context, std::function<void()> fn)
{
    painted->installEventFilter(new AfterFirstPaint(context, std::move(fn)));
}

bool AfterFirstPaint::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && m_fn) {
        watched->removeEventFilter(this);
        // After this paint is on screen, not inside it.
        QTimer::singleShot(0, parent(), std::exchange(m_fn, nullptr));
        deleteLater();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace casebook::ui
