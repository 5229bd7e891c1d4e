<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>AdminFlow</name>
    <message>
        <source>No admin PIN is set: anyone can open Settings. Set one under Settings → Station.</source>
        <extracomment>checks settings (with the secrets as typed) the way a start would; raises with a message tests one vendor&apos;s connection from its form section and secret reads the fleet database for the Support screen; None: no fleet the form&apos;s values as it was last filled: what a save compares against</extracomment>
        <translation>Ingen admin-PIN är satt: vem som helst kan öppna Inställningar. Sätt en under Inställningar → Station.</translation>
    </message>
    <message>
        <source>Signed on: {name}</source>
        <translation>Inloggad: {name}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>set by {var} (type here to store one in the keyring instead)</source>
        <translation>satt av {var} (skriv här för att spara en i nyckelringen i stället)</translation>
    </message>
    <message>
        <source>stored in the keyring — leave empty to keep it</source>
        <translation>sparad i nyckelringen — lämna tomt för att behålla</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>inte satt</translation>
    </message>
    <message>
        <source>New admin PIN</source>
        <translation>Ny admin-PIN</translation>
    </message>
    <message>
        <source>new PIN chosen — Save to keep it</source>
        <translation>ny PIN vald — Spara för att behålla den</translation>
    </message>
    <message>
        <source>Checking and saving…</source>
        <translation>Kontrollerar och sparar…</translation>
    </message>
    <message>
        <source>Saved to {path}. Restart the station to use the new settings.</source>
        <translation>Sparat i {path}. Starta om stationen för att använda de nya inställningarna.</translation>
    </message>
    <message>
        <source>Set by the environment, which wins over the file: {names}.</source>
        <translation>Satt av miljön, som går före filen: {names}.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Inte sparat: {reason}</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testar…</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Välj en skrivare först.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Skriver ut…</translation>
    </message>
    <message>
        <source>Test label sent to {printer} ({n} bytes).</source>
        <translation>Testetikett skickad till {printer} ({n} byte).</translation>
    </message>
    <message>
        <source>Save the command sheet</source>
        <translation>Spara kommandoarket</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Command sheet saved: {path}</source>
        <translation>Kommandoarket sparat: {path}</translation>
    </message>
    <message>
        <source>The command sheet was not saved: {error}</source>
        <translation>Kommandoarket sparades inte: {error}</translation>
    </message>
    <message>
        <source>Import codes</source>
        <translation>Importera koder</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Export codes</source>
        <translation>Exportera koder</translation>
    </message>
    <message>
        <source>{n} codes read from {name}; Save to keep them.</source>
        <translation>{n} koder lästa från {name}; Spara för att behålla dem.</translation>
    </message>
    <message>
        <source>{name} was not imported: {reason}</source>
        <translation>{name} importerades inte: {reason}</translation>
    </message>
    <message>
        <source>{n} codes written to {path}</source>
        <translation>{n} koder skrivna till {path}</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Mappar</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <source>ReturnMate requests</source>
        <translation>ReturnMate-anrop</translation>
    </message>
    <message>
        <source>Fleet database</source>
        <translation>Flottans databas</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>ingen angiven</translation>
    </message>
    <message>
        <source>Today (UTC)</source>
        <translation>I dag (UTC)</translation>
    </message>
    <message>
        <source>{n} of {limit}</source>
        <translation>{n} av {limit}</translation>
    </message>
    <message>
        <source>This minute</source>
        <translation>Denna minut</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>svarar</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stationer</translation>
    </message>
    <message>
        <source>{n} ({silent} silent)</source>
        <translation>{n} ({silent} tysta)</translation>
    </message>
    <message>
        <source>Syncer</source>
        <translation>Synkande station</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ingen än</translation>
    </message>
    <message>
        <source>Fleet&apos;s requests today (UTC)</source>
        <translation>Flottans anrop i dag (UTC)</translation>
    </message>
    <message>
        <source>Returns open now</source>
        <translation>Returer öppna nu</translation>
    </message>
    <message>
        <source>Writing the support bundle…</source>
        <translation>Skriver supportpaketet…</translation>
    </message>
    <message>
        <source>Support bundle written to {path}</source>
        <translation>Supportpaketet skrevs till {path}</translation>
    </message>
    <message>
        <source>The support bundle was not written: {reason}</source>
        <translation>Supportpaketet skrevs inte: {reason}</translation>
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
        <translation>Paketfoto (Skift+F4)</translation>
    </message>
    <message>
        <source>Apply advice</source>
        <translation>Följ rådet</translation>
    </message>
    <message>
        <source>override reason</source>
        <translation>skäl att avvika</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Avvik</translation>
    </message>
    <message>
        <source>{n} photo(s) — WM Tech&apos;s analysis is on its way; decide as usual.</source>
        <translation>{n} foto — WM Techs analys är på väg; bestäm som vanligt.</translation>
    </message>
    <message>
        <source>{n} photo(s) kept as evidence.</source>
        <translation>{n} foto sparade som bevis.</translation>
    </message>
    <message>
        <source>No photo of this item yet.</source>
        <translation>Inget foto av artikeln ännu.</translation>
    </message>
    <message>
        <source> &lt;b&gt;(not this return&apos;s currency {c}: not converted)&lt;/b&gt;</source>
        <translation> &lt;b&gt;(inte returens valuta {c}: inte omräknad)&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;b&gt;applied&lt;/b&gt;</source>
        <translation> · &lt;b&gt;följt&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;b&gt;overridden&lt;/b&gt; ({r})</source>
        <translation> · &lt;b&gt;avvikit&lt;/b&gt; ({r})</translation>
    </message>
    <message>
        <source>&lt;b&gt;AI: {decision}&lt;/b&gt; ({confidence:.0f}%) — {reason} · suggested refund {refund}{mismatch} · rule {rule}{done}</source>
        <translation>&lt;b&gt;AI: {decision}&lt;/b&gt; ({confidence:.0f}%) — {reason} · föreslagen återbetalning {refund}{mismatch} · regel {rule}{done}</translation>
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
        <translation>kameran går inte att använda ({why}): läs bildfiler i stället</translation>
    </message>
    <message>
        <source>camera {name} not found</source>
        <translation>kameran {name} hittades inte</translation>
    </message>
    <message>
        <source>no camera: read image files instead</source>
        <translation>ingen kamera: läs bildfiler i stället</translation>
    </message>
    <message>
        <source>camera: {error}</source>
        <translation>kamera: {error}</translation>
    </message>
    <message>
        <source>camera on: {name}</source>
        <translation>kamera på: {name}</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Lämna kioskläget</translation>
    </message>
</context>
<context>
    <name>CommandSheet</name>
    <message>
        <source>Present</source>
        <extracomment>printer dots per bar module</extracomment>
        <translation>Finns</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Saknas</translation>
    </message>
    <message>
        <source>Route as the rules say</source>
        <translation>Vidare enligt reglerna</translation>
    </message>
    <message>
        <source>Submit (scan twice)</source>
        <translation>Skicka (skanna två gånger)</translation>
    </message>
    <message>
        <source>Guided grading</source>
        <translation>Guidad klassning</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Grade {code}</source>
        <translation>Klass {code}</translation>
    </message>
    <message>
        <source>ReturnDesk commands — scan an item, then what to do with it</source>
        <translation>ReturnDesk-kommandon — skanna en artikel, sedan vad som ska göras med den</translation>
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
        <translation>Klass {code} — {meaning}</translation>
    </message>
    <message>
        <source>no condition code</source>
        <translation>ingen skickkod</translation>
    </message>
    <message>
        <source>→ as the rules say</source>
        <translation>→ enligt reglerna</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Grade {item}</source>
        <translation>Klassa {item}</translation>
    </message>
    <message>
        <source>1 · Yes</source>
        <translation>1 · Ja</translation>
    </message>
    <message>
        <source>2 · No</source>
        <translation>2 · Nej</translation>
    </message>
    <message>
        <source>Keys 1 and 2 (or Y and N), or scan Yes or No on the command sheet. Esc: stop.</source>
        <translation>Tangenterna 1 och 2 (eller J och N), eller skanna Ja eller Nej på kommandoarket. Esc: avbryt.</translation>
    </message>
    <message>
        <source>Question {n} of {m}</source>
        <translation>Fråga {n} av {m}</translation>
    </message>
    <message>
        <source>{code} is not an answer: scan Yes or No, or press 1 or 2.</source>
        <translation>{code} är inget svar: skanna Ja eller Nej, eller tryck 1 eller 2.</translation>
    </message>
