# Install ReturnDesk into .venv and start the station (demo sandbox without vendor settings).
# Usage: powershell -ExecutionPolicy Bypass -File packaging\dev\station.ps1 [returndesk args]
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
$Venv = Join-Path $Root ".venv"
if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) { py -3.11 -m venv $Venv }
& (Join-Path $Venv "Scripts\python.exe") -m pip install -q --upgrade pip
& (Join-Path $Venv "Scripts\python.exe") -m pip install -q --require-hashes -r (Join-Path $Root "requirements\runtime.txt")
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& (Join-Path $Venv "Scripts\python.exe") -m pip install -q --no-deps $Root
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& (Join-Path $Venv "Scripts\returndesk.exe") @args
exit $LASTEXITCODE
