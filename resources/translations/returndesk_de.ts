<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AdminFlow</name>
    <message>
        <source>No admin PIN is set: anyone can open Settings. Set one under Settings → Station.</source>
        <extracomment>checks settings (with the secrets as typed) the way a start would; raises with a message tests one vendor&apos;s connection from its form section and secret reads the fleet database for the Support screen; None: no fleet the form&apos;s values as it was last filled: what a save compares against</extracomment>
        <translation>Keine Admin-PIN gesetzt: jeder kann die Einstellungen öffnen. Unter Einstellungen → Station eine setzen.</translation>
    </message>
    <message>
        <source>Signed on: {name}</source>
        <translation>Angemeldet: {name}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>set by {var} (type here to store one in the keyring instead)</source>
        <translation>gesetzt durch {var} (hier eintippen, um stattdessen einen im Schlüsselbund zu speichern)</translation>
    </message>
    <message>
        <source>stored in the keyring — leave empty to keep it</source>
        <translation>im Schlüsselbund gespeichert — leer lassen, um ihn zu behalten</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>New admin PIN</source>
        <translation>Neue Admin-PIN</translation>
    </message>
    <message>
        <source>new PIN chosen — Save to keep it</source>
        <translation>neue PIN gewählt — Speichern, um sie zu behalten</translation>
    </message>
    <message>
        <source>Checking and saving…</source>
        <translation>Prüfen und speichern…</translation>
    </message>
    <message>
        <source>Saved to {path}. Restart the station to use the new settings.</source>
        <translation>Gespeichert in {path}. Station neu starten, um die neuen Einstellungen zu nutzen.</translation>
    </message>
    <message>
        <source>Set by the environment, which wins over the file: {names}.</source>
        <translation>Von der Umgebung gesetzt, die Vorrang vor der Datei hat: {names}.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Teste…</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Wählen Sie zuerst einen Drucker.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
    <message>
        <source>Test label sent to {printer} ({n} bytes).</source>
        <translation>Testetikett an {printer} gesendet ({n} Byte).</translation>
    </message>
    <message>
        <source>Save the command sheet</source>
        <translation>Befehlsblatt speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Command sheet saved: {path}</source>
        <translation>Befehlsblatt gespeichert: {path}</translation>
    </message>
    <message>
        <source>The command sheet was not saved: {error}</source>
        <translation>Das Befehlsblatt wurde nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Import codes</source>
        <translation>Codes importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export codes</source>
        <translation>Codes exportieren</translation>
    </message>
    <message>
        <source>{n} codes read from {name}; Save to keep them.</source>
        <translation>{n} Codes aus {name} gelesen; Speichern, um sie zu behalten.</translation>
    </message>
    <message>
        <source>{name} was not imported: {reason}</source>
        <translation>{name} wurde nicht importiert: {reason}</translation>
    </message>
    <message>
        <source>{n} codes written to {path}</source>
        <translation>{n} Codes nach {path} geschrieben</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>ReturnMate requests</source>
        <translation>ReturnMate-Anfragen</translation>
    </message>
    <message>
        <source>Fleet database</source>
        <translation>Flottendatenbank</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>keins festgelegt</translation>
    </message>
    <message>
        <source>Today (UTC)</source>
        <translation>Heute (UTC)</translation>
    </message>
    <message>
        <source>{n} of {limit}</source>
        <translation>{n} von {limit}</translation>
    </message>
    <message>
        <source>This minute</source>
        <translation>Diese Minute</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>{n} ({silent} silent)</source>
        <translation>{n} ({silent} stumm)</translation>
    </message>
    <message>
        <source>Syncer</source>
        <translation>Synchronisierende Station</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Fleet&apos;s requests today (UTC)</source>
        <translation>Anfragen der Flotte heute (UTC)</translation>
    </message>
    <message>
        <source>Returns open now</source>
        <translation>Jetzt offene Retouren</translation>
    </message>
    <message>
        <source>Writing the support bundle…</source>
        <translation>Supportpaket wird geschrieben…</translation>
    </message>
    <message>
        <source>Support bundle written to {path}</source>
        <translation>Supportpaket geschrieben nach {path}</translation>
    </message>
    <message>
        <source>The support bundle was not written: {reason}</source>
        <translation>Das Supportpaket wurde nicht geschrieben: {reason}</translation>
    </message>
</context>
<context>
    <name>AdvicePanel</name>
    <message>
        <source>Photo (F4)</source>
        <translation>Foto (F4)</translation>
    </message>
    <message>
        <source>Parcel photo (Shift+F4)</source>
        <translation>Paketfoto (Umschalt+F4)</translation>
    </message>
    <message>
        <source>Apply advice</source>
        <translation>Empfehlung übernehmen</translation>
    </message>
    <message>
        <source>override reason</source>
        <translation>Grund der Abweichung</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Abweichen</translation>
    </message>
    <message>
        <source>{n} photo(s) — WM Tech&apos;s analysis is on its way; decide as usual.</source>
        <translation>{n} Foto(s) — die Analyse von WM Tech folgt; entscheiden Sie wie gewohnt.</translation>
    </message>
    <message>
        <source>{n} photo(s) kept as evidence.</source>
        <translation>{n} Foto(s) als Nachweis gespeichert.</translation>
    </message>
    <message>
        <source>No photo of this item yet.</source>
        <translation>Noch kein Foto dieses Artikels.</translation>
    </message>
    <message>
        <source> &lt;b&gt;(not this return&apos;s currency {c}: not converted)&lt;/b&gt;</source>
        <translation> &lt;b&gt;(nicht die Währung dieser Retoure {c}: nicht umgerechnet)&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;b&gt;applied&lt;/b&gt;</source>
        <translation> · &lt;b&gt;übernommen&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;b&gt;overridden&lt;/b&gt; ({r})</source>
        <translation> · &lt;b&gt;abgewichen&lt;/b&gt; ({r})</translation>
    </message>
    <message>
        <source>&lt;b&gt;AI: {decision}&lt;/b&gt; ({confidence:.0f}%) — {reason} · suggested refund {refund}{mismatch} · rule {rule}{done}</source>
        <translation>&lt;b&gt;KI: {decision}&lt;/b&gt; ({confidence:.0f}%) — {reason} · empfohlene Erstattung {refund}{mismatch} · Regel {rule}{done}</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>CameraScanSource</name>
    <message>
        <source>camera unavailable ({why}): read image files instead</source>
        <extracomment>QtMultimedia&apos;s objects, made only when a camera is started (image files need none)</extracomment>
        <translation>Kamera nicht verfügbar ({why}): stattdessen Bilddateien lesen</translation>
    </message>
    <message>
        <source>camera {name} not found</source>
        <translation>Kamera {name} nicht gefunden</translation>
    </message>
    <message>
        <source>no camera: read image files instead</source>
        <translation>keine Kamera: stattdessen Bilddateien lesen</translation>
    </message>
    <message>
        <source>camera: {error}</source>
        <translation>Kamera: {error}</translation>
    </message>
    <message>
        <source>camera on: {name}</source>
        <translation>Kamera an: {name}</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
</context>
<context>
    <name>CommandSheet</name>
    <message>
        <source>Present</source>
        <extracomment>printer dots per bar module</extracomment>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Route as the rules say</source>
        <translation>Weiter laut Regeln</translation>
    </message>
    <message>
        <source>Submit (scan twice)</source>
        <translation>Senden (zweimal scannen)</translation>
    </message>
    <message>
        <source>Guided grading</source>
        <translation>Geführte Einstufung</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Grade {code}</source>
        <translation>Klasse {code}</translation>
    </message>
    <message>
        <source>ReturnDesk commands — scan an item, then what to do with it</source>
        <translation>ReturnDesk-Befehle — Artikel scannen, dann was mit ihm geschehen soll</translation>
    </message>
    <message>
        <source>Station {name}</source>
        <translation>Station {name}</translation>
    </message>