</context>
<context>
    <name>ItemsScreen</name>
    <message>
        <source>Scan an item (EAN/GTIN or SKU) and press Enter</source>
        <extracomment>how each scan outcome is shown and heard: an item not in the return is a refusal; a unit not counted (a double read, a line already complete) or one more than expected is a warning</extracomment>
        <translation>Skanna en artikel (EAN/GTIN eller SKU) och tryck Enter</translation>
    </message>
    <message>
        <source>All present &amp;&amp; accepted (F5)</source>
        <translation>Allt finns &amp;&amp; godkänt (F5)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Tillbaka (Esc)</translation>
    </message>
    <message>
        <source>Submit (F12)</source>
        <translation>Skicka (F12)</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <extracomment>the grading questions while they are open (see open_guide)</extracomment>
        <translation>Skickar…</translation>
    </message>
    <message>
        <source>Offline: ReturnMate status as of {time} (not re-read)</source>
        <translation>Offline: ReturnMate-status från {time} (inte omläst)</translation>
    </message>
    <message>
        <source>Received WITHOUT an RMA: scan each item to add it, type its description and its refund.</source>
        <translation>Mottagen UTAN RMA: skanna varje artikel för att lägga till den, skriv beskrivning och återbetalning.</translation>
    </message>
    <message>
        <source>Scan the first item.</source>
        <translation>Skanna första artikeln.</translation>
    </message>
    <message>
        <source>Scan each item, or F5 if everything is there.</source>
        <translation>Skanna varje artikel, eller F5 om allt finns.</translation>
    </message>
    <message>
        <source>Frequent returner: {n} returns, {rate}% of orders returned</source>
        <translation>Återkommande returnerare: {n} returer, {rate} % av ordrarna returnerade</translation>
    </message>
    <message>
        <source>This customer: {n} returns so far</source>
        <translation>Den här kunden: {n} returer hittills</translation>
    </message>
    <message>
        <source>Submitting — scan again when Ready shows</source>
        <translation>Skickar — skanna igen när Redo visas</translation>
    </message>
    <message>
        <source>{code} is not in this return — unexpected item, kept aside and recorded (×{n}), not sent to nShift</source>
        <translation>{code} finns inte i returen — oväntad vara, läggs åt sidan och registreras (×{n}), skickas inte till nShift</translation>
    </message>
    <message>
        <source>{code} read twice at once — counted once. Two of them? Scan the second again.</source>
        <translation>{code} lästes två gånger direkt — räknades en gång. Två stycken? Skanna den andra igen.</translation>
    </message>
    <message>
        <source>{sku}: all {m} already counted — not counted again. One more? Scan it again.</source>
        <translation>{sku}: alla {m} redan räknade — räknas inte igen. En till? Skanna den igen.</translation>
    </message>
    <message>
        <source>{sku} present: {n} of {m} units — scan the next one</source>
        <translation>{sku} finns: {n} av {m} enheter — skanna nästa</translation>
    </message>
    <message>
        <source>{sku} present ({n}/{m}) — accept it (Space) or decide</source>
        <translation>{sku} finns ({n}/{m}) — godkänn (mellanslag) eller besluta</translation>
    </message>
    <message>
        <source>Yes and No answer the grading questions: scan Guided grading first</source>
        <translation>Ja och Nej besvarar klassningsfrågorna: skanna Guidad klassning först</translation>
    </message>
    <message>
        <source>Scan an item first: the command is for the item chosen in the table</source>
        <translation>Skanna en artikel först: kommandot gäller artikeln som är vald i tabellen</translation>
    </message>
    <message>
        <source>{sku} is not marked present: a missing item has no grade or route</source>
        <translation>{sku} är inte markerad som finns: en saknad artikel har ingen klass eller destination</translation>
    </message>
    <message>
        <source>Scan an item first: its questions are asked then</source>
        <translation>Skanna en artikel först: då ställs dess frågor</translation>
    </message>
    <message>
        <source>No grading questions are set for {sku}: choose its grade</source>
        <translation>Inga klassningsfrågor finns för {sku}: välj dess klass</translation>
    </message>
    <message>
        <source>{sku}: grade {grade} from the questions · {route}</source>
        <translation>{sku}: klass {grade} enligt frågorna · {route}</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>inte beslutad</translation>
    </message>
    <message>
        <source>present</source>
        <translation>finns</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>avvisad</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
    <message>
        <source>An unexpected item has nothing to decide: choose a line with Up/Down</source>
        <translation>En oväntad vara har inget att besluta: välj en rad med upp/ned</translation>
    </message>
    <message>
        <source>grade it before submitting</source>
        <translation>ange klass innan du skickar</translation>
    </message>
    <message>
        <source>{accepted} of {n} accepted, refund {total} {currency}.</source>
        <translation>{accepted} av {n} godkända, återbetalning {total} {currency}.</translation>
    </message>
    <message>
        <source>{sku} {n} of {m}</source>
        <translation>{sku} {n} av {m}</translation>
    </message>
    <message>
        <source>Short: {lines}.</source>
        <translation>Saknas delvis: {lines}.</translation>
    </message>
    <message>
        <source>Unexpected: {codes}.</source>
        <translation>Oväntade: {codes}.</translation>
    </message>
    <message>
        <source>Press F12 again to submit, Esc to go back.</source>
        <translation>Tryck F12 igen för att skicka, Esc för att gå tillbaka.</translation>
    </message>
    <message>
        <source>{sku} added (×{n}) — type its description and refund</source>
        <translation>{sku} tillagd (×{n}) — skriv beskrivning och återbetalning</translation>
    </message>
    <message>
        <source>{sku}: scanned {n} of {m} — more than expected</source>
        <translation>{sku}: {n} av {m} skannade — fler än väntat</translation>
    </message>
    <message>
        <source>Not submitted.</source>
        <translation>Inte skickat.</translation>
    </message>
    <message>
        <source>{sku} (line {n}): </source>
        <translation>{sku} (rad {n}): </translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>inte beslutad än</translation>
    </message>
    <message>
        <source>the return has no items</source>
        <translation>returen har inga artiklar</translation>
    </message>
    <message>
        <source>enter its refund (net or gross)</source>
        <translation>ange återbetalningen (netto eller brutto)</translation>
    </message>
    <message>
        <source>no price is known: enter its refund</source>
        <translation>inget pris är känt: ange återbetalningen</translation>
    </message>
    <message>
        <source>Cannot submit yet — {n} problem(s). {where}{what}</source>
        <translation>Kan inte skicka än — {n} problem. {where}{what}</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Search by return, RMA or operator</source>
        <translation>Sök på retur, RMA eller operatör</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <extracomment>filters and paging, above the table (the Queue&apos;s)</extracomment>
        <translation>Tillbaka (Esc)</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Photos — {subject}</source>
        <extracomment>where thumbnails of imported files are read (a 12-megapixel file is no GUI work)</extracomment>
        <translation>Foton — {subject}</translation>
    </message>
    <message>
        <source>Capture (Space)</source>
        <translation>Ta foto (mellanslag)</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>Ta om</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importera filer…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Importera mapp…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Scan ignored — press Done first, then scan.</source>
        <translation>Skanningen ignoreras — tryck Klar först och skanna sedan.</translation>
    </message>
    <message>
        <source>The camera cannot be used on this station ({why}). Import photos from files or a folder instead — everything else works the same.</source>
        <translation>Kameran kan inte användas på den här stationen ({why}). Importera foton från filer eller en mapp i stället — allt annat fungerar som vanligt.</translation>
    </message>
    <message>
        <source>No camera on this station{named}. Import photos from files or a folder instead — everything else works the same.</source>
        <translation>Ingen kamera på stationen{named}. Importera foton från filer eller en mapp i stället — allt annat fungerar likadant.</translation>
    </message>
    <message>
        <source> (looked for {c!r})</source>
        <translation> (sökte efter {c!r})</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>ingen bild</translation>
    </message>
    <message>
        <source>Photos of the item</source>
        <translation>Foton av artikeln</translation>
    </message>
    <message>
        <source>A folder of photos</source>
        <translation>En mapp med foton</translation>
    </message>
    <message>
        <source>Remove last</source>
        <translation>Ta bort senaste</translation>
    </message>
    <message>
        <source>{n} photo(s) to keep</source>
        <translation>{n} foto att spara</translation>
    </message>
