// A CSV export as a board or Excel wrote it (UTF-8, BOM, CP949, tabs, quotes): read, mapped with the
// preset its header fits, and turned into messages.
#include "fuzz_support.h"

#include "sources/csv_source.h"

using namespace casebook;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto table = readCsv(fuzz::bytes(data, size));
    if (!table)
        return 0;
    auto mapping = CsvMapping::detect(table.value().header);
    if (!mapping)
        return 0;
    (void)csvMessages(table.value(), mapping.value(), QStringLiteral("fuzz.csv"));
    return 0;
}
