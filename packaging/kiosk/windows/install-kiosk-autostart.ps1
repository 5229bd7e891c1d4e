<#
.SYNOPSIS
  Start ReturnDesk in kiosk mode when the kiosk user logs on (or as that user's shell).

.DESCRIPTION
  -ShellLauncher  replaces Explorer with the station for -User (Windows Enterprise/Education,
                  feature "Shell Launcher"); no taskbar, Start menu or Windows key.
  otherwise       registers the scheduled task "ReturnDesk kiosk" that starts the station at
                  that user's logon.
  -Remove         takes the setup away again. The station's data and settings stay.
  The station restarts itself after a crash (its own supervisor, --kiosk).
  Run as administrator.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install-kiosk-autostart.ps1 -User returns
#>
param(
    [Parameter(Mandatory = $true)][string]$User,
    [string]$Exe = (Join-Path $env:ProgramFiles 'ReturnDesk\returndesk.exe'),
    [switch]$ShellLauncher,
    [switch]$Remove
)
$ErrorActionPreference = 'Stop'
$TaskName = 'ReturnDesk kiosk'

if (-not $Remove -and -not (Test-Path $Exe)) {
    throw "ReturnDesk is not installed at $Exe (pass -Exe with the installed returndesk.exe)"
}

if ($ShellLauncher) {
    $account = New-Object System.Security.Principal.NTAccount($User)
    $sid = $account.Translate([System.Security.Principal.SecurityIdentifier]).Value
    $launcher = Get-CimInstance -Namespace 'root\standardcimv2\embedded' -ClassName WESL_UserSetting
    if ($Remove) {
        Invoke-CimMethod -InputObject $launcher -MethodName RemoveCustomShell -Arguments @{ Sid = $sid } | Out-Null
        Write-Output "Shell Launcher entry for $User removed"
        return
    }
    Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -NoRestart | Out-Null
    Invoke-CimMethod -InputObject $launcher -MethodName SetEnabled -Arguments @{ Enabled = $true } | Out-Null
    # DefaultAction 0: restart the shell (the station) whenever it ends
    Invoke-CimMethod -InputObject $launcher -MethodName SetCustomShell -Arguments @{
        Sid = $sid; Shell = "`"$Exe`" --kiosk"; DefaultAction = 0
    } | Out-Null
    Write-Output "ReturnDesk is now the shell of $User (sign out and in to start it)"
    return
}

if ($Remove) {
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
    Write-Output "Scheduled task '$TaskName' removed"
    return
}
$action = New-ScheduledTaskAction -Execute $Exe -Argument '--kiosk'
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
$principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
$settings = New-ScheduledTaskSettingsSet -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
    -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 3 -RestartInterval (New-TimeSpan -Minutes 1)
Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger `
    -Principal $principal -Settings $settings -Force | Out-Null
Write-Output "Scheduled task '$TaskName' starts ReturnDesk in kiosk mode when $User logs on"
