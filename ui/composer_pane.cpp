#include "composer_pane.h"

#include "accounts/secret_store.h"
#include "channel_badge.h"
#include "compose/draft_store.h"
#include "compose/note_writer.h"
#include "compose/outbox.h"
#include "compose/ticket_placeholders.h"
#include "composer_editor.h"
#include "connectors/connector_factory.h"
#include "inbox/category_suggester.h"
#include "outbox_status_list.h"
#include "semantic_colors.h"
#include "send_confirmation_dialog.h"
#include "store/ticket_queries.h"
#include "template_picker.h"
#include "tone_highlighter.h"
#include "worker_job.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace casebook::ui {

namespace {
QString semanticCss(SemanticColors::Role role)
{
    return SemanticColors::color(role).name();
}
} // namespace
namespace {

constexpr int kToneDelayMs = 350;   // typing pauses this long before the text is checked
constexpr int kDraftDelayMs = 1500; // and this long before the draft is written to the database

} // namespace

ComposerPane::ComposerPane(Database& db, std::shared_ptr<SecretStore> secrets, QWidget* parent)
    : QWidget(parent), m_db(db), m_secrets(std::move(secrets)),
      m_replies(db, ReplyService::connectorsFrom(db, *m_secrets)), m_title(new QLabel(this)),
      m_replyButton(new QToolButton(this)), m_noteButton(new QToolButton(this)),
      m_editor(new ComposerEditor(this)), m_problems(new QLabel(this)), m_toneList(new QLabel(this)),
      m_status(new QLabel(this)),
      m_counter(new QLabel(this)), m_sendButton(new QPushButton(this)),
      m_outbox(new OutboxStatusList(db, this)), m_toneTimer(new QTimer(this)), m_toneJob(new WorkerJob(this)), m_draftTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("composerPane"));
    if (auto store = TemplateStore::open(db))
        m_templates.emplace(std::move(store.value()));

    QAction* reply = makeAction(QStringLiteral("composerReplyAction"), tr("Reply"), {Qt::Key_R});
    QAction* note = makeAction(QStringLiteral("composerNoteAction"), tr("Internal note"), {Qt::Key_N});
    QAction* pick = makeAction(QStringLiteral("composerTemplateAction"), tr("Insert template…"),
                               {QKeySequence(Qt::CTRL | Qt::Key_T)});
    QAction* send =
        makeAction(QStringLiteral("composerSendAction"), tr("Send reply or save note"),
                   {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    QAction* close = makeAction(QStringLiteral("composerCloseAction"), tr("Close composer (draft kept)"),
                                {QKeySequence(Qt::Key_Escape)});
    connect(reply, &QAction::triggered, this, [this] { openComposer(Mode::Reply); });
    connect(note, &QAction::triggered, this, [this] { openComposer(Mode::Note); });
    connect(pick, &QAction::triggered, this, &ComposerPane::chooseTemplate);
    connect(send, &QAction::triggered, this, &ComposerPane::send);
    connect(close, &QAction::triggered, this, &ComposerPane::closeComposer);
    QAction* rewrite = makeAction(QStringLiteral("composerRewriteAction"), tr("Use the suggested sentence"),
                                  {QKeySequence(Qt::ALT | Qt::Key_Return), QKeySequence(Qt::ALT | Qt::Key_Enter)});
    connect(rewrite, &QAction::triggered, this, &ComposerPane::applyRewrite);

    m_title->setObjectName(QStringLiteral("composerTitle"));
    m_replyButton->setObjectName(QStringLiteral("replyModeButton"));
    m_replyButton->setText(tr("Reply"));
    m_replyButton->setToolTip(tr("Reply to the customer (R)"));
    m_noteButton->setObjectName(QStringLiteral("noteModeButton"));
    m_noteButton->setText(tr("Note"));
    m_noteButton->setToolTip(tr("Internal note, never sent (N)"));
    for (QToolButton* b : {m_replyButton, m_noteButton})
        b->setCheckable(true);
    connect(m_replyButton, &QToolButton::clicked, this, [this] { setMode(Mode::Reply); });
    connect(m_noteButton, &QToolButton::clicked, this, [this] { setMode(Mode::Note); });
    auto* templateButton = new QToolButton(this);
    templateButton->setObjectName(QStringLiteral("templateButton"));
    templateButton->setText(tr("Template…"));
    templateButton->setToolTip(tr("Insert a template (Ctrl+T)"));
    connect(templateButton, &QToolButton::clicked, this, &ComposerPane::chooseTemplate);
    auto* closeButton = new QToolButton(this);
    closeButton->setObjectName(QStringLiteral("closeComposerButton"));
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setToolTip(tr("Close; the draft is kept (Esc)"));
    closeButton->setAutoRaise(true);
    connect(closeButton, &QToolButton::clicked, this, &ComposerPane::closeComposer);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_replyButton);
    header->addWidget(m_noteButton);
    header->addWidget(templateButton);
    header->addWidget(closeButton);

    m_problems->setObjectName(QStringLiteral("composerProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color:%1").arg(semanticCss(SemanticColors::Role::Warning)));
    m_status->setObjectName(QStringLiteral("composerStatus"));
    m_status->setWordWrap(true);
    m_counter->setObjectName(QStringLiteral("lengthCounter"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Ctrl+Enter"));
    connect(m_sendButton, &QPushButton::clicked, this, &ComposerPane::send);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_problems, 1);
    footer->addWidget(m_counter);
    footer->addWidget(m_sendButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_editor, 1);
    m_toneList->setObjectName(QStringLiteral("toneFindingsList"));
    m_toneList->setWordWrap(true);
    m_toneList->setTextFormat(Qt::RichText);
    m_toneList->hide();
    layout->addWidget(m_toneList);
    layout->addLayout(footer);
    layout->addWidget(m_status);
    layout->addWidget(m_outbox);

    m_toneTimer->setSingleShot(true);
    m_toneTimer->setInterval(kToneDelayMs);
    connect(m_toneTimer, &QTimer::timeout, this, &ComposerPane::checkTone);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &ComposerPane::keepDraft);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerPane::textEdited);

    setMode(Mode::Reply);
    hide();
    updateActions();
}

