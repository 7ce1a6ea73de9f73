#include "casefile/pdf_font.h"

#include <QFontDatabase>
#include <QStringList>

namespace casebook {
namespace {

const char* kCjkFontFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

// A family that has Hangul glyphs: the system's Noto Sans CJK KR, or the same font loaded from its file.
QString cjkFamily()
{
    static const QString family = [] {
        for (const char* f : {"Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Noto Sans CJK JP"})
            if (QFontDatabase::hasFamily(QLatin1String(f)))
                return QString::fromLatin1(f);
        const int id = QFontDatabase::addApplicationFont(QString::fromLatin1(kCjkFontFile));
        const QStringList families = QFontDatabase::applicationFontFamilies(id);
        for (const QString& f : families)
            if (f.contains(QLatin1String("KR")))
                return f;
        return families.value(0);
    }();
    return family;
}

} // namespace

QFont pdfFont(qreal pointSize)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), cjkFamily()});
    font.setPointSizeF(pointSize);
    return font;
}

} // namespace casebook