</context>
<context>
    <name>ConditionDelegate</name>
    <message>
        <source>Grade {code} — {meaning}</source>
        <translation>Klasse {code} — {meaning}</translation>
    </message>
    <message>
        <source>no condition code</source>
        <translation>kein Zustandscode</translation>
    </message>
    <message>
        <source>→ as the rules say</source>
        <translation>→ laut Regeln</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Grade {item}</source>
        <translation>{item} einstufen</translation>
    </message>
    <message>
        <source>1 · Yes</source>
        <translation>1 · Ja</translation>
    </message>
    <message>
        <source>2 · No</source>
        <translation>2 · Nein</translation>
    </message>
    <message>
        <source>Keys 1 and 2 (or Y and N), or scan Yes or No on the command sheet. Esc: stop.</source>
        <translation>Tasten 1 und 2 (oder J und N), oder Ja bzw. Nein auf dem Befehlsblatt scannen. Esc: abbrechen.</translation>
    </message>
    <message>
        <source>Question {n} of {m}</source>
        <translation>Frage {n} von {m}</translation>
    </message>
    <message>
        <source>{code} is not an answer: scan Yes or No, or press 1 or 2.</source>
        <translation>{code} ist keine Antwort: Ja oder Nein scannen, oder 1 oder 2 drücken.</translation>
    </message>
</context>
<context>
    <name>ItemsScreen</name>
    <message>
        <source>Scan an item (EAN/GTIN or SKU) and press Enter</source>
        <extracomment>how each scan outcome is shown and heard: an item not in the return is a refusal; a unit not counted (a double read, a line already complete) or one more than expected is a warning</extracomment>
        <translation>Artikel scannen (EAN/GTIN oder SKU) und Enter drücken</translation>
    </message>
    <message>
        <source>All present &amp;&amp; accepted (F5)</source>
        <translation>Alles vorhanden &amp;&amp; angenommen (F5)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>Submit (F12)</source>
        <translation>Senden (F12)</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <extracomment>the grading questions while they are open (see open_guide)</extracomment>
        <translation>Wird übermittelt…</translation>
    </message>
    <message>
        <source>Offline: ReturnMate status as of {time} (not re-read)</source>
        <translation>Offline: ReturnMate-Status von {time} (nicht neu gelesen)</translation>
    </message>
    <message>
        <source>Received WITHOUT an RMA: scan each item to add it, type its description and its refund.</source>
        <translation>OHNE RMA angenommen: jeden Artikel scannen, um ihn hinzuzufügen, dann Beschreibung und Erstattung eingeben.</translation>
    </message>
    <message>
        <source>Scan the first item.</source>
        <translation>Ersten Artikel scannen.</translation>
    </message>
    <message>
        <source>Scan each item, or F5 if everything is there.</source>
        <translation>Jeden Artikel scannen, oder F5, wenn alles da ist.</translation>
    </message>
    <message>
        <source>Frequent returner: {n} returns, {rate}% of orders returned</source>
        <translation>Häufiger Retournierer: {n} Retouren, {rate} % der Bestellungen retourniert</translation>
    </message>
    <message>
        <source>This customer: {n} returns so far</source>
        <translation>Diese Kundin/dieser Kunde: bisher {n} Retouren</translation>
    </message>
    <message>
        <source>Submitting — scan again when Ready shows</source>
        <translation>Wird übermittelt — erneut scannen, wenn „Bereit“ erscheint</translation>
    </message>
    <message>
        <source>{code} is not in this return — unexpected item, kept aside and recorded (×{n}), not sent to nShift</source>
        <translation>{code} gehört nicht zu dieser Retoure — unerwarteter Artikel, beiseitegelegt und erfasst (×{n}), nicht an nShift gesendet</translation>
    </message>
    <message>
        <source>{code} read twice at once — counted once. Two of them? Scan the second again.</source>
        <translation>{code} zweimal sofort gelesen — einmal gezählt. Zwei Stück? Den zweiten erneut scannen.</translation>
    </message>
    <message>
        <source>{sku}: all {m} already counted — not counted again. One more? Scan it again.</source>
        <translation>{sku}: alle {m} bereits gezählt — nicht erneut gezählt. Noch einer? Erneut scannen.</translation>
    </message>
    <message>
        <source>{sku} present: {n} of {m} units — scan the next one</source>
        <translation>{sku} vorhanden: {n} von {m} Stück — den nächsten scannen</translation>
    </message>
    <message>
        <source>{sku} present ({n}/{m}) — accept it (Space) or decide</source>
        <translation>{sku} vorhanden ({n}/{m}) — annehmen (Leertaste) oder entscheiden</translation>
    </message>
    <message>
        <source>Yes and No answer the grading questions: scan Guided grading first</source>
        <translation>Ja und Nein beantworten die Einstufungsfragen: zuerst Geführte Einstufung scannen</translation>
    </message>
    <message>
        <source>Scan an item first: the command is for the item chosen in the table</source>
        <translation>Zuerst einen Artikel scannen: Der Befehl gilt dem in der Tabelle gewählten Artikel</translation>
    </message>
    <message>
        <source>{sku} is not marked present: a missing item has no grade or route</source>
        <translation>{sku} ist nicht als vorhanden markiert: Ein fehlender Artikel hat keine Klasse und kein Ziel</translation>
    </message>
    <message>
        <source>Scan an item first: its questions are asked then</source>
        <translation>Zuerst einen Artikel scannen: dann werden seine Fragen gestellt</translation>
    </message>
    <message>
        <source>No grading questions are set for {sku}: choose its grade</source>
        <translation>Für {sku} sind keine Einstufungsfragen eingerichtet: Klasse wählen</translation>
    </message>
    <message>
        <source>{sku}: grade {grade} from the questions · {route}</source>
        <translation>{sku}: Klasse {grade} laut Fragen · {route}</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>nicht entschieden</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>An unexpected item has nothing to decide: choose a line with Up/Down</source>
        <translation>Ein unerwarteter Artikel hat nichts zu entscheiden: eine Zeile mit Auf/Ab wählen</translation>
    </message>
    <message>
        <source>grade it before submitting</source>
        <translation>vor dem Senden die Klasse wählen</translation>
    </message>
    <message>
        <source>{accepted} of {n} accepted, refund {total} {currency}.</source>
        <translation>{accepted} von {n} angenommen, Erstattung {total} {currency}.</translation>
    </message>
    <message>
        <source>{sku} {n} of {m}</source>
        <translation>{sku} {n} von {m}</translation>
    </message>
    <message>
        <source>Short: {lines}.</source>
        <translation>Unvollständig: {lines}.</translation>
    </message>
    <message>
        <source>Unexpected: {codes}.</source>
        <translation>Unerwartet: {codes}.</translation>
    </message>
    <message>
        <source>Press F12 again to submit, Esc to go back.</source>
        <translation>Erneut F12 zum Übermitteln, Esc zurück.</translation>
    </message>
    <message>
        <source>{sku} added (×{n}) — type its description and refund</source>
        <translation>{sku} hinzugefügt (×{n}) — Beschreibung und Erstattung eingeben</translation>
    </message>
    <message>
        <source>{sku}: scanned {n} of {m} — more than expected</source>
        <translation>{sku}: {n} von {m} gescannt — mehr als erwartet</translation>
    </message>
    <message>
        <source>Not submitted.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <source>{sku} (line {n}): </source>
        <translation>{sku} (Zeile {n}): </translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>noch nicht entschieden</translation>
    </message>
    <message>
        <source>the return has no items</source>
        <translation>die Retoure hat keine Artikel</translation>
    </message>
    <message>
        <source>enter its refund (net or gross)</source>
        <translation>Erstattung eingeben (netto oder brutto)</translation>
    </message>
    <message>
        <source>no price is known: enter its refund</source>
        <translation>kein Preis bekannt: Erstattung eingeben</translation>
    </message>
    <message>
        <source>Cannot submit yet — {n} problem(s). {where}{what}</source>
        <translation>Noch nicht sendbar — {n} Problem(e). {where}{what}</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Search by return, RMA or operator</source>
        <translation>Suche nach Retoure, RMA oder Bediener</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <extracomment>filters and paging, above the table (the Queue&apos;s)</extracomment>
        <translation>Zurück (Esc)</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Photos — {subject}</source>
        <extracomment>where thumbnails of imported files are read (a 12-megapixel file is no GUI work)</extracomment>
        <translation>Fotos — {subject}</translation>
    </message>
    <message>
        <source>Capture (Space)</source>
        <translation>Aufnehmen (Leertaste)</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>Neu aufnehmen</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Dateien importieren…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Ordner importieren…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Scan ignored — press Done first, then scan.</source>
        <translation>Scan ignoriert — zuerst Fertig drücken, dann scannen.</translation>
    </message>
    <message>
        <source>The camera cannot be used on this station ({why}). Import photos from files or a folder instead — everything else works the same.</source>
        <translation>Die Kamera kann an dieser Station nicht verwendet werden ({why}). Importieren Sie stattdessen Fotos aus Dateien oder einem Ordner — alles andere funktioniert wie gewohnt.</translation>
    </message>
    <message>
        <source>No camera on this station{named}. Import photos from files or a folder instead — everything else works the same.</source>
        <translation>Keine Kamera an dieser Station{named}. Fotos stattdessen aus Dateien oder einem Ordner importieren — alles andere funktioniert gleich.</translation>
    </message>
    <message>
        <source> (looked for {c!r})</source>
        <translation> (gesucht: {c!r})</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <source>Photos of the item</source>
        <translation>Fotos des Artikels</translation>
    </message>
    <message>
        <source>A folder of photos</source>
        <translation>Ein Ordner mit Fotos</translation>
    </message>
    <message>
        <source>Remove last</source>
        <translation>Letztes entfernen</translation>
    </message>
    <message>
        <source>{n} photo(s) to keep</source>
        <translation>{n} Foto(s) zum Speichern</translation>
    </message>
