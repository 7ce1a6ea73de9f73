#include "conversation_pane.h"

#include "channel_badge.h"
#include "customer_panel.h"
#include "order_panel.h"
#include "evidence/safe_file_name.h"
#include "mail/html_text.h"
#include "model/display_time.h"
#include "read_only_copy.h"
#include "safe_browser.h"
#include "semantic_colors.h"
#include "store/takeover_queries.h"
#include "store/ticket_queries.h"

#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
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

// Local time in the user's locale, with the zone: mail comes from every zone, and a case may be argued later.
QString when(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) + QLatin1Char(' ') + displayZone(t);
}

// Colours by meaning, in a shade the current palette (light or dark) reads.
QString css(SemanticColors::Role role)
{
    return SemanticColors::color(role).name();
}

// The colour of a message's direction label: the palette's link colour for what the seller sent, the
// warning shade for notes, the normal text colour for what the customer wrote.
QString accentCss(bool out, bool note)
{
    const QPalette p = QGuiApplication::palette();
    return note  ? css(SemanticColors::Role::Warning)
           : out ? p.color(QPalette::Link).name()
                 : p.color(QPalette::Text).name();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

// The elements of all the HTML messages of one conversation together: each message is bounded by
// HtmlDisplayLimits, and a long thread of large newsletters must not add up to a stall either.
constexpr int kConversationElements = 4 * HtmlDisplayLimits{}.maxElements;

const QString kAllowedSendersKey = QStringLiteral("Privacy/remoteImagesFrom");

// The sources of the images a sanitised body keeps (the sanitiser writes them as <img src="…">).
QList<QUrl> remoteImages(const QString& html)
{
    static const QRegularExpression img(QStringLiteral("<img src=\"([^\"]+)\">"));
    QList<QUrl> urls;
    for (auto it = img.globalMatch(html); it.hasNext();)
        urls << QUrl(it.next().captured(1));
    return urls;
}

} // namespace

