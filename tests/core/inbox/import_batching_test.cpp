// How the importer cuts a source into batches (transactions): by count and by bytes. Memory follows the
// bytes a batch holds, so the rule is checked on the batches themselves, not on timing or RSS.
#include "inbox/mail_importer.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace casebook;

namespace {

// Yields one message per size in `sizes`, each of exactly that many bytes and all different.
class SizedSource : public MailSource {
public:
    explicit SizedSource(std::vector<qsizetype> sizes) : m_sizes(std::move(sizes)) {}

    QString id() const override { return QStringLiteral("test:sized"); }
    QString cursor() const override { return {}; }
    void resume(const QString&) override {}

    Result<std::optional<RawMail>> next() override
    {
        if (m_next >= m_sizes.size())
            return std::optional<RawMail>();
        const qsizetype size = m_sizes[m_next];
        const QByteArray head = QStringLiteral("From: buyer%1@example.net\r\nTo: help@example.com\r\n"
                                               "Message-ID: <m%1@example.net>\r\nSubject: order %1\r\n\r\n")
                                    .arg(m_next)
                                    .toUtf8();
        REQUIRE(size > head.size());
        RawMail mail;
        mail.raw = head + QByteArray(size - head.size(), 'x');
        mail.ref = QString::number(m_next++);
        return std::optional<RawMail>(std::move(mail));
    }

private:
    std::vector<qsizetype> m_sizes;
    std::size_t m_next = 0;
};

// The number of messages in each committed batch of an import of `sizes`.
std::vector<qint64> batchesOf(std::vector<qsizetype> sizes, ImportOptions options, bool boundToThread = false)
{
    class Bound : public SizedSource {
    public:
        using SizedSource::SizedSource;
        bool boundToThread() const override { return true; }
    };
    test::TempStore s;
    MailImporter importer(*s.db, {}, options);
    std::vector<qint64> batches;
    qint64 before = 0;
    auto progress = [&](const ImportProgress& p) {
        batches.push_back(p.counts.read - before);
        before = p.counts.read;
        return true;
    };
    const qint64 total = static_cast<qint64>(sizes.size());
    SizedSource onThread(sizes);
    Bound here(std::move(sizes));
    auto report = boundToThread ? importer.run(here, progress) : importer.run(onThread, progress);
    REQUIRE(report);
    CHECK(report->imported == total);
    return batches;
}

} // namespace

TEST_CASE("a batch closes at its count or once its messages reach the byte cap, whichever comes first",
          "[import][batching]")
{
    const bool bound = GENERATE(false, true); // read on a thread of its own, or on the writer's
    INFO("source bound to the writer's thread: " << bound);

    SECTION("small messages: the count decides")
    {
        const std::vector<qsizetype> sizes(10, 1000);
        CHECK(batchesOf(sizes, {.batchSize = 4, .batchBytes = 1 << 20}, bound) ==
              std::vector<qint64>{4, 4, 2});
    }
    SECTION("large messages: the bytes decide")
    {
        // 3,000 bytes each against a cap of 10,000: the fourth message takes a batch to 12,000 and closes it.
        const std::vector<qsizetype> sizes(10, 3000);
        CHECK(batchesOf(sizes, {.batchSize = 1000, .batchBytes = 10000}, bound) ==
              std::vector<qint64>{4, 4, 2});
    }
    SECTION("a message larger than the cap closes its batch, and the next batch starts afresh")
    {
        const std::vector<qsizetype> sizes{50000, 2000, 2000, 50000, 2000};
        CHECK(batchesOf(sizes, {.batchSize = 1000, .batchBytes = 5000}, bound) ==
              std::vector<qint64>{1, 3, 1});
    }
}