</context>
<context>
    <name>PhotoFlow</name>
    <message>
        <source>the parcel</source>
        <extracomment>asked once per shift before the first photo goes to a live WM Tech key</extracomment>
        <translation>paketet</translation>
    </message>
    <message>
        <source>Photos not taken: the live WM Tech key was not confirmed.</source>
        <translation>Inga foton tagna: den skarpa WM Tech-nyckeln bekräftades inte.</translation>
    </message>
    <message>
        <source>Photo kept; WM Tech&apos;s analysis follows.</source>
        <translation>Fotot sparat; WM Techs analys följer.</translation>
    </message>
    <message>
        <source>Photo kept as evidence.</source>
        <translation>Fotot sparat som bevis.</translation>
    </message>
    <message>
        <source>Photo not kept: {error}</source>
        <translation>Fotot sparades inte: {error}</translation>
    </message>
    <message>
        <source>AI advice this shift: {applied} applied, {overridden} overridden, {disagreed} disagreed with</source>
        <translation>AI-råd detta skift: {applied} följda, {overridden} avvikna, {disagreed} med annan bedömning</translation>
    </message>
    <message>
        <source>WM Tech&apos;s analysis is in — see the advice panel.</source>
        <translation>WM Techs analys har kommit — se rådpanelen.</translation>
    </message>
    <message>
        <source>LIVE WM Tech key</source>
        <translation>SKARP WM Tech-nyckel</translation>
    </message>
    <message>
        <source>This station uses a LIVE WM Tech key: its analyses can trigger real refunds and fraud holds. Send this shift&apos;s photos for analysis?</source>
        <translation>Stationen använder en SKARP WM Tech-nyckel: analyserna kan utlösa riktiga återbetalningar och bedrägerispärrar. Skicka skiftets foton för analys?</translation>
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
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Scan ignored — enter the PIN or cancel (Esc) first.</source>
        <translation>Skanningen ignoreras — ange PIN-koden eller avbryt (Esc) först.</translation>
    </message>
    <message>
        <source>Enter the admin PIN.</source>
        <translation>Ange admin-PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left before a one-minute lock.</source>
        <translation>Fel PIN. {n} försök kvar innan en minuts spärr.</translation>
    </message>
    <message>
        <source>Enter the same PIN again.</source>
        <translation>Ange samma PIN igen.</translation>
    </message>
    <message>
        <source>Choose an admin PIN of 4 to 12 digits. Write it down somewhere safe.</source>
        <translation>Välj en admin-PIN med 4 till 12 siffror. Skriv ner den på ett säkert ställe.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>PIN-koderna skiljer sig åt. Börja om.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {s} s.</source>
        <translation>För många fel PIN. Försök igen om {s} s.</translation>
    </message>
</context>
<context>
    <name>ReadyScreen</name>
    <message>
        <source>Scan a return label</source>
        <translation>Skanna en returetikett</translation>
    </message>
    <message>
        <source>RMA number, order number, nShift return id or parcel barcode</source>
        <translation>RMA-nummer, ordernummer, nShift retur-id eller paketets streckkod</translation>
    </message>
    <message>
        <source>or type it + Enter</source>
        <translation>eller skriv in den + Enter</translation>
    </message>
    <message>
        <source>Without RMA (F8)</source>
        <translation>Utan RMA (F8)</translation>
    </message>
    <message>
        <source>Barcode from image… (Ctrl+O)</source>
        <translation>Streckkod från bild… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Scanner check (F7)</source>
        <translation>Skannertest (F7)</translation>
    </message>
    <message>
        <source>Queue (F9)</source>
        <translation>Kö (F9)</translation>
    </message>
    <message>
        <source>History (F10)</source>
        <translation>Historik (F10)</translation>
    </message>
    <message>
        <source>Sign off (F6)</source>
        <translation>Logga ut (F6)</translation>
    </message>
    <message>
        <source>Settings (F2)</source>
        <translation>Inställningar (F2)</translation>
    </message>
    <message>
        <source>Support (F3)</source>
        <translation>Support (F3)</translation>
    </message>
    <message>
        <source>Read a barcode from an image</source>
        <translation>Läs en streckkod från en bild</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>No barcode found in {name}.</source>
        <translation>Ingen streckkod hittades i {name}.</translation>
    </message>
    <message>
        <source>{name} could not be read as an image.</source>
        <translation>{name} kunde inte läsas som en bild.</translation>
    </message>
    <message>
        <source>Training mode — try one of these: {codes}</source>
        <translation>Övningsläge — prova någon av dessa: {codes}</translation>
    </message>
</context>
<context>
    <name>ReceivingFlow</name>
    <message>
        <source>Looking up {code}…</source>
        <extracomment>an RMA whose nShift return the operator is asked to scan the last code looked up: F8 after its refusal receives that parcel without an RMA a return whose lease was taken over, which the operator was told of: the next Submit sends it anyway</extracomment>
        <translation>Söker {code}…</translation>
    </message>
    <message>
        <source>No expected return matches {code}.</source>
        <translation>Ingen väntad retur matchar {code}.</translation>
    </message>
    <message>
        <source>ReturnMate could not be asked: {problem}</source>
        <translation>ReturnMate kunde inte tillfrågas: {problem}</translation>
    </message>
    <message>
        <source>{code} matches {n} returns ({numbers}): scan the RMA label instead</source>
        <translation>{code} matchar {n} returer ({numbers}): skanna RMA-etiketten i stället</translation>
    </message>
    <message>
        <source>{rma}: nShift&apos;s return is not known here. Scan the nShift return id on the parcel (the NSR… label) to go on.</source>
        <translation>{rma}: nShifts retur är inte känd här. Skanna nShift-retur-id:t på paketet (etiketten NSR…) för att fortsätta.</translation>
    </message>
    <message>
        <source>nShift&apos;s return does not list {skus}: not sent to nShift</source>
        <translation>nShifts retur innehåller inte {skus}: skickas inte till nShift</translation>
    </message>
    <message>
        <source>✓ {code} set aside on the exceptions shelf — recorded in History</source>
        <translation>✓ {code} lagd på avvikelsehyllan — registrerad i Historik</translation>
    </message>
    <message>
        <source>WITHOUT RMA · {parcel} · {currency}</source>
        <translation>UTAN RMA · {parcel} · {currency}</translation>
    </message>
    <message>
        <source>Could not start: {error}</source>
        <translation>Kunde inte starta: {error}</translation>
    </message>
    <message>
        <source>Lookup failed: {error}</source>
        <translation>Sökningen misslyckades: {error}</translation>
    </message>
    <message>
        <source>{accepted} of {n} accepted, refund {total} {currency}</source>
        <translation>{accepted} av {n} godkända, återbetalning {total} {currency}</translation>
    </message>
    <message>
        <source>✓ {rma}: {done} — queued</source>
        <translation>✓ {rma}: {done} — i kön</translation>
    </message>
    <message>
        <source>✓ Recorded without RMA: {done}. Kept in History for customer service (nShift needs an RMA).</source>
        <translation>✓ Registrerad utan RMA: {done}. Sparad i historiken för kundtjänst (nShift behöver en RMA).</translation>
    </message>
    <message>
        <source>Not saved — see the message above.</source>
        <translation>Inte sparat — se meddelandet ovan.</translation>
    </message>
    <message>
        <source>Could not submit: {error}</source>
        <translation>Kunde inte skicka: {error}</translation>
    </message>
