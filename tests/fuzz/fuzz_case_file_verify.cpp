// A case file someone hands over: `verify` of a ZIP from bytes, without a database (the path a stranger's
// file takes). It must report problems, never crash, never write outside its own temporary folder.
#include "fuzz_support.h"

#include "casefile/case_file_verifier.h"

#include <QFile>

#include <cstdlib>

using namespace casebook;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::scratchDir() + QStringLiteral("/case.zip");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) != static_cast<qint64>(size))
        std::abort();
    f.close();
    (void)CaseFileVerifier().verify(path);
    return 0;
}