ConversationPane::ConversationPane(Database& db, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_db(db), m_clock(clock), m_customer(new CustomerPanel(db)), m_order(new OrderPanel(db)),
      m_browser(new SafeBrowser(this))
{
    setObjectName(QStringLiteral("conversationPane"));
    m_browser->setObjectName(QStringLiteral("conversationView"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &ConversationPane::activateLink);
    // Images arrive one by one: lay the conversation out again once they stop arriving for a moment.
    auto* relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(120);
    connect(relayout, &QTimer::timeout, this, [this] {
        if (m_ticketId > 0)
            showTicket(m_ticketId);
    });
    connect(m_browser, &SafeBrowser::remoteImageLoaded, relayout, qOverload<>(&QTimer::start));
    connect(m_customer, &CustomerPanel::ticketActivated, this, &ConversationPane::showTicket);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_customer);
    layout->addWidget(m_order);
    layout->addWidget(m_browser, 1);
    clear();
}

void ConversationPane::clear()
{
    m_ticketId = 0;
    m_attachments.clear();
    m_customer->clear();
    m_order->clear();
    m_browser->setHtml(QStringLiteral("<p style='color:%1; margin:24px'>%2</p>")
                           .arg(css(SemanticColors::Role::Muted), esc(tr("Select a ticket."))));
}

QString ConversationPane::plainText() const
{
    return m_customer->text().isEmpty() ? m_browser->toPlainText()
                                        : m_customer->text() + QLatin1Char('\n') + m_browser->toPlainText();
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
    m_customer->showTicket(t);
    m_order->showTicket(t);
    m_attachments = mail_attachments::ofTicket(r, ticketId);

    QSet<QUrl> allowedImages;
    QString html;
    html += QStringLiteral("<h2 style='margin-bottom:2px'>%1</h2>").arg(esc(t.subject));
    QStringList channels;
    for (const QString& c : t.channels)
        channels << channelDisplayName(c);
    QString meta = QStringLiteral("#%1 · %2 · %3 · %4")
                       .arg(t.number)
                       .arg(esc(statusDisplayName(t.status)), esc(categoryDisplayName(t.category)),
                            esc(channels.join(QStringLiteral(", "))));
    if (const DueText due = dueText(t.dueAt, m_clock.now(), takeover_queries::of(r, t.id)); !due.text.isEmpty())
        meta += QStringLiteral(" · <span style='color:%1'>%2</span>")
                    .arg(due.color.isValid() ? due.color.name() : css(SemanticColors::Role::Muted),
                         esc(due.text));
    html += QStringLiteral("<p style='color:%1; margin-top:0'>%2</p>")
                .arg(css(SemanticColors::Role::Muted), meta);
    if (!t.summary.isEmpty())
        html += QStringLiteral("<p style='background:%1; padding:6px'><b>%2</b> %3</p>")
                    .arg(css(SemanticColors::Role::NoteBackground), esc(tr("Summary:")), esc(t.summary));

    int htmlElementsShown = 0;
    for (const MessageRecord& m : ticket_queries::messagesOfTicket(r, ticketId)) {
        const bool out = m.direction == Direction::Out;
        const bool note = m.direction == Direction::Note;
        // Colour, arrow, word and indent all say the direction, so none of them alone has to.
        const QString bg = css(note  ? SemanticColors::Role::NoteBackground
                               : out ? SemanticColors::Role::OutgoingBackground
                                     : SemanticColors::Role::IncomingBackground);
        const QString accent = accentCss(out, note);
        const QString label = note ? tr("Internal note") : out ? tr("Sent") : tr("Received");
        const QString who = m.fromName.isEmpty() ? m.fromAddress
                            : m.fromAddress.isEmpty()
                                ? m.fromName
                                : QStringLiteral("%1 <%2>").arg(m.fromName, m.fromAddress);
        html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='8' style='margin-top:10px; "
                               "margin-left:%1px; background:%2'><tr><td>")
                    .arg(out || note ? 28 : 0)
                    .arg(bg);
        html += QStringLiteral("<span style='color:%1'><b>%2 %3</b></span> "
                               "<span style='color:%6'>· %4 · %5</span><br>")
                    .arg(accent,
                         out    ? QStringLiteral("→")
                         : note ? QStringLiteral("✎")
                                : QStringLiteral("←"),
                         esc(label), esc(who), esc(when(m.date)), css(SemanticColors::Role::Muted));
        // HTML reaches the text engine only within the bounds it lays out quickly (one message, and the
        // whole conversation); beyond them the message is shown as its plain text, and says so.
        const HtmlShape shape = m.html.isEmpty() ? HtmlShape{} : measureHtml(m.html);
        const bool asHtml =
            !m.html.isEmpty() && shape.fits && htmlElementsShown + shape.elements <= kConversationElements;
        if (asHtml) {
            htmlElementsShown += shape.elements;
            html += m.html;
        } else if (!m.html.isEmpty()) {
            html += QStringLiteral("<span style='color:%1'>%2</span><br>")
                        .arg(css(SemanticColors::Role::Muted),
                             esc(tr("This message's formatting is too complex to display; it is shown as "
                                    "plain text.")));
            html += paragraphs(m.text.isEmpty() ? htmlToText(m.html) : m.text);
        } else {
            html += paragraphs(m.text);
        }
        if (const QList<QUrl> images = asHtml ? remoteImages(m.html) : QList<QUrl>(); !images.isEmpty()) {
            if (!m.fromAddress.isEmpty() && imagesAllowedFrom(m.fromAddress))
                allowedImages.unite(QSet<QUrl>(images.begin(), images.end()));
            else if (!m.fromAddress.isEmpty())
                html +=
                    QStringLiteral("<br><span style='color:%4'>%1</span> <a href='images:%2'>%3</a>")
                        .arg(esc(tr("%n remote image(s) blocked.", nullptr, static_cast<int>(images.size()))),
                             QString::fromLatin1(QUrl::toPercentEncoding(m.fromAddress)),
                             esc(tr("Load images from this sender")), css(SemanticColors::Role::Muted));
        }
        for (const StoredAttachment& a : m_attachments) {
            if (a.messageId != m.id)
                continue;
            html +=
                QStringLiteral(
                    "<br><span style='color:%9'>%1</span> <b>%2</b> <span style='color:%9'>(%3, %4)"
                    "</span> <a href='attachment:open/%5'>%6</a> · <a href='attachment:save/%5'>%7</a> · "
                    "<a href='attachment:evidence/%5'>%8</a>")
                    // One pass: a name holding "%5" is not filled in again.
                    .arg(esc(tr("Attachment:")),
                         esc(a.filename.isEmpty() ? tr("(unnamed)") : safeFileName(a.filename)),
                         esc(a.mediaType), esc(sizeText(a.size)), QString::number(a.id), esc(tr("Open")),
                         esc(tr("Save as…")), esc(tr("Add as evidence")), css(SemanticColors::Role::Muted));
        }
        html += QStringLiteral("</td></tr></table>");
    }
    const int scroll = m_browser->verticalScrollBar()->value();
    const bool same = m_browser->property("ticket").toLongLong() == ticketId;
    m_browser->setAllowedImages(allowedImages);
    m_browser->setHtml(html);
    m_browser->setProperty("ticket", ticketId);
    if (same)
        m_browser->verticalScrollBar()->setValue(scroll); // laid out again, not a new ticket
}