</context>
<context>
    <name>RecordsFlow</name>
    <message>
        <source>Item</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>For</source>
        <translation>För</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nästa försök</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Senaste fel</translation>
    </message>
    <message>
        <source>All (unsent first)</source>
        <extracomment>rows on one page of the Queue (every row is reachable by paging)</extracomment>
        <translation>Alla (ej skickade först)</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>Ännu inte skickade</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Behöver åtgärd</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickade</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Lösta</translation>
    </message>
    <message>
        <source>nShift update</source>
        <translation>nShift-uppdatering</translation>
    </message>
    <message>
        <source>RMA status</source>
        <translation>RMA-status</translation>
    </message>
    <message>
        <source>RMA note</source>
        <translation>RMA-anteckning</translation>
    </message>
    <message>
        <source>AI analysis</source>
        <translation>AI-analys</translation>
    </message>
    <message>
        <source>photo upload</source>
        <translation>fotouppladdning</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etikett</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Återbetalning</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>väntar</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>skickas</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>skickad</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>utfall okänt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckad</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>behöver åtgärd</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>löst</translation>
    </message>
    <message>
        <source>{what} resolved: {reason}</source>
        <translation>{what} löst: {reason}</translation>
    </message>
    <message>
        <source>WITHOUT RMA</source>
        <translation>UTAN RMA</translation>
    </message>
    <message>
        <source>SET ASIDE</source>
        <translation>AVSATT</translation>
    </message>
    <message>
        <source>{n} applied</source>
        <translation>{n} följda</translation>
    </message>
    <message>
        <source>{n} overridden</source>
        <translation>{n} avvikna</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <extracomment>while the Queue is open it follows the outbox, at most this often (a reload reads SQLite) asks the operator yes/no (title, text); a dialog, or a test&apos;s answer asks why an item is resolved; None: cancelled</extracomment>
        <translation>Försök igen med vald</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Försök igen med alla</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Markera som löst</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Nyare</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Äldre ▶</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>Mottaget i dag</translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation>Exportera bevis</translation>
    </message>
    <message>
        <source>Reopen refused</source>
        <translation>Öppna avvisad igen</translation>
    </message>
    <message>
        <source>Reprint labels (Ctrl+P)</source>
        <translation>Skriv ut etiketter igen (Ctrl+P)</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>{first}–{last} av {total}</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>Välj en post först.</translation>
    </message>
    <message>
        <source>Send it again?</source>
        <translation>Skicka igen?</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Inget att försöka igen.</translation>
    </message>
    <message>
        <source>Send these {n} item(s) again now?</source>
        <translation>Skicka dessa {n} post(er) igen nu?</translation>
    </message>
    <message>
        <source>{n} note(s) or analyses are left as they are: their first attempt may have reached the vendor. Check each there, then retry or resolve it on its own.</source>
        <translation>{n} anteckning(ar) eller analyser lämnas som de är: deras första försök kan ha nått leverantören. Kontrollera var och en där och försök sedan igen eller lös den för sig.</translation>
    </message>
    <message>
        <source>{n} item(s) will be sent again.</source>
        <translation>{n} post(er) skickas igen.</translation>
    </message>
    <message>
        <source>What did the vendor show? The reason is kept with the return.</source>
        <translation>Vad visade leverantören? Orsaken sparas med returen.</translation>
    </message>
    <message>
        <source>Not resolved: {reason}</source>
        <translation>Inte löst: {reason}</translation>
    </message>
    <message>
        <source>{item} marked resolved.</source>
        <translation>{item} markerad som löst.</translation>
    </message>
    <message>
        <source>Exported {n} item(s) to {path}</source>
        <translation>{n} post(er) exporterade till {path}</translation>
    </message>
    <message>
        <source>No return received at this station carries the plate {plate}.</source>
        <translation>Ingen retur mottagen på denna station har etiketten {plate}.</translation>
    </message>
    <message>
        <source>Choose a return first.</source>
        <translation>Välj en retur först.</translation>
    </message>
    <message>
        <source>{n} label(s) sent to the printer again.</source>
        <translation>{n} etikett(er) skickade till skrivaren igen.</translation>
    </message>
    <message>
        <source>No return of this station printed labels yet.</source>
        <translation>Ingen retur på denna station har skrivit ut etiketter än.</translation>
    </message>
    <message>
        <source>This return printed no labels.</source>
        <translation>Denna retur skrev inte ut några etiketter.</translation>
    </message>
    <message>
        <source>Evidence written to {path}</source>
        <translation>Bevis skrivna till {path}</translation>
    </message>
    <message>
        <source>Only a return whose wms-update nShift refused can be reopened.</source>
        <translation>Bara en retur vars wms-update nShift avvisade kan öppnas igen.</translation>
    </message>
    <message>
        <source>set aside: {reason}</source>
        <translation>avsatt: {reason}</translation>
    </message>
</context>
<context>
    <name>ReturnItemsModel</name>
    <message>
        <source>SKU</source>
        <extracomment>the four decision controls of a line, one column each, and the decision each one sets</extracomment>
        <translation>Art.nr</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Enh.</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Finns</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Saknas</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Skick</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Photo · AI</source>
        <translation>Foto · AI</translation>
    </message>
    <message>
        <source>{n} of {m} units here: {short} missing</source>
        <extracomment>what the Condition column&apos;s editor hands over: ``grade:B``, ``condition:USED``, ``route:x`` the raw value of a cell (Decimal for money), for sorting the :class:`ReturnLine` of a row a line short of its quantity, and an item the return does not list the Condition cell&apos;s type: smaller than the table&apos;s 14 pt, for two lines in 120 px a submission of the shown case is being recorded: nothing may change it a repeat faster than this is a double read (the scanner settings, via ScanRouter)</extracomment>
        <translation>{n} av {m} enheter här: {short} saknas</translation>
    </message>
    <message>
        <source>No price is known for this item: type its refund</source>
        <translation>Inget pris är känt för varan: skriv återbetalningen</translation>
    </message>
    <message>
        <source>Goes to: {label}</source>
        <translation>Går till: {label}</translation>
    </message>
    <message>
        <source>chosen by the operator</source>
        <translation>valt av operatören</translation>
    </message>
    <message>
        <source>no rule applies: the station&apos;s default</source>
        <translation>ingen regel gäller: stationens standard</translation>
    </message>
    <message>
        <source>by rule {n}</source>
        <translation>enligt regel {n}</translation>
    </message>
    <message>
        <source>UNEXPECTED — not in this return, not sent to nShift</source>
        <translation>OVÄNTAD — inte i returen, skickas inte till nShift</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>{code} is a command for the Items screen: scan a parcel first</source>
        <extracomment>longest part of a scan written to the log (a 2-D label can be long) set once a refused scan showed a US-programmed scanner on another layout a screen that wants scans raw (the scanner check); None: the receiving screens</extracomment>
        <translation>{code} är ett kommando för artikelskärmen: skanna ett paket först</translation>
    </message>
    <message>
        <source>{code} was read again at once — it is being looked up already</source>
        <translation>{code} lästes igen direkt — den slås redan upp</translation>
    </message>
    <message>
        <source>{code} is an item&apos;s barcode. Scan the parcel&apos;s return label first.</source>
        <translation>{code} är en artikels streckkod. Skanna paketets returetikett först.</translation>
    </message>
    <message>
        <source>{code} is a licence plate from a return already received. Scan it on the Ready screen to see that return.</source>
        <translation>{code} är en etikett från en redan mottagen retur. Skanna den på startskärmen för att se returen.</translation>
    </message>
    <message>
        <source>{code} is a parcel label, not an item. Submit or go back (Esc) before starting the next parcel.</source>
        <translation>{code} är en paketetikett, inte en artikel. Skicka eller gå tillbaka (Esc) innan nästa paket.</translation>
    </message>
