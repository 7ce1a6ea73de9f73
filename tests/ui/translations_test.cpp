// The Korean translation is complete: every tr() string in ui/ and app/gui_main.cpp and the channel table's
// labels (core/model/channel_table.h), as the sources are now
// (lupdate runs here on a copy, so a string added without running script/update-translations counts too).
#include "support/test_support.h"
#include "ticket_list_model.h"
#include "ui_language.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

const QString kTranslations = QStringLiteral(CASEBOOK_SOURCE_DIR "/resources/translations");

struct Entry {
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    bool unfinished = false;
};

QList<Entry> readTs(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<Entry> entries;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            entries.append({context, {}, {}, false});
        else if (xml.name() == QLatin1String("source") && !entries.isEmpty())
            entries.last().source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation") && !entries.isEmpty()) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            entries.last().unfinished = type == QLatin1String("unfinished") ||
                                        type == QLatin1String("vanished") ||
                                        type == QLatin1String("obsolete");
            // Either text or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    entries.last().translations << xml.readElementText();
            }
            if (entries.last().translations.isEmpty())
                entries.last().translations << text;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return entries;
}

// The .ts as script/update-translations would leave it, written to a temporary copy.
QString updatedCopy(const QTemporaryDir& dir, const QString& name, const QStringList& extraOptions = {})
{
    const QString copy = dir.filePath(name);
    REQUIRE(QFile::copy(kTranslations + QLatin1Char('/') + name, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(
        QStringLiteral(CASEBOOK_LUPDATE),
        QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")} +
            extraOptions +
            QStringList{QStringLiteral(CASEBOOK_SOURCE_DIR "/ui"),
                        QStringLiteral(CASEBOOK_SOURCE_DIR "/app/gui_main.cpp"),
                        QStringLiteral(CASEBOOK_SOURCE_DIR "/core/model/channel_table.h"),
                        QStringLiteral("-ts"), copy});
    REQUIRE(lupdate.waitForFinished(60000));
    INFO(lupdate.readAll().toStdString());
    REQUIRE(lupdate.exitCode() == 0);
    return copy;
}

QString listOf(const QList<Entry>& entries)
{
    QString s;
    for (const Entry& e : entries)
        s += QStringLiteral("\n  [%1] \"%2\"").arg(e.context, e.source);
    return s;
}

} // namespace

TEST_CASE("every string of the window has a Korean translation", "[ui][translations]")
{
    QTemporaryDir dir;
    const QList<Entry> entries = readTs(updatedCopy(dir, QStringLiteral("casebook_ko.ts")));
    CHECK(entries.size() >= 100);
    QList<Entry> missing;
    for (const Entry& e : entries) {
        bool empty = e.translations.isEmpty();
        for (const QString& t : e.translations)
            empty |= t.trimmed().isEmpty();
        if (e.unfinished || empty)
            missing << e;
    }
    INFO("Run script/update-translations, then translate these in resources/translations/casebook_ko.ts:" +
         listOf(missing).toStdString());
    CHECK(missing.isEmpty());

    // The translation keeps every placeholder of its source, so no number or name goes missing on screen.
    QList<Entry> lostArgs;
    for (const Entry& e : entries) {
        for (int n = 1; n <= 9; ++n) {
            const QString arg = QStringLiteral("%") + QString::number(n);
            if (e.source.contains(arg) && !e.translations.value(0).contains(arg)) {
                lostArgs << e;
                break;
            }
        }
    }
    INFO("These Korean translations lose a %1…%9 placeholder:" + listOf(lostArgs).toStdString());
    CHECK(lostArgs.isEmpty());
}

TEST_CASE("English has both plural forms of every counted string", "[ui][translations]")
{
    QTemporaryDir dir;
    const QList<Entry> entries =
        readTs(updatedCopy(dir, QStringLiteral("casebook_en.ts"), {QStringLiteral("-pluralonly")}));
    REQUIRE_FALSE(entries.isEmpty());
    QList<Entry> missing;
    for (const Entry& e : entries)
        if (e.unfinished || e.translations.size() != 2 || e.translations.contains(QString()))
            missing << e;
    INFO("Write the singular and plural in resources/translations/casebook_en.ts:" +
         listOf(missing).toStdString());
    CHECK(missing.isEmpty());
}

TEST_CASE("the app starts in the system's language unless told otherwise", "[ui][translations]")
{
    QTemporaryDir config; // no saved Settings choice
    auto help = [&](const QString& locale, const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        env.insert(QStringLiteral("LC_ALL"), locale);
        env.insert(QStringLiteral("LANG"), locale);
        env.remove(QStringLiteral("LANGUAGE"));
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(CASEBOOK_GUI), args + QStringList{QStringLiteral("--help")});
        REQUIRE(app.waitForFinished(60000));
        return QString::fromUtf8(app.readAllStandardOutput());
    };
    CHECK(help(QStringLiteral("ko_KR.UTF-8"), {}).contains(QStringLiteral("데모 받은편지함을 엽니다.")));
    CHECK(help(QStringLiteral("C.UTF-8"), {}).contains(QStringLiteral("Open the demo inbox.")));
    CHECK(help(QStringLiteral("ko_KR.UTF-8"), {QStringLiteral("--lang"), QStringLiteral("en")})
              .contains(QStringLiteral("Open the demo inbox.")));
    CHECK(help(QStringLiteral("en_US.UTF-8"), {QStringLiteral("--lang=ko")})
              .contains(QStringLiteral("데모 받은편지함을 엽니다.")));

    // The choice made in Settings wins over the system's language.
    QSettings saved(config.filePath(QStringLiteral("Casebook/casebook.conf")), QSettings::IniFormat);
    saved.setValue(QStringLiteral("ui/language"), QStringLiteral("ko"));
    saved.sync();
    CHECK(help(QStringLiteral("C.UTF-8"), {}).contains(QStringLiteral("데모 받은편지함을 엽니다.")));
}

TEST_CASE("the list writes this year's dates in the language's own words", "[ui][translations]")
{
    // The list's format for a day of this year comes from the translation: Korean needs its 일 ("12월 6일").
    const auto monthDay = [] {
        return QLocale().toString(QDate(2026, 12, 6),
                                  ui::TicketListModel::tr("MMM d", "date format for a day of this year"));
    };
    REQUIRE(ui::UiLanguage::install(QStringLiteral("ko")));
    CHECK(monthDay() == QStringLiteral("12월 6일"));
    ui::UiLanguage::install(QStringLiteral("en"));
    CHECK(monthDay() == QStringLiteral("Dec 6"));
}
