#include "send_confirmation_dialog.h"

#include "tone_highlighter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace casebook::ui {

SendConfirmationDialog::SendConfirmationDialog(const QList<ToneFinding>& findings, bool blocked,
                                               const QString& channelName, QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("sendConfirmation"));
    setWindowTitle(tr("Check the wording before sending"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("This reply has %n passage(s) that may hurt you with the customer or the "
                                "marketplace:",
                                nullptr, int(findings.size())),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setWordWrap(true);
    for (const ToneFinding& f : findings) {
        QString line =
            QStringLiteral("%1: “%2” — %3").arg(ToneHighlighter::categoryName(f.category), f.text, f.reason);
        if (!f.suggestion.isEmpty())
            line += QStringLiteral("\n    %1 %2").arg(tr("Instead:"), f.suggestion);
        auto* item = new QListWidgetItem(line, m_list);
        item->setData(Qt::UserRole, f.category);
    }
    layout->addWidget(m_list, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("Send anyway"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("confirmSendButton"));
    QPushButton* edit = buttons->addButton(tr("Keep editing"), QDialogButtonBox::RejectRole);
    edit->setObjectName(QStringLiteral("keepEditingButton"));
    edit->setDefault(true); // Enter goes back to the text, not out to the customer
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (blocked) {
        auto* warning =
            new QLabel(tr("<b>%1 forbids this.</b> Asking about reviews, offering rewards, or moving "
                          "the buyer off the marketplace can get the seller account suspended.")
                           .arg(channelName.toHtmlEscaped()),
                       this);
        warning->setObjectName(QStringLiteral("policyWarning"));
        warning->setWordWrap(true);
        layout->addWidget(warning);
        m_override = new QCheckBox(tr("I have read the marketplace's rules and send this anyway"), this);
        m_override->setObjectName(QStringLiteral("policyOverride"));
        layout->addWidget(m_override);
        m_send->setEnabled(false);
        connect(m_override, &QCheckBox::toggled, m_send, &QPushButton::setEnabled);
    }
    layout->addWidget(buttons);
    resize(560, 340);
}

} // namespace casebook::ui
