; ReturnDesk Windows installer (NSIS 3), from the PyInstaller one-folder build.
; Build on Windows:  makensis /DVERSION=0.1.0 /DSRCDIR=..\..\dist\returndesk packaging\windows\returndesk.nsi
; Check anywhere:    makensis -V2 -DNOCOMPRESS -DVERSION=0.0.0 -DSRCDIR=<any folder> -DOUTFILE=x.exe ...
; Per-machine install into Program Files; an upgrade replaces the program folder in place
; (the old _internal is removed first: stale Qt DLLs from an older build break Qt); the
; uninstaller removes the program and its entries and never the station's data
; (%LOCALAPPDATA%\ReturnDesk: settings, outbox, history, photos, logs).
; Silent: ReturnDesk-<v>-setup.exe /S [/KIOSK]   uninstall: uninstall.exe /S _?=<instdir>

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "pass /DVERSION=<x.y.z> (the package version, src/returndesk/__init__.py)"
!endif
!ifndef SRCDIR
  !define SRCDIR "..\..\dist\returndesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\ReturnDesk-${VERSION}-setup.exe"
!endif
!ifdef NOCOMPRESS
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP "ReturnDesk"
!define EXE "returndesk.exe"
; constant across releases: the key an upgrade finds the installed version under
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ReturnDesk"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
ShowInstDetails show
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "LegalCopyright" "ReturnDesk team"

!define MUI_ICON "..\assets\returndesk.ico"
!define MUI_UNICON "..\assets\returndesk.ico"
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Swedish"
!insertmacro MUI_LANGUAGE "German"

Section "${APP}" SecApp
  SectionIn RO
  SetShellVarContext all
  ; upgrade in place: the running station would hold its files open
  nsExec::Exec 'taskkill /IM ${EXE} /T'
  Sleep 1500
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SRCDIR}\*.*"
  File "/oname=returndesk.ico" "..\assets\returndesk.ico"
  File "/oname=CHANGELOG.md" "..\..\CHANGELOG.md"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\returndesk.ico"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP} (kiosk).lnk" "$INSTDIR\${EXE}" "--kiosk" "$INSTDIR\returndesk.ico"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP} training (demo).lnk" "$INSTDIR\${EXE}" "--demo" "$INSTDIR\returndesk.ico"
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\returndesk.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "ReturnDesk team"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\returndesk.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "Start in kiosk mode when anyone logs on" SecKiosk
  ; the station supervises itself in kiosk mode: a crash is restarted, a PIN-quit stays quit
  WriteRegStr HKLM "${RUN_KEY}" "${APP}" '"$INSTDIR\${EXE}" --kiosk'
SectionEnd

Section "-kiosk off unless chosen"
  ${IfNot} ${SectionIsSelected} ${SecKiosk}
    DeleteRegValue HKLM "${RUN_KEY}" "${APP}"
  ${EndIf}
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  nsExec::Exec 'taskkill /IM ${EXE} /T'
  Sleep 1500
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  DeleteRegValue HKLM "${RUN_KEY}" "${APP}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; the program folder only; the station's data in each user's %LOCALAPPDATA%\ReturnDesk stays
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\returndesk.ico"
  Delete "$INSTDIR\CHANGELOG.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd

; after the sections: their index constants (${SecKiosk}) exist from here on
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP} needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ; /KIOSK on the command line selects the kiosk autostart for a silent install
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSK" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecKiosk} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd
