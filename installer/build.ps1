<#
.SYNOPSIS
  One command on Windows: dist\GHL-Desktop-Setup-<version>.exe from a clone of the repository.

.DESCRIPTION
  powershell -ExecutionPolicy Bypass -File installer\build.ps1

  1. creates .venv-build (skipped with -NoVenv, e.g. in CI where Python is already set up) and
     installs the app with its build extra (PyInstaller);
  2. pyinstaller build.spec  -> dist\ghl-desktop\ (ghl-desktop.exe + ghl-desktop-cli.exe);
  3. checks the frozen app: the console exe converts installer\sample-contacts.csv, and the
     windowed exe passes --smoke-test on it (real window, real job path, exit code 0);
  4. installs Inno Setup with Chocolatey (or winget) when iscc is missing;
  5. iscc /DAppVersion=<__version__ from ghl_desktop\__init__.py> installer\ghl_desktop.iss.
#>
param(
    [switch]$NoVenv,
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Step($text) { Write-Host ""; Write-Host "== $text" -ForegroundColor Cyan }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" } }

$init = Get-Content "ghl_desktop\__init__.py" -Raw
if ($init -notmatch '(?m)^__version__\s*=\s*["'']([^"'']+)["'']') { throw "no __version__ in ghl_desktop\__init__.py" }
$Version = $Matches[1]
# Windows version resources take numbers only: 0.2.0rc1 -> 0.2.0
$NumericVersion = ([regex]::Matches($Version, '\d+') | Select-Object -First 4 | ForEach-Object { $_.Value }) -join '.'
Write-Host "GHL Desktop $Version"

if (-not $NoVenv) {
    Step "Virtual environment .venv-build"
    if (-not (Test-Path ".venv-build\Scripts\python.exe")) { & $Python -m venv .venv-build; Check "python -m venv" }
    $Python = (Resolve-Path ".venv-build\Scripts\python.exe").Path
    & $Python -m pip install --upgrade pip; Check "pip upgrade"
    & $Python -m pip install ".[build]"; Check "pip install .[build]"
}

Step "PyInstaller"
& $Python -m PyInstaller build.spec --noconfirm --clean; Check "pyinstaller build.spec"
$Dist = Join-Path $Root "dist\ghl-desktop"

Step "Frozen app: convert (console exe)"
$Smoke = Join-Path $Root "dist\smoke"
Remove-Item $Smoke -Recurse -Force -ErrorAction Ignore
New-Item -ItemType Directory $Smoke | Out-Null
& "$Dist\ghl-desktop-cli.exe" convert installer\sample-contacts.csv --out "$Smoke\contacts.csv"; Check "ghl-desktop-cli convert"
$header = Get-Content "$Smoke\contacts.csv" -TotalCount 1 -Encoding UTF8
if (-not $header.StartsWith("First Name,Last Name,Email,Phone")) { throw "unexpected CSV header: $header" }

Step "Frozen app: --smoke-test (windowed exe)"
# A windowed exe returns at once when started with &; Start-Process -Wait gets its exit code.
$p = Start-Process -FilePath "$Dist\ghl-desktop.exe" -Wait -PassThru -NoNewWindow `
    -ArgumentList @("--smoke-test", "`"$Root\installer\sample-contacts.csv`"", "--screenshot", "`"$Smoke\window.png`"")
if ($p.ExitCode -ne 0) { throw "ghl-desktop.exe --smoke-test failed (exit code $($p.ExitCode))" }

$bytes = (Get-ChildItem $Dist -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ("onedir size: {0:N1} MB" -f ($bytes / 1e6))

Step "Inno Setup"
$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6", "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
    if (-not $Iscc -and (Test-Path "$dir\ISCC.exe")) { $Iscc = "$dir\ISCC.exe" }
}
if (-not $Iscc) {
    if (Get-Command choco -ErrorAction SilentlyContinue) {
        choco install innosetup -y --no-progress; Check "choco install innosetup"
    } elseif (Get-Command winget -ErrorAction SilentlyContinue) {
        winget install --id JRSoftware.InnoSetup -e --accept-package-agreements --accept-source-agreements; Check "winget install Inno Setup"
    } else {
        throw "Inno Setup 6 is not installed: get it from https://jrsoftware.org/isdl.php and run again"
    }
    foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6", "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
        if (-not $Iscc -and (Test-Path "$dir\ISCC.exe")) { $Iscc = "$dir\ISCC.exe" }
    }
    if (-not $Iscc) { throw "Inno Setup was installed but ISCC.exe was not found" }
}
& $Iscc "/DAppVersion=$Version" "/DNumericVersion=$NumericVersion" installer\ghl_desktop.iss; Check "iscc"

$Setup = Join-Path $Root "dist\GHL-Desktop-Setup-$Version.exe"
if (-not (Test-Path $Setup)) { throw "iscc did not produce $Setup" }
Write-Host ""
Write-Host "Installer: $Setup" -ForegroundColor Green
