#include "sources/eml_source.h"
#include "sources/maildir_source.h"
#include "sources/mbox_source.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace casebook;

namespace {

std::vector<RawMail> drain(MailSource& s)
{
    std::vector<RawMail> out;
    for (;;) {
        auto item = s.next();
        REQUIRE(item);
        if (!item->has_value())
            return out;
        out.push_back(**item);
    }
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray message(const QString& id)
{
    return QStringLiteral("From: a@example.com\nSubject: %1\nMessage-ID: <%1>\n\nbody %1\n").arg(id).toUtf8();
}

// Every path, size and content hash under a folder: what "read-only" must leave as it was.
QStringList fingerprint(const QString& root)
{
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        QFile f(p);
        QByteArray hash;
        if (QFileInfo(p).isFile() && f.open(QIODevice::ReadOnly))
            hash = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        out << p + QLatin1Char(' ') + QString::fromLatin1(hash) + QLatin1Char(' ') +
                   QFileInfo(p).lastModified().toString(Qt::ISODateWithMs);
    }
    out.sort();
    return out;
}

} // namespace

TEST_CASE("mboxrd: separators, >From unescaping, unescaped From in a body, LF and CRLF", "[sources]")
{
    const QByteArray lf = test::readFile(test::testData(QStringLiteral("mbox/mboxrd.mbox")));
    const bool crlf = GENERATE(false, true);
    QByteArray bytes = lf;
    if (crlf)
        bytes.replace("\n", "\r\n");
    const QByteArray nl = crlf ? "\r\n" : "\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("box.mbox"));
    writeFile(path, bytes);

    MboxSource box(path);
    const auto mails = drain(box);
    REQUIRE(mails.size() == 3);
    CHECK(mails[0].ref == QStringLiteral("offset 0"));
    CHECK(mails[0].raw.startsWith("From: Kim"));
    CHECK(mails[0].raw.contains(nl + "From the photos you can see the crack." + nl));
    CHECK(mails[0].raw.contains(nl + ">From here on it is quoted twice." + nl));
    // The blank line before the next separator belongs to the mbox, not to the message.
    CHECK(mails[0].raw.endsWith("quoted twice." + nl));
    // "From what" and "From 10:30" follow a line of text or carry no sender: they stay in the body.
    CHECK(mails[1].raw.contains(nl + nl + "From what I can see"));
    CHECK(mails[1].raw.contains(nl + "From 10:30 the tracking page"));
    CHECK(mails[1].raw.endsWith("Thanks" + nl));
    CHECK(mails[2].raw.contains("In-Reply-To: <mbox-1@example.com>"));
    CHECK(bytes.mid(mails[2].ref.mid(7).toLongLong(), 5) == "From ");

    MboxSource asMboxo(path, MboxSource::Format::Mboxo);
    const auto o = drain(asMboxo);
    REQUIRE(o.size() == 3);
    CHECK(o[0].raw.contains(nl + ">From the photos you can see the crack." + nl));
}

TEST_CASE("mbox: a truncated last message is yielded as far as it goes", "[sources]")
{
    MboxSource box(test::testData(QStringLiteral("mbox/truncated.mbox")));
    const auto mails = drain(box);
    REQUIRE(mails.size() == 2);
    CHECK(mails[0].raw.endsWith("Please refund order 12\n"));
    CHECK(mails[1].raw.endsWith("The message was cut o"));
}