bool ConversationPane::imagesAllowedFrom(const QString& address)
{
    return QSettings().value(kAllowedSendersKey).toStringList().contains(address.trimmed().toLower());
}

void ConversationPane::allowImagesFrom(const QString& address)
{
    const QString a = address.trimmed().toLower();
    if (a.isEmpty())
        return;
    QSettings settings;
    QStringList allowed = settings.value(kAllowedSendersKey).toStringList();
    if (!allowed.contains(a)) {
        allowed << a;
        settings.setValue(kAllowedSendersKey, allowed);
    }
    if (m_ticketId > 0)
        showTicket(m_ticketId);
}

const StoredAttachment* ConversationPane::attachment(qint64 id) const
{
    for (const StoredAttachment& a : m_attachments)
        if (a.id == id)
            return &a;
    return nullptr;
}

void ConversationPane::showProblem(const QString& text)
{
    QMessageBox::warning(this, tr("Attachment"), text);
}

void ConversationPane::activateLink(const QUrl& url)
{
    if (url.scheme() == QLatin1String("images")) {
        allowImagesFrom(QUrl::fromPercentEncoding(url.path().toLatin1()));
        return;
    }
    if (url.scheme() != QLatin1String("attachment"))
        return; // mail links are never followed from here: a seller copies them on purpose
    const QString action = url.path().section(QLatin1Char('/'), 0, 0);
    const qint64 id = url.path().section(QLatin1Char('/'), 1).toLongLong();
    const StoredAttachment* a = attachment(id);
    if (!a)
        return;
    if (action == QLatin1String("evidence")) {
        Q_EMIT addAsEvidenceRequested(id);
    } else if (action == QLatin1String("open")) {
        auto opened = openReadOnlyCopy(a->filename, [&](const QString& path) {
            return mail_attachments::saveCopy(m_db.reader(), id, path, true);
        });
        if (!opened)
            showProblem(opened.error().message);
    } else if (action == QLatin1String("save")) {
        QSettings settings;
        const QString dir = settings
                                .value(QStringLiteral("Attachments/saveDir"),
                                       QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                                .toString();
        const QString path = QFileDialog::getSaveFileName(this, tr("Save attachment"),
                                                          dir + QLatin1Char('/') + safeFileName(a->filename));
        if (path.isEmpty())
            return;
        settings.setValue(QStringLiteral("Attachments/saveDir"), QFileInfo(path).absolutePath());
        if (auto saved = saveAttachment(id, path); !saved)
            showProblem(saved.error().message);
    }
}

Result<QString> ConversationPane::copyForViewing(qint64 attachmentId)
{
    const StoredAttachment* a = attachment(attachmentId);
    if (!a)
        return makeError(tr("This ticket has no attachment %1.").arg(attachmentId));
    return readOnlyCopy(a->filename, [&](const QString& path) {
        return mail_attachments::saveCopy(m_db.reader(), attachmentId, path, true);
    });
}

Result<void> ConversationPane::saveAttachment(qint64 attachmentId, const QString& path)
{
    return mail_attachments::saveCopy(m_db.reader(), attachmentId, path, false);
}

} // namespace casebook::ui
