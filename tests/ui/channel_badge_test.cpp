// The badge and the name the window shows for each channel are its row of the channel table
// (core/model/channel_table.h), in English and in Korean.
#include "channel_badge.h"
#include "model/channel_table.h"
#include "ui_language.h"

#include <QImage>
#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("each channel's badge has its row's colour and its name is the row's label", "[ui][channels]")
{
    for (const ChannelInfo& row : kChannelTable) {
        const QString name = toQString(row.name);
        INFO(name.toStdString());
        const QImage image = ui::channelIcon(name).pixmap(32, 32).toImage();
        REQUIRE(image.width() == 32);
        // The left edge halfway down is background, away from the white sign.
        CHECK(image.pixelColor(3, 16).rgb() == QColor::fromRgb(QRgb(row.badge.rgb)).rgb());
        CHECK(ui::channelDisplayName(name) == QString::fromUtf8(row.label));
    }
    // A name with no row (a newer version's database) is shown as itself, on the grey badge.
    CHECK(ui::channelDisplayName(QStringLiteral("fax")) == QStringLiteral("fax"));
    CHECK(ui::channelIcon(QStringLiteral("fax")).pixmap(32, 32).toImage().pixelColor(3, 16) ==
          QColor(0x6b, 0x72, 0x80));

    // Under the Korean UI every label is translated.
    REQUIRE(ui::UiLanguage::install(QStringLiteral("ko")));
    for (const ChannelInfo& row : kChannelTable)
        CHECK(ui::channelDisplayName(toQString(row.name)) != QString::fromUtf8(row.label));
    CHECK(ui::channelDisplayName(QStringLiteral("coupang")) == QStringLiteral("쿠팡"));
    REQUIRE(ui::UiLanguage::install(QStringLiteral("en")));
}
