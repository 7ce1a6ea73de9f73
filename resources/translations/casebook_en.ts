<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>casebook::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n tickets match</source>
        <translation>
            <numerusform>%n ticket matches</numerusform>
            <numerusform>%n tickets match</numerusform>
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
