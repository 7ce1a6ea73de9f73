// One raw message, as a Maildir file or an IMAP fetch delivers it: parsed, then ingested into a store.
// Whatever the bytes, the import must finish with the message stored, quarantined or found a duplicate.
#include "fuzz_support.h"

#include "inbox/ingestor.h"
#include "mail/mime_parser.h"
#include "model/clock.h"
#include "store/database.h"

#include <cstdlib>
#include <memory>

using namespace casebook;

namespace {
FixedClock fixedClock{QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc())};
std::unique_ptr<Database> db;
std::unique_ptr<Ingestor> ingestor;
} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::ensureApplication(argc, argv);
    auto opened = Database::open(fuzz::scratchDir() + QStringLiteral("/casebook.sqlite"), fixedClock,
                                 {.quickCheck = false});
    if (!opened)
        std::abort();
    db = std::move(opened.value());
    ingestor = std::make_unique<Ingestor>(*db, IngestOptions{{QStringLiteral("help@shop.example")}});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray raw = fuzz::bytes(data, size);
    (void)parseMessage(raw);
    // A store error (not a parse error: those quarantine) means ingest broke on input it must survive.
    if (!ingestor->ingestMail(raw, QStringLiteral("fuzz"), {}))
        std::abort();
    return 0;
}
