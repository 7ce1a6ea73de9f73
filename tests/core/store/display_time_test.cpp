#include "model/display_time.h"
#include "search/local_time.h"

#include <QTimeZone>
#include <catch2/catch.hpp>

using namespace casebook;

// Whatever zone the test runs in, the Qt-free formatter reads the moment as Qt's local time does, and the
// zone it names has the offset Qt knows for it. (cli_tests runs the programs under TZ=Asia/Seoul.)
TEST_CASE("times for people are the local time Qt knows, with the zone", "[time]")
{
    for (qint64 ms : {0LL, 1772411652000LL, 1772411652999LL, -1LL, 1790000000000LL, 1801000000000LL}) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        const QString shown = displayTime(t);
        INFO(shown.toStdString());
        CHECK(shown.startsWith(t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm "))));
        CHECK(shown.endsWith(displayZone(t)));
        CHECK_FALSE(displayZone(t).isEmpty());
        CHECK(QString::fromStdString(local_time::forPeople(ms)) == shown);
    }
    CHECK(displayTime(QDateTime()).isEmpty());
}
