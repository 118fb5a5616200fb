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
    <name>BucketModel</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
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
    <name>DeskHistoryPane</name>
    <message numerus="yes">
        <source>Exported %n rows to {0}</source>
        <translation>
            <numerusform>Exported %n row to {0}</numerusform>
            <numerusform>Exported %n rows to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectoriesPane</name>
    <message numerus="yes">
        <source>%n contacts · created by {author} · used at: {places}</source>
        <translation>
            <numerusform>%n contact · created by {author} · used at: {places}</numerusform>
            <numerusform>%n contacts · created by {author} · used at: {places}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>● Unsaved changes (%n contacts)</source>
        <translation>
            <numerusform>● Unsaved changes (%n contact)</numerusform>
            <numerusform>● Unsaved changes (%n contacts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n contacts.</source>
        <translation>
            <numerusform>Imported %n contact.</numerusform>
            <numerusform>Imported %n contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreeBoxesModel</name>
    <message numerus="yes">
        <source>{0} of %n boxes free</source>
        <translation>
            <numerusform>{0} of %n box free</numerusform>
            <numerusform>{0} of %n boxes free</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n {1} boxes free; double-click to reserve one</source>
        <translation>
            <numerusform>{0} of %n {1} box free; double-click to reserve one</numerusform>
            <numerusform>{0} of %n {1} boxes free; double-click to reserve one</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter or double-click: open the %n reservations</source>
        <translation>
            <numerusform>Enter or double-click: open the reservation</numerusform>
            <numerusform>Enter or double-click: open the %n reservations</numerusform>
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
        <translation>
            <numerusform>Showing only the reservation behind: {0}</numerusform>
            <numerusform>Showing only the %n reservations behind: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message numerus="yes">
        <source>%n reservations · loaded {time}</source>
        <translation>
            <numerusform>%n reservation · loaded {time}</numerusform>
            <numerusform>%n reservations · loaded {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show desks&apos; reads (%n)</source>
        <translation>
            <numerusform>Show desks&apos; reads (%n)</numerusform>
            <numerusform>Show desks&apos; reads (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n rows to {path}.</source>
        <translation>
            <numerusform>Saved %n row to {path}.</numerusform>
            <numerusform>Saved %n rows to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayBoard</name>
    <message numerus="yes">
        <source>Cancelled %n: {0}.</source>
        <translation>
            <numerusform>Cancelled %n: {0}.</numerusform>
            <numerusform>Cancelled %n: {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused %n: {0}; the reason is in its Result column.</source>
        <translation>
            <numerusform>Refused %n: {0}; the reason is in its Result column.</numerusform>
            <numerusform>Refused %n: {0}; the reasons are in their Result column.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} and %n more</source>
        <translation>
            <numerusform>{0} and %n more</numerusform>
            <numerusform>{0} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to {0}</source>
        <translation>
            <numerusform>Exported %n row to {0}</numerusform>
            <numerusform>Exported %n rows to {0}</numerusform>
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