</context>
<context>
    <name>PhotoFlow</name>
    <message>
        <source>the parcel</source>
        <extracomment>asked once per shift before the first photo goes to a live WM Tech key</extracomment>
        <translation>das Paket</translation>
    </message>
    <message>
        <source>Photos not taken: the live WM Tech key was not confirmed.</source>
        <translation>Keine Fotos aufgenommen: der LIVE-Schlüssel von WM Tech wurde nicht bestätigt.</translation>
    </message>
    <message>
        <source>Photo kept; WM Tech&apos;s analysis follows.</source>
        <translation>Foto gespeichert; die Analyse von WM Tech folgt.</translation>
    </message>
    <message>
        <source>Photo kept as evidence.</source>
        <translation>Foto als Nachweis gespeichert.</translation>
    </message>
    <message>
        <source>Photo not kept: {error}</source>
        <translation>Foto nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>AI advice this shift: {applied} applied, {overridden} overridden, {disagreed} disagreed with</source>
        <translation>KI-Empfehlungen dieser Schicht: {applied} übernommen, {overridden} abgewichen, {disagreed} anders bewertet</translation>
    </message>
    <message>
        <source>WM Tech&apos;s analysis is in — see the advice panel.</source>
        <translation>Die Analyse von WM Tech ist da — siehe Empfehlungsbereich.</translation>
    </message>
    <message>
        <source>LIVE WM Tech key</source>
        <translation>LIVE-Schlüssel von WM Tech</translation>
    </message>
    <message>
        <source>This station uses a LIVE WM Tech key: its analyses can trigger real refunds and fraud holds. Send this shift&apos;s photos for analysis?</source>
        <translation>Diese Station nutzt einen LIVE-Schlüssel von WM Tech: die Analysen können echte Erstattungen und Betrugssperren auslösen. Die Fotos dieser Schicht zur Analyse senden?</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Scan ignored — enter the PIN or cancel (Esc) first.</source>
        <translation>Scan ignoriert — zuerst die PIN eingeben oder abbrechen (Esc).</translation>
    </message>
    <message>
        <source>Enter the admin PIN.</source>
        <translation>Admin-PIN eingeben.</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left before a one-minute lock.</source>
        <translation>Falsche PIN. Noch {n} Versuche bis zur Sperre für eine Minute.</translation>
    </message>
    <message>
        <source>Enter the same PIN again.</source>
        <translation>Dieselbe PIN noch einmal eingeben.</translation>
    </message>
    <message>
        <source>Choose an admin PIN of 4 to 12 digits. Write it down somewhere safe.</source>
        <translation>Eine Admin-PIN mit 4 bis 12 Ziffern wählen und sicher notieren.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>Die beiden PINs unterscheiden sich. Bitte neu beginnen.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {s} s.</source>
        <translation>Zu viele falsche PINs. Erneut versuchen in {s} s.</translation>
    </message>
</context>
<context>
    <name>ReadyScreen</name>
    <message>
        <source>Scan a return label</source>
        <translation>Retourenetikett scannen</translation>
    </message>
    <message>
        <source>RMA number, order number, nShift return id or parcel barcode</source>
        <translation>RMA-Nummer, Bestellnummer, nShift-Retouren-ID oder Paket-Barcode</translation>
    </message>
    <message>
        <source>or type it + Enter</source>
        <translation>oder eintippen + Enter</translation>
    </message>
    <message>
        <source>Without RMA (F8)</source>
        <translation>Ohne RMA (F8)</translation>
    </message>
    <message>
        <source>Barcode from image… (Ctrl+O)</source>
        <translation>Barcode aus Bild… (Strg+O)</translation>
    </message>
    <message>
        <source>Scanner check (F7)</source>
        <translation>Scannertest (F7)</translation>
    </message>
    <message>
        <source>Queue (F9)</source>
        <translation>Warteschlange (F9)</translation>
    </message>
    <message>
        <source>History (F10)</source>
        <translation>Verlauf (F10)</translation>
    </message>
    <message>
        <source>Sign off (F6)</source>
        <translation>Abmelden (F6)</translation>
    </message>
    <message>
        <source>Settings (F2)</source>
        <translation>Einstellungen (F2)</translation>
    </message>
    <message>
        <source>Support (F3)</source>
        <translation>Support (F3)</translation>
    </message>
    <message>
        <source>Read a barcode from an image</source>
        <translation>Barcode aus einem Bild lesen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>No barcode found in {name}.</source>
        <translation>Kein Barcode in {name} gefunden.</translation>
    </message>
    <message>
        <source>{name} could not be read as an image.</source>
        <translation>{name} konnte nicht als Bild gelesen werden.</translation>
    </message>
    <message>
        <source>Training mode — try one of these: {codes}</source>
        <translation>Übungsmodus — probieren Sie eine davon: {codes}</translation>
    </message>
</context>
<context>
    <name>ReceivingFlow</name>
    <message>
        <source>Looking up {code}…</source>
        <extracomment>an RMA whose nShift return the operator is asked to scan the last code looked up: F8 after its refusal receives that parcel without an RMA a return whose lease was taken over, which the operator was told of: the next Submit sends it anyway</extracomment>
        <translation>Suche {code}…</translation>
    </message>
    <message>
        <source>No expected return matches {code}.</source>
        <translation>Keine erwartete Retoure passt zu {code}.</translation>
    </message>
    <message>
        <source>ReturnMate could not be asked: {problem}</source>
        <translation>ReturnMate war nicht erreichbar: {problem}</translation>
    </message>
    <message>
        <source>{code} matches {n} returns ({numbers}): scan the RMA label instead</source>
        <translation>{code} passt zu {n} Retouren ({numbers}): bitte stattdessen das RMA-Etikett scannen</translation>
    </message>
    <message>
        <source>{rma}: nShift&apos;s return is not known here. Scan the nShift return id on the parcel (the NSR… label) to go on.</source>
        <translation>{rma}: Die nShift-Retoure ist hier nicht bekannt. Die nShift-Retouren-ID auf dem Paket scannen (Etikett NSR…), um fortzufahren.</translation>
    </message>
    <message>
        <source>nShift&apos;s return does not list {skus}: not sent to nShift</source>
        <translation>Die nShift-Retoure enthält {skus} nicht: nicht an nShift gesendet</translation>
    </message>
    <message>
        <source>✓ {code} set aside on the exceptions shelf — recorded in History</source>
        <translation>✓ {code} ins Klärfallregal gelegt — im Verlauf erfasst</translation>
    </message>
    <message>
        <source>WITHOUT RMA · {parcel} · {currency}</source>
        <translation>OHNE RMA · {parcel} · {currency}</translation>
    </message>
    <message>
        <source>Could not start: {error}</source>
        <translation>Start nicht möglich: {error}</translation>
    </message>
    <message>
        <source>Lookup failed: {error}</source>
        <translation>Suche fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>{accepted} of {n} accepted, refund {total} {currency}</source>
        <translation>{accepted} von {n} angenommen, Erstattung {total} {currency}</translation>
    </message>
    <message>
        <source>✓ {rma}: {done} — queued</source>
        <translation>✓ {rma}: {done} — in der Warteschlange</translation>
    </message>
    <message>
        <source>✓ Recorded without RMA: {done}. Kept in History for customer service (nShift needs an RMA).</source>
        <translation>✓ Ohne RMA erfasst: {done}. Im Verlauf für den Kundenservice gespeichert (nShift braucht eine RMA).</translation>
    </message>
    <message>
        <source>Not saved — see the message above.</source>
        <translation>Nicht gespeichert — siehe Meldung oben.</translation>
    </message>
    <message>
        <source>Could not submit: {error}</source>
        <translation>Senden nicht möglich: {error}</translation>
    </message>