</context>
<context>
    <name>ScannerCheckScreen</name>
    <message>
        <source>Scanner check</source>
        <extracomment>how characters that do not print are shown</extracomment>
        <translation>Skannertest</translation>
    </message>
    <message>
        <source>Scan each code below, from the screen or the printed sheet. Keyboard scanners: keys read as {decode}, at most {gap} ms apart, ending with {ends}.</source>
        <translation>Skanna varje kod nedan, från skärmen eller det utskrivna arket. Tangentbordsskannrar: tangenter läses som {decode}, högst {gap} ms isär, avslutade med {ends}.</translation>
    </message>
    <message>
        <source>US physical keys</source>
        <translation>fysiska US-tangenter</translation>
    </message>
    <message>
        <source>typed text</source>
        <translation>inskriven text</translation>
    </message>
    <message>
        <source>a pause</source>
        <translation>en paus</translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation>inte skannad än</translation>
    </message>
    <message>
        <source>Save sheet to print…</source>
        <translation>Spara ark för utskrift…</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Tillbaka (Esc)</translation>
    </message>
    <message>
        <source>All characters right.</source>
        <translation>Alla tecken rätt.</translation>
    </message>
    <message>
        <source>Save the scanner test sheet</source>
        <translation>Spara skannerns testark</translation>
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
        <translation>Seriell skanner: {status}</translation>
    </message>
    <message>
        <source>Scanner test sheet saved: {path}</source>
        <translation>Skannerns testblad sparat: {path}</translation>
    </message>
    <message>
        <source>The test sheet was not saved: {error}</source>
        <translation>Testbladet sparades inte: {error}</translation>
    </message>
</context>
<context>
    <name>SerialScanSource</name>
    <message>
        <source>{port}: {error} — retrying</source>
        <extracomment>errors after which the port is closed and opened again later</extracomment>
        <translation>{port}: {error} — försöker igen</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Scan ignored here — click into a text field to type it there, or close Settings first and scan again.</source>
        <extracomment>a scanner&apos;s code is typed into the focused field here (see ScanRouter)</extracomment>
        <translation>Skanningen ignoreras här — klicka i ett textfält för att skriva den där, eller stäng Inställningar först och skanna igen.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Starta om nu</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Tillbaka (Esc)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Stationens namn</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>Butiks-id</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Marknad</translation>
    </message>
    <message>
        <source>For returns that name no market.</source>
        <translation>För returer som inte anger någon marknad.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Success and error tones</source>
        <translation>Ljud för lyckat och fel</translation>
    </message>
    <message>
        <source>Operators sign on at shift start</source>
        <translation>Operatörer loggar in när skiftet börjar</translation>
    </message>
    <message>
        <source>Kiosk mode (full screen)</source>
        <translation>Kioskläge (helskärm)</translation>
    </message>
    <message>
        <source>Restart the station after a crash</source>
        <translation>Starta om stationen efter en krasch</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Loggnivå</translation>
    </message>
    <message>
        <source>Change admin PIN…</source>
        <translation>Byt admin-PIN…</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Admin-PIN</translation>
    </message>
    <message>
        <source>Markets and codes</source>
        <translation>Marknader och koder</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Tax rate (0.25 = 25 %)</source>
        <translation>Momssats (0.25 = 25 %)</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Marknader</translation>
    </message>
    <message>
        <source>Reason codes</source>
        <translation>Orsakskoder</translation>
    </message>
    <message>
        <source>Condition codes</source>
        <translation>Skickkoder</translation>
    </message>
    <message>
        <source>One code a line.</source>
        <translation>En kod per rad.</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importera CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>Leverantörer</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Bas-URL</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Live (refunds customers)</source>
        <translation>Skarpt (återbetalar kunder)</translation>
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
        <translation>Nyckelhuvud</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-nyckel</translation>
    </message>
    <message>
        <source>WM Tech store id</source>
        <translation>WM Tech butiks-id</translation>
    </message>
    <message>
        <source>Allow a live key (it triggers real refunds)</source>
        <translation>Tillåt en skarp nyckel (den utlöser riktiga återbetalningar)</translation>
    </message>
    <message>
        <source>Timeout (s)</source>
        <translation>Tidsgräns (s)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
    </message>
    <message>
        <source>ReturnMate fields and the nShift join</source>
        <translation>ReturnMate-fält och kopplingen till nShift</translation>
    </message>
    <message>
        <source>a field name or dotted path, e.g. metadata.nshift_id; empty: not mapped</source>
        <translation>ett fältnamn eller en punktad sökväg, t.ex. metadata.nshift_id; tomt: ingen koppling</translation>
    </message>
    <message>
        <source>nShift return id</source>
        <translation>nShift-retur-id</translation>
    </message>
    <message>
        <source>Forward order id</source>
        <translation>Ursprunglig order-id</translation>
    </message>
    <message>
        <source>Tracking numbers</source>
        <translation>Spårningsnummer</translation>
    </message>
    <message>
        <source>Item: description</source>
        <translation>Vara: beskrivning</translation>
    </message>
    <message>
        <source>Item: unit price (tax incl.)</source>
        <translation>Vara: styckpris (inkl. moms)</translation>
    </message>
    <message>
        <source>Item: tax rate</source>
        <translation>Vara: momssats</translation>
    </message>
    <message>
        <source>Item: GTIN</source>
        <translation>Vara: GTIN</translation>
    </message>
    <message>
        <source>Item: order item id</source>
        <translation>Vara: orderrads-id</translation>
    </message>
    <message>
        <source>Join sources, in order</source>
        <translation>Kopplingskällor, i ordning</translation>
    </message>
    <message>
        <source>One a line: mapping, nshift, scan.</source>
        <translation>En per rad: mapping, nshift, scan.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foton</translation>
    </message>
    <message>
        <source>Sandbox (demo only)</source>
        <translation>Sandlåda (endast demo)</translation>
    </message>
    <message>
        <source>Folder published by a web server</source>
        <translation>Mapp som en webbserver publicerar</translation>
    </message>
    <message>
        <source>HTTP upload (PUT)</source>
        <translation>HTTP-uppladdning (PUT)</translation>
    </message>
    <message>
        <source>Photo store</source>
        <translation>Fotolager</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <source>Public base URL</source>
        <translation>Publik bas-URL</translation>
    </message>
    <message>
        <source>https://…, where WM Tech fetches photos</source>
        <translation>https://…, där WM Tech hämtar fotona</translation>
    </message>
    <message>
        <source>Upload URL</source>
        <translation>Uppladdnings-URL</translation>
    </message>
    <message>
        <source>{name} is replaced by the file name</source>
        <translation>{name} ersätts med filnamnet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Upload auth</source>
        <translation>Inloggning för uppladdning</translation>
    </message>
    <message>
        <source>Upload user</source>
        <translation>Uppladdningsanvändare</translation>
    </message>
    <message>
        <source>Upload secret</source>
        <translation>Uppladdningshemlighet</translation>
    </message>
    <message>
        <source>Long edge (px)</source>
        <translation>Långsida (px)</translation>
    </message>
    <message>
        <source>Size budget (bytes)</source>
        <translation>Storleksgräns (byte)</translation>
    </message>
    <message>
        <source>Keep photos (days)</source>
        <translation>Spara foton (dagar)</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <source>Keyboard scanner</source>
        <translation>Tangentbordsskanner</translation>
    </message>
    <message>
        <source>Max gap between keys (ms)</source>
        <translation>Största paus mellan tangenter (ms)</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>Kortaste kod</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Characters as typed</source>
        <translation>Tecken som de skrivs</translation>
    </message>
    <message>
        <source>US keys on any layout</source>
        <translation>US-tangenter på alla layouter</translation>
    </message>
    <message>
        <source>Keyboard decoding</source>
        <translation>Tangentbordsavkodning</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Seriell skanner</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serieport</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baudhastighet</translation>
    </message>
    <message>
        <source>Camera scanning</source>
        <translation>Skanning med kamera</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Double-read window (ms)</source>
        <translation>Fönster för dubbelläsning (ms)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Skrivare</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>A plate per accepted item, and the RMA plate</source>
        <translation>En etikett per godkänd artikel, och RMA-etiketten</translation>
    </message>
    <message>
        <source>The RMA plate only</source>
        <translation>Bara RMA-etiketten</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiketter</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Ingen skrivare</translation>
    </message>
    <message>
        <source>Label printer on the network (ZPL, port 9100)</source>
        <translation>Etikettskrivare i nätverket (ZPL, port 9100)</translation>
    </message>
    <message>
        <source>CUPS queue, raw (Linux)</source>
        <translation>CUPS-kö, rå (Linux)</translation>
    </message>
    <message>
        <source>Windows printer, raw</source>
        <translation>Windows-skrivare, rå</translation>
    </message>
    <message>
        <source>PDF files, for any printer</source>
        <translation>PDF-filer, för valfri skrivare</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Skrivarens adress</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Queue or printer name</source>
        <translation>Kö eller skrivarnamn</translation>
    </message>
    <message>
        <source>CUPS queue, or the Windows printer&apos;s name</source>
        <translation>CUPS-kö, eller Windows-skrivarens namn</translation>
    </message>
    <message>
        <source>PDF folder</source>
        <translation>PDF-mapp</translation>
    </message>
    <message>
        <source>Empty: the data folder&apos;s labels</source>
        <translation>Tom: datamappens labels</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>Upplösning (dpi)</translation>
    </message>
    <message>
        <source>Label width (mm)</source>
        <translation>Etikettbredd (mm)</translation>
    </message>
    <message>
        <source>Label height (mm)</source>
        <translation>Etiketthöjd (mm)</translation>
    </message>
    <message>
        <source>Ask the printer first whether it can print (out of labels, paused)</source>
        <translation>Fråga först skrivaren om den kan skriva ut (slut på etiketter, pausad)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsvisning</translation>
    </message>
    <message>
        <source>Print test label</source>
        <translation>Skriv ut testetikett</translation>
    </message>
    <message>
        <source>Save command sheet…</source>
        <translation>Spara kommandoark…</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operatörer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Badge code (optional)</source>
        <translation>Passerkortskod (valfri)</translation>
    </message>
    <message>
        <source>Empty: operators type their name when they sign on.</source>
        <translation>Tomt: operatörer skriver sitt namn när de loggar in.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Requests a minute, at or under the vendor&apos;s plan (0: no pacing).</source>
        <translation>Anrop per minut, högst vad leverantörens avtal tillåter (0: ingen begränsning).</translation>
    </message>
    <message>
        <source>set</source>
        <translation>satt</translation>
    </message>
    <message>
        <source>not set — anyone can open Settings</source>
        <translation>inte satt — vem som helst kan öppna Inställningar</translation>
    </message>
    <message>
        <source>Not saved: {n} setting(s) need a look.</source>
        <translation>Inte sparat: {n} inställning(ar) behöver ses över.</translation>
    </message>
