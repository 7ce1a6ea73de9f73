#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace casebook::ui {

// The language of the window: the seller's choice in Settings ("system", "en" or "ko", kept in QSettings,
// since it belongs to the desktop, not the database), resolved against the system locale, and the
// translators that make it so. A change takes effect at the next start: widgets are built translated.
class UiLanguage {
public:
    static const QString kSystem; // follow the system locale

    static QString preference();
    static void setPreference(const QString& preference);

    // "ko" or "en": the preference, or for "system" the first Korean or English language the locale asks for.
    static QString resolve(const QString& preference, const QLocale& system = QLocale::system());

    // Installs Casebook's and Qt's own translations (standard buttons and dialogs) for `language`, replacing
    // what was installed, and makes the default QLocale speak it. English needs only the plural forms.
    // Returns false when Casebook's are missing.
    static bool install(const QString& language);
    // The language install() last set, or empty.
    static QString installed();
};

} // namespace casebook::ui