</context>
<context>
    <name>RecordsFlow</name>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>All (unsent first)</source>
        <extracomment>rows on one page of the Queue (every row is reachable by paging)</extracomment>
        <translation>Alle (nicht gesendete zuerst)</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Prüfung</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>nShift update</source>
        <translation>nShift-Update</translation>
    </message>
    <message>
        <source>RMA status</source>
        <translation>RMA-Status</translation>
    </message>
    <message>
        <source>RMA note</source>
        <translation>RMA-Notiz</translation>
    </message>
    <message>
        <source>AI analysis</source>
        <translation>KI-Analyse</translation>
    </message>
    <message>
        <source>photo upload</source>
        <translation>Foto-Upload</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retoure</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>braucht Prüfung</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>{what} resolved: {reason}</source>
        <translation>{what} erledigt: {reason}</translation>
    </message>
    <message>
        <source>WITHOUT RMA</source>
        <translation>OHNE RMA</translation>
    </message>
    <message>
        <source>SET ASIDE</source>
        <translation>ZURÜCKGESTELLT</translation>
    </message>
    <message>
        <source>{n} applied</source>
        <translation>{n} übernommen</translation>
    </message>
    <message>
        <source>{n} overridden</source>
        <translation>{n} abgewichen</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <extracomment>while the Queue is open it follows the outbox, at most this often (a reload reads SQLite) asks the operator yes/no (title, text); a dialog, or a test&apos;s answer asks why an item is resolved; None: cancelled</extracomment>
        <translation>Auswahl erneut senden</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Alle erneut senden</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Neuere</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Ältere ▶</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>Heute angenommen</translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation>Nachweise exportieren</translation>
    </message>
    <message>
        <source>Reopen refused</source>
        <translation>Abgelehnte wieder öffnen</translation>
    </message>
    <message>
        <source>Reprint labels (Ctrl+P)</source>
        <translation>Etiketten nachdrucken (Strg+P)</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>{first}–{last} von {total}</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>Zuerst einen Eintrag wählen.</translation>
    </message>
    <message>
        <source>Send it again?</source>
        <translation>Erneut senden?</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nichts erneut zu senden.</translation>
    </message>
    <message>
        <source>Send these {n} item(s) again now?</source>
        <translation>Diese {n} Einträge jetzt erneut senden?</translation>
    </message>
    <message>
        <source>{n} note(s) or analyses are left as they are: their first attempt may have reached the vendor. Check each there, then retry or resolve it on its own.</source>
        <translation>{n} Notiz(en) oder Analysen bleiben, wie sie sind: ihr erster Versuch hat den Anbieter vielleicht erreicht. Prüfen Sie jede dort und senden oder erledigen Sie sie dann einzeln.</translation>
    </message>
    <message>
        <source>{n} item(s) will be sent again.</source>
        <translation>{n} Eintrag/Einträge werden erneut gesendet.</translation>
    </message>
    <message>
        <source>What did the vendor show? The reason is kept with the return.</source>
        <translation>Was zeigt der Anbieter? Der Grund wird bei der Retoure gespeichert.</translation>
    </message>
    <message>
        <source>Not resolved: {reason}</source>
        <translation>Nicht erledigt: {reason}</translation>
    </message>
    <message>
        <source>{item} marked resolved.</source>
        <translation>{item} als erledigt markiert.</translation>
    </message>
    <message>
        <source>Exported {n} item(s) to {path}</source>
        <translation>{n} Eintrag/Einträge nach {path} exportiert</translation>
    </message>
    <message>
        <source>No return received at this station carries the plate {plate}.</source>
        <translation>Keine an dieser Station erfasste Retoure trägt das Etikett {plate}.</translation>
    </message>
    <message>
        <source>Choose a return first.</source>
        <translation>Zuerst eine Retoure wählen.</translation>
    </message>
    <message>
        <source>{n} label(s) sent to the printer again.</source>
        <translation>{n} Etikett(en) erneut an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>No return of this station printed labels yet.</source>
        <translation>An dieser Station hat noch keine Retoure Etiketten gedruckt.</translation>
    </message>
    <message>
        <source>This return printed no labels.</source>
        <translation>Diese Retoure hat keine Etiketten gedruckt.</translation>
    </message>
    <message>
        <source>Evidence written to {path}</source>
        <translation>Nachweise geschrieben nach {path}</translation>
    </message>
    <message>
        <source>Only a return whose wms-update nShift refused can be reopened.</source>
        <translation>Nur eine Retoure, deren wms-update nShift abgelehnt hat, kann wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>set aside: {reason}</source>
        <translation>zurückgestellt: {reason}</translation>
    </message>
</context>
<context>
    <name>ReturnItemsModel</name>
    <message>
        <source>SKU</source>
        <extracomment>the four decision controls of a line, one column each, and the decision each one sets</extracomment>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Vorh.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Angen.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Abgel.</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Photo · AI</source>
        <translation>Foto · KI</translation>
    </message>
    <message>
        <source>{n} of {m} units here: {short} missing</source>
        <extracomment>what the Condition column&apos;s editor hands over: ``grade:B``, ``condition:USED``, ``route:x`` the raw value of a cell (Decimal for money), for sorting the :class:`ReturnLine` of a row a line short of its quantity, and an item the return does not list the Condition cell&apos;s type: smaller than the table&apos;s 14 pt, for two lines in 120 px a submission of the shown case is being recorded: nothing may change it a repeat faster than this is a double read (the scanner settings, via ScanRouter)</extracomment>
        <translation>{n} von {m} Stück da: {short} fehlen</translation>
    </message>
    <message>
        <source>No price is known for this item: type its refund</source>
        <translation>Für diesen Artikel ist kein Preis bekannt: Erstattung eingeben</translation>
    </message>
    <message>
        <source>Goes to: {label}</source>
        <translation>Geht an: {label}</translation>
    </message>
    <message>
        <source>chosen by the operator</source>
        <translation>vom Bediener gewählt</translation>
    </message>
    <message>
        <source>no rule applies: the station&apos;s default</source>
        <translation>keine Regel greift: Standard der Station</translation>
    </message>
    <message>
        <source>by rule {n}</source>
        <translation>nach Regel {n}</translation>
    </message>
    <message>
        <source>UNEXPECTED — not in this return, not sent to nShift</source>
        <translation>UNERWARTET — nicht in dieser Retoure, nicht an nShift gesendet</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>{code} is a command for the Items screen: scan a parcel first</source>
        <extracomment>longest part of a scan written to the log (a 2-D label can be long) set once a refused scan showed a US-programmed scanner on another layout a screen that wants scans raw (the scanner check); None: the receiving screens</extracomment>
        <translation>{code} ist ein Befehl für die Artikelansicht: zuerst ein Paket scannen</translation>
    </message>
    <message>
        <source>{code} was read again at once — it is being looked up already</source>
        <translation>{code} sofort erneut gelesen — wird bereits gesucht</translation>
    </message>
    <message>
        <source>{code} is an item&apos;s barcode. Scan the parcel&apos;s return label first.</source>
        <translation>{code} ist der Barcode eines Artikels. Zuerst das Retourenetikett des Pakets scannen.</translation>
    </message>
    <message>
        <source>{code} is a licence plate from a return already received. Scan it on the Ready screen to see that return.</source>
        <translation>{code} ist ein Etikett einer bereits erfassten Retoure. Auf dem Startbildschirm scannen, um die Retoure zu sehen.</translation>
    </message>
    <message>
        <source>{code} is a parcel label, not an item. Submit or go back (Esc) before starting the next parcel.</source>
        <translation>{code} ist ein Paketetikett, kein Artikel. Vor dem nächsten Paket senden oder zurückgehen (Esc).</translation>
    </message>
