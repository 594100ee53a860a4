<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="238"/>
        <source>%n row(s) still have a problem:</source>
        <translation>
            <numerusform>%n row still has a problem:</numerusform>
            <numerusform>%n rows still have a problem:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="240"/>
        <source>%n exported without the bad value</source>
        <translation>
            <numerusform>%n exported without the bad value</numerusform>
            <numerusform>%n exported without the bad value</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="244"/>
        <source>%n not exported</source>
        <translation>
            <numerusform>%n not exported</numerusform>
            <numerusform>%n not exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="272"/>
        <source>Everything: new contacts and updates (%n row(s))</source>
        <translation>
            <numerusform>Everything: new contacts and updates (%n row)</numerusform>
            <numerusform>Everything: new contacts and updates (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="273"/>
        <source>Only new contacts, for GHL&apos;s &quot;Create only&quot; (%n row(s))</source>
        <translation>
            <numerusform>Only new contacts, for GHL&apos;s &quot;Create only&quot; (%n row)</numerusform>
            <numerusform>Only new contacts, for GHL&apos;s &quot;Create only&quot; (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="274"/>
        <source>Only updates of contacts already in GHL, for &quot;Update only&quot; (%n row(s))</source>
        <translation>
            <numerusform>Only updates of contacts already in GHL, for &quot;Update only&quot; (%n row)</numerusform>
            <numerusform>Only updates of contacts already in GHL, for &quot;Update only&quot; (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="279"/>
        <source>Also export the %n contact(s) GHL already has unchanged</source>
        <translation>
            <numerusform>Also export the %n contact GHL already has unchanged</numerusform>
            <numerusform>Also export the %n contacts GHL already has unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="285"/>
        <source>%n row(s) will be exported</source>
        <translation>
            <numerusform>%n row will be exported</numerusform>
            <numerusform>%n rows will be exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="319"/>
        <source>%n file(s) already exist and will be replaced:</source>
        <translation>
            <numerusform>%n file already exists and will be replaced:</numerusform>
            <numerusform>%n files already exist and will be replaced:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="323"/>
        <source>Converting %n file(s)…</source>
        <translation>
            <numerusform>Converting %n file…</numerusform>
            <numerusform>Converting %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="770"/>
        <source>%n contact(s) exported</source>
        <translation>
            <numerusform>%n contact exported</numerusform>
            <numerusform>%n contacts exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="775"/>
        <source>%n row(s) to fix listed in</source>
        <translation>
            <numerusform>%n row to fix listed in</numerusform>
            <numerusform>%n rows to fix listed in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="336"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="379"/>
        <source>Keep my %n edit(s)</source>
        <translation>
            <numerusform>Keep my edit</numerusform>
            <numerusform>Keep my %n edits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="363"/>
        <source>You made %n edit(s) in its review. They are applied again to the new conversion; any that no longer fit are listed for you.</source>
        <translation>
            <numerusform>You made %n edit in its review. It is applied again to the new conversion; if it no longer fits, it is listed for you.</numerusform>
            <numerusform>You made %n edits in its review. They are applied again to the new conversion; any that no longer fit are listed for you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="542"/>
        <source>%n of your edits no longer apply to this conversion (they are kept, and apply again if the mapping goes back):</source>
        <translation>
            <numerusform>%n of your edits no longer applies to this conversion (it is kept, and applies again if the mapping goes back):</numerusform>
            <numerusform>%n of your edits no longer apply to this conversion (they are kept, and apply again if the mapping goes back):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="351"/>
        <source>Merged with %n duplicate row(s):</source>
        <translation>
            <numerusform>Merged with %n duplicate row:</numerusform>
            <numerusform>Merged with %n duplicate rows:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="383"/>
        <source>Update: changes %n field(s) of the GHL contact {0}</source>
        <translation>
            <numerusform>Update: changes %n field of the GHL contact {0}</numerusform>
            <numerusform>Update: changes %n fields of the GHL contact {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="384"/>
        <source>Update: changes %n field(s) of a contact already in GHL</source>
        <translation>
            <numerusform>Update: changes %n field of a contact already in GHL</numerusform>
            <numerusform>Update: changes %n fields of a contact already in GHL</numerusform>
        </translation>
    </message>
</context>
</TS>
