; Inno Setup 6 script for GHL Desktop: a per-user, no-admin, double-click installer.
;
; Build (from the repository root, after `pyinstaller build.spec`):
;     iscc /DAppVersion=0.1.0 installer\ghl_desktop.iss
; → dist\GHL-Desktop-Setup-0.1.0.exe. `installer\build.ps1` does all of it in one command.
;
; Paths below are relative to this file (Inno's SourceDir is the script's folder).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\ghl_desktop.iss
#endif
; Windows wants up to four numbers in the file's version resource; "0.2.0rc1" → pass /DNumericVersion=0.2.0.
#ifndef NumericVersion
  #define NumericVersion AppVersion
#endif
#ifndef DistDir
  #define DistDir "..\dist\ghl-desktop"
#endif

#define AppName "GHL Desktop"
#define AppExe "ghl-desktop.exe"
#define AppPublisher "GHL Desktop"
; The data folder Qt's QStandardPaths::AppDataLocation gives for ORG_NAME/APP_NAME in
; ghl_desktop/__init__.py ("GHL Desktop"/"GHL Desktop"): %APPDATA%\GHL Desktop\GHL Desktop.
; The uninstaller offers to remove the organization folder (and the app's registry settings).
#define DataRoot "GHL Desktop"
#define ProgId "GHLDesktop.Spreadsheet"

[Setup]
; The AppId identifies the app across versions: never change it, or upgrades install side by side.
AppId={{5B0C7E2A-8F4D-4C1B-9E6A-3D2F71A9C4E8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Per-user install, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs. The override dialog lets
; someone with admin rights choose "install for all users" (then {autopf} is Program Files).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Upgrades reuse the folder chosen the first time and skip asking again.
UsePreviousAppDir=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=GHL-Desktop-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\ghl-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An upgrade while the app is open: close it (Restart Manager), replace the files, do not reopen.
CloseApplications=yes
RestartApplications=no
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
Name: "brazilianportuguese"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.OpenWithTask=Add "Open with GHL Desktop" to .csv and .xlsx files
brazilianportuguese.OpenWithTask=Adicionar "Abrir com GHL Desktop" aos arquivos .csv e .xlsx
english.OpenWithVerb=Open with GHL Desktop
brazilianportuguese.OpenWithVerb=Abrir com GHL Desktop
english.FileTypeName=Contact spreadsheet
brazilianportuguese.FileTypeName=Planilha de contatos
english.RemoveDataPrompt=Also delete your GHL Desktop data?%n%nThis removes the history of processed files, the stored copies of your spreadsheets and the exported results in:%n%1%n%nChoose No to keep them (for example, to reinstall later).
brazilianportuguese.RemoveDataPrompt=Apagar também os seus dados do GHL Desktop?%n%nIsso remove o histórico de arquivos processados, as cópias das suas planilhas e os resultados exportados em:%n%1%n%nEscolha Não para mantê-los (por exemplo, para reinstalar depois).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "{cm:OpenWithTask}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Upgrade in place: remove the previous version's bundled libraries first, so no stale DLL from an
; older build is ever loaded next to the new ones. (User data never lives under {app}.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with GHL Desktop" on the right-click menu of .csv/.xlsx, and GHL Desktop in their
; "Open with" list. It never takes over the default program (Excel stays Excel). HKA is HKCU for a
; per-user install and HKLM for an all-users one; everything is removed on uninstall.
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.csv\shell\GHLDesktop.Open"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithVerb}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.csv\shell\GHLDesktop.Open"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\{#AppExe}"",0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.csv\shell\GHLDesktop.Open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.xlsx\shell\GHLDesktop.Open"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithVerb}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.xlsx\shell\GHLDesktop.Open"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\{#AppExe}"",0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.xlsx\shell\GHLDesktop.Open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.csv\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.xlsx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ Keep the user's data unless they ask. An [UninstallDelete] entry cannot do this: its Check is
  evaluated when installing, not when uninstalling. So the question is asked here, after the
  program files are gone; a silent uninstall (/SILENT, /VERYSILENT) always keeps the data. An
  upgrade never runs the uninstaller, so it never asks. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{userappdata}\{#DataRoot}');
  if not DirExists(DataDir) or UninstallSilent then
    exit;
  if MsgBox(FmtMessage(CustomMessage('RemoveDataPrompt'), [DataDir]),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    DelTree(DataDir, True, True, True);
    { QSettings' native format on Windows is the registry, under the same organization name. }
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\{#DataRoot}');
  end;
end;