</context>
<context>
    <name>SignOnScreen</name>
    <message>
        <source>Sign on</source>
        <extracomment>name buttons a row; larger teams scan badges or type</extracomment>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Your name + Enter</source>
        <translation>Ditt namn + Enter</translation>
    </message>
    <message>
        <source>Scan your badge or touch your name.</source>
        <translation>Skanna ditt passerkort eller tryck på ditt namn.</translation>
    </message>
    <message>
        <source>Touch your name.</source>
        <translation>Tryck på ditt namn.</translation>
    </message>
    <message>
        <source>Type your name and press Enter.</source>
        <translation>Skriv ditt namn och tryck Enter.</translation>
    </message>
    <message>
        <source>Type at least two letters of your name.</source>
        <translation>Skriv minst två bokstäver av ditt namn.</translation>
    </message>
    <message>
        <source>This badge is not known at this station. Touch your name, or ask an admin to add the badge in Settings → Operators.</source>
        <translation>Passerkortet är okänt på stationen. Tryck på ditt namn, eller be en admin lägga till kortet under Inställningar → Operatörer.</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>fleet</source>
        <extracomment>refreshes the expected-returns cache every few minutes where scanners and typed codes go the lookups&apos; connection to the expected-returns cache, closed when the station stops the station&apos;s rounds for the fleet database; None: the station works on its own</extracomment>
        <translation>flottan</translation>
    </message>
    <message>
        <source>The fleet database is away ({problem}). This station receives on its own; what it receives reaches the fleet when the database is back.</source>
        <translation>Flottans databas är borta ({problem}). Stationen tar emot på egen hand; det den tar emot når flottan när databasen är tillbaka.</translation>
    </message>
    <message>
        <source>Metrics are not served on {address}: {error}</source>
        <translation>Mätvärden visas inte på {address}: {error}</translation>
    </message>
    <message>
        <source>Camera and sounds are unavailable on this station ({why}). Receiving works; take photos by importing files.</source>
        <translation>Kamera och ljud är inte tillgängliga på den här stationen ({why}). Mottagningen fungerar; ta foton genom att importera filer.</translation>
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
        <translation>Operatör</translation>
    </message>
    <message>
        <source>RMAs</source>
        <translation>RMA:er</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Nätverk</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Etikettskrivare</translation>
    </message>
    <message>
        <source>sign-on off</source>
        <extracomment>what each vendor&apos;s last request showed (&quot;&quot; for the drainer&apos;s unnamed report)</extracomment>
        <translation>inloggning av</translation>
    </message>
    <message>
        <source>not signed on</source>
        <translation>inte inloggad</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>inte laddade än</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>inte laddade</translation>
    </message>
    <message>
        <source>{n} · {time} ⚠ quota</source>
        <translation>{n} · {time} ⚠ kvot</translation>
    </message>
    <message>
        <source>{n} · {time}, old</source>
        <translation>{n} · {time}, gammal</translation>
    </message>
    <message>
        <source>Receivable RMAs in the local cache, refreshed at that time</source>
        <translation>Mottagningsbara RMA:er i den lokala cachen, uppdaterade vid den tiden</translation>
    </message>
    <message>
        <source>no traffic yet</source>
        <translation>ingen trafik än</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>OFFLINE: {vendors} — receiving goes on</source>
        <translation>OFFLINE: {vendors} — mottagningen fortsätter</translation>
    </message>
    <message>
        <source>OFFLINE — receiving goes on</source>
        <translation>OFFLINE — mottagningen fortsätter</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>svarar</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nås inte</translation>
    </message>
    <message>
        <source>{waiting} waiting</source>
        <translation>{waiting} väntar</translation>
    </message>
    <message>
        <source>{n} need attention</source>
        <translation>{n} behöver åtgärd</translation>
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
        <translation>Senaste logg</translation>
    </message>
    <message>
        <source>Save support bundle</source>
        <translation>Spara supportpaket</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Tillbaka (Esc)</translation>
    </message>
    <message>
        <source>Scan ignored here — close Support first (Esc), then scan again.</source>
        <translation>Skanningen ignoreras här — stäng Support först (Esc) och skanna sedan igen.</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>plattform</translation>
    </message>
    <message>
        <source>installed build</source>
        <translation>installerad version</translation>
    </message>
    <message>
        <source>settings file</source>
        <translation>inställningsfil</translation>
    </message>
    <message>
        <source>data folder</source>
        <translation>datamapp</translation>
    </message>
    <message>
        <source>log folder</source>
        <translation>loggmapp</translation>
    </message>
    <message>
        <source>oldest waiting since</source>
        <translation>äldsta väntar sedan</translation>
    </message>
    <message>
        <source>outbox</source>
        <translation>utkorg</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>inte skapad än</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>inte installerad</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>needs attention {n}</source>
        <translation>behöver åtgärd {n}</translation>
    </message>
