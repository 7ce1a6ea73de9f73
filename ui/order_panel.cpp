#include "order_panel.h"

#include "channel_badge.h"
#include "connectors/order_lookup.h"
#include "semantic_colors.h"
#include "worker_job.h"

#include <QHash>
#include <QLocale>
#include <memory>

namespace casebook::ui {
namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString day(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat);
}

// The markets' state codes the seller meets most (Coupang's and Naver's documented codes), in words; any
// other is shown as the market wrote it.
QString stateWords(const QString& code)
{
    static const QHash<QString, const char*> words{
        {QStringLiteral("ACCEPT"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Paid")},
        {QStringLiteral("PAYED"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Paid")},
        {QStringLiteral("INSTRUCT"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Preparing")},
        {QStringLiteral("DEPARTURE"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Shipping ordered")},
        {QStringLiteral("DELIVERING"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "In transit")},
        {QStringLiteral("FINAL_DELIVERY"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Delivery completed")},
        {QStringLiteral("DELIVERED"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Delivery completed")},
        {QStringLiteral("PURCHASE_DECIDED"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Purchase confirmed")},
        {QStringLiteral("RETURNS_UNCHECKED"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Return requested")},
        {QStringLiteral("RETURN_REQUEST"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Return requested")},
        {QStringLiteral("RELEASE_STOP_UNCHECKED"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Stop shipping requested")},
        {QStringLiteral("VENDOR_WAREHOUSE_CONFIRM"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Back in the warehouse")},
        {QStringLiteral("RETURNS_COMPLETED"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Return completed")},
        {QStringLiteral("RETURN_DONE"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Return completed")},
        {QStringLiteral("EXCHANGE_REQUEST"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Exchange requested")},
        {QStringLiteral("RECEIPT"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Exchange requested")},
        {QStringLiteral("PROGRESS"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "In progress")},
        {QStringLiteral("SUCCESS"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Completed")},
        {QStringLiteral("EXCHANGE_DONE"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Completed")},
        {QStringLiteral("REJECT"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Refused")},
        {QStringLiteral("CANCEL"), QT_TRANSLATE_NOOP("casebook::ui::OrderPanel", "Withdrawn")},
    };
    const char* w = words.value(code);
    return w ? OrderPanel::tr(w) : code;
}

// The seller reads a market's claim states in words where known, the market's own note beside.
QString claimLine(const OrderClaim& c)
{
    const QString kind = c.kind == OrderClaim::Kind::Exchange ? OrderPanel::tr("Exchange") : OrderPanel::tr("Return");
    QString line = QStringLiteral("<b>%1</b> %2: %3").arg(esc(kind), esc(c.id), esc(stateWords(c.state)));
    if (!c.stateText.isEmpty())
        line += QStringLiteral(" (%1)").arg(esc(c.stateText));
    if (c.requestedAt.isValid())
        line += QStringLiteral(" · ") + esc(day(c.requestedAt));
    if (!c.reason.isEmpty())
        line += QStringLiteral(" · ") + esc(c.reason);
    return line;
}

// What the seller can do about an error, by its code; the market's own words follow.
QString errorText(const Error& e)
{
    switch (e.code) {
    case ErrorCode::NotFound:
        return OrderPanel::tr("The market does not know this order, or no account can ask it.");
    case ErrorCode::Refused:
        return OrderPanel::tr("The market refused to give the order.");
    case ErrorCode::RateLimited:
    case ErrorCode::Io:
        return OrderPanel::tr("The market could not be reached; try again later.");
    case ErrorCode::AddressNotAllowed:
        return OrderPanel::tr("The market takes no calls from this computer's address; add it to the "
                              "account's allowed addresses.");
    case ErrorCode::Unknown:
    case ErrorCode::Conflict:
    case ErrorCode::InvalidInput:
    case ErrorCode::Damaged:
        break;
    }
    return OrderPanel::tr("The order could not be fetched.");
}

} // namespace

OrderPanel::OrderPanel(Database& db, QWidget* parent) : QLabel(parent), m_db(db), m_job(new WorkerJob(this, &db))
{
    setObjectName(QStringLiteral("orderPanel"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setContentsMargins(10, 4, 10, 6);
    setAutoFillBackground(true);
    connect(this, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("order:refresh"))
            refresh();
    });
    hide();
}

OrderPanel::~OrderPanel() = default; // m_job, a child, waits for a running fetch

void OrderPanel::clear()
{
    m_ticketNumber = 0;
    m_order.reset();
    m_error.reset();
    setText({});
    hide();
}

void OrderPanel::showTicket(const TicketSummary& ticket)
{
    if (!OrderLookup::hasOrder(ticket)) {
        clear();
        return;
    }
    const bool same = ticket.number == m_ticketNumber;
    m_ticketNumber = ticket.number;
    if (!same) {
        m_error.reset();
        // What was fetched before, at once: the panel never waits on the market to show something.
        m_order = OrderLookup::cachedForTicket(m_db.reader(), ticket.number);
    }
    render();
    show();
    // Asked at once only when an account can answer for the ticket's market; else on Refresh (which says why).
    if (!same && OrderLookup::canAsk(m_db, ticket))
        startFetch();
}

void OrderPanel::refresh()
{
    if (m_ticketNumber > 0)
        startFetch();
}

void OrderPanel::startFetch()
{
    if (!m_fetch)
        return;
    if (m_fetching) {
        m_pendingNumber = m_ticketNumber;
        return;
    }
    m_fetching = true;
    m_pendingNumber = 0;
    render();
    const int number = m_ticketNumber;
    auto result = std::make_shared<std::optional<Result<Order>>>();
    Fetch fetch = m_fetch;
    m_job->run([fetch, number, result] { result->emplace(fetch(number)); },
               [this, number, result] {
                   m_fetching = false;
                   if (number == m_ticketNumber && result->has_value()) {
                       const Result<Order>& r = **result;
                       if (r) {
                           m_order = r.value();
                           m_error.reset();
                       } else {
                           m_error = r.error();
                       }
                       render();
                   }
                   Q_EMIT fetched();
                   if (m_pendingNumber > 0 && m_pendingNumber == m_ticketNumber)
                       startFetch();
               });
}

void OrderPanel::render()
{
    const QString muted = SemanticColors::color(SemanticColors::Role::Muted).name();
    const auto field = [&muted](const QString& label, const QString& value) {
        return QStringLiteral("<span style='color:%1'>%2</span> %3").arg(muted, esc(label), esc(value));
    };
    QString html;
    if (m_order) {
        const Order& o = *m_order;
        html += QStringLiteral("<b>%1</b> %2 · %3")
                    .arg(esc(tr("Order")), esc(o.orderId), esc(channelDisplayName(toString(o.channel))));
        if (!o.status.isEmpty())
            html += QStringLiteral(" · <b>%1</b>").arg(esc(stateWords(o.status)));
        const QLocale locale;
        for (const OrderItem& i : o.items) {
            html += QStringLiteral("<br>") + esc(i.product);
            if (!i.option.isEmpty())
                html += QStringLiteral(" <span style='color:%1'>/ %2</span>").arg(muted, esc(i.option));
            html += QStringLiteral(" · ") + esc(tr("%n pc(s)", nullptr, i.quantity)) + QStringLiteral(" · ") +
                    esc(locale.toString(i.amount));
        }
        QStringList dates;
        if (o.orderedAt.isValid())
            dates << field(tr("Ordered"), day(o.orderedAt));
        if (o.shippedAt.isValid())
            dates << field(tr("Shipped"), day(o.shippedAt));
        if (o.deliveredAt.isValid())
            dates << field(tr("Delivered"), day(o.deliveredAt));
        if (!dates.isEmpty())
            html += QStringLiteral("<br>") + dates.join(QStringLiteral(" · "));
        if (!o.carrier.isEmpty() || !o.trackingNumber.isEmpty())
            html += QStringLiteral("<br>") + field(tr("Carrier"), o.carrier) + QStringLiteral(" · ") +
                    field(tr("Tracking number"), o.trackingNumber);
        for (const OrderClaim& c : o.claims)
            html += QStringLiteral("<br>") + claimLine(c);
    }
    if (m_error) {
        if (!html.isEmpty())
            html += QStringLiteral("<br>");
        html += QStringLiteral("<span style='color:%1'>%2</span> <span style='color:%3'>%4</span>")
                    .arg(SemanticColors::color(SemanticColors::Role::Danger).name(), esc(errorText(*m_error)),
                         muted, esc(m_error->message));
    }
    if (!html.isEmpty())
        html += QStringLiteral("<br>");
    if (m_fetching)
        html += QStringLiteral("<span style='color:%1'>%2</span>").arg(muted, esc(tr("Fetching the order…")));
    else if (m_fetch)
        html += QStringLiteral("<a href='order:refresh'>%1</a>").arg(esc(tr("Refresh")));
    if (m_order && m_order->fetchedAt.isValid())
        html += QStringLiteral(" <span style='color:%1'>%2</span>")
                    .arg(muted, esc(tr("as of %1").arg(QLocale().toString(m_order->fetchedAt.toLocalTime(),
                                                                             QLocale::ShortFormat))));
    setText(html);
}

} // namespace casebook::ui
