<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>casebook::ui::ComposerPane</name>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::ConnectionHealthText</name>
    <message numerus="yes">
        <source>The key expires on %1, in %n day(s): reissue it in Wing (Seller information &gt; Additional sales information &gt; Open API key) and enter the new key and date.</source>
        <translation>
            <numerusform>The key expires on %1, in %n day: reissue it in Wing (Seller information &gt; Additional sales information &gt; Open API key) and enter the new key and date.</numerusform>
            <numerusform>The key expires on %1, in %n days: reissue it in Wing (Seller information &gt; Additional sales information &gt; Open API key) and enter the new key and date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The Coupang key of %1 expires on %2, in %n day(s).</source>
        <translation>
            <numerusform>The Coupang key of %1 expires on %2, in %n day.</numerusform>
            <numerusform>The Coupang key of %1 expires on %2, in %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::ConversationPane</name>
    <message numerus="yes">
        <source>%n remote image(s) blocked.</source>
        <translation>
            <numerusform>%n remote image blocked.</numerusform>
            <numerusform>%n remote images blocked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::CsvImportDialog</name>
    <message numerus="yes">
        <source>%n row(s), read as %1.</source>
        <translation>
            <numerusform>%n row, read as %1.</numerusform>
            <numerusform>%n rows, read as %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped.</source>
        <translation>
            <numerusform>%n row skipped.</numerusform>
            <numerusform>%n rows skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::CustodyLogDialog</name>
    <message numerus="yes">
        <source>%n entries; each one carries the hash of the one before it, and the chain holds.</source>
        <translation>
            <numerusform>%n entry; each one carries the hash of the one before it, and the chain holds.</numerusform>
            <numerusform>%n entries; each one carries the hash of the one before it, and the chain holds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::CustomerPanel</name>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::EvidencePane</name>
    <message numerus="yes">
        <source>&lt;b&gt;Evidence&lt;/b&gt; of #%1 — %n file(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Evidence&lt;/b&gt; of #%1 — %n file</numerusform>
            <numerusform>&lt;b&gt;Evidence&lt;/b&gt; of #%1 — %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hashing and storing %n file(s)…</source>
        <translation>
            <numerusform>Hashing and storing %n file…</numerusform>
            <numerusform>Hashing and storing %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n file(s) to #%1.</source>
        <translation>
            <numerusform>Added %n file to #%1.</numerusform>
            <numerusform>Added %n files to #%1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were already in the case.</source>
        <translation>
            <numerusform>%n file were already in the case.</numerusform>
            <numerusform>%n files were already in the case.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Case file written: %1 — %n file(s), %2. Its SHA-256 (in the custody log): %3</source>
        <translation>
            <numerusform>Case file written: %1 — %n file, %2. Its SHA-256 (in the custody log): %3</numerusform>
            <numerusform>Case file written: %1 — %n files, %2. Its SHA-256 (in the custody log): %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of %1 sent to the printer.</source>
        <translation>
            <numerusform>%n page of %1 sent to the printer.</numerusform>
            <numerusform>%n pages of %1 sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n tickets match</source>
        <translation>
            <numerusform>%n ticket matches</numerusform>
            <numerusform>%n tickets match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Report: %n ticket(s) — %1</source>
        <translation>
            <numerusform>Report: %n ticket — %1</numerusform>
            <numerusform>Report: %n tickets — %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::OrderPanel</name>
    <message numerus="yes">
        <source>%n pc(s)</source>
        <translation>
            <numerusform>%n pc</numerusform>
            <numerusform>%n pcs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::ReportsView</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n inquiries&lt;/b&gt; from %1 to %2 · first answer: median %3, 90% within %4 · answered in time: %5 · resolved: median %6</source>
        <translation>
            <numerusform>&lt;b&gt;%n inquiry&lt;/b&gt; from %1 to %2 · first answer: median %3, 90% within %4 · answered in time: %5 · resolved: median %6</numerusform>
            <numerusform>&lt;b&gt;%n inquiries&lt;/b&gt; from %1 to %2 · first answer: median %3, 90% within %4 · answered in time: %5 · resolved: median %6</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deadline (%n hour(s))</source>
        <translation>
            <numerusform>Deadline (%n hour)</numerusform>
            <numerusform>Deadline (%n hours)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::SendConfirmationDialog</name>
    <message numerus="yes">
        <source>This reply has %n passage(s) that may hurt you with the customer or the marketplace:</source>
        <translation>
            <numerusform>This reply has %n passage that may hurt you with the customer or the marketplace:</numerusform>
            <numerusform>This reply has %n passages that may hurt you with the customer or the marketplace:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::StatusBarController</name>
    <message numerus="yes">
        <source>Outbox: %n to send</source>
        <translation>
            <numerusform>Outbox: %n to send</numerusform>
            <numerusform>Outbox: %n to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::TemplateManagerDialog</name>
    <message numerus="yes">
        <source>%n built-in template(s) restored.</source>
        <translation>
            <numerusform>%n built-in template restored.</numerusform>
            <numerusform>%n built-in templates restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>%n template imported.</numerusform>
            <numerusform>%n templates imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::TicketActionsController</name>
    <message numerus="yes">
        <source>%1 (%n tickets)</source>
        <translation>
            <numerusform>%1 (%n tickets)</numerusform>
            <numerusform>%1 (%n tickets)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::TicketListModel</name>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casebook::ui::TrayNotifier</name>
    <message numerus="yes">
        <source>%n new inquiries arrived.</source>
        <translation>
            <numerusform>%n new inquiry arrived.</numerusform>
            <numerusform>%n new inquiries arrived.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tickets are due soon or overdue.</source>
        <translation>
            <numerusform>%n ticket is due soon or overdue.</numerusform>
            <numerusform>%n tickets are due soon or overdue.</numerusform>
        </translation>
    </message>
</context>
</TS>