</context>
<context>
    <name>ScannerCheckScreen</name>
    <message>
        <source>Scanner check</source>
        <extracomment>how characters that do not print are shown</extracomment>
        <translation>Scannertest</translation>
    </message>
    <message>
        <source>Scan each code below, from the screen or the printed sheet. Keyboard scanners: keys read as {decode}, at most {gap} ms apart, ending with {ends}.</source>
        <translation>Jeden Code unten scannen, vom Bildschirm oder vom Ausdruck. Tastaturscanner: Tasten gelesen als {decode}, höchstens {gap} ms Abstand, Abschluss mit {ends}.</translation>
    </message>
    <message>
        <source>US physical keys</source>
        <translation>physische US-Tasten</translation>
    </message>
    <message>
        <source>typed text</source>
        <translation>getippter Text</translation>
    </message>
    <message>
        <source>a pause</source>
        <translation>einer Pause</translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation>noch nicht gescannt</translation>
    </message>
    <message>
        <source>Save sheet to print…</source>
        <translation>Testblatt zum Drucken speichern…</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>All characters right.</source>
        <translation>Alle Zeichen richtig.</translation>
    </message>
    <message>
        <source>Save the scanner test sheet</source>
        <translation>Scanner-Testblatt speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Scanners</name>
    <message>
        <source>Serial scanner: {status}</source>
        <translation>Serieller Scanner: {status}</translation>
    </message>
    <message>
        <source>Scanner test sheet saved: {path}</source>
        <translation>Scanner-Testblatt gespeichert: {path}</translation>
    </message>
    <message>
        <source>The test sheet was not saved: {error}</source>
        <translation>Das Testblatt wurde nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>SerialScanSource</name>
    <message>
        <source>{port}: {error} — retrying</source>
        <extracomment>errors after which the port is closed and opened again later</extracomment>
        <translation>{port}: {error} — neuer Versuch</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Scan ignored here — click into a text field to type it there, or close Settings first and scan again.</source>
        <extracomment>a scanner&apos;s code is typed into the focused field here (see ScanRouter)</extracomment>
        <translation>Scan hier ignoriert — klicken Sie in ein Textfeld, um ihn dort einzugeben, oder schließen Sie zuerst die Einstellungen und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Name der Station</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>Filial-ID</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>For returns that name no market.</source>
        <translation>Für Retouren ohne Marktangabe.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Success and error tones</source>
        <translation>Töne für Erfolg und Fehler</translation>
    </message>
    <message>
        <source>Operators sign on at shift start</source>
        <translation>Bediener melden sich zu Schichtbeginn an</translation>
    </message>
    <message>
        <source>Kiosk mode (full screen)</source>
        <translation>Kioskmodus (Vollbild)</translation>
    </message>
    <message>
        <source>Restart the station after a crash</source>
        <translation>Station nach einem Absturz neu starten</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>Change admin PIN…</source>
        <translation>Admin-PIN ändern…</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Admin-PIN</translation>
    </message>
    <message>
        <source>Markets and codes</source>
        <translation>Märkte und Codes</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Tax rate (0.25 = 25 %)</source>
        <translation>Steuersatz (0.25 = 25 %)</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Märkte</translation>
    </message>
    <message>
        <source>Reason codes</source>
        <translation>Grundcodes</translation>
    </message>
    <message>
        <source>Condition codes</source>
        <translation>Zustandscodes</translation>
    </message>
    <message>
        <source>One code a line.</source>
        <translation>Ein Code pro Zeile.</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Live (refunds customers)</source>
        <translation>Live (erstattet Kunden)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Key header</source>
        <translation>Schlüssel-Header</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>WM Tech store id</source>
        <translation>WM-Tech-Filial-ID</translation>
    </message>
    <message>
        <source>Allow a live key (it triggers real refunds)</source>
        <translation>LIVE-Schlüssel erlauben (löst echte Erstattungen aus)</translation>
    </message>
    <message>
        <source>Timeout (s)</source>
        <translation>Zeitlimit (s)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>ReturnMate fields and the nShift join</source>
        <translation>ReturnMate-Felder und die Zuordnung zu nShift</translation>
    </message>
    <message>
        <source>a field name or dotted path, e.g. metadata.nshift_id; empty: not mapped</source>
        <translation>ein Feldname oder ein Pfad mit Punkten, z. B. metadata.nshift_id; leer: nicht zugeordnet</translation>
    </message>
    <message>
        <source>nShift return id</source>
        <translation>nShift-Retouren-ID</translation>
    </message>
    <message>
        <source>Forward order id</source>
        <translation>ID der Ursprungsbestellung</translation>
    </message>
    <message>
        <source>Tracking numbers</source>
        <translation>Sendungsnummern</translation>
    </message>
    <message>
        <source>Item: description</source>
        <translation>Artikel: Beschreibung</translation>
    </message>
    <message>
        <source>Item: unit price (tax incl.)</source>
        <translation>Artikel: Stückpreis (inkl. Steuer)</translation>
    </message>
    <message>
        <source>Item: tax rate</source>
        <translation>Artikel: Steuersatz</translation>
    </message>
    <message>
        <source>Item: GTIN</source>
        <translation>Artikel: GTIN</translation>
    </message>
    <message>
        <source>Item: order item id</source>
        <translation>Artikel: Bestellpositions-ID</translation>
    </message>
    <message>
        <source>Join sources, in order</source>
        <translation>Zuordnungsquellen, in Reihenfolge</translation>
    </message>
    <message>
        <source>One a line: mapping, nshift, scan.</source>
        <translation>Eine pro Zeile: mapping, nshift, scan.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Sandbox (demo only)</source>
        <translation>Sandbox (nur Demo)</translation>
    </message>
    <message>
        <source>Folder published by a web server</source>
        <translation>Von einem Webserver veröffentlichter Ordner</translation>
    </message>
    <message>
        <source>HTTP upload (PUT)</source>
        <translation>HTTP-Upload (PUT)</translation>
    </message>
    <message>
        <source>Photo store</source>
        <translation>Fotoablage</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Public base URL</source>
        <translation>Öffentliche Basis-URL</translation>
    </message>
    <message>
        <source>https://…, where WM Tech fetches photos</source>
        <translation>https://…, wo WM Tech die Fotos abruft</translation>
    </message>
    <message>
        <source>Upload URL</source>
        <translation>Upload-URL</translation>
    </message>
    <message>
        <source>{name} is replaced by the file name</source>
        <translation>{name} wird durch den Dateinamen ersetzt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Upload auth</source>
        <translation>Upload-Anmeldung</translation>
    </message>
    <message>
        <source>Upload user</source>
        <translation>Upload-Benutzer</translation>
    </message>
    <message>
        <source>Upload secret</source>
        <translation>Upload-Geheimnis</translation>
    </message>
    <message>
        <source>Long edge (px)</source>
        <translation>Lange Kante (px)</translation>
    </message>
    <message>
        <source>Size budget (bytes)</source>
        <translation>Größenbudget (Byte)</translation>
    </message>
    <message>
        <source>Keep photos (days)</source>
        <translation>Fotos aufbewahren (Tage)</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Keyboard scanner</source>
        <translation>Tastaturscanner</translation>
    </message>
    <message>
        <source>Max gap between keys (ms)</source>
        <translation>Größter Abstand zwischen Tasten (ms)</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>Kürzester Code</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Characters as typed</source>
        <translation>Zeichen wie getippt</translation>
    </message>
    <message>
        <source>US keys on any layout</source>
        <translation>US-Tasten auf jedem Layout</translation>
    </message>
    <message>
        <source>Keyboard decoding</source>
        <translation>Tastaturdekodierung</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Serieller Scanner</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baudrate</translation>
    </message>
    <message>
        <source>Camera scanning</source>
        <translation>Scannen mit Kamera</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Double-read window (ms)</source>
        <translation>Fenster für Doppellesung (ms)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>A plate per accepted item, and the RMA plate</source>
        <translation>Ein Etikett je angenommenem Artikel und das RMA-Etikett</translation>
    </message>
    <message>
        <source>The RMA plate only</source>
        <translation>Nur das RMA-Etikett</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiketten</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Kein Drucker</translation>
    </message>
    <message>
        <source>Label printer on the network (ZPL, port 9100)</source>
        <translation>Etikettendrucker im Netz (ZPL, Port 9100)</translation>
    </message>
    <message>
        <source>CUPS queue, raw (Linux)</source>
        <translation>CUPS-Warteschlange, roh (Linux)</translation>
    </message>
    <message>
        <source>Windows printer, raw</source>
        <translation>Windows-Drucker, roh</translation>
    </message>
    <message>
        <source>PDF files, for any printer</source>
        <translation>PDF-Dateien, für jeden Drucker</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Druckeradresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Queue or printer name</source>
        <translation>Warteschlange oder Druckername</translation>
    </message>
    <message>
        <source>CUPS queue, or the Windows printer&apos;s name</source>
        <translation>CUPS-Warteschlange oder Name des Windows-Druckers</translation>
    </message>
    <message>
        <source>PDF folder</source>
        <translation>PDF-Ordner</translation>
    </message>
    <message>
        <source>Empty: the data folder&apos;s labels</source>
        <translation>Leer: labels im Datenordner</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>Auflösung (dpi)</translation>
    </message>
    <message>
        <source>Label width (mm)</source>
        <translation>Etikettenbreite (mm)</translation>
    </message>
    <message>
        <source>Label height (mm)</source>
        <translation>Etikettenhöhe (mm)</translation>
    </message>
    <message>
        <source>Ask the printer first whether it can print (out of labels, paused)</source>
        <translation>Zuerst den Drucker fragen, ob er drucken kann (Etiketten leer, pausiert)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Print test label</source>
        <translation>Testetikett drucken</translation>
    </message>
    <message>
        <source>Save command sheet…</source>
        <translation>Befehlsblatt speichern…</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Badge code (optional)</source>
        <translation>Ausweiscode (optional)</translation>
    </message>
    <message>
        <source>Empty: operators type their name when they sign on.</source>
        <translation>Leer: Bediener tippen beim Anmelden ihren Namen.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Requests a minute, at or under the vendor&apos;s plan (0: no pacing).</source>
        <translation>Anfragen pro Minute, höchstens laut Tarif des Anbieters (0: keine Drosselung).</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>not set — anyone can open Settings</source>
        <translation>nicht gesetzt — jeder kann die Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Not saved: {n} setting(s) need a look.</source>
        <translation>Nicht gespeichert: {n} Einstellung(en) prüfen.</translation>
    </message>
