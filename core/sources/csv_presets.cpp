// The boards' CSV presets: which header names fill which field. The names are data
// (resources/csv_presets/presets.json), not code: Coupang's and Naver's exports are undocumented, and a
// seller who finds a different spelling should only have to change a list.
#include "sources/csv_source.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace casebook {
namespace {

struct Preset {
    CsvMapping mapping;
    QStringList markers; // columns only this board writes
};

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    return out;
}

const QList<Preset>& presets()
{
    static const QList<Preset> all = [] {
        QList<Preset> out;
        QFile f(QStringLiteral(":/csv_presets/presets.json"));
        if (!f.open(QIODevice::ReadOnly))
            return out; // compiled in: missing only in a broken build, and then every preset is unknown
        const QJsonArray list = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("presets")).toArray();
        for (const QJsonValue& v : list) {
            const QJsonObject o = v.toObject();
            Preset p;
            p.mapping.source = o.value(QLatin1String("name")).toString();
            p.markers = strings(o.value(QLatin1String("markers")));
            const QJsonObject columns = o.value(QLatin1String("columns")).toObject();
            for (auto it = columns.begin(); it != columns.end(); ++it)
                p.mapping.columns.insert(it.key(), strings(it.value()));
            out << p;
        }
        return out;
    }();
    return all;
}

// How well a preset fits a header: a field found by the board's first spelling counts more than by a later
// one, and a column only that board writes counts most.
int fit(const Preset& p, const QStringList& header)
{
    int score = 0;
    for (auto it = p.mapping.columns.cbegin(); it != p.mapping.columns.cend(); ++it)
        for (qsizetype i = 0; i < it.value().size(); ++i)
            if (header.contains(it.value().at(i))) {
                score += 10 - static_cast<int>(std::min<qsizetype>(i, 5));
                break;
            }
    for (const QString& m : p.markers)
        if (header.contains(m))
            score += 20;
    return score;
}

} // namespace

QStringList CsvMapping::presetNames()
{
    QStringList out;
    for (const Preset& p : presets())
        out << p.mapping.source;
    return out;
}

Result<CsvMapping> CsvMapping::preset(const QString& name)
{
    for (const Preset& p : presets())
        if (p.mapping.source == name.toLower())
            return p.mapping;
    return makeError(ErrorCode::NotFound, QStringLiteral("No CSV preset \"%1\"; presets: %2.")
                                              .arg(name, presetNames().join(QStringLiteral(", "))));
}

Result<CsvMapping> CsvMapping::detect(const QStringList& header)
{
    const Preset* best = nullptr;
    const Preset* tied = nullptr;
    int bestScore = 0;
    for (const Preset& p : presets()) {
        if (!p.mapping.resolve(header))
            continue; // no text column: not this board
        const int score = fit(p, header);
        if (score > bestScore) {
            best = &p;
            tied = nullptr;
            bestScore = score;
        } else if (score == bestScore) {
            tied = &p;
        }
    }
    if (!best)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("No preset knows these columns (%1); name them with --map "
                                        "COLUMN=FIELD,... (presets: %2).")
                             .arg(header.join(QStringLiteral(", ")), presetNames().join(QStringLiteral(", "))));
    if (tied)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The columns fit the presets %1 and %2 equally well; choose one with "
                                        "--preset.")
                             .arg(best->mapping.source, tied->mapping.source));
    return best->mapping;
}

const QStringList& CsvMapping::answerColumnNames()
{
    static const QStringList names = [] {
        QStringList out;
        for (const Preset& p : presets())
            for (const char* field : {"answer", "answer_date"})
                out += p.mapping.columns.value(QLatin1String(field));
        out.removeDuplicates();
        return out;
    }();
    return names;
}

} // namespace casebook
