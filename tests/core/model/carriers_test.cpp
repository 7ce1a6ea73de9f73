#include "model/carriers.h"
#include "model/enums.h"

#include <QSet>
#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("Carrier codes: named per market in Korean and English; an unknown code stays a code", "[carriers]")
{
    CHECK(carrierName(Channel::Naver, QStringLiteral("CJGLS")) == QStringLiteral("CJ대한통운"));
    CHECK(carrierName(Channel::Naver, QStringLiteral("HYUNDAI"), true) == QStringLiteral("Lotte Global Logistics"));
    CHECK(carrierName(Channel::Elevenst, QStringLiteral("00034")) == QStringLiteral("CJ대한통운"));
    CHECK(carrierName(Channel::Elevenst, QStringLiteral("00007"), true) == QStringLiteral("Korea Post"));
    // A code is the market's own: 11st's 00034 means nothing to Naver.
    CHECK(carrierName(Channel::Naver, QStringLiteral("00034")) == QStringLiteral("00034"));
    CHECK(carrierName(Channel::Naver, QStringLiteral("NEWCO")) == QStringLiteral("NEWCO"));

    // Every row has both names, and no market lists a code twice.
    QSet<QString> seen;
    for (const Carrier& c : carrierTable()) {
        CHECK(std::string_view(c.korean).size() > 0);
        CHECK(std::string_view(c.english).size() > 0);
        const QString key = toString(c.channel) + QLatin1Char(':') + toQString(c.code);
        CHECK_FALSE(seen.contains(key));
        seen.insert(key);
    }
}