</context>
<context>
    <name>SignOnScreen</name>
    <message>
        <source>Sign on</source>
        <extracomment>name buttons a row; larger teams scan badges or type</extracomment>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Your name + Enter</source>
        <translation>Ihr Name + Enter</translation>
    </message>
    <message>
        <source>Scan your badge or touch your name.</source>
        <translation>Ausweis scannen oder Ihren Namen antippen.</translation>
    </message>
    <message>
        <source>Touch your name.</source>
        <translation>Ihren Namen antippen.</translation>
    </message>
    <message>
        <source>Type your name and press Enter.</source>
        <translation>Namen eintippen und Enter drücken.</translation>
    </message>
    <message>
        <source>Type at least two letters of your name.</source>
        <translation>Mindestens zwei Buchstaben Ihres Namens eintippen.</translation>
    </message>
    <message>
        <source>This badge is not known at this station. Touch your name, or ask an admin to add the badge in Settings → Operators.</source>
        <translation>Dieser Ausweis ist an dieser Station unbekannt. Ihren Namen antippen oder einen Admin bitten, den Ausweis unter Einstellungen → Bediener hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>fleet</source>
        <extracomment>refreshes the expected-returns cache every few minutes where scanners and typed codes go the lookups&apos; connection to the expected-returns cache, closed when the station stops the station&apos;s rounds for the fleet database; None: the station works on its own</extracomment>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>The fleet database is away ({problem}). This station receives on its own; what it receives reaches the fleet when the database is back.</source>
        <translation>Die Flottendatenbank ist nicht erreichbar ({problem}). Diese Station nimmt allein weiter an; was sie annimmt, erreicht die Flotte, sobald die Datenbank zurück ist.</translation>
    </message>
    <message>
        <source>Metrics are not served on {address}: {error}</source>
        <translation>Metriken werden nicht auf {address} bereitgestellt: {error}</translation>
    </message>
    <message>
        <source>Camera and sounds are unavailable on this station ({why}). Receiving works; take photos by importing files.</source>
        <translation>Kamera und Töne sind an dieser Station nicht verfügbar ({why}). Der Wareneingang funktioniert; Fotos durch Importieren von Dateien aufnehmen.</translation>
    </message>
</context>
<context>
    <name>StationHeader</name>
    <message>
        <source>Station</source>
        <extracomment>operators sign on at this station (off: no name is ever asked for)</extracomment>
        <translation>Station</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>RMAs</source>
        <translation>RMAs</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Etikettendrucker</translation>
    </message>
    <message>
        <source>sign-on off</source>
        <extracomment>what each vendor&apos;s last request showed (&quot;&quot; for the drainer&apos;s unnamed report)</extracomment>
        <translation>Anmeldung aus</translation>
    </message>
    <message>
        <source>not signed on</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>{n} · {time} ⚠ quota</source>
        <translation>{n} · {time} ⚠ Limit</translation>
    </message>
    <message>
        <source>{n} · {time}, old</source>
        <translation>{n} · {time}, alt</translation>
    </message>
    <message>
        <source>Receivable RMAs in the local cache, refreshed at that time</source>
        <translation>Annehmbare RMAs im lokalen Zwischenspeicher, zu dieser Zeit aktualisiert</translation>
    </message>
    <message>
        <source>no traffic yet</source>
        <translation>kein Verkehr</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>OFFLINE: {vendors} — receiving goes on</source>
        <translation>OFFLINE: {vendors} — Annahme läuft weiter</translation>
    </message>
    <message>
        <source>OFFLINE — receiving goes on</source>
        <translation>OFFLINE — Annahme läuft weiter</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>{waiting} waiting</source>
        <translation>{waiting} wartend</translation>
    </message>
    <message>
        <source>{n} need attention</source>
        <translation>{n} brauchen Prüfung</translation>
    </message>
</context>
<context>
    <name>SupportScreen</name>
    <message>
        <source>Support</source>
        <extracomment>a scanner&apos;s code is typed into the focused field here (see ScanRouter)</extracomment>
        <translation>Support</translation>
    </message>
    <message>
        <source>Recent log</source>
        <translation>Aktuelles Protokoll</translation>
    </message>
    <message>
        <source>Save support bundle</source>
        <translation>Supportpaket speichern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>Scan ignored here — close Support first (Esc), then scan again.</source>
        <translation>Scan hier ignoriert — schließen Sie zuerst den Support (Esc) und scannen Sie dann erneut.</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>installed build</source>
        <translation>installierte Version</translation>
    </message>
    <message>
        <source>settings file</source>
        <translation>Einstellungsdatei</translation>
    </message>
    <message>
        <source>data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>oldest waiting since</source>
        <translation>ältester wartet seit</translation>
    </message>
    <message>
        <source>outbox</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>noch nicht angelegt</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>needs attention {n}</source>
        <translation>braucht Aufmerksamkeit {n}</translation>
    </message>
</context>
<context>
    <name>TableField</name>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
