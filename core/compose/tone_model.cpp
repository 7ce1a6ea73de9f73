#include "compose/tone_model.h"

#include "compose/tone_rules.h"

#include <QFile>
#include <QMutex>
#include <algorithm>
#include <cmath>

namespace casebook {

const QStringList& ToneModel::learnedCategories()
{
    // Every category of the rules: over_promise and curt_refusal are worded too freely for patterns alone
    // (a blind set caught fewer than half), and train11 gives the model enough of them to learn from.
    // script/train-tone-model writes these, in this order.
    static const QStringList names{QStringLiteral("threat"),       QStringLiteral("sarcasm"),
                                   QStringLiteral("blame"),        QStringLiteral("false_hope"),
                                   QStringLiteral("date_promise"), QStringLiteral("informal"),
                                   QStringLiteral("profanity"),    QStringLiteral("policy"),
                                   QStringLiteral("over_promise"), QStringLiteral("curt_refusal")};
    return names;
}
namespace {

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
}

// The numbers of `fields` from `from` on, one per category.
bool readNumbers(const QList<QByteArrayView>& fields, qsizetype from, ToneModel::Scores& out)
{
    if (fields.size() < from + ToneModel::kCategories)
        return false;
    for (int i = 0; i < ToneModel::kCategories; ++i) {
        bool ok = false;
        out[i] = fields.at(from + i).toDouble(&ok);
        if (!ok)
            return false;
    }
    return true;
}

// A feature's key: 64-bit FNV-1a over its UTF-16 code units. Keeping 8 bytes instead of the string makes a
// model of ~60,000 features take a few megabytes instead of tens; two of them colliding is a chance of about
// one in 10^10.
quint64 featureKey(QStringView feature)
{
    quint64 h = 14695981039346656037ULL;
    for (const QChar c : feature) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

} // namespace

Result<ToneModel> ToneModel::fromText(const QByteArray& text, const QString& origin)
{
    ToneModel model;
    const auto bad = [&](int line, const QString& why) {
        return makeError(QStringLiteral("%1, line %2: %3").arg(origin).arg(line).arg(why));
    };
    bool haveCategories = false;
    bool haveBias = false;
    int lineNumber = 0;
    model.m_weights.reserve(text.count('\n'));
    // Views into `text`, not copies: a model has tens of thousands of lines.
    QList<QByteArrayView> fields;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QByteArrayView line(text.constData() + start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        fields.clear();
        for (qsizetype from = 0;;) {
            const qsizetype tab = line.indexOf('\t', from);
            fields << line.sliced(from, (tab < 0 ? line.size() : tab) - from);
            if (tab < 0)
                break;
            from = tab + 1;
        }
        const QByteArrayView kind = fields.first();
        if (kind == "f") {
            Scores w{};
            if (fields.size() != 2 + kCategories || !readNumbers(fields, 2, w))
                return bad(lineNumber,
                           QStringLiteral("a feature needs its text and %1 weights").arg(kCategories));
            std::array<float, kCategories> weights{};
            for (int i = 0; i < kCategories; ++i)
                weights[i] = float(w[i]);
            model.m_weights.insert(featureKey(QString::fromUtf8(fields.at(1))), weights);
        } else if (kind == "version") {
            if (fields.value(1) != "1")
                return bad(lineNumber, QStringLiteral("version %1 is not one this program reads (1)")
                                           .arg(QString::fromUtf8(fields.value(1))));
        } else if (kind == "ngram") {
            bool a = false;
            bool b = false;
            model.m_ngramMin = fields.value(1).toInt(&a);
            model.m_ngramMax = fields.value(2).toInt(&b);
            if (!a || !b || model.m_ngramMin < 1 || model.m_ngramMax < model.m_ngramMin ||
                model.m_ngramMax > 8)
                return bad(lineNumber, QStringLiteral("ngram needs a least and a greatest length, 1 to 8"));
        } else if (kind == "min_letters") {
            bool ok = false;
            model.m_minLetters = fields.value(1).toInt(&ok);
            if (!ok || model.m_minLetters < 0)
                return bad(lineNumber, QStringLiteral("min_letters needs a count"));
        } else if (kind == "categories") {
            for (qsizetype i = 1; i < fields.size(); ++i)
                model.m_categories << QString::fromUtf8(fields.at(i));
            if (model.m_categories != learnedCategories())
                return bad(lineNumber, QStringLiteral("the categories must be %1")
                                           .arg(learnedCategories().join(QLatin1Char(' '))));
            haveCategories = true;
        } else if (kind == "threshold") {
            if (!readNumbers(fields, 1, model.m_threshold))
                return bad(lineNumber, QStringLiteral("threshold needs %1 numbers").arg(kCategories));
        } else if (kind == "bias") {
            if (!readNumbers(fields, 1, model.m_bias))
                return bad(lineNumber, QStringLiteral("bias needs %1 numbers").arg(kCategories));
            haveBias = true;
        } else if (kind == "check") {
            Check c;
            if (fields.size() != 2 + kCategories || !readNumbers(fields, 1, c.expected))
                return bad(lineNumber,
                           QStringLiteral("a check needs %1 probabilities and a text").arg(kCategories));
            c.text = QString::fromUtf8(fields.last());
            model.m_checks << c;
        } else {
            return bad(lineNumber,
                       QStringLiteral("unknown line \"%1\"").arg(QString::fromUtf8(kind)));
        }
    }
    if (!haveCategories || !haveBias || model.m_weights.isEmpty())
        return makeError(
            QStringLiteral("%1: not a tone model (it needs categories, bias and features)").arg(origin));
    return model;
}

Result<std::shared_ptr<const ToneModel>> ToneModel::builtin(const QString& language)
{
    // Parsing the model takes a few tens of milliseconds; every checker in the process shares one copy.
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<const ToneModel>> cache;
    const QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(language); it != cache.constEnd())
        return it.value();
    const QString path = QStringLiteral(":/tone/model_%1.tsv").arg(language);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            QStringLiteral("There is no tone model for the language \"%1\" (%2).").arg(language, path));
    auto model = fromText(file.readAll(), path);
    if (!model)
        return model.error();
    auto shared = std::make_shared<const ToneModel>(std::move(model.value()));
    cache.insert(language, shared);
    return shared;
}