TEST_CASE("mbox: the cursor resumes after the last message, and a rewritten file starts over", "[sources]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("box.mbox"));
    writeFile(path, test::readFile(test::testData(QStringLiteral("mbox/mboxrd.mbox"))));
    QString cursor;
    {
        MboxSource box(path);
        REQUIRE(box.next());
        cursor = box.cursor();
    }
    MboxSource resumed(path);
    resumed.resume(cursor);
    const auto rest = drain(resumed);
    REQUIRE(rest.size() == 2);
    CHECK(rest[0].raw.contains("Message-ID: <mbox-2@example.com>"));

    // Done: the cursor sits at the end, and mail appended later is all the next run reads.
    const QString end = resumed.cursor();
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::Append));
        f.write("From x@example.com Wed Mar  4 08:00:00 2026\n" + message(QStringLiteral("appended")));
    }
    MboxSource again(path);
    again.resume(end);
    const auto appended = drain(again);
    REQUIRE(appended.size() == 1);
    CHECK(appended[0].raw.contains("<appended>"));

    writeFile(path, message(QStringLiteral("rewritten")) + message(QStringLiteral("rewritten-more")));
    MboxSource rewritten(path);
    rewritten.resume(cursor);
    const auto all = drain(rewritten);
    REQUIRE(all.size() == 1); // no separator: one message, read from the start
    CHECK(all[0].raw.startsWith("From: a@example.com\nSubject: rewritten\n"));
}

TEST_CASE("Maildir: cur, new, nested and Maildir++ folders, loose files, with tmp and index files left alone",
          "[sources]")
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("Mail"));
    writeFile(root + QStringLiteral("/cur/1000.A.host:2,S"), message(QStringLiteral("cur")));
    writeFile(root + QStringLiteral("/new/1001.B.host"), message(QStringLiteral("new")));
    writeFile(root + QStringLiteral("/tmp/1002.C.host"), message(QStringLiteral("tmp")));
    writeFile(root + QStringLiteral("/.Sent/cur/1003.D.host:2,S"), message(QStringLiteral("sent")));
    writeFile(root + QStringLiteral("/.Sent/maildirfolder"), {});
    writeFile(root + QStringLiteral("/Archive/2025/new/1004.E.host"), message(QStringLiteral("nested")));
    writeFile(root + QStringLiteral("/loose/05:2,"), message(QStringLiteral("loose")));
    writeFile(root + QStringLiteral("/dovecot-uidlist"), "3 V1 N5\n");
    writeFile(root + QStringLiteral("/.uidvalidity"), "1\n");
    const QStringList before = fingerprint(root);

    MaildirSource md(root);
    REQUIRE(md.open());
    const auto mails = drain(md);
    QStringList refs;
    for (const RawMail& m : mails)
        refs << m.ref;
    CHECK(refs == QStringList{QStringLiteral("cur/1000.A.host:2,S"), QStringLiteral("new/1001.B.host"),
                              QStringLiteral(".Sent/cur/1003.D.host:2,S"),
                              QStringLiteral("Archive/2025/new/1004.E.host"), QStringLiteral("loose/05:2,")});
    CHECK(mails[2].folder == QStringLiteral(".Sent"));
    CHECK(mails[3].folder == QStringLiteral("Archive/2025"));
    CHECK(md.problems().isEmpty());
    CHECK(fingerprint(root) == before);
}

TEST_CASE("Maildir: an unreadable file is reported and skipped, the rest is read", "[sources]")
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("Mail"));
    writeFile(root + QStringLiteral("/cur/1.a:2,"), message(QStringLiteral("one")));
    writeFile(root + QStringLiteral("/cur/3.c:2,"), message(QStringLiteral("three")));
    // A link to nothing cannot be opened, whoever runs the test (root reads files without permission).
    REQUIRE(QFile::link(dir.filePath(QStringLiteral("gone")), root + QStringLiteral("/cur/2.b:2,")));
    MaildirSource md(root);
    const auto mails = drain(md);
    REQUIRE(mails.size() == 2);
    CHECK(mails[1].ref == QStringLiteral("cur/3.c:2,"));
    REQUIRE(md.problems().size() == 1);
    CHECK(md.problems().first().contains(QStringLiteral("cur/2.b:2,")));
}

