; Inno Setup 6 script: turns dist\FunnelFlow\ (built by packaging\build.py on Windows) into
; FunnelFlow-<version>-windows-<arch>-setup.exe. build.py runs it when ISCC.exe is on PATH:
;   ISCC /DAppVersion=0.1.0 /DDistDir=..\..\dist /O..\..\dist packaging\windows\funnelflow.iss
; Installs per user by default (no administrator rights needed, which office PCs often lack),
; or for all users when the user chooses so in the first page.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC /DAppVersion=x.y.z
#endif
#ifndef DistDir
  #define DistDir "..\..\dist"
#endif

#define AppName "FunnelFlow"
#define AppId "io.github.funnelflow.FunnelFlow"
#define GuiExe "FunnelFlow.exe"
#define CliExe "funnelflow-cli.exe"

[Setup]
; The GUID-free AppId keeps upgrades in place: the same id replaces the earlier version.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The FunnelFlow maintainers
AppPublisherURL=https://github.com/funnelflow/funnelflow
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename={#AppName}-{#AppVersion}-windows-amd64-setup
SetupIconFile=..\..\resources\icons\funnelflow.ico
UninstallDisplayIcon={app}\{#GuiExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Adds {app} to PATH so `funnelflow-cli check ...` works in a new terminal.
ChangesEnvironment=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; ChineseSimplified.isl: official in recent Inno Setup 6 releases; with an older one, copy it
; from the Inno Setup translations page into its Languages folder.
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add {#CliExe} to PATH (for the command line)"; Flags: unchecked

[Files]
Source: "{#DistDir}\FunnelFlow\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; Windows matches only the last extension, so a.funnelflow.yaml is a ".yaml" file: offer
; FunnelFlow in "Open with" for YAML without taking .yaml away from the user's editor.
Root: HKA; Subkey: "Software\Classes\{#AppId}.diagram"; ValueType: string; ValueData: "FunnelFlow diagram"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#AppId}.diagram\DefaultIcon"; ValueType: string; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\{#AppId}.diagram\shell\open\command"; ValueType: string; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.diagram"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yml\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.diagram"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".yaml"; ValueData: ""; Flags: uninsdeletekey
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
