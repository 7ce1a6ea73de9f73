// An outgoing reply's text through the built-in tone rules and models, with the language guessed as the
// composer guesses it, and the structure hints.
#include "fuzz_support.h"

#include "compose/tone_checker.h"
#include "model/channel_table.h"

#include <cstdlib>
#include <optional>

using namespace casebook;

namespace {
std::optional<ToneChecker> checker;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::ensureApplication(argc, argv);
    auto made = ToneChecker::builtin();
    if (!made)
        std::abort();
    checker = std::move(made.value());
    // The models are read on first use; read them here, or the first input counts their loading and, on a
    // busy machine, passes libFuzzer's -timeout.
    ToneChecker::preloadModels();
    (void)checker->check(QStringLiteral("Thank you for waiting."));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const QList<ToneFinding> findings = checker->check(text);
    // Spans are in code points (the editor highlights them): each must lie inside the text.
    const int codePoints = codePointOffset(text, text.size());
    for (const ToneFinding& f : findings)
        if (f.start < 0 || f.start > f.end || f.end > codePoints)
            std::abort();
    (void)checker->structureHints(text);
    (void)sendVerdict(findings, Channel::Email);
    return 0;
}
