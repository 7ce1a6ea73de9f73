// A reply template the seller wrote (mustache), rendered with a ticket's values: the syntax check, the
// placeholder list and the rendering must agree and never crash.
#include "fuzz_support.h"

#include "compose/template_renderer.h"

using namespace casebook;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const PlaceholderValues values{{QStringLiteral("customer_name"), QStringLiteral("김민지")},
                                   {QStringLiteral("order_number"), QStringLiteral("2026031012345")},
                                   {QStringLiteral("ticket"), QStringLiteral("#1042")},
                                   {QStringLiteral("shop_name"), QStringLiteral("{{shop_name}}")}};
    (void)TemplateRenderer::check(text);
    (void)TemplateRenderer::placeholders(text);
    (void)TemplateRenderer::renderPartial(text, values);
    (void)TemplateRenderer::render(text, values);
    return 0;
}
