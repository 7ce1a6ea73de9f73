// A fresh clone must build, test and read on its own: no tracked file may reach for a folder beside the
// checkout or for a path of the machine it was written on.
#include "support/test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <cctype>

namespace {

// Spelled in pieces, so that this file does not name them itself.
const QList<QByteArray>& forbidden()
{
    static const QList<QByteArray> needles{QByteArray("..") + "/shared",
                                           QByteArray("CASEBOOK_") + "SHARED_DIR", QByteArray("/") + "work/"};
    return needles;
}

// The machine path counts where it starts an absolute path, not inside a longer path or a URL (host/work/x).
bool startsAbsolutePath(const QByteArray& line, qsizetype at)
{
    if (at == 0)
        return true;
    const char before = line.at(at - 1);
    return !(std::isalnum(static_cast<unsigned char>(before)) || before == '.' || before == '_' ||
             before == '-' || before == '~' || before == '/');
}

// Files of the tree relative to `root`: what git tracks in a checkout, else every file but build output.
QStringList filesOf(const QString& root)
{
    if (QFileInfo::exists(root + QStringLiteral("/.git"))) {
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-C"), root, QStringLiteral("ls-files"), QStringLiteral("-z")});
        if (git.waitForFinished(60000) && git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0) {
            QStringList files;
            for (const QByteArray& name : git.readAllStandardOutput().split('\0'))
                if (!name.isEmpty())
                    files << QString::fromUtf8(name);
            return files;
        }
    }
    QStringList files;
    const QDir base(root);
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = base.relativeFilePath(it.next());
        if (rel.startsWith(QLatin1String("build/")) || rel.startsWith(QLatin1String(".git/")) ||
            rel.contains(QLatin1String("/.git/")))
            continue;
        files << rel;
    }
    return files;
}

// "file:line: needle" for every forbidden name in the files of `root`.
QStringList offences(const QString& root)
{
    QStringList found;
    for (const QString& rel : filesOf(root)) {
        QFile f(root + QLatin1Char('/') + rel);
        if (!f.open(QIODevice::ReadOnly))
            continue; // deleted in the work tree but still in the index
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (qsizetype n = 0; n < lines.size(); ++n)
            for (const QByteArray& needle : forbidden())
                for (qsizetype at = lines[n].indexOf(needle); at >= 0; at = lines[n].indexOf(needle, at + 1))
                    if (needle.startsWith('/') ? startsAbsolutePath(lines[n], at) : true) {
                        found << QStringLiteral("%1:%2: %3")
                                     .arg(rel)
                                     .arg(n + 1)
                                     .arg(QString::fromLatin1(needle));
                        break;
                    }
    }
    return found;
}

void write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST_CASE("no file of the repository reads or cites a folder outside it", "[repo]")
{
    const QStringList found = offences(QStringLiteral(CASEBOOK_SOURCE_DIR));
    INFO(found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("the outside-path check finds each forbidden name and skips build output", "[repo]")
{
    QTemporaryDir dir; // no .git: the tree is walked
    const QString root = dir.path();
    write(root + QStringLiteral("/tests/a.cpp"), QByteArray("// corpus in ..") + "/shared/corpora\n");
    write(root + QStringLiteral("/CMakeLists.txt"), "x\ny(CASEBOOK_" + QByteArray("SHARED_DIR)\n"));
    write(root + QStringLiteral("/docs/b.md"), "see " + QByteArray("/") + "work/main/DESIGN.md\n");
    write(root + QStringLiteral("/docs/c.md"), "https://example.com/work/ and ~/work/x are not ours\n");
    write(root + QStringLiteral("/build/dev/gen.h"), QByteArray("..") + "/shared\n");
    QStringList found = offences(root);
    found.sort();
    const QList<QByteArray>& names = forbidden();
    CHECK(found == QStringList{QStringLiteral("CMakeLists.txt:2: ") + QString::fromLatin1(names[1]),
                               QStringLiteral("docs/b.md:1: ") + QString::fromLatin1(names[2]),
                               QStringLiteral("tests/a.cpp:1: ") + QString::fromLatin1(names[0])});
}