TEST_CASE("Maildir: the cursor survives a message moving from new/ to cur/ with flags", "[sources]")
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("Mail"));
    writeFile(root + QStringLiteral("/new/1.a"), message(QStringLiteral("one")));
    writeFile(root + QStringLiteral("/new/2.b"), message(QStringLiteral("two")));
    writeFile(root + QStringLiteral("/new/3.c"), message(QStringLiteral("three")));
    QString cursor;
    {
        MaildirSource md(root);
        REQUIRE(md.next());
        REQUIRE(md.next());
        cursor = md.cursor();
    }
    // A mail program reads the first two and marks them seen.
    QDir().mkpath(root + QStringLiteral("/cur"));
    REQUIRE(QFile::rename(root + QStringLiteral("/new/1.a"), root + QStringLiteral("/cur/1.a:2,S")));
    REQUIRE(QFile::rename(root + QStringLiteral("/new/2.b"), root + QStringLiteral("/cur/2.b:2,S")));
    MaildirSource md(root);
    md.resume(cursor);
    const auto rest = drain(md);
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].ref == QStringLiteral("new/3.c"));
    // A finished run starts over next time (stored messages are recognised by their bytes).
    MaildirSource again(root);
    again.resume(md.cursor());
    CHECK(drain(again).size() == 3);
}

TEST_CASE("eml: each file is one message, and a missing file is reported", "[sources]")
{
    EmlSource eml({test::testData(QStringLiteral("mail/utf8-base64.eml")),
                   QStringLiteral("/nonexistent/x.eml"), test::testData(QStringLiteral("mail/euc-kr.eml"))});
    const auto mails = drain(eml);
    REQUIRE(mails.size() == 2);
    CHECK(mails[0].raw == test::readFile(test::testData(QStringLiteral("mail/utf8-base64.eml"))));
    CHECK(eml.problems().size() == 1);
    CHECK(eml.cursor().isEmpty());
}

TEST_CASE("Maildir: only regular files are read; a FIFO, a device and links are skipped with a reason",
          "[sources][hostile]")
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("Mail"));
    writeFile(root + QStringLiteral("/cur/1.a:2,"), message(QStringLiteral("one")));
    writeFile(dir.filePath(QStringLiteral("secret")), message(QStringLiteral("outside")));
    // A FIFO with no writer: opening it for reading would block the import forever.
    REQUIRE(::mkfifo(QFile::encodeName(root + QStringLiteral("/cur/2.b:2,")).constData(), 0600) == 0);
    REQUIRE(QFile::link(QStringLiteral("/dev/zero"), root + QStringLiteral("/cur/3.c:2,")));
    REQUIRE(QFile::link(dir.filePath(QStringLiteral("secret")), root + QStringLiteral("/cur/4.d:2,")));
    MaildirSource md(root);
    const auto mails = drain(md);
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].ref == QStringLiteral("cur/1.a:2,"));
    const QStringList problems = md.problems();
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].contains(QStringLiteral("cur/2.b:2,")));
    CHECK(problems[0].contains(QStringLiteral("pipe (FIFO)")));
    CHECK(problems[1].contains(QStringLiteral("symbolic link")));
    CHECK(problems[2].contains(QStringLiteral("symbolic link")));
}

TEST_CASE(".eml: a missing file or a folder fails open(); a FIFO is skipped with a reason", "[sources][hostile]")
{
    QTemporaryDir dir;
    CHECK(EmlSource({dir.filePath(QStringLiteral("nope.eml"))}).open().error().code == ErrorCode::NotFound);
    CHECK(EmlSource({dir.path()}).open().error().code == ErrorCode::InvalidInput);
    const QString fifo = dir.filePath(QStringLiteral("pipe.eml"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString good = dir.filePath(QStringLiteral("good.eml"));
    writeFile(good, message(QStringLiteral("good")));
    EmlSource eml({fifo, good});
    REQUIRE(eml.open());
    const auto mails = drain(eml);
    REQUIRE(mails.size() == 1);
    REQUIRE(eml.problems().size() == 1);
    CHECK(eml.problems().first().contains(QStringLiteral("pipe (FIFO)")));
}
