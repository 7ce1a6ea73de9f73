// The path an HTML mail takes to the window: sanitized, measured against what the text engine lays out
// quickly, and, only when it fits, laid out by Qt's text engine as the conversation pane does; else its
// plain text.
#include "fuzz_support.h"

#include "mail/html_text.h"

#include <QTextDocument>

using namespace casebook;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString html = sanitizeHtml(QString::fromUtf8(fuzz::bytes(data, size)));
    const HtmlShape shape = measureHtml(html);
    if (shape.fits) {
        QTextDocument doc;
        doc.setHtml(html);
        doc.setTextWidth(640);
        (void)doc.size();
    } else {
        (void)htmlToText(html);
    }
    (void)decodeHtmlEntities(html);
    return 0;
}
