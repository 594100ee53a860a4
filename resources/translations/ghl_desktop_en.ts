<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="120" />
        <source>%n row(s) still have invalid values. They are exported without those values; review them first if you can.</source>
        <translation><numerusform>%n row still has invalid values. It is exported without those values; review it first if you can.</numerusform><numerusform>%n rows still have invalid values. They are exported without those values; review them first if you can.</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="291" />
        <source>Converting %n file(s)…</source>
        <translation><numerusform>Converting %n file…</numerusform><numerusform>Converting %n files…</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="599" />
        <source>%n contact(s) exported</source>
        <translation><numerusform>%n contact exported</numerusform><numerusform>%n contacts exported</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="604" />
        <source>%n row(s) with problems listed in</source>
        <translation><numerusform>%n row with problems listed in</numerusform><numerusform>%n rows with problems listed in</numerusform></translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="278" />
        <source>Merged with %n duplicate row(s):</source>
        <translation><numerusform>Merged with %n duplicate row:</numerusform><numerusform>Merged with %n duplicate rows:</numerusform></translation>
    </message>
</context>
</TS>