ComposerPane::~ComposerPane()
{
    // Closing the window keeps what was being written.
    keepDraft();
    // A running tone check uses the reply service's checker, a member that goes before the children.
    delete m_toneJob;
}

void ComposerPane::keepDraft()
{
    m_draftTimer->stop();
    const QString text = m_editor->toPlainText();
    if (!m_ticketId || (text == m_keptText && m_mode == m_keptMode))
        return;
    if (auto kept = DraftStore(m_db).save(m_ticketId, text,
                                          m_mode == Mode::Note ? Draft::Mode::Note : Draft::Mode::Reply);
        !kept) {
        showStatus(kept.error().message, true);
        return;
    }
    m_keptText = text;
    m_keptMode = m_mode;
}

QAction* ComposerPane::makeAction(const QString& name, const QString& text, const QList<QKeySequence>& keys)
{
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WindowShortcut);
    addAction(a);
    return a;
}

QAction* ComposerPane::action(const QString& objectName) const
{
    for (QAction* a : actions())
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

QString ComposerPane::statusText() const
{
    return m_status->text();
}

void ComposerPane::updateActions()
{
    const bool ticket = m_ticketId != 0;
    const bool shown = ticket && !isHidden();
    action(QStringLiteral("composerReplyAction"))->setEnabled(ticket);
    action(QStringLiteral("composerNoteAction"))->setEnabled(ticket);
    action(QStringLiteral("composerTemplateAction"))->setEnabled(ticket && m_templates.has_value());
    // Esc and Ctrl+Enter belong to other widgets while the composer is closed.
    action(QStringLiteral("composerSendAction"))->setEnabled(shown);
    action(QStringLiteral("composerCloseAction"))->setEnabled(shown);
    action(QStringLiteral("composerRewriteAction"))->setEnabled(shown && m_mode == Mode::Reply);
}

void ComposerPane::setTicket(qint64 ticketId)
{
    if (ticketId == m_ticketId)
        return;
    keepDraft();
    m_ticketId = 0;
    SQLite::Database& r = m_db.reader();
    const QList<TicketSummary> found =
        ticketId ? ticket_queries::ticketsByIds(r, {ticketId}) : QList<TicketSummary>{};
    if (!found.isEmpty()) {
        m_ticketId = ticketId;
        m_ticketNumber = found.first().number;
        m_subject = found.first().subject;
        m_language = TicketPlaceholders::languageOf(r, m_ticketNumber);
        // The same rule as the CLI's and the outbox's: the channel of the account that answers.
        auto route = m_replies.route(ticketId);
        m_route = route ? route.value() : ReplyRoute{ticketId, m_ticketNumber, m_subject};
        m_channel = m_route.channel;
    }
    const Draft draft = m_ticketId ? DraftStore(m_db).load(m_ticketId).value_or(Draft{}) : Draft{};
    m_keptText = draft.body;
    m_keptMode = draft.mode == Draft::Mode::Note ? Mode::Note : Mode::Reply;
    m_checkedText.clear();
    m_editor->highlighter()->setFindings({});
    m_editor->setPlainText(draft.body);
    // The seller goes on where they stopped, at the end of what they wrote, not before its first word.
    m_editor->moveCursor(QTextCursor::End);
    m_status->clear();
    setMode(m_keptMode);
    if (!m_ticketId)
        hide();
    refreshOutbox();
    updateActions();
}

void ComposerPane::openComposer(Mode mode)
{
    if (!m_ticketId)
        return;
    setMode(mode);
    if (QWidget* focus = QApplication::focusWidget(); focus && !isAncestorOf(focus))
        m_returnFocus = focus;
    if (auto* split = qobject_cast<QSplitter*>(parentWidget()); split && isHidden() && !m_sized) {
        // The first time, the conversation keeps the larger part: the seller reads before replying.
        const int total = split->height();
        split->setSizes({total * 3 / 5, total - total * 3 / 5});
        m_sized = true;
    }
    show();
    updateActions();
    refreshOutbox();
    m_editor->setFocus();
}

void ComposerPane::closeComposer()
{
    hide();
    updateActions();
    // The draft stays in the editor (and in the database); the keyboard goes back to where it was, usually
    // the ticket list.
    keepDraft();
    if (m_returnFocus)
        m_returnFocus->setFocus();
}

void ComposerPane::setMode(Mode mode)
{
    m_mode = mode;
    m_replyButton->setChecked(mode == Mode::Reply);
    m_noteButton->setChecked(mode == Mode::Note);
    m_sendButton->setText(mode == Mode::Reply ? tr("Send") : tr("Save note"));
    m_editor->setPlaceholderText(mode == Mode::Reply
                                     ? tr("Write a reply… (Ctrl+T inserts a template)")
                                     : tr("Write a note for your team; the customer never sees it."));
    // A note is private: no board limit and no tone check.
    m_editor->setStyleSheet(mode == Mode::Note ? QStringLiteral("QPlainTextEdit { background: %1; }")
                                                     .arg(semanticCss(SemanticColors::Role::NoteBackground))
                                               : QString());
    updateTitle();
    m_checkedText.clear();
    textEdited();
    updateActions();
}

void ComposerPane::updateTitle()
{
    if (!m_ticketId) {
        m_title->clear();
        return;
    }
    const QString channel = channelDisplayName(toString(m_channel));
    m_title->setText(m_mode == Mode::Reply
                         ? tr("Reply to #%1 on <b>%2</b>").arg(m_ticketNumber).arg(channel.toHtmlEscaped())
                         : tr("<b>Internal note</b> on #%1: only your team sees it").arg(m_ticketNumber));
}

QString ComposerPane::blocker(const QString& text) const
{
    if (m_mode == Mode::Note)
        return {};
    const ReplyProblem problem = ReplyService::problemOf(text, m_channel);
    const QString board = channelDisplayName(toString(m_channel));
    switch (problem.kind) {
    case ReplyProblem::Kind::None:
    case ReplyProblem::Kind::Empty: // said by send(), not as a standing problem
        break;
    case ReplyProblem::Kind::Unfilled: {
        QStringList names;
        for (const QString& m : problem.unfilled)
            names << QStringLiteral("{{%1}}").arg(m);
        return tr("Fill in %1 before sending.").arg(names.join(QStringLiteral(", ")));
    }
    case ReplyProblem::Kind::TooLong:
        return tr("%1 takes at most %2 characters; this reply has %3.")
            .arg(board)
            .arg(problem.limit)
            .arg(problem.length);
    case ReplyProblem::Kind::TooShort:
        return tr("%1 needs at least %2 characters.").arg(board).arg(problem.limit);
    }
    return {};
}

void ComposerPane::textEdited()
{
    const QString text = m_editor->toPlainText();
    const std::optional<AnswerBoard> board =
        m_mode == Mode::Reply ? answerBoardOf(m_channel) : std::optional<AnswerBoard>{};
    m_counter->setVisible(board.has_value());
    if (board) {
        const int length = board->lengthOf(text);
        m_counter->setText(tr("%1 / %2").arg(length).arg(board->maxLength));
        m_counter->setStyleSheet(
            QStringLiteral("color:%1")
                .arg(semanticCss(length > board->maxLength ? SemanticColors::Role::Danger
                                                           : SemanticColors::Role::Muted)));
    }
    // An empty box is not a problem yet; it only cannot be sent.
    m_problems->setText(text.trimmed().isEmpty() ? QString() : blocker(text));
    if (text != m_checkedText)
        m_toneTimer->start();
    if (m_ticketId && (text != m_keptText || m_mode != m_keptMode))
        m_draftTimer->start();
}

void ComposerPane::checkTone()
{
    const QString text = m_editor->toPlainText();
    if (text == m_checkedText)
        return;
    const ToneChecker* checker = m_mode == Mode::Reply ? m_replies.toneChecker() : nullptr;
    if (!checker) {
        checkToneNow();
        return;
    }
    if (m_toneJob->busy()) {
        m_toneTimer->start(); // asked again once the running check is done
        return;
    }
    auto found = std::make_shared<QList<ToneFinding>>();
    m_toneJob->run([checker, text, found] { *found = checker->check(text); },
                   [this, text, found] {
                       // Typed since: the timer checks the new text; these findings would point astray.
                       if (m_editor->toPlainText() != text || m_mode != Mode::Reply)
                           return;
                       m_checkedText = text;
                       m_editor->highlighter()->setFindings(*found);
                       showToneFindings();
                   });
}

void ComposerPane::checkToneNow()
{
    const QString text = m_editor->toPlainText();
    if (text == m_checkedText)
        return;
    m_checkedText = text;
    const ToneChecker* checker = m_replies.toneChecker();
    m_editor->highlighter()->setFindings(m_mode == Mode::Reply && checker ? checker->check(text)
                                                                          : QList<ToneFinding>{});
    showToneFindings();
}

void ComposerPane::showToneFindings()
{
    // What was found, said in words under the text: an underline alone is easy to miss.
    const QList<ToneFinding>& findings = m_editor->highlighter()->findings();
    QStringList lines;
    for (const ToneFinding& f : findings.mid(0, 3))
        lines << tr("<b>%1</b>: “%2”. %3")
                     .arg(ToneHighlighter::categoryName(f.category).toHtmlEscaped(),
                          f.text.left(60).toHtmlEscaped(), f.reason.toHtmlEscaped());
    if (findings.size() > 3)
        lines << tr("…and %n more.", nullptr, static_cast<int>(findings.size() - 3));
    if (!lines.isEmpty())
        lines << tr("Alt+Enter puts the suggested sentence in place of the one at the cursor.");
    m_toneList->setText(lines.join(QStringLiteral("<br>")));
    m_toneList->setVisible(!lines.isEmpty());
}

void ComposerPane::applyRewrite()
{
    checkToneNow(); // the findings of the text as it is now, not as it was when the timer last ran
    const QList<ToneFinding>& findings = m_editor->highlighter()->findings();
    if (findings.isEmpty())
        return;
    const QString text = m_editor->toPlainText();
    const int cursor = codePointOffset(text, m_editor->textCursor().position());
    // The finding whose sentence holds the cursor, else the first.
    const ToneFinding* chosen = &findings.front();
    for (const ToneFinding& f : findings)
        if (f.sentenceStart <= cursor && cursor <= f.sentenceEnd) {
            chosen = &f;
            break;
        }
    if (chosen->rewrite.isEmpty())
        return;
    // One edit through the cursor, so Ctrl+Z takes it back.
    QTextCursor edit(m_editor->document());
    edit.setPosition(static_cast<int>(utf16Index(text, chosen->sentenceStart)));
    edit.setPosition(static_cast<int>(utf16Index(text, chosen->sentenceEnd)), QTextCursor::KeepAnchor);
    edit.insertText(chosen->rewrite);
    m_editor->setTextCursor(edit);
    checkToneNow();
}

void ComposerPane::chooseTemplate()
{
    if (!m_ticketId || !m_templates)
        return;
    if (isHidden())
        openComposer(m_mode);
    auto* picker = new TemplatePicker(*m_templates, m_language, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    // The suggestions fit what the customer last asked: the ticket's category, or (while it is "other") the
    // one the category rules read in the question.
    QString asked;
    const QList<MessageRecord> messages = ticket_queries::messagesOfTicket(m_db.reader(), m_ticketId);
    for (auto it = messages.crbegin(); it != messages.crend(); ++it)
        if (it->direction == Direction::In) {
            asked = it->subject + QLatin1Char('\n') + it->text;
            break;
        }
    const QList<TicketSummary> summary = ticket_queries::ticketsByIds(m_db.reader(), {m_ticketId});
    Category category = summary.isEmpty() ? Category::Other : summary.first().category;
    if (category == Category::Other)
        category = CategorySuggester::builtin().suggest(QString(), asked).category;
    picker->suggestFor(category, asked);
    const qint64 ticket = m_ticketId;
    connect(picker, &TemplatePicker::templateChosen, this, [this, ticket](const ReplyTemplate& t) {
        if (ticket == m_ticketId)
            insertTemplate(t);
    });
    picker->open();
    picker->searchBox()->setFocus();
}

void ComposerPane::insertTemplate(const ReplyTemplate& t)
{
    const RenderedText rendered = m_replies.fillTemplate(m_route, t, {});
    if (m_editor->toPlainText().trimmed().isEmpty())
        m_editor->setPlainText(rendered.text);
    else
        m_editor->textCursor().insertText(rendered.text);
    // Select the first unfilled placeholder so the seller can type over it.
    if (!rendered.missing.isEmpty()) {
        const QRegularExpression first(QStringLiteral("\\{\\{\\s*%1\\s*\\}\\}")
                                           .arg(QRegularExpression::escape(rendered.missing.first())));
        const QTextCursor found = m_editor->document()->find(first);
        if (!found.isNull())
            m_editor->setTextCursor(found);
    }
    m_editor->setFocus();
}

void ComposerPane::send()
{
    if (!m_ticketId || isHidden())
        return;
    const QString text = m_editor->toPlainText();
    if (text.trimmed().isEmpty()) {
        showStatus(m_mode == Mode::Reply ? tr("Nothing to send yet.") : tr("The note is empty."), true);
        return;
    }
    if (m_mode == Mode::Note) {
        saveNote(text);
        return;
    }
    if (const QString why = blocker(text); !why.isEmpty()) {
        showStatus(why, true);
        return;
    }
    // Checked now, not from the last debounce: the seller may have typed since. The service's verdict is
    // the CLI's: this pane only asks the seller what it takes.
    auto checked = m_replies.check(ReplyRequest{m_ticketId, text});
    if (!checked) {
        showStatus(tr("Not queued: %1").arg(checked.error().message), true);
        return;
    }
    const QList<ToneFinding> findings = checked->findings;
    m_checkedText = text;
    m_editor->highlighter()->setFindings(findings);
    const SendVerdict verdict = checked->verdict;
    if (verdict == SendVerdict::Send) {
        enqueue(text, {});
        return;
    }
    auto* dialog = new SendConfirmationDialog(findings, verdict == SendVerdict::Blocked,
                                              channelDisplayName(toString(m_channel)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 ticket = m_ticketId;
    // What the ticket's history keeps as the seller's reason (data, like the CLI's --override-tone text).
    const QString reason =
        verdict == SendVerdict::Blocked
            ? QStringLiteral("The seller ticked the marketplace-policy override in the window.")
            : QStringLiteral("The seller confirmed sending in the window.");
    connect(dialog, &QDialog::accepted, this, [this, ticket, text, reason] {
        if (ticket == m_ticketId && m_editor->toPlainText() == text)
            enqueue(text, reason);
    });
    dialog->open();
}

void ComposerPane::enqueue(const QString& text, const QString& toneOverride)
{
    const QString channelName = channelDisplayName(toString(m_channel));
    ReplyRequest request{m_ticketId, text};
    request.toneOverride = toneOverride;
    auto outcome = m_replies.queue(request);
    if (!outcome) {
        showStatus(tr("Not queued: %1").arg(outcome.error().message), true);
        return;
    }
    if (!outcome->queued()) {
        // The text changed its verdict since the seller confirmed (cannot happen from the dialog: it checks
        // the text is the same); say what stops it rather than nothing.
        const QString why = blocker(text);
        showStatus(why.isEmpty() ? tr("Not queued: the wording needs your confirmation.") : why, true);
        return;
    }
    const QString waiting = outcome->waiting ? outcome->waiting->message : QString();
    forgetDraft();
    showStatus(waiting.isEmpty()
                   ? tr("Queued for sending on %1.").arg(channelName)
                   : tr("Saved in the outbox, not sent yet: %1 It goes out once an account can send on %2.")
                         .arg(waiting, channelName),
               !waiting.isEmpty());
    refreshOutbox();
    Q_EMIT ticketUpdated(m_ticketId);
}

void ComposerPane::saveNote(const QString& text)
{
    auto id = NoteWriter(m_db).add(m_ticketId, text);
    if (!id) {
        showStatus(tr("The note could not be saved: %1").arg(id.error().message), true);
        return;
    }
    forgetDraft();
    showStatus(tr("Note saved."), false);
    Q_EMIT ticketUpdated(m_ticketId);
}

void ComposerPane::forgetDraft()
{
    // What was written is in the outbox or the conversation now: the draft goes with it.
    if (auto removed = DraftStore(m_db).remove(m_ticketId); !removed)
        showStatus(removed.error().message, true);
    m_keptText.clear();
    m_editor->clear();
}

void ComposerPane::showStatus(const QString& text, bool problem)
{
    // A problem in the warning shade; good news in the normal text colour.
    m_status->setStyleSheet(
        problem ? QStringLiteral("color:%1").arg(semanticCss(SemanticColors::Role::Warning)) : QString());
    m_status->setText(text);
}

void ComposerPane::refreshOutbox()
{
    // Only the open composer shows the outbox; a closed one need not poll.
    m_outbox->setTicket(isHidden() ? 0 : m_ticketId);
}

} // namespace casebook::ui