</context>
<context>
    <name>TableField</name>
    <message>
        <source>Add row</source>
        <translation>Lägg till rad</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Ta bort rad</translation>
    </message>
</context>
<context>
    <name>UnknownScreen</name>
    <message>
        <source>Scan or type another code from the parcel</source>
        <translation>Skanna eller skriv en annan kod från paketet</translation>
    </message>
    <message>
        <source>scan the parcel&apos;s label</source>
        <translation>skanna paketets etikett</translation>
    </message>
    <message>
        <source>Parcel code</source>
        <translation>Paketkod</translation>
    </message>
    <message>
        <source>from the packing slip, if there is one</source>
        <translation>från följesedeln, om det finns en</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Ordernummer</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Marknad</translation>
    </message>
    <message>
        <source>Start receiving without RMA (Enter)</source>
        <translation>Börja ta emot utan RMA (Enter)</translation>
    </message>
    <message>
        <source>Cannot receive it now? Put the parcel on the exceptions shelf with a note of this code and why, and tell the team lead.</source>
        <translation>Kan du inte ta emot det nu? Lägg paketet på avvikelsehyllan med en lapp om koden och varför, och säg till teamledaren.</translation>
    </message>
    <message>
        <source>why: no label, damaged, no paperwork…</source>
        <translation>varför: ingen etikett, skadat, inga papper…</translation>
    </message>
    <message>
        <source>Set aside and record</source>
        <translation>Lägg åt sidan och registrera</translation>
    </message>
    <message>
        <source>Receive without RMA (F8)</source>
        <translation>Ta emot utan RMA (F8)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Tillbaka (Esc)</translation>
    </message>
    <message>
        <source>Unknown parcel</source>
        <translation>Okänt paket</translation>
    </message>
    <message>
        <source>Receive without an RMA</source>
        <translation>Ta emot utan RMA</translation>
    </message>
    <message>
        <source>Scan the parcel&apos;s label, then type the order number if there is one.</source>
        <translation>Skanna paketets etikett och skriv sedan ordernumret om det finns ett.</translation>
    </message>
    <message>
        <source>Scan or type the parcel&apos;s label code first.</source>
        <translation>Skanna eller skriv paketets etikettkod först.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>An override needs a reason code.</source>
        <translation>Ett åsidosättande kräver en orsakskod.</translation>
    </message>
    <message>
        <source>Code 128 — printable characters {part} of {parts}</source>
        <translation>Code 128 — skrivbara tecken {part} av {parts}</translation>
    </message>
    <message>
        <source>GS1 code {code} could not be read ({detail}). Scan again.</source>
        <translation>GS1-koden {code} kunde inte läsas ({detail}). Skanna igen.</translation>
    </message>
    <message>
        <source>GS1 code {code}: the group separator is missing, so ({ai}) {value} cannot be told from ({ai}) {head} followed by ({next_ai}). Set the scanner to send FNC1 as GS (Ctrl+]) — see the setup guide.</source>
        <translation>GS1-koden {code}: gruppseparatorn saknas, så ({ai}) {value} går inte att skilja från ({ai}) {head} följt av ({next_ai}). Ställ in skannern så att den skickar FNC1 som GS (Ctrl+]) — se installationsguiden.</translation>
    </message>
    <message>
        <source>GS1-128 with a group separator</source>
        <translation>GS1-128 med gruppavgränsare</translation>
    </message>
    <message>
        <source>Nothing readable was scanned. Scan again.</source>
        <translation>Inget läsbart skannades. Skanna igen.</translation>
    </message>
    <message>
        <source>Say why the parcel is set aside (a few words).</source>
        <translation>Ange varför paketet läggs åt sidan (några ord).</translation>
    </message>
    <message>
        <source>Scanner keyboard layout does not match — scan refused. Set the scanner to this computer&apos;s keyboard layout (or the station to US physical keys); see the setup guide.</source>
        <translation>Skannerns tangentbordslayout stämmer inte — skanningen nekades. Ställ in skannern på datorns tangentbordslayout (eller stationen på fysiska US-tangenter); se installationsguiden.</translation>
    </message>
    <message>
        <source>The code carries control characters but is no GS1 code. Scan another barcode.</source>
        <translation>Koden innehåller styrtecken men är ingen GS1-kod. Skanna en annan streckkod.</translation>
    </message>
    <message>
        <source>The earlier attempt of this {kind} may have reached the vendor: sending it again may duplicate it. Check with the vendor first, then confirm.</source>
        <translation>Det tidigare försöket med denna {kind} kan ha nått leverantören: att skicka igen kan ge en dubblett. Kontrollera hos leverantören först och bekräfta sedan.</translation>
    </message>
    <message>
        <source>The reason is at most {limit} printable characters.</source>
        <translation>Anledningen är högst {limit} skrivbara tecken.</translation>
    </message>
    <message>
        <source>The scan contains a character no label here carries ({name}). Scan again.</source>
        <translation>Skanningen innehåller ett tecken som ingen etikett här har ({name}). Skanna igen.</translation>
    </message>
    <message>
        <source>The scan is {length} characters long; no label here carries more than {limit}. Scan again.</source>
        <translation>Skanningen är {length} tecken lång; ingen etikett här har fler än {limit}. Skanna igen.</translation>
    </message>
    <message>
        <source>The scanner sent bytes that are not text. Check its serial settings (baud rate, parity) against the station&apos;s.</source>
        <translation>Skannern skickade byte som inte är text. Jämför dess seriella inställningar (överföringshastighet, paritet) med stationens.</translation>
    </message>
    <message>
        <source>The scanner&apos;s layout setting looks wrong: read the other way this is {code}. The scan was not used — run the Scanner check (F7) to set it right.</source>
        <translation>Skannerns layoutinställning verkar fel: läst på det andra sättet är detta {code}. Skanningen användes inte — kör skannertestet (F7) för att rätta den.</translation>
    </message>
    <message>
        <source>This GS1 label has neither an SSCC (00) nor a GTIN (01): scan the parcel&apos;s return label or the item&apos;s barcode.</source>
        <translation>Den här GS1-etiketten har varken SSCC (00) eller GTIN (01): skanna paketets returetikett eller artikelns streckkod.</translation>
    </message>
    <message>
        <source>This is a carrier&apos;s 2-D data label (ISO 15434); the station does not read it. Scan the parcel&apos;s return label or its 1-D tracking barcode.</source>
        <translation>Det här är en transportörs 2D-dataetikett (ISO 15434); stationen läser den inte. Skanna paketets returetikett eller dess 1D-spårningsstreckkod.</translation>
    </message>
    <message>
        <source>a code longer than {limit} characters is not a parcel code</source>
        <translation>en kod längre än {limit} tecken är ingen paketkod</translation>
    </message>
    <message>
        <source>choose a PIN that is not one digit repeated or a run like 1234</source>
        <translation>välj en PIN-kod som inte är en upprepad siffra eller en följd som 1234</translation>
    </message>
    <message>
        <source>no failed or needs-attention item has the id {id}</source>
        <translation>ingen misslyckad post eller post som behöver åtgärd har id {id}</translation>
    </message>
    <message>
        <source>nothing was scanned</source>
        <translation>inget skannades</translation>
    </message>
    <message>
        <source>only {free_mb} MB free on the station&apos;s disk; new returns may not be saved</source>
        <translation>bara {free_mb} MB ledigt på stationens disk; nya returer kanske inte sparas</translation>
    </message>
    <message>
        <source>say why the item is resolved (what the vendor shows)</source>
        <translation>ange varför posten är löst (vad leverantören visar)</translation>
    </message>
    <message>
        <source>the PIN has {low} to {high} digits</source>
        <translation>PIN-koden har {low} till {high} siffror</translation>
    </message>
    <message>
        <source>the PIN is digits only (0–9)</source>
        <translation>PIN-koden består bara av siffror (0–9)</translation>
    </message>
    <message>
        <source>the code contains control characters; scan it again</source>
        <translation>koden innehåller styrtecken; skanna den igen</translation>
    </message>
    <message>
        <source>the data folder {folder} is on a network drive; SQLite needs a local disk to keep submissions safe</source>
        <translation>datamappen {folder} ligger på en nätverksenhet; SQLite behöver en lokal disk för att hålla inskickade returer säkra</translation>
    </message>
    <message>
        <source>the database is not in WAL mode</source>
        <translation>databasen är inte i WAL-läge</translation>
    </message>
    <message>
        <source>the database is not in synchronous=FULL mode</source>
        <translation>databasen är inte i läget synchronous=FULL</translation>
    </message>
    <message>
        <source>the order number is not valid: type it as printed</source>
        <translation>ordernumret är ogiltigt: skriv det som det står tryckt</translation>
    </message>
    <message>
        <source>the reason contains control or invisible characters</source>
        <translation>orsaken innehåller kontroll- eller osynliga tecken</translation>
    </message>
    <message>
        <source>the reason is longer than {n} characters</source>
        <translation>orsaken är längre än {n} tecken</translation>
    </message>
    <message>
        <source>the station database was damaged ({problem}); it was moved to {folder} and {rows} rows were recovered. Tell IT; the station keeps working with a new database</source>
        <translation>stationens databas var skadad ({problem}); den flyttades till {folder} och {rows} rader återställdes. Meddela IT; stationen fortsätter med en ny databas</translation>
    </message>
    <message>
        <source>{code} is not an nShift return id; scan the nShift label on the parcel</source>
        <translation>{code} är inget nShift-retur-id; skanna nShift-etiketten på paketet</translation>
    </message>
    <message>
        <source>{code}: looks like a GTIN or SSCC, but its check digit is wrong. Scan again.</source>
        <translation>{code}: ser ut som en GTIN eller SSCC, men kontrollsiffran är fel. Skanna igen.</translation>
    </message>
    <message>
        <source>{code}: the EAN/UPC check digit is wrong. Scan again.</source>
        <translation>{code}: EAN/UPC-kontrollsiffran är fel. Skanna igen.</translation>
    </message>
    <message>
        <source>{id} names more than one item: give more of its id</source>
        <translation>{id} matchar mer än en post: ange mer av id:t</translation>
    </message>
    <message>
        <source>{rma} is already {status} in ReturnMate; it is not received twice</source>
        <translation>{rma} är redan {status} i ReturnMate; den tas inte emot två gånger</translation>
    </message>
    <message>
        <source>{rma} is no longer in ReturnMate; it cannot be received</source>
        <translation>{rma} finns inte längre i ReturnMate; den kan inte tas emot</translation>
    </message>
    <message>
        <source>{rma} is open at {who} since {since}; it opens here once it is submitted or closed there, or after {until} if that station stops</source>
        <translation>{rma} är öppen på {who} sedan {since}; den öppnas här när den skickats eller stängts där, eller efter {until} om den stationen stannar</translation>
    </message>
    <message>
        <source>{rma} is {status} in ReturnMate, not receivable; keep the parcel aside for customer service</source>
        <translation>{rma} är {status} i ReturnMate och kan inte tas emot; lägg paketet åt sidan för kundtjänst</translation>
    </message>
    <message>
        <source>{rma} lists no items</source>
        <translation>{rma} innehåller inga varor</translation>
    </message>
    <message>
        <source>{rma} was already received at {station} on {when} by {operator}; it is not received twice</source>
        <translation>{rma} togs redan emot på {station} {when} av {operator}; den tas inte emot två gånger</translation>
    </message>
    <message>
        <source>{rma} was already submitted from this station ({when}); it is not processed twice</source>
        <translation>{rma} skickades redan från den här stationen ({when}); den behandlas inte två gånger</translation>
    </message>
    <message>
        <source>{rma} was received on {when} (ReturnMate says {status}), at another station or by hand; it is not received twice</source>
        <translation>{rma} togs emot {when} (ReturnMate säger {status}), vid en annan station eller manuellt; den tas inte emot två gånger</translation>
    </message>
    <message>
        <source>{rma} was taken over by {who} at {since} after this station&apos;s lease ran out; press Submit again only if this parcel is really here</source>
        <translation>{rma} togs över av {who} kl. {since} sedan den här stationens lån gått ut; tryck Skicka igen bara om paketet verkligen är här</translation>
    </message>
    <message>
        <source>{rma}: nShift has the return of order {order} only as processed ({statuses}); it was received already and is not received twice</source>
        <translation>{rma}: nShift har returen för order {order} endast som behandlad ({statuses}); den är redan mottagen och tas inte emot två gånger</translation>
    </message>
    <message>
        <source>{rma}: no nShift return was found ({why}); receive it without an RMA (F8)</source>
        <translation>{rma}: ingen nShift-retur hittades ({why}); ta emot den utan RMA (F8)</translation>
    </message>
    <message>
        <source>{rma}: the RMA names no forward order ([returnmate.fields] forward_order_id)</source>
        <translation>{rma}: RMA:n anger ingen ursprunglig order ([returnmate.fields] forward_order_id)</translation>
    </message>
    <message>
        <source>{rma}: the currency {currency} is not supported</source>
        <translation>{rma}: valutan {currency} stöds inte</translation>
    </message>
    <message>
        <source>{rma}: the mapping names no nShift return ([returnmate.fields])</source>
        <translation>{rma}: kopplingen anger ingen nShift-retur ([returnmate.fields])</translation>
    </message>
    <message>
        <source>{rma}: this station&apos;s lease ran out and was given back elsewhere; check History before submitting again</source>
        <translation>{rma}: den här stationens lån gick ut och lämnades tillbaka på en annan station; kontrollera Historik innan du skickar igen</translation>
    </message>
    <message>
        <source>{typed}: type the amount without thousands separators</source>
        <translation>{typed}: skriv beloppet utan tusentalsavgränsare</translation>
    </message>