QSet<QString> ToneModel::features(const QString& sentence) const
{
    QString t = sentence.normalized(QString::NormalizationForm_KC).toLower();
    t.replace(u'’', u'\'').replace(u'‘', u'\'');
    t = t.simplified();
    QSet<QString> out;
    const QList<uint> points = (QLatin1Char(' ') + t + QLatin1Char(' ')).toUcs4();
    for (int n = m_ngramMin; n <= m_ngramMax; ++n)
        for (qsizetype i = 0; i + n <= points.size(); ++i)
            out.insert(QLatin1Char('c') +
                       QString::fromUcs4(reinterpret_cast<const char32_t*>(points.constData() + i), n));
    QStringList words;
    QString current;
    for (const uint p : t.toUcs4()) {
        if (QChar::isLetterOrNumber(char32_t(p))) {
            current += QString::fromUcs4(reinterpret_cast<const char32_t*>(&p), 1);
        } else if (!current.isEmpty()) {
            words << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        words << current;
    for (qsizetype i = 0; i < words.size(); ++i) {
        out.insert(QLatin1Char('w') + words.at(i));
        if (i + 1 < words.size())
            out.insert(QLatin1Char('b') + words.at(i) + QLatin1Char(' ') + words.at(i + 1));
    }
    return out;
}

ToneModel::Scores ToneModel::scores(const QString& sentence) const
{
    Scores z = m_bias;
    for (const QString& f : features(sentence)) {
        const auto it = m_weights.constFind(featureKey(f));
        if (it == m_weights.constEnd())
            continue;
        for (int i = 0; i < kCategories; ++i)
            z[i] += it.value()[i];
    }
    for (double& v : z)
        v = sigmoid(v);
    return z;
}

QStringList ToneModel::flagged(const QString& sentence) const
{
    QStringList out;
    const auto letters =
        std::count_if(sentence.begin(), sentence.end(), [](QChar c) { return c.isLetter(); });
    if (letters < m_minLetters)
        return out;
    const Scores s = scores(sentence);
    for (int i = 0; i < kCategories; ++i)
        if (s[i] > m_threshold[i])
            out << m_categories.at(i);
    return out;
}

} // namespace casebook
