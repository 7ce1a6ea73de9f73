#include "conversation_pane.h"

#include "channel_badge.h"
#include "evidence/evidence_locker.h"
#include "semantic_colors.h"
#include "store/ticket_queries.h"

#include <QLocale>
#include <QVBoxLayout>

namespace casebook::ui {
namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString paragraphs(const QString& text)
{
    QString html = esc(text.trimmed());
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

QString when(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

// Colours by meaning, in a shade the current palette (light or dark) reads.
QString css(SemanticColors::Role role)
{
    return SemanticColors::color(role).name();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

QVariant SafeBrowser::loadResource(int, const QUrl&)
{
    return {};
}

ConversationPane::ConversationPane(Database& db, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_db(db), m_clock(clock), m_browser(new SafeBrowser(this))
{
    setObjectName(QStringLiteral("conversationPane"));
    m_browser->setObjectName(QStringLiteral("conversationView"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    clear();
}

void ConversationPane::clear()
{
    m_ticketId = 0;
    m_browser->setHtml(QStringLiteral("<p style='color:%1; margin:24px'>%2</p>")
                           .arg(css(SemanticColors::Role::Muted), esc(tr("Select a ticket."))));
}

QString ConversationPane::plainText() const
{
    return m_browser->toPlainText();
}

void ConversationPane::showTicket(qint64 ticketId)
{
    m_ticketId = ticketId;
    SQLite::Database& r = m_db.reader();
    const QList<TicketSummary> found = ticket_queries::ticketsByIds(r, {ticketId});
    if (found.isEmpty()) {
        clear();
        return;
    }
    const TicketSummary& t = found.first();
    QString html;
    html += QStringLiteral("<h2 style='margin-bottom:2px'>%1</h2>").arg(esc(t.subject));
    QStringList channels;
    for (const QString& c : t.channels)
        channels << channelDisplayName(c);
    QString meta = QStringLiteral("#%1 · %2 · %3 · %4")
                       .arg(t.number)
                       .arg(esc(statusDisplayName(t.status)), esc(categoryDisplayName(t.category)),
                            esc(channels.join(QStringLiteral(", "))));
    if (const DueText due = dueText(t.dueAt, m_clock.now()); !due.text.isEmpty())
        meta += QStringLiteral(" · <span style='color:%1'>%2</span>")
                    .arg(due.color.isValid() ? due.color.name() : css(SemanticColors::Role::Muted),
                         esc(due.text));
    html += QStringLiteral("<p style='color:%1; margin-top:0'>%2</p>")
                .arg(css(SemanticColors::Role::Muted), meta);

    if (const auto customer = ticket_queries::customerOfTicket(r, ticketId)) {
        QStringList ids;
        // Marketplace buyers without a usable id get a synthetic key ("order:…"): not worth showing.
        for (const Identity& i : customer->identities)
            if (!i.value.contains(QLatin1Char(':')))
                ids << esc(i.value);
        QString flags;
        if (customer->abusive)
            flags += QStringLiteral(" <b style='color:%1'>%2</b>")
                         .arg(css(SemanticColors::Role::Danger), esc(tr("abusive")));
        if (customer->vip)
            flags += QStringLiteral(" <b style='color:%1'>%2</b>")
                         .arg(css(SemanticColors::Role::Vip), esc(tr("VIP")));
        html += QStringLiteral("<p><b>%1</b>%2<br><span style='color:%3'>%4</span>")
                    .arg(esc(customer->displayName), flags, css(SemanticColors::Role::Muted),
                         ids.join(QStringLiteral(" · ")));
        if (!t.orderNumbers.isEmpty())
            html += QStringLiteral("<br><span style='color:%1'>%2 %3</span>")
                        .arg(css(SemanticColors::Role::Muted), esc(tr("Orders:")),
                             esc(t.orderNumbers.join(QStringLiteral(", "))));
        html += QStringLiteral("</p>");
    }
    if (!t.summary.isEmpty())
        html += QStringLiteral("<p style='background:%1; padding:6px'><b>%2</b> %3</p>")
                    .arg(css(SemanticColors::Role::NoteBackground), esc(tr("Summary:")), esc(t.summary));

    for (const MessageRecord& m : ticket_queries::messagesOfTicket(r, ticketId)) {
        const bool out = m.direction == Direction::Out;
        const bool note = m.direction == Direction::Note;
        const QString bg = css(note  ? SemanticColors::Role::NoteBackground
                               : out ? SemanticColors::Role::OutgoingBackground
                                     : SemanticColors::Role::IncomingBackground);
        const QString label = note ? tr("Internal note") : out ? tr("Sent") : tr("Received");
        const QString who = m.fromName.isEmpty() ? m.fromAddress
                            : m.fromAddress.isEmpty()
                                ? m.fromName
                                : QStringLiteral("%1 <%2>").arg(m.fromName, m.fromAddress);
        html += QStringLiteral(
                    "<table width='100%' cellpadding='8' style='margin-top:10px; background:%1'><tr><td>")
                    .arg(bg);
        html += QStringLiteral("<span style='color:%1'>%2 %3 · %4 · %5</span><br>")
                    .arg(css(SemanticColors::Role::Muted),
                         out    ? QStringLiteral("→")
                         : note ? QStringLiteral("✎")
                                : QStringLiteral("←"),
                         esc(label), esc(who), esc(when(m.date)));
        html += paragraphs(m.text);
        for (const Attachment& a : m.attachments)
            html += QStringLiteral("<br><span style='color:%1'>📎 %2 (%3, %4)</span>")
                        .arg(css(SemanticColors::Role::Muted),
                             esc(a.filename.isEmpty() ? tr("(unnamed)") : a.filename), esc(a.mediaType),
                             esc(sizeText(a.size)));
        html += QStringLiteral("</td></tr></table>");
    }

    EvidenceLocker locker(m_db);
    const QList<EvidenceRecord> evidence = locker.list(ticketId);
    if (!evidence.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table cellpadding='3'>").arg(esc(tr("Evidence")));
        for (const EvidenceRecord& e : evidence)
            html += QStringLiteral("<tr><td>%1</td><td style='color:%5'>%2</td><td style='color:%5'>%3</td>"
                                   "<td style='color:%5; font-family:monospace'>%4…</td></tr>")
                        .arg(esc(e.originalName), esc(e.note), esc(sizeText(e.size)), esc(e.sha256.left(16)),
                             css(SemanticColors::Role::Muted));
        html += QStringLiteral("</table>");
    }
    m_browser->setHtml(html);
}

} // namespace casebook::ui