</context>
<context>
    <name>UnknownScreen</name>
    <message>
        <source>Scan or type another code from the parcel</source>
        <translation>Einen anderen Code vom Paket scannen oder eintippen</translation>
    </message>
    <message>
        <source>scan the parcel&apos;s label</source>
        <translation>Paketetikett scannen</translation>
    </message>
    <message>
        <source>Parcel code</source>
        <translation>Paketcode</translation>
    </message>
    <message>
        <source>from the packing slip, if there is one</source>
        <translation>vom Lieferschein, falls vorhanden</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Start receiving without RMA (Enter)</source>
        <translation>Annahme ohne RMA beginnen (Enter)</translation>
    </message>
    <message>
        <source>Cannot receive it now? Put the parcel on the exceptions shelf with a note of this code and why, and tell the team lead.</source>
        <translation>Jetzt nicht annehmbar? Legen Sie das Paket mit einem Zettel mit diesem Code und dem Grund ins Klärfallregal und informieren Sie die Teamleitung.</translation>
    </message>
    <message>
        <source>why: no label, damaged, no paperwork…</source>
        <translation>warum: kein Etikett, beschädigt, keine Papiere…</translation>
    </message>
    <message>
        <source>Set aside and record</source>
        <translation>Zurückstellen und erfassen</translation>
    </message>
    <message>
        <source>Receive without RMA (F8)</source>
        <translation>Ohne RMA annehmen (F8)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>Unknown parcel</source>
        <translation>Unbekanntes Paket</translation>
    </message>
    <message>
        <source>Receive without an RMA</source>
        <translation>Ohne RMA annehmen</translation>
    </message>
    <message>
        <source>Scan the parcel&apos;s label, then type the order number if there is one.</source>
        <translation>Scannen Sie das Paketetikett und geben Sie dann die Bestellnummer ein, falls vorhanden.</translation>
    </message>
    <message>
        <source>Scan or type the parcel&apos;s label code first.</source>
        <translation>Scannen oder tippen Sie zuerst den Code des Paketetiketts.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>An override needs a reason code.</source>
        <translation>Eine Abweichung braucht einen Grundcode.</translation>
    </message>
    <message>
        <source>Code 128 — printable characters {part} of {parts}</source>
        <translation>Code 128 — druckbare Zeichen {part} von {parts}</translation>
    </message>
    <message>
        <source>GS1 code {code} could not be read ({detail}). Scan again.</source>
        <translation>GS1-Code {code} konnte nicht gelesen werden ({detail}). Bitte erneut scannen.</translation>
    </message>
    <message>
        <source>GS1 code {code}: the group separator is missing, so ({ai}) {value} cannot be told from ({ai}) {head} followed by ({next_ai}). Set the scanner to send FNC1 as GS (Ctrl+]) — see the setup guide.</source>
        <translation>GS1-Code {code}: Das Gruppentrennzeichen fehlt, daher ist ({ai}) {value} nicht von ({ai}) {head} gefolgt von ({next_ai}) zu unterscheiden. Den Scanner so einstellen, dass er FNC1 als GS (Strg+]) sendet — siehe Einrichtungsanleitung.</translation>
    </message>
    <message>
        <source>GS1-128 with a group separator</source>
        <translation>GS1-128 mit Gruppentrennzeichen</translation>
    </message>
    <message>
        <source>Nothing readable was scanned. Scan again.</source>
        <translation>Nichts Lesbares gescannt. Bitte erneut scannen.</translation>
    </message>
    <message>
        <source>Say why the parcel is set aside (a few words).</source>
        <translation>Geben Sie an, warum das Paket zurückgestellt wird (ein paar Worte).</translation>
    </message>
    <message>
        <source>Scanner keyboard layout does not match — scan refused. Set the scanner to this computer&apos;s keyboard layout (or the station to US physical keys); see the setup guide.</source>
        <translation>Das Tastaturlayout des Scanners passt nicht — Scan abgelehnt. Den Scanner auf das Tastaturlayout dieses Computers einstellen (oder die Station auf physische US-Tasten); siehe Einrichtungsanleitung.</translation>
    </message>
    <message>
        <source>The code carries control characters but is no GS1 code. Scan another barcode.</source>
        <translation>Der Code enthält Steuerzeichen, ist aber kein GS1-Code. Bitte einen anderen Barcode scannen.</translation>
    </message>
    <message>
        <source>The earlier attempt of this {kind} may have reached the vendor: sending it again may duplicate it. Check with the vendor first, then confirm.</source>
        <translation>Der frühere Versuch dieses {kind} hat den Anbieter vielleicht erreicht: erneutes Senden kann ihn doppeln. Prüfen Sie es erst beim Anbieter und bestätigen Sie dann.</translation>
    </message>
    <message>
        <source>The reason is at most {limit} printable characters.</source>
        <translation>Der Grund hat höchstens {limit} druckbare Zeichen.</translation>
    </message>
    <message>
        <source>The scan contains a character no label here carries ({name}). Scan again.</source>
        <translation>Der Scan enthält ein Zeichen, das kein Etikett hier trägt ({name}). Bitte erneut scannen.</translation>
    </message>
    <message>
        <source>The scan is {length} characters long; no label here carries more than {limit}. Scan again.</source>
        <translation>Der Scan ist {length} Zeichen lang; kein Etikett hier trägt mehr als {limit}. Bitte erneut scannen.</translation>
    </message>
    <message>
        <source>The scanner sent bytes that are not text. Check its serial settings (baud rate, parity) against the station&apos;s.</source>
        <translation>Der Scanner hat Bytes gesendet, die kein Text sind. Seine seriellen Einstellungen (Baudrate, Parität) mit denen der Station vergleichen.</translation>
    </message>
    <message>
        <source>The scanner&apos;s layout setting looks wrong: read the other way this is {code}. The scan was not used — run the Scanner check (F7) to set it right.</source>
        <translation>Die Layout-Einstellung des Scanners scheint falsch: anders gelesen ist das {code}. Der Scan wurde nicht verwendet — führen Sie den Scannertest (F7) aus, um sie zu korrigieren.</translation>
    </message>
    <message>
        <source>This GS1 label has neither an SSCC (00) nor a GTIN (01): scan the parcel&apos;s return label or the item&apos;s barcode.</source>
        <translation>Dieses GS1-Etikett hat weder eine SSCC (00) noch eine GTIN (01): das Retourenetikett des Pakets oder den Barcode des Artikels scannen.</translation>
    </message>
    <message>
        <source>This is a carrier&apos;s 2-D data label (ISO 15434); the station does not read it. Scan the parcel&apos;s return label or its 1-D tracking barcode.</source>
        <translation>Das ist ein 2D-Datenetikett eines Versanddienstleisters (ISO 15434); die Station liest es nicht. Das Retourenetikett des Pakets oder seinen 1D-Sendungsbarcode scannen.</translation>
    </message>
    <message>
        <source>a code longer than {limit} characters is not a parcel code</source>
        <translation>ein Code mit mehr als {limit} Zeichen ist kein Paketcode</translation>
    </message>
    <message>
        <source>choose a PIN that is not one digit repeated or a run like 1234</source>
        <translation>eine PIN wählen, die keine wiederholte Ziffer und keine Folge wie 1234 ist</translation>
    </message>
    <message>
        <source>no failed or needs-attention item has the id {id}</source>
        <translation>kein fehlgeschlagener oder zu prüfender Eintrag hat die ID {id}</translation>
    </message>
    <message>
        <source>nothing was scanned</source>
        <translation>nichts wurde gescannt</translation>
    </message>
    <message>
        <source>only {free_mb} MB free on the station&apos;s disk; new returns may not be saved</source>
        <translation>nur {free_mb} MB frei auf dem Datenträger der Station; neue Retouren werden womöglich nicht gespeichert</translation>
    </message>
    <message>
        <source>say why the item is resolved (what the vendor shows)</source>
        <translation>geben Sie an, warum der Eintrag erledigt ist (was der Anbieter zeigt)</translation>
    </message>
    <message>
        <source>the PIN has {low} to {high} digits</source>
        <translation>die PIN hat {low} bis {high} Ziffern</translation>
    </message>
    <message>
        <source>the PIN is digits only (0–9)</source>
        <translation>die PIN besteht nur aus Ziffern (0–9)</translation>
    </message>
    <message>
        <source>the code contains control characters; scan it again</source>
        <translation>der Code enthält Steuerzeichen; bitte erneut scannen</translation>
    </message>
    <message>
        <source>the data folder {folder} is on a network drive; SQLite needs a local disk to keep submissions safe</source>
        <translation>der Datenordner {folder} liegt auf einem Netzlaufwerk; SQLite braucht einen lokalen Datenträger, um Übermittlungen sicher zu halten</translation>
    </message>
    <message>
        <source>the database is not in WAL mode</source>
        <translation>die Datenbank ist nicht im WAL-Modus</translation>
    </message>
    <message>
        <source>the database is not in synchronous=FULL mode</source>
        <translation>die Datenbank ist nicht im Modus synchronous=FULL</translation>
    </message>
    <message>
        <source>the order number is not valid: type it as printed</source>
        <translation>die Bestellnummer ist ungültig: so eingeben, wie sie gedruckt ist</translation>
    </message>
    <message>
        <source>the reason contains control or invisible characters</source>
        <translation>der Grund enthält Steuer- oder unsichtbare Zeichen</translation>
    </message>
    <message>
        <source>the reason is longer than {n} characters</source>
        <translation>der Grund ist länger als {n} Zeichen</translation>
    </message>
    <message>
        <source>the station database was damaged ({problem}); it was moved to {folder} and {rows} rows were recovered. Tell IT; the station keeps working with a new database</source>
        <translation>die Datenbank der Station war beschädigt ({problem}); sie wurde nach {folder} verschoben und {rows} Zeilen wurden gerettet. Bitte die IT informieren; die Station arbeitet mit einer neuen Datenbank weiter</translation>
    </message>
    <message>
        <source>{code} is not an nShift return id; scan the nShift label on the parcel</source>
        <translation>{code} ist keine nShift-Retouren-ID; das nShift-Etikett auf dem Paket scannen</translation>
    </message>
    <message>
        <source>{code}: looks like a GTIN or SSCC, but its check digit is wrong. Scan again.</source>
        <translation>{code}: sieht wie eine GTIN oder SSCC aus, aber die Prüfziffer ist falsch. Bitte erneut scannen.</translation>
    </message>
    <message>
        <source>{code}: the EAN/UPC check digit is wrong. Scan again.</source>
        <translation>{code}: Die EAN/UPC-Prüfziffer ist falsch. Bitte erneut scannen.</translation>
    </message>
    <message>
        <source>{id} names more than one item: give more of its id</source>
        <translation>{id} passt auf mehr als einen Eintrag: geben Sie mehr von der ID an</translation>
    </message>
    <message>
        <source>{rma} is already {status} in ReturnMate; it is not received twice</source>
        <translation>{rma} ist in ReturnMate bereits {status}; sie wird nicht zweimal angenommen</translation>
    </message>
    <message>
        <source>{rma} is no longer in ReturnMate; it cannot be received</source>
        <translation>{rma} ist nicht mehr in ReturnMate; sie kann nicht angenommen werden</translation>
    </message>
    <message>
        <source>{rma} is open at {who} since {since}; it opens here once it is submitted or closed there, or after {until} if that station stops</source>
        <translation>{rma} ist seit {since} bei {who} geöffnet; hier öffnet sie sich, sobald sie dort gesendet oder geschlossen ist, oder nach {until}, falls jene Station ausfällt</translation>
    </message>
    <message>
        <source>{rma} is {status} in ReturnMate, not receivable; keep the parcel aside for customer service</source>
        <translation>{rma} ist in ReturnMate {status} und nicht annehmbar; das Paket für den Kundendienst beiseitelegen</translation>
    </message>
    <message>
        <source>{rma} lists no items</source>
        <translation>{rma} enthält keine Artikel</translation>
    </message>
    <message>
        <source>{rma} was already received at {station} on {when} by {operator}; it is not received twice</source>
        <translation>{rma} wurde bereits am {when} bei {station} von {operator} angenommen; sie wird nicht zweimal angenommen</translation>
    </message>
    <message>
        <source>{rma} was already submitted from this station ({when}); it is not processed twice</source>
        <translation>{rma} wurde an dieser Station bereits übermittelt ({when}); sie wird nicht zweimal verarbeitet</translation>
    </message>
    <message>
        <source>{rma} was received on {when} (ReturnMate says {status}), at another station or by hand; it is not received twice</source>
        <translation>{rma} wurde am {when} angenommen (ReturnMate meldet {status}), an einer anderen Station oder von Hand; sie wird nicht zweimal angenommen</translation>
    </message>
    <message>
        <source>{rma} was taken over by {who} at {since} after this station&apos;s lease ran out; press Submit again only if this parcel is really here</source>
        <translation>{rma} wurde um {since} von {who} übernommen, nachdem die Reservierung dieser Station abgelaufen war; nur erneut senden, wenn das Paket wirklich hier ist</translation>
    </message>
    <message>
        <source>{rma}: nShift has the return of order {order} only as processed ({statuses}); it was received already and is not received twice</source>
        <translation>{rma}: nShift führt die Retoure der Bestellung {order} nur als verarbeitet ({statuses}); sie wurde bereits angenommen und wird nicht zweimal angenommen</translation>
    </message>
    <message>
        <source>{rma}: no nShift return was found ({why}); receive it without an RMA (F8)</source>
        <translation>{rma}: keine nShift-Retoure gefunden ({why}); ohne RMA annehmen (F8)</translation>
    </message>
    <message>
        <source>{rma}: the RMA names no forward order ([returnmate.fields] forward_order_id)</source>
        <translation>{rma}: Die RMA nennt keine Ursprungsbestellung ([returnmate.fields] forward_order_id)</translation>
    </message>
    <message>
        <source>{rma}: the currency {currency} is not supported</source>
        <translation>{rma}: Die Währung {currency} wird nicht unterstützt</translation>
    </message>
    <message>
        <source>{rma}: the mapping names no nShift return ([returnmate.fields])</source>
        <translation>{rma}: Die Zuordnung nennt keine nShift-Retoure ([returnmate.fields])</translation>
    </message>
    <message>
        <source>{rma}: this station&apos;s lease ran out and was given back elsewhere; check History before submitting again</source>
        <translation>{rma}: die Reservierung dieser Station ist abgelaufen und wurde anderswo zurückgegeben; vor erneutem Senden den Verlauf prüfen</translation>
    </message>
    <message>
        <source>{typed}: type the amount without thousands separators</source>
        <translation>{typed}: den Betrag ohne Tausendertrennzeichen eingeben</translation>
    </message>
