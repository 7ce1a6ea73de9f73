#include "ui_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace casebook::ui {
namespace {

const QString kKey = QStringLiteral("ui/language");
QString g_installed;

// Owned by the application object, so they live as long as the strings they translate.
QTranslator* translator(const char* name)
{
    const QString objectName = QString::fromLatin1(name);
    auto* t = qApp->findChild<QTranslator*>(objectName, Qt::FindDirectChildrenOnly);
    if (!t) {
        t = new QTranslator(qApp);
        t->setObjectName(objectName);
    }
    return t;
}

} // namespace

const QString UiLanguage::kSystem = QStringLiteral("system");

QString UiLanguage::preference()
{
    const QString p = QSettings().value(kKey, kSystem).toString();
    return p == QLatin1String("ko") || p == QLatin1String("en") ? p : kSystem;
}

void UiLanguage::setPreference(const QString& preference)
{
    QSettings().setValue(kKey, preference);
}

QString UiLanguage::resolve(const QString& preference, const QLocale& system)
{
    if (preference == QLatin1String("ko") || preference == QLatin1String("en"))
        return preference;
    for (const QString& name : system.uiLanguages()) {
        if (name.startsWith(QLatin1String("ko")))
            return QStringLiteral("ko");
        if (name.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

bool UiLanguage::install(const QString& language)
{
    QTranslator* qt = translator("qtbaseTranslator");
    QTranslator* own = translator("casebookTranslator");
    QCoreApplication::removeTranslator(qt);
    QCoreApplication::removeTranslator(own);
    // Qt's catalogue is optional (qt6-translations-l10n): without it the standard buttons stay English.
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    const bool loaded = own->load(QStringLiteral(":/i18n/casebook_") + language);
    if (loaded)
        QCoreApplication::installTranslator(own);
    g_installed = loaded ? language : QString();
    // Dates and numbers in the window's language too ("11월 22일", not "Nov 22"), in the system's regional
    // variant when it speaks that language.
    const QLocale system = QLocale::system();
    const bool ko = language == QLatin1String("ko");
    const QLocale::Language wanted = ko ? QLocale::Korean : QLocale::English;
    QLocale::setDefault(system.language() == wanted
                            ? system
                            : QLocale(wanted, ko ? QLocale::SouthKorea : QLocale::UnitedStates));
    return loaded;
}

QString UiLanguage::installed()
{
    return g_installed;
}

} // namespace casebook::ui
