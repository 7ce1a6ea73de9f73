#include "sources/eml_source.h"

#include <QFile>
#include <QFileInfo>

namespace casebook {

EmlSource::EmlSource(QStringList paths) : m_paths(std::move(paths))
{
    for (QString& p : m_paths)
        p = QFileInfo(p).absoluteFilePath();
}

QString EmlSource::id() const
{
    return m_paths.size() == 1 ? QStringLiteral("eml:") + m_paths.first() : QStringLiteral("eml");
}

Result<std::optional<RawMail>> EmlSource::next()
{
    while (m_next < m_paths.size()) {
        const QString& path = m_paths.at(m_next++);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            addProblem(QStringLiteral("%1: %2").arg(path, f.errorString()));
            continue;
        }
        QByteArray raw = f.readAll();
        if (f.error() != QFileDevice::NoError) {
            addProblem(QStringLiteral("%1: %2").arg(path, f.errorString()));
            continue;
        }
        return std::optional<RawMail>(RawMail{std::move(raw), QFileInfo(path).path(), path});
    }
    return std::optional<RawMail>();
}

} // namespace casebook
