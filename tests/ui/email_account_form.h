#pragma once

#include "accounts_dialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace casebook::test {

// Types an email account named "shop" on loopback without TLS into the accounts dialog's form.
inline QLineEdit* formField(ui::AccountsDialog& dialog, const char* name)
{
    return dialog.findChild<QLineEdit*>(QLatin1String(name));
}

inline void fillEmailForm(ui::AccountsDialog& dialog, quint16 imapPort, quint16 smtpPort)
{
    formField(dialog, "name")->setText(QStringLiteral("shop"));
    formField(dialog, "address")->setText(QStringLiteral("seller@example.test"));
    formField(dialog, "imapHost")->setText(QStringLiteral("127.0.0.1"));
    dialog.findChild<QSpinBox*>(QStringLiteral("imapPort"))->setValue(imapPort);
    formField(dialog, "smtpHost")->setText(QStringLiteral("127.0.0.1"));
    dialog.findChild<QSpinBox*>(QStringLiteral("smtpPort"))->setValue(smtpPort);
    auto* tls = dialog.findChild<QComboBox*>(QStringLiteral("tls"));
    tls->setCurrentIndex(tls->findData(QStringLiteral("none")));
}

} // namespace casebook::test
