<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>IntakeDialog</name>
    <message numerus="yes">
        <source>%n parcel(s) of this batch are on no courier sheet yet. Close anyway?</source>
        <translation>
            <numerusform>%n parcel of this batch is on no courier sheet yet. Close anyway?</numerusform>
            <numerusform>%n parcels of this batch are on no courier sheet yet. Close anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} · {1} · %n parcel(s)</source>
        <translation>
            <numerusform>{0} · {1} · %n parcel</numerusform>
            <numerusform>{0} · {1} · %n parcels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeWords</name>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>%n created</numerusform>
            <numerusform>%n created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undone</source>
        <translation>
            <numerusform>%n undone</numerusform>
            <numerusform>%n undone</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>explain_error</name>
    <message numerus="yes">
        <source>At most %n characters are allowed.</source>
        <translation>
            <numerusform>At most %n character is allowed.</numerusform>
            <numerusform>At most %n characters are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters are needed.</source>
        <translation>
            <numerusform>At least %n character is needed.</numerusform>
            <numerusform>At least %n characters are needed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n entries are allowed.</source>
        <translation>
            <numerusform>At most %n entry is allowed.</numerusform>
            <numerusform>At most %n entries are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A cell is longer than %n characters.</source>
        <translation>
            <numerusform>A cell is longer than %n character.</numerusform>
            <numerusform>A cell is longer than %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A file may hold at most %n contacts.</source>
        <translation>
            <numerusform>A file may hold at most %n contact.</numerusform>
            <numerusform>A file may hold at most %n contacts.</numerusform>
        </translation>
    </message>
</context>
</TS>
