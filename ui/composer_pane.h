#pragma once

#include "accounts/secret_store.h"
#include "compose/reply_service.h"
#include "compose/template_store.h"
#include "model/enums.h"
#include "store/database.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace casebook::ui {

class ComposerEditor;
class OutboxStatusList;
class WorkerJob;

// The reply box under the conversation. A reply goes out on the ticket's channel through the outbox; an
// internal note is stored in the ticket and never sent. Templates (Ctrl+T) fill placeholders from the
// ticket; tone findings are underlined while typing and confirmed before sending; a marketplace policy
// finding needs an explicit override. Drafts are kept per ticket in the database (DraftStore): on a switch of
// ticket, a pause in typing and when the window goes, so they outlive a restart.
//
// Its actions (r, n, Ctrl+T, Ctrl+Enter, Esc) are the widget's actions(); the window adds them too, so
// r and n work while the composer is closed.
class ComposerPane : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Reply, Note };

    // `secrets`: the app's one secret store, for the connectors that draft replies.
    ComposerPane(Database& db, std::shared_ptr<SecretStore> secrets, QWidget* parent = nullptr);
    ~ComposerPane() override;

    // The connector that drafts a reply on the route's account, or why there is none.
    void setConnectorFinder(ReplyService::ConnectorFinder finder)
    {
        m_replies.setConnectorFinder(std::move(finder));
    }
    // Called once a reply is queued, so that it goes out now rather than at the outbox's next tick.
    void setWakeHook(std::function<void()> wake) { m_replies.setWakeHook(std::move(wake)); }
    ReplyService& replyService() { return m_replies; }

    void setTicket(qint64 ticketId);
    void openComposer(Mode mode);
    void closeComposer();
    void chooseTemplate();
    void insertTemplate(const ReplyTemplate& t);
    void send();
    // Reads this ticket's outbox items again (also every few seconds while the composer is open).
    void refreshOutbox();

    qint64 ticketId() const { return m_ticketId; }
    Mode mode() const { return m_mode; }
    Channel channel() const { return m_channel; }
    ComposerEditor* editor() const { return m_editor; }
    QString statusText() const;
    QAction* action(const QString& objectName) const;
    // Stores the text being written as the ticket's draft, if it changed since it was last kept.
    void keepDraft();

Q_SIGNALS:
    // A note or a reply was stored for this ticket: the conversation and the list should show it.
    void ticketUpdated(qint64 ticketId);

private:
    QAction* makeAction(const QString& name, const QString& text, const QList<QKeySequence>& keys);
    void setMode(Mode mode);
    void textEdited();
    // Typing: the text checked on the pane's worker, the findings shown if the text is still the same.
    void checkTone();
    // Alt+Enter: the findings of the text as it is now, at once (a reply is capped at
    // ToneChecker::kMaxCheckedChars and the check is linear, so this is short).
    void checkToneNow();
    void showToneFindings();
    // Replaces the sentence of the tone finding at the cursor (else the first) with its suggested rewrite.
    void applyRewrite();
    void updateTitle();
    // Why the text cannot go out as it is (unfilled placeholders, the board's length); empty when it can.
    QString blocker(const QString& text) const;
    // Hands the text to the reply service; `toneOverride` is why it goes despite its findings.
    void enqueue(const QString& text, const QString& toneOverride);
    void saveNote(const QString& text);
    void forgetDraft();
    void showStatus(const QString& text, bool problem);
    void updateActions();

    Database& m_db;
    std::optional<TemplateStore> m_templates;
    std::shared_ptr<SecretStore> m_secrets; // the accounts' secrets, for the connectors that draft replies
    ReplyService m_replies;         // every rule of a reply; this pane only presents them

    qint64 m_ticketId = 0;
    int m_ticketNumber = 0;
    QString m_subject;
    QString m_language;
    Channel m_channel = Channel::Email;
    ReplyRoute m_route; // where this ticket's answer goes, as the reply service decides
    Mode m_mode = Mode::Reply;
    QString m_keptText; // the draft as the database has it, to write only what changed
    Mode m_keptMode = Mode::Reply;
    QString m_checkedText;
    bool m_sized = false;
    QPointer<QWidget> m_returnFocus; // where the focus was before the composer opened

    QLabel* m_title;
    QToolButton* m_replyButton;
    QToolButton* m_noteButton;
    ComposerEditor* m_editor;
    QLabel* m_problems;
    QLabel* m_toneList; // the tone findings in words
    QLabel* m_status;
    QLabel* m_counter;
    QPushButton* m_sendButton;
    OutboxStatusList* m_outbox;
    QTimer* m_toneTimer;
    WorkerJob* m_toneJob; // the tone check of typed text, off the GUI thread; deleted first
    QTimer* m_draftTimer;
};

} // namespace casebook::ui
