<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPane</name>
    <message numerus="yes">
        <source>Resumed the audit started {0}: %n box(es) were already checked.</source>
        <translation>
            <numerusform>Resumed the audit started {0}: %n box was already checked.</numerusform>
            <numerusform>Resumed the audit started {0}: %n boxes were already checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) hold a parcel according to Lok. Scan each parcel&apos;s label, box by box.</source>
        <translation>
            <numerusform>%n box holds a parcel according to Lok. Scan each parcel&apos;s label, box by box.</numerusform>
            <numerusform>%n boxes hold a parcel according to Lok. Scan each parcel&apos;s label, box by box.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {0} box(es) checked</source>
        <translation>
            <numerusform>%n of {0} boxes checked</numerusform>
            <numerusform>%n of {0} boxes checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) past pick-up</source>
        <translation>
            <numerusform>, %n day past pick-up</numerusform>
            <numerusform>, %n days past pick-up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit finished: %n discrepancy(ies).</source>
        <translation>
            <numerusform>Audit finished: %n discrepancy.</numerusform>
            <numerusform>Audit finished: %n discrepancies.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <source>%n contacts are ready;</source>
        <translation>
            <numerusform>%n contact is ready;</numerusform>
            <numerusform>%n contacts are ready;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows need fixing (marked below). Fix them in the file and import again — Lok refuses the whole file otherwise.</source>
        <translation>
            <numerusform>%n row needs fixing (marked below). Fix it in the file and import again — Lok refuses the whole file otherwise.</numerusform>
            <numerusform>%n rows need fixing (marked below). Fix them in the file and import again — Lok refuses the whole file otherwise.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts ready to import.</source>
        <translation>
            <numerusform>%n contact ready to import.</numerusform>
            <numerusform>%n contacts ready to import.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter or double-click: open the %n reservations</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
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
    <name>OnlyBar</name>
    <message numerus="yes">
        <source>Showing only the %n reservations behind: {0}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
