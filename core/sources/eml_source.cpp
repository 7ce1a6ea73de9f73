#include "sources/eml_source.h"

#include "model/regular_file.h"

#include <QFile>
#include <QFileInfo>

namespace casebook {

EmlSource::EmlSource(QStringList paths) : m_paths(std::move(paths))
{
    for (QString& p : m_paths)
        p = QFileInfo(p).absoluteFilePath();
}

Result<void> EmlSource::open() const
{
    for (const QString& path : m_paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return makeError(ErrorCode::NotFound, QStringLiteral("%1 does not exist").arg(path));
        if (info.isDir())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is a folder, not a message file (for a Maildir: import "
                                            "maildir %1)")
                                 .arg(path));
    }
    return {};
}

QString EmlSource::id() const
{
    return m_paths.size() == 1 ? QStringLiteral("eml:") + m_paths.first() : QStringLiteral("eml");
}

Result<std::optional<RawMail>> EmlSource::next()
{
    while (m_next < m_paths.size()) {
        const QString& path = m_paths.at(m_next++);
        // The user named the file, so a link to it is followed; a FIFO or a device is still refused.
        auto raw = regular_file::readAll(path, true, kMaxMessageFileBytes);
        if (!raw) {
            addProblem(raw.error().message);
            continue;
        }
        return std::optional<RawMail>(RawMail{std::move(raw.value()), QFileInfo(path).path(), path});
    }
    return std::optional<RawMail>();
}

} // namespace casebook
