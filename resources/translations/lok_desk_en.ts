<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