</context>
<context>
    <name>defaults</name>
    <message>
        <source>Any item</source>
        <translation>Alla artiklar</translation>
    </message>
    <message>
        <source>As new: unused, tags and packaging intact</source>
        <translation>Som ny: oanvänd, etiketter och förpackning hela</translation>
    </message>
    <message>
        <source>Complete and undamaged?</source>
        <translation>Komplett och oskadad?</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>Skänk</translation>
    </message>
    <message>
        <source>Fair: visible wear or minor damage, repairable</source>
        <translation>Godtagbar: synligt slitage eller mindre skada, kan lagas</translation>
    </message>
    <message>
        <source>Free of wear, marks and odour?</source>
        <translation>Fri från slitage, märken och lukt?</translation>
    </message>
    <message>
        <source>Good: tried on or opened, no visible wear</source>
        <translation>Bra: provad eller öppnad, inget synligt slitage</translation>
    </message>
    <message>
        <source>Poor: damaged, incomplete or soiled</source>
        <translation>Dålig: skadad, ofullständig eller smutsig</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Karantän</translation>
    </message>
    <message>
        <source>Recycle</source>
        <translation>Återvinn</translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation>Renovera</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>Till lager</translation>
    </message>
    <message>
        <source>Return to vendor</source>
        <translation>Till leverantör</translation>
    </message>
    <message>
        <source>Tags, seals and packaging intact?</source>
        <translation>Etiketter, förseglingar och förpackning hela?</translation>
    </message>
</context>
</TS>
