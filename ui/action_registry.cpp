#include "action_registry.h"

#include <QAction>
#include <QCollator>
#include <QMenu>
#include <QRegularExpression>
#include <QWidget>
#include <algorithm>

namespace casebook::ui {

QList<QAction*> registeredActions(const QWidget* window)
{
    QList<QAction*> out;
    QStringList seen;
    for (QAction* a : window->findChildren<QAction*>()) {
        if (a->isSeparator() || a->menu() || a->text().isEmpty() || !a->isVisible())
            continue;
        // The same command can sit in a menu and a context menu; list it once.
        const QString key = plainActionText(a) + QLatin1Char('\x1f') + actionKeys(a).join(QLatin1Char(' '));
        if (seen.contains(key))
            continue;
        seen << key;
        out << a;
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(out.begin(), out.end(), [&](const QAction* x, const QAction* y) {
        return collator.compare(plainActionText(x), plainActionText(y)) < 0;
    });
    return out;
}

QString plainActionText(const QAction* action)
{
    QString t = action->text().section(QLatin1Char('\t'), 0, 0);
    // A translation that cannot underline a letter of its own script names the key after the text
    // ("설정(&S)…"): in a list the whole "(S)" is noise, not only the '&'.
    static const QRegularExpression kTrailingMnemonic(QStringLiteral("\\s*\\(&[^&\\s]\\)"));
    t.remove(kTrailingMnemonic);
    t.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    t.remove(QLatin1Char('&'));
    t.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (t.endsWith(QStringLiteral("…")))
        t.chop(1);
    if (t.endsWith(QStringLiteral("...")))
        t.chop(3);
    return t.trimmed();
}

QStringList actionKeys(const QAction* action)
{
    QStringList keys;
    for (const QKeySequence& k : action->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    const QString label = action->text().section(QLatin1Char('\t'), 1);
    if (!label.isEmpty())
        keys << label;
    return keys;
}

} // namespace casebook::ui
