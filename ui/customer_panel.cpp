#include "customer_panel.h"

#include "channel_badge.h"
#include "semantic_colors.h"
#include "store/customer_tickets.h"
#include "store/ticket_queries.h"

#include <QLocale>
#include <QUrl>

namespace casebook::ui {
namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString kindName(const QString& kind)
{
    if (kind == QLatin1String("phone"))
        return CustomerPanel::tr("Phone");
    return channelDisplayName(kind);
}

} // namespace

CustomerPanel::CustomerPanel(Database& db, QWidget* parent) : QLabel(parent), m_db(db)
{
    setObjectName(QStringLiteral("customerPanel"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setContentsMargins(10, 6, 10, 6);
    setAutoFillBackground(true);
    connect(this, &QLabel::linkActivated, this, [this](const QString& link) {
        const QUrl url(link);
        if (url.scheme() == QLatin1String("ticket"))
            Q_EMIT ticketActivated(url.path().toLongLong());
    });
}

void CustomerPanel::clear()
{
    setText({});
    hide();
}

void CustomerPanel::showTicket(const TicketSummary& t)
{
    SQLite::Database& r = m_db.reader();
    const auto customer = ticket_queries::customerOfTicket(r, t.id);
    if (!customer) {
        clear();
        return;
    }
    const QString muted = SemanticColors::color(SemanticColors::Role::Muted).name();
    QString html = QStringLiteral("<b>%1</b>").arg(esc(customer->displayName));
    if (customer->abusive)
        html += QStringLiteral(" <b style='color:%2'>⚠ %1</b>")
                    .arg(esc(tr("abusive")), SemanticColors::color(SemanticColors::Role::Danger).name());
    if (customer->vip)
        html += QStringLiteral(" <b style='color:%2'>★ %1</b>")
                    .arg(esc(tr("VIP")), SemanticColors::color(SemanticColors::Role::Vip).name());
    QStringList ids;
    // Marketplace buyers without a usable id get a synthetic key ("order:…"): not worth showing.
    for (const Identity& i : customer->identities)
        if (!i.value.contains(QLatin1Char(':')))
            ids << QStringLiteral("%1 <span style='color:%3'>(%2)</span>")
                       .arg(esc(i.value), esc(kindName(i.kind)), muted);
    if (!ids.isEmpty())
        html += QStringLiteral("<br>") + ids.join(QStringLiteral(" · "));
    // The customer across channels: every order, first and last contact, tickets and claims, the note.
    const customer_tickets::History h = customer_tickets::history(r, customer->id);
    const QStringList orders = h.orders.isEmpty() ? t.orderNumbers : h.orders;
    if (!orders.isEmpty())
        html += QStringLiteral("<br><span style='color:%3'>%1</span> %2")
                    .arg(esc(tr("Orders:")), esc(orders.join(QStringLiteral(", "))), muted);
    if (h.firstContact.isValid())
        html += QStringLiteral("<br><span style='color:%5'>%1</span> %2 · <span style='color:%5'>%3</span> %4")
                    .arg(esc(tr("First contact:")),
                         esc(QLocale().toString(h.firstContact.toLocalTime(), QLocale::ShortFormat)),
                         esc(tr("last:")), esc(QLocale().toString(h.lastContact.toLocalTime(), QLocale::ShortFormat)),
                         muted);
    QStringList claims;
    for (Category c : {Category::Refund, Category::MissingItem, Category::Return})
        if (const int n = h.byCategory.value(c))
            claims << QStringLiteral("%1 %2").arg(categoryDisplayName(c)).arg(n);
    html += QStringLiteral("<br>") + esc(tr("%n ticket(s)", nullptr, h.tickets)) + QStringLiteral(" · ") +
            esc(claims.isEmpty() ? tr("no claims") : tr("claims: %1").arg(claims.join(QStringLiteral(", "))));
    if (!customer->note.isEmpty())
        html += QStringLiteral("<br><i>%1 %2</i>").arg(esc(tr("Note:")), esc(customer->note));
    const QList<TicketSummary> others = customer_tickets::otherTickets(r, customer->id, t.id, 8);
    if (!others.isEmpty()) {
        QStringList links;
        for (const TicketSummary& o : others)
            links << QStringLiteral("<a href='ticket:%1'>#%2</a> %3 <span style='color:%5'>(%4)</span>")
                         .arg(o.id)
                         .arg(o.number)
                         .arg(esc(o.subject.left(40)), esc(statusDisplayName(o.status)), muted);
        html += QStringLiteral("<br><span style='color:%3'>%1</span> %2")
                    .arg(esc(tr("Other tickets:")), links.join(QStringLiteral(" · ")), muted);
    } else {
        html +=
            QStringLiteral("<br><span style='color:%2'>%1</span>").arg(esc(tr("No other tickets.")), muted);
    }
    setText(html);
    show();
}

} // namespace casebook::ui
