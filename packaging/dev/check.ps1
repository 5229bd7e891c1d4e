# Install what the tests need and run every check (the same steps as check.sh).
# Usage: powershell -ExecutionPolicy Bypass -File packaging\dev\check.ps1 [pytest args]
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
$Venv = Join-Path $Root ".venv"
$Scripts = Join-Path $Venv "Scripts"
if (-not (Test-Path (Join-Path $Scripts "python.exe"))) { py -3.11 -m venv $Venv }
& (Join-Path $Scripts "python.exe") -m pip install -q --upgrade pip
& (Join-Path $Scripts "python.exe") -m pip install -q --require-hashes -r (Join-Path $Root "requirements\test.txt")
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& (Join-Path $Scripts "python.exe") -m pip install -q --no-deps -e $Root
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Set-Location $Root
$env:QT_QPA_PLATFORM = "offscreen"
& (Join-Path $Scripts "ruff.exe") check src tests benchmarks packaging;      if ($LASTEXITCODE) { exit $LASTEXITCODE }
& (Join-Path $Scripts "ruff.exe") format --check src tests benchmarks packaging; if ($LASTEXITCODE) { exit $LASTEXITCODE }
& (Join-Path $Scripts "mypy.exe");                       if ($LASTEXITCODE) { exit $LASTEXITCODE }
& (Join-Path $Scripts "lint-imports.exe");               if ($LASTEXITCODE) { exit $LASTEXITCODE }
& (Join-Path $Scripts "python.exe") -m pytest @args
if ($LASTEXITCODE) { exit $LASTEXITCODE }
& (Join-Path $Scripts "python.exe") -m benchmarks --quick --json (Join-Path $env:TEMP "returndesk-bench-quick.json")
exit $LASTEXITCODE