</context>
<context>
    <name>defaults</name>
    <message>
        <source>Any item</source>
        <translation>Jeder Artikel</translation>
    </message>
    <message>
        <source>As new: unused, tags and packaging intact</source>
        <translation>Wie neu: unbenutzt, Etiketten und Verpackung intakt</translation>
    </message>
    <message>
        <source>Complete and undamaged?</source>
        <translation>Vollständig und unbeschädigt?</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>Spenden</translation>
    </message>
    <message>
        <source>Fair: visible wear or minor damage, repairable</source>
        <translation>Mittel: sichtbare Abnutzung oder kleiner Schaden, reparierbar</translation>
    </message>
    <message>
        <source>Free of wear, marks and odour?</source>
        <translation>Frei von Abnutzung, Flecken und Geruch?</translation>
    </message>
    <message>
        <source>Good: tried on or opened, no visible wear</source>
        <translation>Gut: anprobiert oder geöffnet, keine sichtbare Abnutzung</translation>
    </message>
    <message>
        <source>Poor: damaged, incomplete or soiled</source>
        <translation>Schlecht: beschädigt, unvollständig oder verschmutzt</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Recycle</source>
        <translation>Recycling</translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation>Aufbereiten</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>Einlagern</translation>
    </message>
    <message>
        <source>Return to vendor</source>
        <translation>An Lieferanten</translation>
    </message>
    <message>
        <source>Tags, seals and packaging intact?</source>
        <translation>Etiketten, Siegel und Verpackung intakt?</translation>
    </message>
</context>
</TS>
