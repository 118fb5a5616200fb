<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AuditPane</name>
    <message>
        <source>Export the audit</source>
        <translation>Exportar la auditoría</translation>
    </message>
    <message>
        <source>Locker audit</source>
        <translation>Auditoría del casillero</translation>
    </message>
    <message>
        <source>Location to audit</source>
        <translation>Ubicación que se audita</translation>
    </message>
    <message>
        <source>&amp;Start or resume audit</source>
        <translation>&amp;Iniciar o reanudar la auditoría</translation>
    </message>
    <message>
        <source>Start or resume audit</source>
        <translation>Iniciar o reanudar la auditoría</translation>
    </message>
    <message>
        <source>Audit progress</source>
        <translation>Avance de la auditoría</translation>
    </message>
    <message>
        <source>Parcel label</source>
        <translation>Etiqueta del paquete</translation>
    </message>
    <message>
        <source>Scan or type the shipment id on the parcel in the current box, then Enter.</source>
        <translation>Escanee o escriba el id. de envío del paquete del compartimento actual y pulse Intro.</translation>
    </message>
    <message>
        <source>Scan the parcel&apos;s label</source>
        <translation>Escanee la etiqueta del paquete</translation>
    </message>
    <message>
        <source>Parcel la&amp;bel</source>
        <translation>Eti&amp;queta del paquete</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Presente</translation>
    </message>
    <message>
        <source>&amp;Different parcel</source>
        <translation>&amp;Otro paquete</translation>
    </message>
    <message>
        <source>E&amp;mpty</source>
        <translation>&amp;Vacío</translation>
    </message>
    <message>
        <source>Fi&amp;nish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>Current box</source>
        <translation>Compartimento actual</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Compartimento</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>Id. de envío</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>In the box since</source>
        <translation>En el compartimento desde</translation>
    </message>
    <message>
        <source>Days past pick-up</source>
        <translation>Días tras el plazo de recogida</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Boxes to check</source>
        <translation>Compartimentos por revisar</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>Discrepancias</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Every box is checked: press Finish (Alt+N).</source>
        <translation>Todos los compartimentos están revisados: pulse Terminar (Alt+T).</translation>
    </message>
    <message>
        <source>Audit status</source>
        <translation>Estado de la auditoría</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Reading the boxes of {0}…</source>
        <translation>Leyendo los compartimentos de {0}…</translation>
    </message>
    <message>
        <source>reading the boxes to audit</source>
        <translation>leía los compartimentos que se auditan</translation>
    </message>
    <message numerus="yes">
        <source>Resumed the audit started {0}: %n box(es) were already checked.</source>
        <translation>
            <numerusform>Se reanudó la auditoría iniciada el {0}: ya se había revisado %n compartimento.</numerusform>
            <numerusform>Se reanudó la auditoría iniciada el {0}: ya se habían revisado %n compartimentos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) hold a parcel according to Lok. Scan each parcel&apos;s label, box by box.</source>
        <translation>
            <numerusform>Según Lok, %n compartimento tiene un paquete. Escanee la etiqueta de cada paquete, compartimento por compartimento.</numerusform>
            <numerusform>Según Lok, %n compartimentos tienen un paquete. Escanee la etiqueta de cada paquete, compartimento por compartimento.</numerusform>
        </translation>
    </message>
    <message>
        <source>Box {0}: {1}.</source>
        <translation>Compartimento {0}: {1}.</translation>
    </message>
    <message>
        <source>saving the audit</source>
        <translation>guardaba la auditoría</translation>
    </message>
    <message>
        <source>Choose the location and start the audit.</source>
        <translation>Elija la ubicación e inicie la auditoría.</translation>
    </message>
    <message numerus="yes">
        <source>%n of {0} box(es) checked</source>
        <translation>
            <numerusform>%n de {0} compartimentos revisado</numerusform>
            <numerusform>%n de {0} compartimentos revisados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) past pick-up</source>
        <translation>
            <numerusform>, %n día tras el plazo de recogida</numerusform>
            <numerusform>, %n días tras el plazo de recogida</numerusform>
        </translation>
    </message>
    <message>
        <source>Now: box {0} ({1}) — expected {2} for {3}, in the box since {4}{5}.</source>
        <translation>Ahora: compartimento {0} ({1}) — se espera {2} para {3}, en el compartimento desde {4}{5}.</translation>
    </message>
    <message numerus="yes">
        <source>Audit finished: %n discrepancy(ies).</source>
        <translation>
            <numerusform>Auditoría terminada: %n discrepancia.</numerusform>
            <numerusform>Auditoría terminada: %n discrepancias.</numerusform>
        </translation>
    </message>
    <message>
        <source>Found shipment id</source>
        <translation>Id. de envío encontrado</translation>
    </message>
    <message>
        <source>Reservation id</source>
        <translation>Id. de reserva</translation>
    </message>
    <message>
        <source>Locker audit — {0}</source>
        <translation>Auditoría del casillero — {0}</translation>
    </message>
    <message>
        <source>Started {0}</source>
        <translation>Iniciada el {0}</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Not checked</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vacío</translation>
    </message>
    <message>
        <source>A different parcel</source>
        <translation>Otro paquete</translation>
    </message>
    <message>
        <source>Lok says the parcel is in this box, but it is empty. Open the reservation and check its history: it may have been picked up without the locker recording it, or put in another box.</source>
        <translation>Lok dice que el paquete está en este compartimento, pero está vacío. Abra la reserva y revise su historial: puede que se recogiera sin que el casillero lo registrara, o que se pusiera en otro compartimento.</translation>
    </message>
    <message>
        <source>This parcel belongs in box {0}: move it there, then check that box again.</source>
        <translation>Este paquete corresponde al compartimento {0}: páselo allí y revise de nuevo ese compartimento.</translation>
    </message>
    <message>
        <source>Lok does not know this parcel in this box: take it out, find its shipment (Ctrl+F with the label), and look for the parcel Lok expects here.</source>
        <translation>Lok no conoce este paquete en este compartimento: sáquelo, busque su envío (Ctrl+F con la etiqueta) y localice el paquete que Lok espera aquí.</translation>
    </message>
    <message>
        <source>Present but long past its pick-up date: remind the recipient (Today board) or return it to the sender.</source>
        <translation>Presente, pero con el plazo de recogida vencido hace tiempo: recuérdeselo al destinatario (tablero de Hoy) o devuélvalo al remitente.</translation>
    </message>
    <message>
        <source>Not checked: open the box and mark it.</source>
        <translation>Sin revisar: abra el compartimento y márquelo.</translation>
    </message>
    <message>
        <source>Box {0}: the expected parcel is there.</source>
        <translation>Compartimento {0}: el paquete esperado está ahí.</translation>
    </message>
    <message>
        <source>Box {0}: found {1}, Lok expects {2}. Recorded as a different parcel.</source>
        <translation>Compartimento {0}: se encontró {1}, Lok espera {2}. Se registró como otro paquete.</translation>
    </message>
    <message>
        <source>That is a box-opening code, not a parcel label: nothing was recorded. Scan the shipment label.</source>
        <translation>Eso es un código que abre compartimentos, no una etiqueta de paquete: no se registró nada. Escanee la etiqueta del envío.</translation>
    </message>
    <message>
        <source>Every box is checked.</source>
        <translation>Todos los compartimentos están revisados.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Descartar este mensaje</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Descartar mensaje</translation>
    </message>
    <message>
        <source>Message: {0}</source>
        <translation>Mensaje: {0}</translation>
    </message>
</context>
<context>
    <name>BoxAvailabilityView</name>
    <message>
        <source>{free} free of {total}</source>
        <translation>{free} libres de {total}</translation>
    </message>
    <message>
        <source>boxes available</source>
        <translation>hay compartimentos disponibles</translation>
    </message>
    <message>
        <source>none free</source>
        <translation>ninguno libre</translation>
    </message>
    <message>
        <source>no count reported</source>
        <translation>sin conteo reportado</translation>
    </message>
    <message>
        <source>Box availability</source>
        <translation>Disponibilidad de compartimentos</translation>
    </message>
    <message>
        <source>public network boxes in use: {n}</source>
        <translation>compartimentos de la red pública en uso: {n}</translation>
    </message>
    <message>
        <source>This locker reports no boxes.</source>
        <translation>Este casillero no reporta compartimentos.</translation>
    </message>
    <message>
        <source>counts not reported</source>
        <translation>sin conteos reportados</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>ocupado</translation>
    </message>
    <message>
        <source>Public network boxes in use here: {n}</source>
        <translation>Compartimentos de la red pública en uso aquí: {n}</translation>
    </message>
</context>
<context>
    <name>BucketModel</name>
    <message>
        <source>Shipment id</source>
        <extracomment>The late lists also show who to remind (issue 22): Lok sends the recipient with the reservation. Bulk-action results by reservation id (&quot;Cancelled&quot;, &quot;Refused: …&quot;).</extracomment>
        <translation>ID de envío</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Días de retraso</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>less than a day</source>
        <translation>menos de un día</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>Your role (reporter) can read everything but change nothing.</source>
        <translation>Tu rol (consultor) puede ver todo, pero no cambiar nada.</translation>
    </message>
    <message>
        <source>Lok administrators can read every company&apos;s data but not change it.</source>
        <translation>Los administradores de Lok pueden consultar los datos de todas las empresas, pero no cambiarlos.</translation>
    </message>
    <message>
        <source>You can only work with reservations at your own location.</source>
        <translation>Solo puedes trabajar con reservaciones de tu propia ubicación.</translation>
    </message>
    <message>
        <source>Pre-reservations are made by the company&apos;s owners and sellers.</source>
        <translation>Las prerreservaciones las hacen los propietarios y vendedores de la empresa.</translation>
    </message>
    <message>
        <source>Company settings and reports are for owners, sellers and reporters.</source>
        <translation>La configuración y los reportes de la empresa son para propietarios, vendedores y consultores.</translation>
    </message>
    <message>
        <source>Company settings are for owners, sellers and reporters.</source>
        <translation>La configuración de la empresa es para propietarios, vendedores y consultores.</translation>
    </message>
    <message>
        <source>Directories are edited by the company&apos;s owners and sellers.</source>
        <translation>Los directorios los editan los propietarios y vendedores de la empresa.</translation>
    </message>
    <message>
        <source>Lok Desk cannot reach the server right now, so nothing was sent. Try again when the connection is back.</source>
        <translation>Lok Desk no puede comunicarse con el servidor en este momento, así que no se envió nada. Inténtalo de nuevo cuando vuelva la conexión.</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Check the changes before they are saved to Lok:</source>
        <translation>Revisa los cambios antes de guardarlos en Lok:</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>After saving</source>
        <translation>Después de guardar</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CodeInspector</name>
    <message>
        <source>codes of {0} reservations read at this desk</source>
        <extracomment>(works, does not work) text colours with at least 4.5:1 contrast on each theme&apos;s window colour.</extracomment>
        <translation>códigos de {0} reservaciones leídas en este mostrador</translation>
    </message>
    <message>
        <source>ids and shipment ids of {0} loaded reservations</source>
        <translation>ID e ID de envío de {0} reservaciones cargadas</translation>
    </message>
    <message>
        <source>every reservation of the last {0} days, read from Lok</source>
        <translation>todas las reservaciones de los últimos {0} días, leídas de Lok</translation>
    </message>
    <message>
        <source>Searched: {0}.</source>
        <translation>Se buscó en: {0}.</translation>
    </message>
    <message>
        <source>Not searched: older reservations. What you typed was not sent to Lok.</source>
        <translation>No se buscó en: reservaciones más antiguas. Lo que escribiste no se envió a Lok.</translation>
    </message>
    <message>
        <source>Code inspector</source>
        <extracomment>A reservation to show in the Reservations pane (its id).</extracomment>
        <translation>Inspector de códigos</translation>
    </message>
    <message>
        <source>Scan or type a token, shipment id, reservation id or confirmation code, then press Enter.</source>
        <translation>Escanea o teclea un código, ID de envío, ID de reservación o código de confirmación, y presiona Enter.</translation>
    </message>
    <message>
        <source>Code (a scanner&apos;s Enter inspects it)</source>
        <translation>Código (el Enter del escáner lo inspecciona)</translation>
    </message>
    <message>
        <source>Code to inspect</source>
        <translation>Código a inspeccionar</translation>
    </message>
    <message>
        <source>Typed at the locker of</source>
        <translation>Tecleado en el casillero de</translation>
    </message>
    <message>
        <source>any location</source>
        <translation>cualquier ubicación</translation>
    </message>
    <message>
        <source>&amp;At the locker of</source>
        <translation>&amp;En el casillero de</translation>
    </message>
    <message>
        <source>Does it work</source>
        <translation>¿Funciona?</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Open reservation (Alt+O)</source>
        <translation>Abrir reservación (Alt+O)</translation>
    </message>
    <message>
        <source>Copy code (Alt+C)</source>
        <translation>Copiar código (Alt+C)</translation>
    </message>
    <message>
        <source>Print slip (Alt+P)</source>
        <translation>Imprimir comprobante (Alt+P)</translation>
    </message>
    <message>
        <source>Open reservation</source>
        <translation>Abrir reservación</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Imprimir comprobante</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>(Lok could not be asked just now: {0} This is what the desk last knew.)</source>
        <translation>(No se pudo consultar a Lok en este momento: {0} Esto es lo último que supo el mostrador.)</translation>
    </message>
    <message>
        <source>looking up the code</source>
        <translation>consultar el código</translation>
    </message>
    <message>
        <source>{0} · {1} · reservation {2}</source>
        <translation>{0} · {1} · reservación {2}</translation>
    </message>
    <message>
        <source>A void token (its reservation is finished) is not copied: it opens no box.</source>
        <translation>Un código anulado (su reservación ya terminó) no se copia: no abre ningún compartimento.</translation>
    </message>
</context>
<context>
    <name>CodeWords</name>
    <message>
        <source>Delivery token (for the courier)</source>
        <translation>Código de depósito (para la paquetería)</translation>
    </message>
    <message>
        <source>Pick-up token (for the recipient)</source>
        <translation>Código de recolección (para el destinatario)</translation>
    </message>
    <message>
        <source>Reopen token 1</source>
        <translation>Código de reapertura 1</translation>
    </message>
    <message>
        <source>Reopen token 2</source>
        <translation>Código de reapertura 2</translation>
    </message>
    <message>
        <source>Cancel token</source>
        <translation>Código de cancelación</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>ID de envío</translation>
    </message>
    <message>
        <source>Reservation id</source>
        <translation>ID de reservación</translation>
    </message>
    <message>
        <source>Confirmation code</source>
        <translation>Código de confirmación</translation>
    </message>
    <message>
        <source>Works at the locker now.</source>
        <translation>Funciona ahora en el casillero.</translation>
    </message>
    <message>
        <source>Does not work: already used at {0}.</source>
        <translation>No funciona: ya se usó el {0}.</translation>
    </message>
    <message>
        <source>Does not work: already used.</source>
        <translation>No funciona: ya se usó.</translation>
    </message>
    <message>
        <source>Does not work: the reservation was cancelled ({0}).</source>
        <translation>No funciona: la reservación se canceló ({0}).</translation>
    </message>
    <message>
        <source>Does not work: the pre-reservation was never confirmed and expired ({0}).</source>
        <translation>No funciona: la prerreservación nunca se confirmó y venció ({0}).</translation>
    </message>
    <message>
        <source>Does not work: the parcel was picked up at {0}.</source>
        <translation>No funciona: el paquete se recogió el {0}.</translation>
    </message>
    <message>
        <source>Does not work yet: the parcel is not delivered; this code works once it is in the locker.</source>
        <translation>Todavía no funciona: el paquete no se ha depositado; este código funciona cuando esté en el casillero.</translation>
    </message>
    <message>
        <source>Does not work yet: the pre-reservation is not confirmed (request the shipment first).</source>
        <translation>Todavía no funciona: la prerreservación no está confirmada (primero solicita el envío).</translation>
    </message>
    <message>
        <source>Does not work yet: reopen token 2 works after reopen token 1 was used.</source>
        <translation>Todavía no funciona: el código de reapertura 2 funciona después de usar el código de reapertura 1.</translation>
    </message>
    <message>
        <source>Does not work: the parcel is already in the locker, and a reservation can only be cancelled before delivery.</source>
        <translation>No funciona: el paquete ya está en el casillero, y una reservación solo se puede cancelar antes del depósito.</translation>
    </message>
    <message>
        <source>Does not work here: it is a code of another location ({0}).</source>
        <translation>No funciona aquí: es un código de otra ubicación ({0}).</translation>
    </message>
    <message>
        <source>Not typed at the locker: it identifies the reservation; its tokens open the box.</source>
        <translation>No se teclea en el casillero: identifica la reservación; sus códigos abren el compartimento.</translation>
    </message>
    <message>
        <source>Not found among the active reservations and those of the last {0} days (older ones were not searched): an older code, or not one of this company.</source>
        <translation>No se encontró entre las reservaciones activas ni las de los últimos {0} días (las más antiguas no se buscaron): es un código más antiguo o no es de esta empresa.</translation>
    </message>
    <message>
        <source>Tokens are not shown: your role (reporter) reads reservations but does not act on them, and these codes open the box.</source>
        <translation>No se muestran los códigos: tu rol (reportes) consulta las reservaciones pero no actúa sobre ellas, y estos códigos abren el compartimento.</translation>
    </message>
    <message>
        <source>Tokens are not shown: Lok administrators read every company&apos;s reservations but do not act on them, and these codes open the box.</source>
        <translation>No se muestran los códigos: los administradores de Lok consultan las reservaciones de todas las empresas pero no actúan sobre ellas, y estos códigos abren el compartimento.</translation>
    </message>
    <message>
        <source>Tokens are not shown: this reservation is at another location, and employees see the codes of their own location only.</source>
        <translation>No se muestran los códigos: esta reservación es de otra ubicación, y los empleados solo ven los códigos de su propia ubicación.</translation>
    </message>
    <message>
        <source>Lok returned no tokens for this reservation.</source>
        <translation>Lok no devolvió códigos para esta reservación.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Zip code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>male, female or unspecified</source>
        <translation>male, female o unspecified</translation>
    </message>
    <message>
        <source>Row {number}, {label}: {problem}</source>
        <translation>Fila {number}, {label}: {problem}</translation>
    </message>
</context>
<context>
    <name>CourierSheet</name>
    <message>
        <source>These codes open the boxes: hand the sheet to the courier only.</source>
        <translation>Estos códigos abren los compartimentos: entregue la hoja solo al repartidor.</translation>
    </message>
    <message>
        <source>Delivery token</source>
        <translation>Código de entrega</translation>
    </message>
</context>
<context>
    <name>CreateReservationDialog</name>
    <message>
        <source>this location</source>
        <translation>esta ubicación</translation>
    </message>
    <message>
        <source>No box takes this package: boxes hold up to {max} kg and it weighs {weight} kg.</source>
        <translation>Ningún compartimento acepta este paquete: aguantan hasta {max} kg y pesa {weight} kg.</translation>
    </message>
    <message>
        <source>No box takes this package: the largest box ({size}) measures {dims}.</source>
        <translation>Ningún compartimento acepta este paquete: el más grande ({size}) mide {dims}.</translation>
    </message>
    <message>
        <source>{size} ({dims}) is the smallest box that fits.</source>
        <translation>{size} ({dims}) es el compartimento más chico en que cabe.</translation>
    </message>
    <message>
        <source>{size} is the smallest free box that fits: {fitting} would fit, but none is free at {name}.</source>
        <translation>{size} es el compartimento libre más chico en que cabe: cabría en {fitting}, pero no hay ninguno libre en {name}.</translation>
    </message>
    <message>
        <source>A {fitting} box would fit, but no box of that size or larger is free at {name} right now. Try another location.</source>
        <translation>Cabría en un compartimento {fitting}, pero ahora no hay ninguno libre de ese tamaño o mayor en {name}. Prueba otra ubicación.</translation>
    </message>
    <message>
        <source>New reservation</source>
        <translation>Nueva reservación</translation>
    </message>
    <message>
        <source>Reservation form</source>
        <translation>Formulario de la reservación</translation>
    </message>
    <message>
        <source>Where and which box</source>
        <translation>Dónde y qué compartimento</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>You can only work with reservations at your own location.</source>
        <translation>Solo puedes trabajar con reservaciones de tu propia ubicación.</translation>
    </message>
    <message>
        <source>Box size</source>
        <translation>Tamaño de compartimento</translation>
    </message>
    <message>
        <source>Choose a box size</source>
        <translation>Elige un tamaño de compartimento</translation>
    </message>
    <message>
        <source>Package width in cm</source>
        <translation>Ancho del paquete en cm</translation>
    </message>
    <message>
        <source>width</source>
        <translation>ancho</translation>
    </message>
    <message>
        <source>Package height in cm</source>
        <translation>Alto del paquete en cm</translation>
    </message>
    <message>
        <source>height</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>Package length in cm</source>
        <translation>Largo del paquete en cm</translation>
    </message>
    <message>
        <source>length</source>
        <translation>largo</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>Find the smallest free box</source>
        <translation>Buscar el compartimento libre más chico</translation>
    </message>
    <message>
        <source>Uses the measures here and the weight under Package</source>
        <translation>Usa las medidas de aquí y el peso de Paquete</translation>
    </message>
    <message>
        <source>Package measures</source>
        <translation>Medidas del paquete</translation>
    </message>
    <message>
        <source>Size suggestion</source>
        <translation>Tamaño sugerido</translation>
    </message>
    <message>
        <source>Free boxes</source>
        <translation>Compartimentos libres</translation>
    </message>
    <message>
        <source>Free now</source>
        <translation>Libres ahora</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>ID de envío</translation>
    </message>
    <message>
        <source>Your own id for this package; leave empty to use {0}</source>
        <translation>Tu propio ID para este paquete; déjalo vacío para usar {0}</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Package value in MXN</source>
        <translation>Valor del paquete en MXN</translation>
    </message>
    <message>
        <source>e.g. 1500</source>
        <translation>p. ej. 1500</translation>
    </message>
    <message>
        <source>Value (MXN)</source>
        <translation>Valor (MXN)</translation>
    </message>
    <message>
        <source>Package weight in kg</source>
        <translation>Peso del paquete en kg</translation>
    </message>
    <message>
        <source>e.g. 2.5</source>
        <translation>p. ej. 2.5</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Peso (kg)</translation>
    </message>
    <message>
        <source>Package description</source>
        <translation>Descripción del paquete</translation>
    </message>
    <message>
        <source>What is inside (commas separate several items)</source>
        <translation>Qué contiene (separa varios artículos con comas)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Contact (about problems)</source>
        <translation>Contacto (para problemas)</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Nombre del contacto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>Correo electrónico del contacto</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Teléfono del contacto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Recipient (picks the package up)</source>
        <translation>Destinatario (recoge el paquete)</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>Nombre del destinatario</translation>
    </message>
    <message>
        <source>Recipient e-mail</source>
        <translation>Correo electrónico del destinatario</translation>
    </message>
    <message>
        <source>Recipient phone</source>
        <translation>Teléfono del destinatario</translation>
    </message>
    <message>
        <source>E-mail the pick-up token to the recipient</source>
        <translation>Enviar por correo el código de recolección al destinatario</translation>
    </message>
    <message>
        <source>Notify the recipient</source>
        <translation>Avisar al destinatario</translation>
    </message>
    <message>
        <source>Additional data (your own keys, up to 30)</source>
        <translation>Datos adicionales (tus propias claves, hasta 30)</translation>
    </message>
    <message>
        <source>Additional data</source>
        <translation>Datos adicionales</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Agregar clave</translation>
    </message>
    <message>
        <source>Add additional key</source>
        <translation>Agregar dato adicional</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Quitar clave</translation>
    </message>
    <message>
        <source>Remove additional key</source>
        <translation>Quitar dato adicional</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Create reservation</source>
        <translation>Crear reservación</translation>
    </message>
    <message>
        <source>Close without creating</source>
        <translation>Cerrar sin crear</translation>
    </message>
    <message>
        <source>Created reservation</source>
        <translation>Reservación creada</translation>
    </message>
    <message>
        <source>Print courier slip…</source>
        <translation>Imprimir comprobante para la paquetería…</translation>
    </message>
    <message>
        <source>Print courier slip</source>
        <translation>Imprimir comprobante para la paquetería</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Checking free boxes…</source>
        <translation>Revisando compartimentos libres…</translation>
    </message>
    <message>
        <source>Free boxes unknown ({0}).</source>
        <translation>Compartimentos libres desconocidos ({0}).</translation>
    </message>
    <message>
        <source>checking free boxes</source>
        <translation>revisar los compartimentos libres</translation>
    </message>
    <message>
        <source>Choose a location.</source>
        <translation>Elige una ubicación.</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>{0} free</source>
        <translation>{0} libres</translation>
    </message>
    <message>
        <source>Enter the package&apos;s weight in kg (under Package, now selected), then press “Find the smallest free box” again.</source>
        <translation>Escribe el peso del paquete en kg (en Paquete, ya seleccionado) y vuelve a presionar “Buscar el compartimento libre más chico”.</translation>
    </message>
    <message>
        <source>Enter the package&apos;s width, height and length (cm) and its weight (kg, under Package); the cursor is on the first one missing.</source>
        <translation>Escribe el ancho, alto y largo del paquete (cm) y su peso (kg, en Paquete); el cursor está en el primero que falta.</translation>
    </message>
    <message>
        <source>Measures and weight entered: press “Find the smallest free box”.</source>
        <translation>Medidas y peso ingresados: presiona “Buscar el compartimento libre más chico”.</translation>
    </message>
    <message>
        <source>Row {0} has a value but no key.</source>
        <translation>La fila {0} tiene un valor pero no una clave.</translation>
    </message>
    <message>
        <source>The key “{0}” starts with “lok”: those keys are reserved for Lok and would be ignored. Rename it.</source>
        <translation>La clave “{0}” empieza con “lok”: esas claves están reservadas para Lok y se ignorarían. Cámbiale el nombre.</translation>
    </message>
    <message>
        <source>The key “{0}” appears twice.</source>
        <translation>La clave “{0}” aparece dos veces.</translation>
    </message>
    <message>
        <source>Lok keeps at most {0} keys; there are {1}. Remove some.</source>
        <translation>Lok guarda como máximo {0} claves; hay {1}. Quita algunas.</translation>
    </message>
    <message>
        <source>Choose the location of the locker.</source>
        <translation>Elige la ubicación del casillero.</translation>
    </message>
    <message>
        <source>Choose a box size (the assistant below can pick one).</source>
        <translation>Elige un tamaño de compartimento (el asistente de abajo puede elegir uno).</translation>
    </message>
    <message>
        <source>To e-mail the pick-up token, enter the recipient&apos;s e-mail.</source>
        <translation>Para enviar por correo el código de recolección, escribe el correo del destinatario.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creando…</translation>
    </message>
    <message>
        <source>The shipment id “{0}” is already used by another reservation of your company. Choose another, or leave it empty to get a new one.</source>
        <translation>El ID de envío “{0}” ya lo usa otra reservación de tu empresa. Elige otro o déjalo vacío para obtener uno nuevo.</translation>
    </message>
    <message>
        <source>No {0} box is free at {1} right now. Choose another size or location.</source>
        <translation>No hay un compartimento {0} libre en {1} en este momento. Elige otro tamaño u otra ubicación.</translation>
    </message>
    <message>
        <source>No box can hold this package (boxes take up to {0:g} kg and {1} at most). Check its weight and measures.</source>
        <translation>Ningún compartimento puede guardar este paquete (aceptan hasta {0:g} kg y {1} como máximo). Revisa su peso y medidas.</translation>
    </message>
    <message>
        <source>{0} is temporarily locked and takes no new reservations. Try again later or choose another location.</source>
        <translation>{0} está bloqueado temporalmente y no acepta reservaciones nuevas. Vuelve a intentarlo más tarde o elige otra ubicación.</translation>
    </message>
    <message>
        <source>Reservation {0} created at {1}</source>
        <translation>Reservación {0} creada en {1}</translation>
    </message>
    <message>
        <source>Reservation id {0}</source>
        <translation>ID de reservación {0}</translation>
    </message>
    <message>
        <source>Confirmation code {0}</source>
        <translation>Código de confirmación {0}</translation>
    </message>
    <message>
        <source>Box {0}</source>
        <translation>Compartimento {0}</translation>
    </message>
    <message>
        <source>Give the delivery token to the courier and the pick-up token to the recipient.</source>
        <translation>Entrega el código de depósito a la paquetería y el código de recolección al destinatario.</translation>
    </message>
    <message>
        <source>Reservation {0} created</source>
        <translation>Reservación {0} creada</translation>
    </message>
    <message>
        <source>{0} It cannot be reserved: send it another way, or split it into parcels that fit.</source>
        <translation>{0} No se puede reservar: envíalo de otra forma o divídelo en paquetes que quepan.</translation>
    </message>
    <message>
        <source>This package does not fit a {size} box (its measures need {fitting} or larger). Choose a larger size, or press “Find the smallest free box”.</source>
        <translation>Este paquete no cabe en un compartimento {size} (por sus medidas necesita {fitting} o uno más grande). Elige un tamaño mayor o pulsa «Buscar el compartimento libre más chico».</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>age is not a whole number</source>
        <translation>la edad no es un número entero</translation>
    </message>
    <message>
        <source>age must be 0–150</source>
        <translation>la edad debe estar entre 0 y 150</translation>
    </message>
    <message>
        <source>The first row must name the columns; missing: {missing}. Expected: {expected}</source>
        <translation>La primera fila debe nombrar las columnas; faltan: {missing}. Se esperan: {expected}</translation>
    </message>
    <message>
        <source>{column} is empty</source>
        <translation>{column} está vacío</translation>
    </message>
    <message>
        <source>gender must be male, female or unspecified</source>
        <translation>el género debe ser male, female o unspecified</translation>
    </message>
    <message>
        <source>e-mail is not an address</source>
        <translation>el correo electrónico no es una dirección</translation>
    </message>
    <message>
        <source>same e-mail as line {line}</source>
        <translation>mismo correo electrónico que la línea {line}</translation>
    </message>
    <message>
        <source>The file has a header row but no contacts.</source>
        <translation>El archivo tiene una fila de encabezado pero ningún contacto.</translation>
    </message>
    <message>
        <source>Import contacts — {0}</source>
        <translation>Importar contactos — {0}</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Resumen de la importación</translation>
    </message>
    <message>
        <source>Ignored columns (Lok does not know them): {0}</source>
        <translation>Columnas ignoradas (Lok no las conoce): {0}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Contacts to import</source>
        <translation>Contactos por importar</translation>
    </message>
    <message>
        <source>File &amp;encoding:</source>
        <translation>&amp;Codificación del archivo:</translation>
    </message>
    <message>
        <source>File encoding</source>
        <translation>Codificación del archivo</translation>
    </message>
    <message>
        <source>Import problem</source>
        <translation>Problema de la importación</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Importar en</translation>
    </message>
    <message>
        <source>A new directory (Lok names it “Importado &lt;date&gt;”; rename it afterwards)</source>
        <translation>Un directorio nuevo (Lok lo llama “Importado &lt;fecha&gt;”; cámbiale el nombre después)</translation>
    </message>
    <message>
        <source>Import into a new directory</source>
        <translation>Importar en un directorio nuevo</translation>
    </message>
    <message>
        <source>These directories — their contacts are REPLACED:</source>
        <translation>Estos directorios; sus contactos se REEMPLAZAN:</translation>
    </message>
    <message>
        <source>Replace the contacts of chosen directories</source>
        <translation>Reemplazar los contactos de los directorios elegidos</translation>
    </message>
    <message>
        <source>Directories to replace</source>
        <translation>Directorios a reemplazar</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts are ready;</source>
        <translation>
            <numerusform>%n contacto está listo;</numerusform>
            <numerusform>%n contactos están listos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows need fixing (marked below). Fix them in the file and import again — Lok refuses the whole file otherwise.</source>
        <translation>
            <numerusform>%n fila necesita corrección (marcada abajo). Corrígela en el archivo y vuelve a importar; de lo contrario, Lok rechaza el archivo completo.</numerusform>
            <numerusform>%n filas necesitan corrección (marcadas abajo). Corrígelas en el archivo y vuelve a importar; de lo contrario, Lok rechaza el archivo completo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts ready to import.</source>
        <translation>
            <numerusform>%n contacto listo para importar.</numerusform>
            <numerusform>%n contactos listos para importar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lok refused this line.</source>
        <translation>Lok rechazó esta línea.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Fix the marked rows first.</source>
        <translation>Primero corrige las filas marcadas.</translation>
    </message>
    <message>
        <source>Tick at least one directory.</source>
        <translation>Marca al menos un directorio.</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows, Western European (cp1252)</source>
        <translation>Windows, Europa occidental (cp1252)</translation>
    </message>
    <message>
        <source>Latin-1 (ISO 8859-1)</source>
        <translation>Latin-1 (ISO 8859-1)</translation>
    </message>
    <message>
        <source>Mac OS Roman</source>
        <translation>Mac OS Roman</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>{column} has {length} characters; Lok takes at most {limit}</source>
        <translation>{column} tiene {length} caracteres; Lok acepta como máximo {limit}</translation>
    </message>
    <message>
        <source>{count} phone numbers; Lok takes at most {limit}</source>
        <translation>{count} números de teléfono; Lok acepta como máximo {limit}</translation>
    </message>
    <message>
        <source>a phone number is longer than {limit} characters</source>
        <translation>un número de teléfono tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>more cells than the header has columns (a value with a comma needs double quotes around it)</source>
        <translation>más celdas que columnas en el encabezado (un valor con una coma debe ir entre comillas dobles)</translation>
    </message>
    <message>
        <source>a double quote opened in {column} is closed only on line {last}, so lines {next} to {last} are read into {column}</source>
        <translation>unas comillas dobles abiertas en {column} no se cierran hasta la línea {last}, así que las líneas {next} a {last} se leen dentro de {column}</translation>
    </message>
    <message>
        <source>a double quote opened in {column} is closed only on the next line, so line {last} is read into {column}</source>
        <translation>unas comillas dobles abiertas en {column} no se cierran hasta la línea siguiente, así que la línea {last} se lee dentro de {column}</translation>
    </message>
    <message>
        <source>a double quote opened here is never closed: every line after it, to the end of the file (line {last}), would be read into {column}</source>
        <translation>unas comillas dobles abiertas aquí no se cierran nunca: todas las líneas siguientes, hasta el final del archivo (línea {last}), se leerían dentro de {column}</translation>
    </message>
    <message>
        <source>line {line} holds a NUL character (an invisible control character)</source>
        <translation>la línea {line} contiene un carácter NUL (un carácter de control invisible)</translation>
    </message>
    <message>
        <source>line {line} ends with a lone carriage return; save the file with ordinary line ends</source>
        <translation>la línea {line} termina con un retorno de carro suelto; guarda el archivo con saltos de línea normales</translation>
    </message>
    <message>
        <source>a cell is longer than {limit} characters</source>
        <translation>una celda tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>cannot be read as CSV (check the double quotes)</source>
        <translation>no se puede leer como CSV (revisa las comillas dobles)</translation>
    </message>
    <message>
        <source>past Lok&apos;s limit of {limit} contacts in one file</source>
        <translation>supera el límite de Lok de {limit} contactos por archivo</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>These lines are not UTF-8 text: {lines}. Choose the encoding the file was saved in; the preview is drawn again.</source>
        <translation>Estas líneas no son texto UTF-8: {lines}. Elige la codificación con la que se guardó el archivo; la vista previa se vuelve a mostrar.</translation>
    </message>
    <message>
        <source>These lines cannot be read as {encoding}: {lines}. Choose another encoding.</source>
        <translation>Estas líneas no se pueden leer como {encoding}: {lines}. Elige otra codificación.</translation>
    </message>
    <message>
        <source>Read as {encoding}: check that names with accents look right before importing.</source>
        <translation>Leído como {encoding}: comprueba que los nombres con acentos se vean bien antes de importar.</translation>
    </message>
    <message>
        <source>The file has {count} characters; Lok takes at most {limit} in one import.</source>
        <translation>El archivo tiene {count} caracteres; Lok acepta como máximo {limit} en una importación.</translation>
    </message>
    <message>
        <source>The header row: {problem}.</source>
        <translation>La fila de encabezado: {problem}.</translation>
    </message>
</context>
<context>
    <name>DeskHistory</name>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>Printed a slip</source>
        <translation>Comprobante impreso</translation>
    </message>
    <message>
        <source>Requested shipment</source>
        <translation>Envío solicitado</translation>
    </message>
    <message>
        <source>Printed a courier sheet</source>
        <translation>Imprimió la hoja del repartidor</translation>
    </message>
    <message>
        <source>Audited the locker</source>
        <translation>Auditó el casillero</translation>
    </message>
    <message>
        <source>Prepared a reminder</source>
        <translation>Preparó un recordatorio</translation>
    </message>
    <message>
        <source>Exported an audit</source>
        <translation>Exportó una auditoría</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
</context>
<context>
    <name>DeskHistoryPane</name>
    <message>
        <source>Desk history</source>
        <translation>Historial del mostrador</translation>
    </message>
    <message>
        <source>What this history holds</source>
        <translation>Qué contiene este historial</translation>
    </message>
    <message>
        <source>Search who, what, ids, detail…</source>
        <translation>Buscar quién, qué, ID, detalle…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>This desk and Lok</source>
        <translation>Este mostrador y Lok</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>Este mostrador</translation>
    </message>
    <message>
        <source>Lok&apos;s action log</source>
        <translation>Bitácora de acciones de Lok</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (for Excel)</source>
        <translation>UTF-8 con BOM (para Excel)</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Estado del historial</translation>
    </message>
    <message>
        <source>What was done at this desk (kept on this computer), with Lok&apos;s action log for the whole company.</source>
        <translation>Lo que se hizo en este mostrador (guardado en esta computadora), con la bitácora de acciones de Lok de toda la empresa.</translation>
    </message>
    <message>
        <source>What was done at this desk (kept on this computer). Lok&apos;s action log could not be read; the line below says why.</source>
        <translation>Lo que se hizo en este mostrador (guardado en esta computadora). No se pudo leer el registro de acciones de Lok; la línea de abajo explica por qué.</translation>
    </message>
    <message>
        <source>exporting the desk history</source>
        <translation>exportar el historial del mostrador</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to {0}</source>
        <translation>
            <numerusform>Se exportó %n fila a {0}</numerusform>
            <numerusform>Se exportaron %n filas a {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>reading the action log</source>
        <translation>leer la bitácora de acciones</translation>
    </message>
    <message>
        <source>What was done at this desk (kept on this computer). Lok&apos;s action log is not shown: {0}</source>
        <translation>Lo que se hizo en este mostrador (guardado en esta computadora). No se muestra la bitácora de acciones de Lok: {0}</translation>
    </message>
    <message>
        <source>{0} of {1} entries</source>
        <translation>{0} de {1} registros</translation>
    </message>
    <message>
        <source>Export the desk history</source>
        <translation>Exportar el historial del mostrador</translation>
    </message>
</context>
<context>
    <name>DeskRecorder</name>
    <message>
        <source>writing the desk history</source>
        <translation>escribir el historial del mostrador</translation>
    </message>
</context>
<context>
    <name>DeskShell</name>
    <message>
        <source>Lok sandbox on this computer (practice data)</source>
        <translation>Sandbox de Lok en esta computadora (datos de práctica)</translation>
    </message>
    <message>
        <source>Lok production — api.clicknbox.com</source>
        <translation>Lok producción — api.clicknbox.com</translation>
    </message>
    <message>
        <source>Another Lok server…</source>
        <translation>Otro servidor Lok…</translation>
    </message>
    <message>
        <source>signing in</source>
        <translation>iniciar sesión</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Sign-in stopped.</source>
        <translation>Inicio de sesión detenido.</translation>
    </message>
    <message>
        <source>Nothing was changed. Sign in again when you are ready.</source>
        <translation>No se cambió nada. Vuelve a iniciar sesión cuando estés listo.</translation>
    </message>
    <message>
        <source>The keyring refused to store the secret; you will type it at the next sign-in.</source>
        <translation>El llavero se negó a guardar el secreto; lo escribirás en el próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>working</source>
        <translation>trabajar</translation>
    </message>
    <message>
        <source>{next_step} A crash report was saved as {path} — send it to your support contact.</source>
        <translation>{next_step} Se guardó un informe del fallo en {path}; envíelo a su contacto de soporte.</translation>
    </message>
</context>
<context>
    <name>DirectoriesPane</name>
    <message>
        <source>Directories</source>
        <translation>Directorios</translation>
    </message>
    <message>
        <source>&lt;b&gt;Directories&lt;/b&gt; — address books of people you send to</source>
        <translation>&lt;b&gt;Directorios&lt;/b&gt; — libretas de direcciones de las personas a quienes envías</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>✓ Active</source>
        <translation>✓ Activo</translation>
    </message>
    <message>
        <source>✕ Inactive</source>
        <translation>✕ Inactivo</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>New directory name</source>
        <translation>Nombre del directorio nuevo</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Create directory</source>
        <translation>Crear directorio</translation>
    </message>
    <message>
        <source>Directory problem</source>
        <translation>Problema del directorio</translation>
    </message>
    <message>
        <source>Import contacts from CSV…</source>
        <translation>Importar contactos desde CSV…</translation>
    </message>
    <message>
        <source>Import contacts from CSV</source>
        <translation>Importar contactos desde CSV</translation>
    </message>
    <message>
        <source>CSV: a header row with name, last_name (required), email, gender, age, phones (separate several with ;), street, number, town, zip_code, city, state, country, references, cross_streets, delivery_info.</source>
        <translation>CSV: una fila de encabezado con name, last_name (obligatorios), email, gender, age, phones (separa varios con ;), street, number, town, zip_code, city, state, country, references, cross_streets, delivery_info.</translation>
    </message>
    <message>
        <source>Directory name</source>
        <translation>Nombre del directorio</translation>
    </message>
    <message>
        <source>Active (offered when filling in reservations)</source>
        <translation>Activo (se ofrece al llenar reservaciones)</translation>
    </message>
    <message>
        <source>Directory active</source>
        <translation>Directorio activo</translation>
    </message>
    <message>
        <source>Save name and state</source>
        <translation>Guardar nombre y estado</translation>
    </message>
    <message>
        <source>Save directory</source>
        <translation>Guardar directorio</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Directory details</source>
        <translation>Detalles del directorio</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Contacts state</source>
        <translation>Estado de los contactos</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Agregar contacto</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Quitar seleccionados</translation>
    </message>
    <message>
        <source>Remove selected contacts</source>
        <translation>Quitar los contactos seleccionados</translation>
    </message>
    <message>
        <source>Save contacts…</source>
        <translation>Guardar contactos…</translation>
    </message>
    <message>
        <source>Save contacts</source>
        <translation>Guardar contactos</translation>
    </message>
    <message>
        <source>Lok did not send the whole list of directories; some may be missing. Refresh (F5) to ask again.</source>
        <translation>Lok no envió la lista completa de directorios; puede que falten algunos. Actualiza (F5) para volver a pedirla.</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts · created by {author} · used at: {places}</source>
        <translation>
            <numerusform>%n contacto · creado por {author} · se usa en: {places}</numerusform>
            <numerusform>%n contactos · creado por {author} · se usa en: {places}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>● Unsaved changes (%n contacts)</source>
        <translation>
            <numerusform>● Cambios sin guardar (%n contacto)</numerusform>
            <numerusform>● Cambios sin guardar (%n contactos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contacto</numerusform>
            <numerusform>%n contactos</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved contacts</source>
        <translation>Contactos sin guardar</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n contacts.</source>
        <translation>
            <numerusform>Se importó %n contacto.</numerusform>
            <numerusform>Se importaron %n contactos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The contacts of “{0}” have unsaved changes. Discard them?</source>
        <translation>Los contactos de “{0}” tienen cambios sin guardar. ¿Descartarlos?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Choose a directory on the left.</source>
        <translation>Elige un directorio a la izquierda.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>{count} problems — first: {first}</source>
        <translation>{count} problemas; el primero: {first}</translation>
    </message>
    <message>
        <source>Type a name for the new directory.</source>
        <translation>Escribe un nombre para el directorio nuevo.</translation>
    </message>
    <message>
        <source>Directory “{0}” created.</source>
        <translation>Directorio “{0}” creado.</translation>
    </message>
    <message>
        <source>A directory needs a name.</source>
        <translation>El directorio necesita un nombre.</translation>
    </message>
    <message>
        <source>Directory saved.</source>
        <translation>Directorio guardado.</translation>
    </message>
    <message>
        <source>Replace the contacts of “{0}” with these {1}?</source>
        <translation>¿Reemplazar los contactos de “{0}” por estos {1}?</translation>
    </message>
    <message>
        <source>Do not save</source>
        <translation>No guardar</translation>
    </message>
    <message>
        <source>Not saved: {0} Your edits are still here.</source>
        <translation>No se guardó: {0} Tus cambios siguen aquí.</translation>
    </message>
    <message>
        <source>Contacts saved.</source>
        <translation>Contactos guardados.</translation>
    </message>
    <message>
        <source>reading the CSV file</source>
        <translation>leer el archivo CSV</translation>
    </message>
    <message>
        <source>At most {limit} characters (this has {length}).</source>
        <translation>Como máximo {limit} caracteres (este tiene {length}).</translation>
    </message>
</context>
<context>
    <name>EnvironmentBadge</name>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUCCIÓN</translation>
    </message>
    <message>
        <source>SANDBOX · practice data</source>
        <translation>SANDBOX · datos de práctica</translation>
    </message>
    <message>
        <source>CUSTOM SERVER</source>
        <translation>SERVIDOR PERSONALIZADO</translation>
    </message>
    <message>
        <source>Live Lok service: real lockers, real customers&apos; parcels.</source>
        <translation>Servicio Lok real: casilleros reales, paquetes de clientes reales.</translation>
    </message>
    <message>
        <source>Lok sandbox on this computer: nothing here reaches a real locker.</source>
        <translation>Sandbox de Lok en esta computadora: nada de aquí llega a un casillero real.</translation>
    </message>
    <message>
        <source>A Lok server you chose</source>
        <translation>Un servidor Lok que elegiste</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <source>This is not an e-mail address (like name@example.com).</source>
        <translation>Esta no es una dirección de correo electrónico (como nombre@example.com).</translation>
    </message>
    <message>
        <source>Use digits only (spaces, dashes, brackets and a leading + are fine).</source>
        <translation>Usa solo dígitos (se permiten espacios, guiones, paréntesis y un + al inicio).</translation>
    </message>
    <message>
        <source>A phone number has 7 to 15 digits.</source>
        <translation>Un número de teléfono tiene de 7 a 15 dígitos.</translation>
    </message>
    <message>
        <source>Problem with {0}</source>
        <translation>Problema con {0}</translation>
    </message>
    <message>
        <source>this field</source>
        <translation>este campo</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>¿Descartar lo que escribiste?</translation>
    </message>
    <message>
        <source>This form holds text you typed. Close it and lose that text?</source>
        <translation>Este formulario tiene texto que escribiste. ¿Cerrarlo y perder ese texto?</translation>
    </message>
    <message>
        <source>Discard and close</source>
        <translation>Descartar y cerrar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Enter a number, like 12.5.</source>
        <translation>Escribe un número, como 12.5.</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>No puede ser negativo.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>Give the contact&apos;s name or e-mail (Lok needs one of them).</source>
        <translation>Indica el nombre o el correo del contacto (Lok necesita uno de los dos).</translation>
    </message>
</context>
<context>
    <name>FreeBoxesModel</name>
    <message>
        <source>Location</source>
        <extracomment>Fullness colours (background, text) readable in light and dark themes alike. The column after the sizes and &quot;All sizes&quot;: late now, beside free (issue 23).</extracomment>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>Todos los tamaños</translation>
    </message>
    <message>
        <source>Late now</source>
        <translation>Atrasados ahora</translation>
    </message>
    <message>
        <source>{0} free / total</source>
        <translation>{0} libres / total</translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n boxes free</source>
        <translation>
            <numerusform>{0} de %n compartimento libre</numerusform>
            <numerusform>{0} de %n compartimentos libres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n {1} boxes free; double-click to reserve one</source>
        <translation>
            <numerusform>{0} de %n compartimento {1} libre; doble clic para reservarlo</numerusform>
            <numerusform>{0} de %n compartimentos {1} libres; doble clic para reservar uno</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} free of {1}</source>
        <translation>{0} libres de {1}</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>{0} waiting past the delivery deadline · {1} in the locker past the pick-up deadline</source>
        <translation>{0} esperando depósito con la fecha límite vencida · {1} en el casillero con la recolección vencida</translation>
    </message>
</context>
<context>
    <name>FreeBoxesPane</name>
    <message>
        <source>Free boxes</source>
        <extracomment>(location id, box size) to reserve there.</extracomment>
        <translation>Compartimentos libres</translation>
    </message>
    <message>
        <source>Free / total boxes of each size. Red: none free · yellow: a quarter or less free · green: room · grey: no boxes of that size. Sort a column to find the location with the most free; double-click a cell to reserve that size there. Late now: waiting past the delivery deadline · in the locker past the pick-up deadline.</source>
        <translation>Compartimentos libres / total de cada tamaño. Rojo: ninguno libre · amarillo: una cuarta parte o menos libres · verde: hay lugar · gris: no hay compartimentos de ese tamaño. Ordena una columna para encontrar la ubicación con más libres; haz doble clic en una celda para reservar ese tamaño ahí. Atrasados ahora: esperando depósito con la fecha límite vencida · en el casillero con la recolección vencida.</translation>
    </message>
    <message>
        <source>Free boxes by location and size</source>
        <translation>Compartimentos libres por ubicación y tamaño</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Free boxes status</source>
        <translation>Estado de los compartimentos libres</translation>
    </message>
    <message>
        <source>reading the locations</source>
        <translation>leer las ubicaciones</translation>
    </message>
</context>
<context>
    <name>FrontDeskJobs</name>
    <message>
        <source>Courier &amp;intake…</source>
        <translation>&amp;Recepción de repartidor…</translation>
    </message>
    <message>
        <source>Courier intake</source>
        <translation>Recepción de repartidor</translation>
    </message>
    <message>
        <source>Locker audit</source>
        <translation>Auditoría del casillero</translation>
    </message>
    <message>
        <source>Locker au&amp;dit</source>
        <translation>Au&amp;ditoría del casillero</translation>
    </message>
</context>
<context>
    <name>FrontDeskTools</name>
    <message>
        <source>Code &amp;inspector</source>
        <translation>&amp;Inspector de códigos</translation>
    </message>
    <message>
        <source>Free bo&amp;xes</source>
        <translation>Compartimentos &amp;libres</translation>
    </message>
    <message>
        <source>Desk histor&amp;y</source>
        <translation>Historial del &amp;mostrador</translation>
    </message>
    <message>
        <source>&amp;Inspect a code</source>
        <translation>&amp;Inspeccionar un código</translation>
    </message>
    <message>
        <source>Print &amp;slip…</source>
        <translation>Imprimir &amp;comprobante…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Inspect a code</source>
        <translation>Inspeccionar un código</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Imprimir comprobante</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>Copy the versions, the server, your role and the last errors, to paste into a message to support. No password or token is included.</source>
        <translation>Copia las versiones, el servidor, su rol y los últimos errores para pegarlos en un mensaje a soporte. No incluye ninguna contraseña ni token.</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>Show the log files and crash reports of Lok Desk.</source>
        <translation>Muestra los archivos de registro y los informes de fallos de Lok Desk.</translation>
    </message>
    <message>
        <source>&amp;About Lok Desk</source>
        <translation>&amp;Acerca de Lok Desk</translation>
    </message>
    <message>
        <source>copying the diagnostics</source>
        <translation>copiar el diagnóstico</translation>
    </message>
    <message>
        <source>Diagnostics copied. Paste them into your message to support.</source>
        <translation>Diagnóstico copiado. Péguelo en su mensaje a soporte.</translation>
    </message>
    <message>
        <source>Could not open a file manager. The log folder is {folder}</source>
        <translation>No se pudo abrir un administrador de archivos. La carpeta de registros es {folder}</translation>
    </message>
    <message>
        <source>Lok sandbox on this computer</source>
        <translation>Sandbox de Lok en esta computadora</translation>
    </message>
    <message>
        <source>Lok production</source>
        <translation>Lok producción</translation>
    </message>
    <message>
        <source>another Lok server</source>
        <translation>otro servidor Lok</translation>
    </message>
    <message>
        <source>Lok Desk {version}</source>
        <translation>Lok Desk {version}</translation>
    </message>
    <message>
        <source>The console for Lok parcel lockers.</source>
        <translation>La consola para los casilleros de paquetes Lok.</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}, Python {python}</source>
        <translation>Qt {qt}, PySide6 {pyside}, Python {python}</translation>
    </message>
    <message>
        <source>Server: {server} ({where})</source>
        <translation>Servidor: {server} ({where})</translation>
    </message>
    <message>
        <source>Signed in as: {role}</source>
        <translation>Sesión iniciada como: {role}</translation>
    </message>
    <message>
        <source>About Lok Desk</source>
        <translation>Acerca de Lok Desk</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>ID de envío</translation>
    </message>
    <message>
        <source>Reservation id</source>
        <translation>ID de reservación</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>Este mostrador</translation>
    </message>
    <message>
        <source>Lok</source>
        <translation>Lok</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>%1 · %2: free boxes under %3 %</source>
        <translation>%1 · %2: compartimentos libres por debajo de %3 %</translation>
    </message>
    <message>
        <source>%1 · %2: more than %3 parcels past pick-up</source>
        <translation>%1 · %2: más de %3 paquetes con la recolección vencida</translation>
    </message>
    <message>
        <source>%1 (%2): only %3 of the boxes are free (your limit: %4 %).</source>
        <translation>%1 (%2): solo el %3 de los compartimentos está libre (tu límite: %4 %).</translation>
    </message>
    <message>
        <source>%1 (%2): %3 parcels are past their pick-up deadline (your limit: %4).</source>
        <translation>%1 (%2): %3 paquetes pasaron su fecha límite de recolección (tu límite: %4).</translation>
    </message>
    <message>
        <source>Limits that notify</source>
        <translation>Límites que avisan</translation>
    </message>
    <message>
        <source>A notice comes once when a level crosses a limit, and again only after it came back within it. Mute these notices in View ▸ Notices.</source>
        <translation>Llega un aviso una vez cuando un nivel cruza un límite, y otra vez solo después de que volvió a estar dentro de él. Silencia estos avisos en Ver ▸ Avisos.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Free boxes under (%)</source>
        <translation>Compartimentos libres por debajo de (%)</translation>
    </message>
    <message>
        <source>Parcels past pick-up, more than</source>
        <translation>Paquetes con la recolección vencida, más de</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ubicación:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamaño:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valor:</translation>
    </message>
    <message>
        <source>&amp;Add limit</source>
        <translation>&amp;Agregar límite</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Quitar el seleccionado</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Locatio&amp;n:</source>
        <translation>Ubicació&amp;n:</translation>
    </message>
    <message>
        <source>Box size</source>
        <translation>Tamaño de compartimento</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>Tama&amp;ño:</translation>
    </message>
    <message>
        <source>Read the reservations from Lok again</source>
        <translation>Volver a leer las reservaciones de Lok</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Guardar co&amp;mo…</translation>
    </message>
    <message>
        <source>Li&amp;mits…</source>
        <translation>Lími&amp;tes…</translation>
    </message>
    <message>
        <source>Get a notice when free boxes or parcels past pick-up cross a limit you set</source>
        <translation>Recibe un aviso cuando los compartimentos libres o los paquetes con la recolección vencida crucen un límite que fijes</translation>
    </message>
    <message>
        <source>The figures load when this tab is first shown.</source>
        <translation>Las cifras se cargan la primera vez que se muestra esta pestaña.</translation>
    </message>
    <message>
        <source>Insights status</source>
        <translation>Estado de los indicadores</translation>
    </message>
    <message>
        <source>Insights message</source>
        <translation>Mensaje de los indicadores</translation>
    </message>
    <message>
        <source>Insights sections</source>
        <translation>Secciones de los indicadores</translation>
    </message>
    <message>
        <source>Figures of the period</source>
        <translation>Cifras del periodo</translation>
    </message>
    <message>
        <source>Figures per location and size</source>
        <translation>Cifras por ubicación y tamaño</translation>
    </message>
    <message>
        <source>&amp;By location</source>
        <translation>Por u&amp;bicación</translation>
    </message>
    <message>
        <source>Parcels in the locker, hour by hour</source>
        <translation>Paquetes en el casillero, hora por hora</translation>
    </message>
    <message>
        <source>Occupancy in words</source>
        <translation>Ocupación en palabras</translation>
    </message>
    <message>
        <source>O&amp;ccupancy</source>
        <translation>Ocupac&amp;ión</translation>
    </message>
    <message>
        <source>Time in the locker, distribution</source>
        <translation>Tiempo en el casillero, distribución</translation>
    </message>
    <message>
        <source>Time in the locker, distribution chart</source>
        <translation>Gráfica de la distribución del tiempo en el casillero</translation>
    </message>
    <message>
        <source>Time in the loc&amp;ker</source>
        <translation>Tiempo en el casi&amp;llero</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Depósitos</translation>
    </message>
    <message>
        <source>Pick-ups</source>
        <translation>Recolecciones</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Reloa&amp;d</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>Res&amp;umen</translation>
    </message>
    <message>
        <source>Deliveries or pick-ups:</source>
        <translation>Depósitos o recolecciones:</translation>
    </message>
    <message>
        <source>By weekday and hour, in each location&apos;s own time.</source>
        <translation>Por día de la semana y hora, en la hora local de cada ubicación.</translation>
    </message>
    <message>
        <source>Deliveries and pick-ups by weekday and hour</source>
        <translation>Depósitos y recolecciones por día de la semana y hora</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>Cuánd&amp;o</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Todas las ubicaciones</translation>
    </message>
    <message>
        <source>Reading the reservations of the period from Lok…</source>
        <translation>Leyendo de Lok las reservaciones del periodo…</translation>
    </message>
    <message>
        <source>%1 to %2, compared with the %3 days before. %4 reservations known.</source>
        <translation>Del %1 al %2, comparado con los %3 días anteriores. Reservaciones conocidas: %4.</translation>
    </message>
    <message>
        <source>Lok did not send every reservation: the figures may be short.</source>
        <translation>Lok no envió todas las reservaciones: las cifras pueden quedarse cortas.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>On average %1 parcels were in the locker, at the most %2. Every box was taken %3 of the time. Boxes in use now: %4.</source>
        <translation>En promedio hubo %1 paquetes en el casillero, como máximo %2. Todos los compartimentos estuvieron ocupados el %3 del tiempo. Compartimentos en uso ahora: %4.</translation>
    </message>
    <message>
        <source>Parcels in the locker</source>
        <translation>Paquetes en el casillero</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>Time in the locker</source>
        <extracomment>Which reservations each column of the location table stands for (column index → ids of a row).</extracomment>
        <translation>Tiempo en el casillero</translation>
    </message>
    <message>
        <source>No reservations stand behind this figure.</source>
        <translation>No hay reservaciones detrás de esta cifra.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Per location</source>
        <translation>Por ubicación</translation>
    </message>
    <message>
        <source>Deliveries by weekday and hour</source>
        <translation>Depósitos por día de la semana y hora</translation>
    </message>
    <message>
        <source>Pick-ups by weekday and hour</source>
        <translation>Recolecciones por día de la semana y hora</translation>
    </message>
    <message>
        <source>Table “%1” as CSV…</source>
        <translation>Tabla «%1» como CSV…</translation>
    </message>
    <message>
        <source>Chart “%1” as PNG…</source>
        <translation>Gráfica «%1» como PNG…</translation>
    </message>
    <message>
        <source>Everything as PDF…</source>
        <translation>Todo como PDF…</translation>
    </message>
    <message>
        <source>saving the file</source>
        <translation>guardar el archivo</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Save table as CSV</source>
        <translation>Guardar la tabla como CSV</translation>
    </message>
    <message>
        <source>insights</source>
        <translation>indicadores</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Guardar la gráfica como PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Save insights as PDF</source>
        <translation>Guardar los indicadores como PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Indicadores</translation>
    </message>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation>
            <numerusform>Último día (%n)</numerusform>
            <numerusform>Últimos %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter or double-click: open the %n reservations</source>
        <translation>
            <numerusform>Intro o doble clic: abrir la reservación (%n)</numerusform>
            <numerusform>Intro o doble clic: abrir las %n reservaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Este periodo</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Periodo anterior</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Boxes in use now</source>
        <translation>Compartimentos en uso ahora</translation>
    </message>
    <message>
        <source>Free now</source>
        <translation>Libres ahora</translation>
    </message>
    <message>
        <source>Waiting past delivery now</source>
        <translation>Con el depósito vencido ahora</translation>
    </message>
    <message>
        <source>Past pick-up now</source>
        <translation>Con la recolección vencida ahora</translation>
    </message>
    <message>
        <source>In the locker, average</source>
        <translation>En el casillero, promedio</translation>
    </message>
    <message>
        <source>In the locker, most</source>
        <translation>En el casillero, máximo</translation>
    </message>
    <message>
        <source>Time full</source>
        <translation>Tiempo lleno</translation>
    </message>
    <message>
        <source>Median time in the locker</source>
        <translation>Mediana del tiempo en el casillero</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>Percentil 90</translation>
    </message>
    <message>
        <source>Delivered late</source>
        <translation>Depositados tarde</translation>
    </message>
    <message>
        <source>Picked up late</source>
        <translation>Recolectados tarde</translation>
    </message>
    <message>
        <source>Never delivered</source>
        <translation>Nunca depositados</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>%1, %2:00: %3</source>
        <translation>%1, %2:00: %3</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>Todos los tamaños</translation>
    </message>
    <message>
        <source>S (small)</source>
        <translation>S (chico)</translation>
    </message>
    <message>
        <source>M (medium)</source>
        <translation>M (mediano)</translation>
    </message>
    <message>
        <source>L (large)</source>
        <translation>L (grande)</translation>
    </message>
    <message>
        <source>XL (extra large)</source>
        <translation>XL (extragrande)</translation>
    </message>
    <message>
        <source>Unknown size</source>
        <translation>Tamaño desconocido</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 de %2 (%3)</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>menos de %1</translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation>%1 o más</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sin cambio</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 puntos</translation>
    </message>
    <message>
        <source>up %1</source>
        <translation>sube %1</translation>
    </message>
    <message>
        <source>down %1</source>
        <translation>baja %1</translation>
    </message>
    <message>
        <source>Parcels in the locker, on average</source>
        <translation>Paquetes en el casillero, en promedio</translation>
    </message>
    <message>
        <source>Parcels in the locker, at the most</source>
        <translation>Paquetes en el casillero, como máximo</translation>
    </message>
    <message>
        <source>Time with every box taken</source>
        <translation>Tiempo con todos los compartimentos ocupados</translation>
    </message>
    <message>
        <source>Time in the locker, median</source>
        <translation>Tiempo en el casillero, mediana</translation>
    </message>
    <message>
        <source>Time in the locker, 90th percentile</source>
        <translation>Tiempo en el casillero, percentil 90</translation>
    </message>
    <message>
        <source>Delivered after the delivery deadline</source>
        <translation>Depositados después de la fecha límite de depósito</translation>
    </message>
    <message>
        <source>Picked up after the pick-up deadline</source>
        <translation>Recolectados después de la fecha límite de recolección</translation>
    </message>
    <message>
        <source>Never delivered (cancelled or expired)</source>
        <translation>Nunca depositados (cancelados o vencidos)</translation>
    </message>
    <message>
        <source>Waiting past the delivery deadline now</source>
        <translation>Esperando depósito con la fecha límite vencida ahora</translation>
    </message>
    <message>
        <source>In the locker past the pick-up deadline now</source>
        <translation>En el casillero con la recolección vencida ahora</translation>
    </message>
    <message>
        <source>Insi&amp;ghts</source>
        <translation>Indica&amp;dores</translation>
    </message>
    <message>
        <source>Limits are set by the company&apos;s owner or seller.</source>
        <translation>Los límites los fija el propietario o el vendedor de la empresa.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Courier intake</source>
        <translation>Recepción de repartidor</translation>
    </message>
    <message>
        <source>Carrier (kept for every parcel)</source>
        <translation>Paquetería (se mantiene para cada paquete)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Paquetería</translation>
    </message>
    <message>
        <source>e.g. Estafeta</source>
        <translation>p. ej., Estafeta</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Sender phone</source>
        <translation>Teléfono del remitente</translation>
    </message>
    <message>
        <source>Lok &amp;notifies recipients</source>
        <translation>Lok &amp;avisa a los destinatarios</translation>
    </message>
    <message>
        <source>Lok notifies recipients</source>
        <translation>Lok avisa a los destinatarios</translation>
    </message>
    <message>
        <source>Lok sends each recipient their pick-up code when the parcel is delivered.</source>
        <translation>Lok envía a cada destinatario su código de recogida cuando se entrega el paquete.</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Ubicación</translation>
    </message>
    <message>
        <source>Ca&amp;rrier</source>
        <translation>&amp;Paquetería</translation>
    </message>
    <message>
        <source>S&amp;ender</source>
        <translation>R&amp;emitente</translation>
    </message>
    <message>
        <source>Sender p&amp;hone</source>
        <translation>&amp;Teléfono del remitente</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>Id. de envío</translation>
    </message>
    <message>
        <source>Scan the label</source>
        <translation>Escanee la etiqueta</translation>
    </message>
    <message>
        <source>Measures and weight</source>
        <translation>Medidas y peso</translation>
    </message>
    <message>
        <source>cm and kg: 12 30 40 2</source>
        <translation>cm y kg: 12 30 40 2</translation>
    </message>
    <message>
        <source>Width, height and length in cm, then the weight in kg, separated by spaces or x.</source>
        <translation>Ancho, alto y largo en cm, y luego el peso en kg, separados por espacios o x.</translation>
    </message>
    <message>
        <source>Box size</source>
        <translation>Tamaño de compartimento</translation>
    </message>
    <message>
        <source>From the measures</source>
        <translation>Según las medidas</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>Nombre del destinatario</translation>
    </message>
    <message>
        <source>Recipient e-mail</source>
        <translation>Correo del destinatario</translation>
    </message>
    <message>
        <source>Recipient phone</source>
        <translation>Teléfono del destinatario</translation>
    </message>
    <message>
        <source>&amp;Shipment id</source>
        <translation>Id. de en&amp;vío</translation>
    </message>
    <message>
        <source>&amp;Measures (cm, kg)</source>
        <translation>&amp;Medidas (cm, kg)</translation>
    </message>
    <message>
        <source>Bo&amp;x size</source>
        <translation>Tamaño de &amp;compartimento</translation>
    </message>
    <message>
        <source>Re&amp;cipient</source>
        <translation>&amp;Destinatario</translation>
    </message>
    <message>
        <source>Recipient e-ma&amp;il</source>
        <translation>C&amp;orreo del destinatario</translation>
    </message>
    <message>
        <source>Problem with this parcel</source>
        <translation>Problema con este paquete</translation>
    </message>
    <message>
        <source>Create parcel</source>
        <translation>Crear paquete</translation>
    </message>
    <message>
        <source>Ctrl+Enter, or Enter in a recipient field</source>
        <translation>Ctrl+Intro, o Intro en un campo del destinatario</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Casillero</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Parcels of this batch</source>
        <translation>Paquetes de este lote</translation>
    </message>
    <message>
        <source>Batch totals</source>
        <translation>Totales del lote</translation>
    </message>
    <message>
        <source>&amp;Undo parcel…</source>
        <translation>Des&amp;hacer paquete…</translation>
    </message>
    <message>
        <source>Undo parcel…</source>
        <translation>Deshacer paquete…</translation>
    </message>
    <message>
        <source>Cancels the chosen parcel at Lok (Delete)</source>
        <translation>Cancela en Lok el paquete elegido (Supr)</translation>
    </message>
    <message>
        <source>&amp;With recipient slips</source>
        <translation>Co&amp;n comprobantes del destinatario</translation>
    </message>
    <message>
        <source>With recipient slips</source>
        <translation>Con comprobantes del destinatario</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>&amp;Print courier sheet…</source>
        <translation>&amp;Imprimir hoja del repartidor…</translation>
    </message>
    <message>
        <source>Print courier sheet…</source>
        <translation>Imprimir hoja del repartidor…</translation>
    </message>
    <message>
        <source>Save sheet as P&amp;DF…</source>
        <translation>&amp;Guardar hoja como PDF…</translation>
    </message>
    <message>
        <source>Save sheet as PDF…</source>
        <translation>Guardar hoja como PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close courier intake</source>
        <translation>Cerrar la recepción de repartidor</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) of this batch are on no courier sheet yet. Close anyway?</source>
        <translation>
            <numerusform>%n paquete de este lote aún no está en ninguna hoja del repartidor. ¿Cerrar de todos modos?</numerusform>
            <numerusform>%n paquetes de este lote aún no están en ninguna hoja del repartidor. ¿Cerrar de todos modos?</numerusform>
        </translation>
    </message>
    <message>
        <source>Close without the sheet</source>
        <translation>Cerrar sin la hoja</translation>
    </message>
    <message>
        <source>Keep intake open</source>
        <translation>Mantener la recepción abierta</translation>
    </message>
    <message>
        <source>Correcting line {0}</source>
        <translation>Corrigiendo la línea {0}</translation>
    </message>
    <message>
        <source>Undo parcel</source>
        <translation>Deshacer paquete</translation>
    </message>
    <message>
        <source>Cancel the reservation of {0} at Lok? Its delivery token will stop working.</source>
        <translation>¿Cancelar en Lok la reserva de {0}? Su código de entrega dejará de funcionar.</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Cancelar reserva</translation>
    </message>
    <message>
        <source>Keep reservation</source>
        <translation>Conservar reserva</translation>
    </message>
    <message numerus="yes">
        <source>{0} · {1} · %n parcel(s)</source>
        <translation>
            <numerusform>{0} · {1} · %n paquete</numerusform>
            <numerusform>{0} · {1} · %n paquetes</numerusform>
        </translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>paquetería</translation>
    </message>
    <message>
        <source>Courier sheet — {0}</source>
        <translation>Hoja del repartidor — {0}</translation>
    </message>
    <message>
        <source>printing the courier sheet</source>
        <translation>imprimir la hoja del repartidor</translation>
    </message>
    <message>
        <source>saving the courier sheet</source>
        <translation>guardar la hoja del repartidor</translation>
    </message>
</context>
<context>
    <name>IntakeWords</name>
    <message>
        <source>Scan or type the shipment id first.</source>
        <translation>Primero escanee o escriba el id. de envío.</translation>
    </message>
    <message>
        <source>Lok needs who sends the parcels: type the sender or the carrier (kept for the whole batch).</source>
        <translation>Lok necesita saber quién envía los paquetes: escriba el remitente o la paquetería (se mantiene para todo el lote).</translation>
    </message>
    <message>
        <source>This shipment id is already line {0} of this batch.</source>
        <translation>Este id. de envío ya es la línea {0} de este lote.</translation>
    </message>
    <message>
        <source>Your company already has a reservation with this shipment id: check the label, or find that reservation (Ctrl+F).</source>
        <translation>Su empresa ya tiene una reserva con este id. de envío: revise la etiqueta o busque esa reserva (Ctrl+F).</translation>
    </message>
    <message>
        <source>Type the measures in cm and the weight in kg, like 12 30 40 2.</source>
        <translation>Escriba las medidas en cm y el peso en kg, por ejemplo 12 30 40 2.</translation>
    </message>
    <message>
        <source>Type the measures (like 12 30 40 2) or pick a box size.</source>
        <translation>Escriba las medidas (por ejemplo 12 30 40 2) o elija un tamaño de compartimento.</translation>
    </message>
    <message>
        <source>No box takes this parcel: boxes hold up to {0} kg and it weighs {1} kg.</source>
        <translation>Ningún compartimento admite este paquete: admiten hasta {0} kg y pesa {1} kg.</translation>
    </message>
    <message>
        <source>No box takes this parcel: the largest box ({0}) measures {1}. Nothing was sent.</source>
        <translation>Ningún compartimento admite este paquete: el más grande ({0}) mide {1}. No se envió nada.</translation>
    </message>
    <message>
        <source>The size picked is too small for these measures; the smallest box that fits is {0}.</source>
        <translation>El tamaño elegido es pequeño para estas medidas; el compartimento más pequeño en que cabe es {0}.</translation>
    </message>
    <message>
        <source>Not sent: the Lok server cannot be reached. The line is kept; retry it when the desk is back online.</source>
        <translation>No se envió: no se puede conectar con el servidor de Lok. La línea se conserva; reinténtela cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>No {0} box is free here now.</source>
        <translation>Ahora no hay ningún compartimento {0} libre aquí.</translation>
    </message>
    <message>
        <source>Free here: {0}.</source>
        <translation>Libres aquí: {0}.</translation>
    </message>
    <message>
        <source>A box that fits is free at: {0}.</source>
        <translation>Hay un compartimento libre en que cabe en: {0}.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Undone (cancelled)</source>
        <translation>Deshecho (cancelado)</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Rechazado: {0}</translation>
    </message>
    <message>
        <source>Created, box {0}</source>
        <translation>Creado, compartimento {0}</translation>
    </message>
    <message>
        <source>(no {0} box was free)</source>
        <translation>(no había compartimento {0} libre)</translation>
    </message>
    <message>
        <source>not undone: {0}</source>
        <translation>no se deshizo: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>%n creado</numerusform>
            <numerusform>%n creados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undone</source>
        <translation>
            <numerusform>%n deshecho</numerusform>
            <numerusform>%n deshechos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Shipping label — {0}</source>
        <translation>Guía de envío — {0}</translation>
    </message>
    <message>
        <source>Shipping label image</source>
        <translation>Imagen de la guía de envío</translation>
    </message>
    <message>
        <source>Lok sent no readable label image; the PDF can still be saved.</source>
        <translation>Lok no envió una imagen de guía legible; aún puedes guardar el PDF.</translation>
    </message>
    <message>
        <source>Label status</source>
        <translation>Estado de la guía</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save label as PDF</source>
        <translation>Guardar la guía como PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Imprimir guía</translation>
    </message>
    <message>
        <source>saving the shipping label</source>
        <translation>guardar la etiqueta de envío</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Guardado en {0}</translation>
    </message>
    <message>
        <source>Lok Desk — shipping label {0}</source>
        <translation>Lok Desk — etiqueta de envío {0}</translation>
    </message>
    <message>
        <source>The label was not printed.</source>
        <translation>La etiqueta no se imprimió.</translation>
    </message>
    <message>
        <source>Label sent to the printer.</source>
        <translation>Guía enviada a la impresora.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>LocationTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Hora local</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <source>Free boxes</source>
        <translation>Compartimentos libres</translation>
    </message>
    <message>
        <source>Late now</source>
        <translation>Atrasados ahora</translation>
    </message>
    <message>
        <source>UTC (not given)</source>
        <translation>UTC (no indicada)</translation>
    </message>
    <message>
        <source>● Open</source>
        <translation>● Abierto</translation>
    </message>
    <message>
        <source>○ Closed</source>
        <translation>○ Cerrado</translation>
    </message>
    <message>
        <source>{free} of {total}</source>
        <translation>{free} de {total}</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Now at this locker ({zone})</source>
        <translation>Ahora en este casillero ({zone})</translation>
    </message>
    <message>
        <source>Free boxes of every size, out of all boxes the locker reports</source>
        <translation>Compartimentos libres de cada tamaño, del total que reporta el casillero</translation>
    </message>
    <message>
        <source>{0} waiting past the delivery deadline · {1} in the locker past the pick-up deadline</source>
        <translation>{0} esperando depósito con la fecha límite vencida · {1} en el casillero con la recolección vencida</translation>
    </message>
</context>
<context>
    <name>LocationsPane</name>
    <message>
        <source>Filter locations by name, address or time zone</source>
        <translation>Filtrar ubicaciones por nombre, dirección o zona horaria</translation>
    </message>
    <message>
        <source>Filter locations</source>
        <translation>Filtrar ubicaciones</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Ubicaciones</translation>
    </message>
    <message>
        <source>No locations</source>
        <translation>Sin ubicaciones</translation>
    </message>
    <message>
        <source>Location name</source>
        <translation>Nombre de la ubicación</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordenadas</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Hora local</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Coordenadas:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zona horaria:</translation>
    </message>
    <message>
        <source>Local time:</source>
        <translation>Hora local:</translation>
    </message>
    <message>
        <source>Opening hours (local time)</source>
        <translation>Horario (hora local)</translation>
    </message>
    <message>
        <source>{day} hours</source>
        <translation>Horario del {day}</translation>
    </message>
    <message>
        <source>Boxes right now</source>
        <translation>Compartimentos en este momento</translation>
    </message>
    <message>
        <source>New reservation here…</source>
        <translation>Nueva reservación aquí…</translation>
    </message>
    <message>
        <source>New reservation here</source>
        <translation>Nueva reservación aquí</translation>
    </message>
    <message>
        <source>Why new reservations are not possible</source>
        <translation>Por qué no se pueden hacer reservaciones nuevas</translation>
    </message>
    <message>
        <source>Location details</source>
        <translation>Detalles de la ubicación</translation>
    </message>
    <message>
        <source>Select a location on the left to see its hours and free boxes.</source>
        <translation>Selecciona una ubicación a la izquierda para ver su horario y sus compartimentos libres.</translation>
    </message>
    <message>
        <source>No locations to show.
Press F5 to load them again; if the list stays empty, ask your company&apos;s owner to check your access.</source>
        <translation>No hay ubicaciones que mostrar.
Presiona F5 para volver a cargarlas; si la lista sigue vacía, pide al propietario de tu empresa que revise tu acceso.</translation>
    </message>
    <message>
        <source>No location matches “{text}”.
Clear the filter to see all {count} locations.</source>
        <translation>Ninguna ubicación coincide con “{text}”.
Borra el filtro para ver las {count} ubicaciones.</translation>
    </message>
    <message>
        <source>● Open now</source>
        <translation>● Abierto ahora</translation>
    </message>
    <message>
        <source>○ Closed now</source>
        <translation>○ Cerrado ahora</translation>
    </message>
    <message>
        <source>Look for: {refs}</source>
        <translation>Buscar: {refs}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>UTC (not given)</source>
        <translation>UTC (no indicada)</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>   (today)</source>
        <translation>   (hoy)</translation>
    </message>
    <message>
        <source>Create a reservation at this location</source>
        <translation>Crear una reservación en esta ubicación</translation>
    </message>
    <message>
        <source>loading locations</source>
        <translation>cargar las ubicaciones</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lok</source>
        <extracomment>A window left in the background this long syncs at the idle pace (lok_desk.core.sync).</extracomment>
        <translation>Lok</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUCCIÓN</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>CUSTOM SERVER</source>
        <translation>SERVIDOR PERSONALIZADO</translation>
    </message>
    <message>
        <source>Lok Desk — {company} [{environment}]</source>
        <translation>Lok Desk — {company} [{environment}]</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Paneles</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservaciones</translation>
    </message>
    <message>
        <source>&amp;Reservations</source>
        <translation>&amp;Reservaciones</translation>
    </message>
    <message>
        <source>&amp;Locations</source>
        <translation>&amp;Ubicaciones</translation>
    </message>
    <message>
        <source>(company not given)</source>
        <translation>(empresa no indicada)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>Rol: {role}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Works at {name} only</source>
        <translation>Trabaja solo en {name}</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>L&amp;ocation:</source>
        <translation>Ubi&amp;cación:</translation>
    </message>
    <message>
        <source>Find reservation</source>
        <translation>Buscar reservación</translation>
    </message>
    <message>
        <source>Find: scan or type (Ctrl+F)</source>
        <translation>Buscar: escanea o escribe (Ctrl+F)</translation>
    </message>
    <message>
        <source>A shipment id, reservation id or token; press Enter. A barcode scanner works too.</source>
        <translation>Un ID de envío, ID de reservación o código; presiona Enter. También funciona con lector de código de barras.</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Todas las ubicaciones</translation>
    </message>
    <message>
        <source>Show reservations of one location, or of all</source>
        <translation>Mostrar las reservaciones de una ubicación o de todas</translation>
    </message>
    <message>
        <source>(your location)</source>
        <translation>(tu ubicación)</translation>
    </message>
    <message>
        <source>Employees work at their own location only ({name}).</source>
        <translation>Los empleados trabajan solo en su propia ubicación ({name}).</translation>
    </message>
    <message>
        <source>&amp;New reservation…</source>
        <translation>&amp;Nueva reservación…</translation>
    </message>
    <message>
        <source>&amp;Cancel reservation…</source>
        <translation>&amp;Cancelar reservación…</translation>
    </message>
    <message>
        <source>&amp;Print slip or label…</source>
        <translation>&amp;Imprimir comprobante o guía…</translation>
    </message>
    <message>
        <source>&amp;Find reservation</source>
        <translation>&amp;Buscar reservación</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>New reservation</source>
        <translation>Nueva reservación</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Cancelar reservación</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>R&amp;eservation</source>
        <translation>R&amp;eservación</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Cancel the selected reservation</source>
        <translation>Cancelar la reservación seleccionada</translation>
    </message>
    <message>
        <source>Cancel the selected reservation: {0}</source>
        <translation>Cancelar la reservación seleccionada: {0}</translation>
    </message>
    <message>
        <source>Opened the reservation for “{text}”. Ctrl+I tells whether the code works at the locker now.</source>
        <translation>Se abrió la reservación de “{text}”. Ctrl+I dice si el código funciona ahora en el casillero.</translation>
    </message>
    <message>
        <source>No reservation found for “{text}”. Ctrl+I tells why a code does not work.</source>
        <translation>No se encontró ninguna reservación para “{text}”. Ctrl+I dice por qué un código no funciona.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Network activity</source>
        <translation>Actividad de red</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Solicitudes en curso</translation>
    </message>
    <message>
        <source>Codes indexed for Find</source>
        <translation>Códigos indexados para Buscar</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Sin actualizar todavía</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Indexing codes for Find: {done} of {total}</source>
        <translation>Indexando códigos para Buscar: {done} de {total}</translation>
    </message>
    <message>
        <source>Ctrl+F finds a reservation by any of its tokens once its codes are indexed; until then it finds it by shipment or reservation id.</source>
        <translation>Ctrl+F encuentra una reservación por cualquiera de sus códigos una vez indexados; mientras tanto la encuentra por id de envío o de reservación.</translation>
    </message>
    <message>
        <source>Loading… ({count})</source>
        <translation>Cargando… ({count})</translation>
    </message>
    <message>
        <source>⚠ Offline since {since}; list as of {as_of}. Retrying by itself…</source>
        <translation>⚠ Sin conexión desde las {since}; lista de las {as_of}. Reintentando…</translation>
    </message>
    <message>
        <source>Lok Desk cannot reach {server}. Check this computer&apos;s network. Lok Desk asks the server again every few seconds and carries on when it answers; nothing on screen is thrown away meanwhile.</source>
        <translation>Lok Desk no puede contactar a {server}. Revisa la red de esta computadora. Lok Desk vuelve a preguntar al servidor cada pocos segundos y continúa cuando responde; mientras tanto no se descarta nada de lo que ves.</translation>
    </message>
    <message>
        <source>⚠ Offline since {since} — cannot reach {server}. Retrying by itself…</source>
        <translation>⚠ Sin conexión desde las {since}: no se puede contactar a {server}. Reintentando por sí solo…</translation>
    </message>
    <message>
        <source>Connection restored. The list is brought up to date by itself; what you were typing can be sent again.</source>
        <translation>Conexión restablecida. La lista se actualiza sola; lo que estabas escribiendo ya se puede volver a enviar.</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Actualizado a las {time}</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Cerrando sesión…</translation>
    </message>
</context>
<context>
    <name>NoticeAnnouncer</name>
    <message>
        <source>Recent notices</source>
        <translation>Avisos recientes</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>No notices yet</source>
        <translation>Aún no hay avisos</translation>
    </message>
    <message>
        <source>Notices ({count})</source>
        <translation>Avisos ({count})</translation>
    </message>
    <message>
        <source>Lok Desk</source>
        <translation>Lok Desk</translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation>&amp;Avisos</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Reproducir un sonido</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Latest notice</source>
        <translation>Último aviso</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the reservation of this notice</source>
        <translation>Abrir la reservación de este aviso</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Descartar este aviso</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Descartar aviso</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Delivered</source>
        <translation>Depositado</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Recolectado</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierto</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Newly overdue</source>
        <translation>Recién vencido</translation>
    </message>
    <message>
        <source>Limits crossed (Insights)</source>
        <translation>Límites cruzados (Indicadores)</translation>
    </message>
    <message>
        <source>{shipment} was delivered at {location}.</source>
        <translation>{shipment} se depositó en {location}.</translation>
    </message>
    <message>
        <source>{shipment} was picked up at {location}.</source>
        <translation>{shipment} se recolectó en {location}.</translation>
    </message>
    <message>
        <source>{shipment} was reopened at {location}.</source>
        <translation>{shipment} se reabrió en {location}.</translation>
    </message>
    <message>
        <source>{shipment} was cancelled ({location}).</source>
        <translation>{shipment} se canceló ({location}).</translation>
    </message>
    <message>
        <source>{shipment} is now overdue at {location}.</source>
        <translation>{shipment} ya está vencido en {location}.</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsPane</name>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>A reservation is made, or a pre-reservation is confirmed.</source>
        <translation>Se hace una reservación o se confirma una prerreservación.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Depositado</translation>
    </message>
    <message>
        <source>The courier put the package in the locker.</source>
        <translation>La paquetería depositó el paquete en el casillero.</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierto</translation>
    </message>
    <message>
        <source>The package was taken out and put back once (first alteration).</source>
        <translation>El paquete se sacó y se volvió a meter una vez (primera alteración).</translation>
    </message>
    <message>
        <source>Reopened twice</source>
        <translation>Reabierto dos veces</translation>
    </message>
    <message>
        <source>The package was altered in the locker a second time.</source>
        <translation>El paquete se alteró en el casillero por segunda vez.</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Recolectado</translation>
    </message>
    <message>
        <source>The recipient took the package out of the locker.</source>
        <translation>El destinatario sacó el paquete del casillero.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>The reservation was cancelled, in Lok Desk, the API or at the locker.</source>
        <translation>La reservación se canceló, en Lok Desk, en la API o en el casillero.</translation>
    </message>
    <message>
        <source>Still not delivered</source>
        <translation>Todavía sin depositar</translation>
    </message>
    <message>
        <source>Sent every day while a package is late for delivery.</source>
        <translation>Se envía cada día mientras un paquete está atrasado para su depósito.</translation>
    </message>
    <message>
        <source>Still not picked up</source>
        <translation>Todavía sin recolectar</translation>
    </message>
    <message>
        <source>Sent every day while a package waits too long in the locker.</source>
        <translation>Se envía cada día mientras un paquete espera demasiado en el casillero.</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Notification settings</source>
        <translation>Configuración de notificaciones</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Notifications&lt;/h2&gt;How Lok tells your own systems and people about parcels: a webhook for programs, e-mails for people.</source>
        <translation>&lt;h2&gt;Notificaciones&lt;/h2&gt;Cómo Lok avisa a tus sistemas y a tu gente sobre los paquetes: un webhook para los programas y correos electrónicos para las personas.</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Lok sends an HTTPS POST to this address each time a parcel changes state, signed with the secret below (header Lok-Signature). Your server must answer 200; Lok retries otherwise.</source>
        <translation>Lok envía un HTTPS POST a esta dirección cada vez que un paquete cambia de estado, firmado con el secreto de abajo (encabezado Lok-Signature). Tu servidor debe responder 200; si no, Lok reintenta.</translation>
    </message>
    <message>
        <source>Send notifications to the webhook</source>
        <translation>Enviar notificaciones al webhook</translation>
    </message>
    <message>
        <source>Webhook on or off</source>
        <translation>Webhook encendido o apagado</translation>
    </message>
    <message>
        <source>Webhook status</source>
        <translation>Estado del webhook</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Dirección del webhook</translation>
    </message>
    <message>
        <source>&amp;Address (URL):</source>
        <translation>&amp;Dirección (URL):</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Secreto del webhook</translation>
    </message>
    <message>
        <source>Lok creates the secret when you first save an address</source>
        <translation>Lok crea el secreto la primera vez que guardas una dirección</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show secret</source>
        <translation>Mostrar secreto</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>Mostrar u ocultar el secreto</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation>Copiar secreto</translation>
    </message>
    <message>
        <source>Copy the secret, to paste it into your receiver&apos;s settings</source>
        <translation>Copia el secreto para pegarlo en la configuración de tu receptor</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Secreto:</translation>
    </message>
    <message>
        <source>Events to send</source>
        <translation>Eventos a enviar</translation>
    </message>
    <message>
        <source>Only the events ticked below</source>
        <translation>Solo los eventos marcados abajo</translation>
    </message>
    <message>
        <source>Only chosen events</source>
        <translation>Solo los eventos elegidos</translation>
    </message>
    <message>
        <source>Lok sends every event, including any it adds in the future (the request leaves the event list out, which Lok reads as “all events”).</source>
        <translation>Lok envía todos los eventos, incluso los que agregue en el futuro (la solicitud omite la lista de eventos, y Lok lo entiende como “todos los eventos”).</translation>
    </message>
    <message>
        <source>Event: {0}</source>
        <translation>Evento: {0}</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● Cambios sin guardar</translation>
    </message>
    <message>
        <source>Webhook has unsaved changes</source>
        <translation>El webhook tiene cambios sin guardar</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Revert webhook changes</source>
        <translation>Revertir los cambios del webhook</translation>
    </message>
    <message>
        <source>Save webhook…</source>
        <translation>Guardar webhook…</translation>
    </message>
    <message>
        <source>Save webhook</source>
        <translation>Guardar webhook</translation>
    </message>
    <message>
        <source>Webhook problem</source>
        <translation>Problema con el webhook</translation>
    </message>
    <message>
        <source>Notification e-mails</source>
        <translation>Correos de notificación</translation>
    </message>
    <message>
        <source>People Lok writes to about the lockers: the operator hears about day-to-day problems, the administrator about the account (and receives full activity reports). Leave a field empty to stop those e-mails.</source>
        <translation>Las personas a quienes Lok escribe sobre los casilleros: el operador recibe los problemas del día a día; el administrador, los de la cuenta (y los reportes completos de actividad). Deja un campo vacío para dejar de enviar esos correos.</translation>
    </message>
    <message>
        <source>Operator e-mail</source>
        <translation>Correo electrónico del operador</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>O&amp;perador:</translation>
    </message>
    <message>
        <source>Administrator e-mail</source>
        <translation>Correo electrónico del administrador</translation>
    </message>
    <message>
        <source>A&amp;dministrator:</source>
        <translation>A&amp;dministrador:</translation>
    </message>
    <message>
        <source>E-mails have unsaved changes</source>
        <translation>Los correos tienen cambios sin guardar</translation>
    </message>
    <message>
        <source>Revert e-mail changes</source>
        <translation>Revertir los cambios de correos</translation>
    </message>
    <message>
        <source>Save e-mails…</source>
        <translation>Guardar correos…</translation>
    </message>
    <message>
        <source>Save e-mails</source>
        <translation>Guardar correos</translation>
    </message>
    <message>
        <source>E-mail problem</source>
        <translation>Problema con el correo electrónico</translation>
    </message>
    <message>
        <source>A secret exists; only owners and sellers may see it</source>
        <translation>Ya existe un secreto; solo los propietarios y los vendedores pueden verlo</translation>
    </message>
    <message>
        <source>Reloaded; your unsaved webhook changes are kept.</source>
        <translation>Se volvió a cargar; se conservan tus cambios sin guardar del webhook.</translation>
    </message>
    <message>
        <source>◌ Not set up yet</source>
        <translation>◌ Sin configurar todavía</translation>
    </message>
    <message>
        <source>✓ On — Lok sends notifications</source>
        <translation>✓ Encendido: Lok envía notificaciones</translation>
    </message>
    <message>
        <source>✕ Off — Lok sends nothing</source>
        <translation>✕ Apagado: Lok no envía nada</translation>
    </message>
    <message>
        <source>Turns notifications on or off at once (the address and events stay).</source>
        <translation>Enciende o apaga las notificaciones de inmediato (la dirección y los eventos se conservan).</translation>
    </message>
    <message>
        <source>Save a webhook address first.</source>
        <translation>Primero guarda una dirección de webhook.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Secret copied. Keep it private, like a password.</source>
        <translation>Secreto copiado. Mantenlo privado, como una contraseña.</translation>
    </message>
    <message>
        <source>Tick at least one event, or choose “All events”.</source>
        <translation>Marca al menos un evento o elige “Todos los eventos”.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Webhook saved.</source>
        <translation>Webhook guardado.</translation>
    </message>
    <message>
        <source>Webhook on.</source>
        <translation>Webhook encendido.</translation>
    </message>
    <message>
        <source>Webhook off.</source>
        <translation>Webhook apagado.</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Notification e-mails saved.</source>
        <translation>Correos de notificación guardados.</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
</context>
<context>
    <name>OnlyBar</name>
    <message>
        <source>Show &amp;all</source>
        <translation>Mostrar t&amp;odas</translation>
    </message>
    <message>
        <source>Show every reservation of the list again</source>
        <translation>Volver a mostrar todas las reservaciones de la lista</translation>
    </message>
    <message numerus="yes">
        <source>Showing only the %n reservations behind: {0}</source>
        <translation>
            <numerusform>Solo se muestra la reservación (%n) detrás de: {0}</numerusform>
            <numerusform>Solo se muestran las %n reservaciones detrás de: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreReservationsPane</name>
    <message>
        <source>Open 24 h</source>
        <translation>Abierto 24 h</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>Cerrado hoy</translation>
    </message>
    <message>
        <source>Open now · {hours}</source>
        <translation>Abierto ahora · {hours}</translation>
    </message>
    <message>
        <source>Closed now · today {hours}</source>
        <translation>Cerrado ahora · hoy {hours}</translation>
    </message>
    <message>
        <source>Pre-reservations</source>
        <translation>Prerreservaciones</translation>
    </message>
    <message>
        <source>Find a locker with room</source>
        <translation>Buscar un casillero con espacio</translation>
    </message>
    <message>
        <source>Zip code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Search by zip code</source>
        <translation>Buscar por código postal</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordenadas</translation>
    </message>
    <message>
        <source>Search by coordinates</source>
        <translation>Buscar por coordenadas</translation>
    </message>
    <message>
        <source>Near:</source>
        <translation>Cerca de:</translation>
    </message>
    <message>
        <source>&amp;Zip code:</source>
        <translation>&amp;Código postal:</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>lat</source>
        <translation>lat</translation>
    </message>
    <message>
        <source>long</source>
        <translation>long</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Coordenadas:</translation>
    </message>
    <message>
        <source>Box size</source>
        <translation>Tamaño de compartimento</translation>
    </message>
    <message>
        <source>Any size (smallest free box)</source>
        <translation>Cualquier tamaño (el compartimento libre más chico)</translation>
    </message>
    <message>
        <source>{size} — {w:g}×{h:g}×{l:g} cm</source>
        <translation>{size} — {w:g}×{h:g}×{l:g} cm</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamaño:</translation>
    </message>
    <message>
        <source>Within distance</source>
        <translation>Distancia máxima</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>&amp;Dentro de:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search lockers</source>
        <translation>Buscar casilleros</translation>
    </message>
    <message>
        <source>Locker</source>
        <translation>Casillero</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Lockers found</source>
        <translation>Casilleros encontrados</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Resultado de la búsqueda</translation>
    </message>
    <message>
        <source>Type a zip code, or search by coordinates.</source>
        <translation>Escribe un código postal o busca por coordenadas.</translation>
    </message>
    <message>
        <source>No locker with a free box of that size nearby.</source>
        <translation>No hay cerca un casillero con un compartimento libre de ese tamaño.</translation>
    </message>
    <message>
        <source>Search problem</source>
        <translation>Problema de la búsqueda</translation>
    </message>
    <message>
        <source>1 locker found. Fill in the pre-reservation on the right.</source>
        <translation>Se encontró 1 casillero. Llena la prerreservación a la derecha.</translation>
    </message>
    <message>
        <source>{count} lockers found. Choose one, then fill in the pre-reservation.</source>
        <translation>Se encontraron {count} casilleros. Elige uno y luego llena la prerreservación.</translation>
    </message>
    <message>
        <source>No locker within {km} km. Try a larger distance.</source>
        <translation>No hay casilleros a menos de {km} km. Prueba una distancia mayor.</translation>
    </message>
    <message>
        <source>In &lt;b&gt;{name}&lt;/b&gt; ({distance:.1f} km) · {today}</source>
        <translation>En &lt;b&gt;{name}&lt;/b&gt; ({distance:.1f} km) · {today}</translation>
    </message>
    <message>
        <source>Search and choose a locker first.</source>
        <translation>Primero busca y elige un casillero.</translation>
    </message>
    <message>
        <source>Choose a locker first.</source>
        <translation>Primero elige un casillero.</translation>
    </message>
    <message>
        <source>Pre-reservation</source>
        <translation>Prerreservación</translation>
    </message>
    <message>
        <source>Chosen locker</source>
        <translation>Casillero elegido</translation>
    </message>
    <message>
        <source>A pre-reservation holds a box until it is confirmed by requesting the courier shipment (in Reservations). Unconfirmed ones expire a day after the delivery date.</source>
        <translation>Una prerreservación aparta un compartimento hasta que se confirma solicitando el envío por paquetería (en Reservaciones). Las no confirmadas vencen un día después de la fecha de depósito.</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>Fecha de depósito</translation>
    </message>
    <message>
        <source>&amp;Delivery by:</source>
        <translation>&amp;Depósito a más tardar:</translation>
    </message>
    <message>
        <source>Shipment id:</source>
        <translation>ID de envío:</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>ID de envío</translation>
    </message>
    <message>
        <source>optional — Lok Desk makes one</source>
        <translation>opcional; Lok Desk genera uno</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>Paquete:</translation>
    </message>
    <message>
        <source>Package description</source>
        <translation>Descripción del paquete</translation>
    </message>
    <message>
        <source>what is inside, e.g. Libros</source>
        <translation>qué contiene, p. ej. Libros</translation>
    </message>
    <message>
        <source>Value (MXN):</source>
        <translation>Valor (MXN):</translation>
    </message>
    <message>
        <source>Package value</source>
        <translation>Valor del paquete</translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation>Peso (kg):</translation>
    </message>
    <message>
        <source>Package weight</source>
        <translation>Peso del paquete</translation>
    </message>
    <message>
        <source>up to 25</source>
        <translation>hasta 25</translation>
    </message>
    <message>
        <source>Contact (about problems)</source>
        <translation>Contacto (para problemas)</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>{0} name</source>
        <translation>{0}: nombre</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>{0} e-mail</source>
        <translation>{0}: correo electrónico</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>{0} phone</source>
        <translation>{0}: teléfono</translation>
    </message>
    <message>
        <source>E-mail the pick-up token to the recipient</source>
        <translation>Enviar por correo el código de recolección al destinatario</translation>
    </message>
    <message>
        <source>Notify the recipient</source>
        <translation>Avisar al destinatario</translation>
    </message>
    <message>
        <source>Pre-reservation problem</source>
        <translation>Problema con la prerreservación</translation>
    </message>
    <message>
        <source>Create pre-reservation</source>
        <translation>Crear prerreservación</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Created pre-reservation</source>
        <translation>Prerreservación creada</translation>
    </message>
    <message>
        <source>Open in Reservations (quote and request shipment)</source>
        <translation>Abrir en Reservaciones (cotizar y solicitar envío)</translation>
    </message>
    <message>
        <source>Open in Reservations</source>
        <translation>Abrir en Reservaciones</translation>
    </message>
    <message>
        <source>The delivery date is in the past.</source>
        <translation>La fecha de depósito ya pasó.</translation>
    </message>
    <message>
        <source>Lockers take packages up to 25 kg.</source>
        <translation>Los casilleros aceptan paquetes de hasta 25 kg.</translation>
    </message>
    <message>
        <source>To e-mail the pick-up token, enter the recipient&apos;s e-mail.</source>
        <translation>Para enviar por correo el código de recolección, escribe el correo del destinatario.</translation>
    </message>
    <message>
        <source>✓ Pre-reservation &lt;b&gt;{shipment}&lt;/b&gt; at {name}, box {size} — {status}. Deliver by {due} (locker time). It is confirmed when you request the courier shipment.</source>
        <translation>✓ Prerreservación &lt;b&gt;{shipment}&lt;/b&gt; en {name}, compartimento {size} — {status}. Depositar antes de {due} (hora del casillero). Se confirma cuando solicitas el envío por paquetería.</translation>
    </message>
    <message>
        <source>Find it in the Reservations tab (pre-reservations).</source>
        <translation>Búscala en la pestaña Reservaciones (prerreservaciones).</translation>
    </message>
    <message>
        <source>Pre-reservation created.</source>
        <translation>Prerreservación creada.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>&amp;Theme</source>
        <extracomment>The shell&apos;s own save (worker thread, one at a time, newest last); None: save a copy here.</extracomment>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Theme: {name}.</source>
        <translation>Tema: {name}.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Takes effect the next time Lok Desk starts</source>
        <translation>Se aplica la próxima vez que inicie Lok Desk</translation>
    </message>
    <message>
        <source>Language: {name}. Restart Lok Desk to see it.</source>
        <translation>Idioma: {name}. Reinicia Lok Desk para verlo.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer queue {0} is stopped{1}: the job waits there and is not printed yet.</source>
        <translation>La cola de impresión {0} está detenida{1}: el trabajo espera en ella y todavía no se ha impreso.</translation>
    </message>
    <message>
        <source>Start the queue again in the printer settings, or cancel the job there and print on another printer.</source>
        <translation>Vuelve a poner en marcha la cola en la configuración de impresoras, o cancela allí el trabajo e imprime en otra impresora.</translation>
    </message>
    <message>
        <source>The printer {0} no longer exists: nothing was printed.</source>
        <translation>La impresora {0} ya no existe: no se imprimió nada.</translation>
    </message>
    <message>
        <source>Choose another printer, or save the slip as PDF.</source>
        <translation>Elige otra impresora, o guarda el comprobante como PDF.</translation>
    </message>
    <message>
        <source>The printer queue {0} refused the job{1}: nothing was printed.</source>
        <translation>La cola de impresión {0} rechazó el trabajo{1}: no se imprimió nada.</translation>
    </message>
    <message>
        <source>Let the queue accept jobs again in the printer settings, or choose another printer.</source>
        <translation>Haz que la cola vuelva a aceptar trabajos en la configuración de impresoras, o elige otra impresora.</translation>
    </message>
    <message>
        <source>Lok Desk — {0} — {1}</source>
        <translation>Lok Desk — {0} — {1}</translation>
    </message>
</context>
<context>
    <name>ProblemLine</name>
    <message>
        <source>Message</source>
        <extracomment>The dynamic property a marked field carries (the theme and tests read it).</extracomment>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>ProblemPath</name>
    <message>
        <source>Lok Desk</source>
        <translation>Lok Desk</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>{0} — {1}</source>
        <extracomment>Which printer to use; the default asks the person with QPrintDialog. Tests hand in a PDF printer. The slip a single token belongs on: the courier&apos;s code on the courier slip, and so on.</extracomment>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>QR code of the {0}</source>
        <translation>Código QR del {0}</translation>
    </message>
    <message>
        <source>Lok sent no QR image for this token.</source>
        <translation>Lok no envió imagen QR para este código.</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Copy QR image</source>
        <translation>Copiar la imagen QR</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>Imprimir comprobante…</translation>
    </message>
    <message>
        <source>Prints the {0}</source>
        <translation>Imprime: {0}</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Remind the recipient</source>
        <extracomment>How the mail client is opened (tests hand in their own).</extracomment>
        <translation>Recordatorio al destinatario</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>Id. de envío</translation>
    </message>
    <message>
        <source>Language of the message</source>
        <translation>Idioma del mensaje</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Reminder message</source>
        <translation>Mensaje de recordatorio</translation>
    </message>
    <message>
        <source>Reminder status</source>
        <translation>Estado del recordatorio</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>&amp;Copiar mensaje</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copiar mensaje</translation>
    </message>
    <message>
        <source>Open in &amp;mail…</source>
        <translation>Abrir en el &amp;correo…</translation>
    </message>
    <message>
        <source>Open in mail…</source>
        <translation>Abrir en el correo…</translation>
    </message>
    <message>
        <source>Lok has no e-mail address for this recipient.</source>
        <translation>Lok no tiene dirección de correo de este destinatario.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The message holds a box-opening code: remove it first. Only the recipient&apos;s own Lok notification should carry the code.</source>
        <translation>El mensaje contiene un código que abre compartimentos: quítelo primero. Solo la notificación de Lok al destinatario debe llevar el código.</translation>
    </message>
    <message>
        <source>Copied: paste it into a text message or chat.</source>
        <translation>Copiado: péguelo en un SMS o un chat.</translation>
    </message>
    <message>
        <source>The mail client opened with the message.</source>
        <translation>El programa de correo se abrió con el mensaje.</translation>
    </message>
    <message>
        <source>No mail client opened. Copy the message instead.</source>
        <translation>No se abrió ningún programa de correo. Copie el mensaje en su lugar.</translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
    <message>
        <source>Report sections</source>
        <translation>Secciones del reporte</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Actividad reciente</translation>
    </message>
    <message>
        <source>Action log</source>
        <translation>Bitácora de acciones</translation>
    </message>
    <message>
        <source>Reservations that changed in the last two days, from Lok&apos;s recent-activity report. Times are each locker&apos;s local time.</source>
        <translation>Reservaciones que cambiaron en los últimos dos días, según el reporte de actividad reciente de Lok. Las horas son la hora local de cada casillero.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <source>Reload recent activity</source>
        <translation>Volver a cargar la actividad reciente</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export recent activity to CSV</source>
        <translation>Exportar la actividad reciente a CSV</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Locker</source>
        <translation>Casillero</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservación</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Depósito</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Recolección</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelación</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Compartimento</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Recent activity status</source>
        <translation>Estado de la actividad reciente</translation>
    </message>
    <message>
        <source>Search the action log</source>
        <translation>Buscar en la bitácora de acciones</translation>
    </message>
    <message>
        <source>Search: resource, user, origin, details…</source>
        <translation>Buscar: recurso, usuario, origen, detalles…</translation>
    </message>
    <message>
        <source>Result filter</source>
        <translation>Filtro de resultado</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Cualquier resultado</translation>
    </message>
    <message>
        <source>Succeeded (2xx)</source>
        <translation>Correctas (2xx)</translation>
    </message>
    <message>
        <source>Refused (4xx)</source>
        <translation>Rechazadas (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Errores del servidor (5xx)</translation>
    </message>
    <message numerus="yes">
        <source>Show desks&apos; reads (%n)</source>
        <translation>
            <numerusform>Mostrar las lecturas de los mostradores (%n)</numerusform>
            <numerusform>Mostrar las lecturas de los mostradores (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines that only read (desks and programs keeping their lists fresh) are hidden unless checked</source>
        <translation>Las líneas que solo leen (mostradores y programas que mantienen sus listas al día) quedan ocultas salvo que marques esta casilla</translation>
    </message>
    <message>
        <source>Reload action log</source>
        <translation>Volver a cargar la bitácora de acciones</translation>
    </message>
    <message>
        <source>Export action log to CSV</source>
        <translation>Exportar la bitácora de acciones a CSV</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Action log status</source>
        <translation>Estado de la bitácora de acciones</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} entries (Lok keeps the newest 1,000 here; request the full report for more).</source>
        <translation>Se muestran {shown} de {total} registros (Lok guarda aquí los 1,000 más recientes; solicita el reporte completo para ver más).</translation>
    </message>
    <message>
        <source>Report problem</source>
        <translation>Problema del informe</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n rows to {path}.</source>
        <translation>
            <numerusform>Se guardó %n fila en {path}.</numerusform>
            <numerusform>Se guardaron %n filas en {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Full activity report</source>
        <translation>Reporte completo de actividad</translation>
    </message>
    <message numerus="yes">
        <source>%n reservations · loaded {time}</source>
        <translation>
            <numerusform>%n reservación · cargada a las {time}</numerusform>
            <numerusform>%n reservaciones · cargadas a las {time}</numerusform>
        </translation>
    </message>
    <message>
        <source>Lok prepares the complete action log for the dates you choose and sends it by e-mail (to the administrator address in Notifications).</source>
        <translation>Lok prepara la bitácora de acciones completa de las fechas que elijas y la envía por correo electrónico (a la dirección del administrador en Notificaciones).</translation>
    </message>
    <message>
        <source>Report from</source>
        <translation>Reporte desde</translation>
    </message>
    <message>
        <source>Report until</source>
        <translation>Reporte hasta</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;Until (inclusive):</source>
        <translation>&amp;Hasta (inclusive):</translation>
    </message>
    <message>
        <source>Request full report</source>
        <translation>Solicitar reporte completo</translation>
    </message>
    <message>
        <source>Report answer</source>
        <translation>Respuesta del reporte</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>El último día es anterior al primero.</translation>
    </message>
    <message>
        <source>The first day is in the future.</source>
        <translation>El primer día está en el futuro.</translation>
    </message>
    <message>
        <source>Lok accepted the request.</source>
        <translation>Lok aceptó la solicitud.</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exportar a CSV</translation>
    </message>
    <message>
        <source>saving the CSV file</source>
        <translation>guardar el archivo CSV</translation>
    </message>
    <message>
        <source>✕ {status} refused</source>
        <translation>✕ {status} rechazada</translation>
    </message>
    <message>
        <source>! {status} server error</source>
        <translation>! {status} error del servidor</translation>
    </message>
    <message>
        <source>Activity per day chart</source>
        <translation>Gráfica de actividad por día</translation>
    </message>
    <message>
        <source>No activity</source>
        <translation>Sin actividad</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservaciones</translation>
    </message>
</context>
<context>
    <name>RequestShipmentDialog</name>
    <message>
        <source>Request shipment — {0}</source>
        <translation>Solicitar envío — {0}</translation>
    </message>
    <message>
        <source>Courier picks the package up at</source>
        <translation>La paquetería recoge el paquete en</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Colonia</translation>
    </message>
    <message>
        <source>Zip code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>Person the courier calls</source>
        <translation>Persona a quien llama la paquetería</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Ask for a quotation to see the carrier, fee and dates.</source>
        <translation>Pide una cotización para ver la paquetería, la tarifa y las fechas.</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>Cotización</translation>
    </message>
    <message>
        <source>Get quotation</source>
        <translation>Cotizar</translation>
    </message>
    <message>
        <source>Request shipment</source>
        <translation>Solicitar envío</translation>
    </message>
    <message>
        <source>Get a quotation first</source>
        <translation>Primero pide una cotización</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>The address changed: ask for a new quotation.</source>
        <translation>La dirección cambió: pide una nueva cotización.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;{1} · fee &lt;b&gt;{2}&lt;/b&gt;&lt;br&gt;Collection {3} · estimated delivery {4}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;{1} · tarifa &lt;b&gt;{2}&lt;/b&gt;&lt;br&gt;Recolección {3} · entrega estimada {4}</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Paquetería</translation>
    </message>
    <message>
        <source>Confirm the shipment at this fee</source>
        <translation>Confirmar el envío con esta tarifa</translation>
    </message>
    <message>
        <source>This pre-reservation can no longer be shipped (it is confirmed or expired).</source>
        <translation>Esta prerreservación ya no se puede enviar (está confirmada o vencida).</translation>
    </message>
    <message>
        <source>Lok needs more information on the reservation before a courier can take it. Check its package and recipient, then try again.</source>
        <translation>Lok necesita más datos de la reservación antes de que una paquetería pueda llevarla. Revisa su paquete y su destinatario, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Shipment requested with {0}.</source>
        <translation>Envío solicitado con {0}.</translation>
    </message>
    <message>
        <source>the carrier</source>
        <translation>la paquetería</translation>
    </message>
</context>
<context>
    <name>ReservationDetail</name>
    <message>
        <source>Reservation detail</source>
        <translation>Detalle de la reservación</translation>
    </message>
    <message>
        <source>Shipment id</source>
        <translation>ID de envío</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Cancelar reservación</translation>
    </message>
    <message>
        <source>Update…</source>
        <translation>Actualizar…</translation>
    </message>
    <message>
        <source>Request shipment…</source>
        <translation>Solicitar envío…</translation>
    </message>
    <message>
        <source>Shipping label…</source>
        <translation>Guía de envío…</translation>
    </message>
    <message>
        <source>Update pre-reservation</source>
        <translation>Actualizar prerreservación</translation>
    </message>
    <message>
        <source>Request shipment</source>
        <translation>Solicitar envío</translation>
    </message>
    <message>
        <source>Shipping label</source>
        <translation>Guía de envío</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>Imprimir comprobante…</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Imprimir comprobante</translation>
    </message>
    <message>
        <source>Print the slip that fits: courier before delivery, recipient after (Ctrl+P; choose another with Ctrl+Shift+P)</source>
        <translation>Imprime el comprobante que corresponde: paquetería antes del depósito, destinatario después (Ctrl+P; elige otro con Ctrl+Mayús+P)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Fechas límite</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Compartimento</translation>
    </message>
    <message>
        <source>Courier shipment</source>
        <translation>Envío por paquetería</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Courier shipments have a label: use “Shipping label…”.</source>
        <translation>Los envíos por paquetería tienen guía: usa “Guía de envío…”.</translation>
    </message>
    <message>
        <source>Shipping label status</source>
        <translation>Estado de la guía de envío</translation>
    </message>
    <message>
        <source>Additional data</source>
        <translation>Datos adicionales</translation>
    </message>
    <message>
        <source>Select a reservation to see its history, tokens and QR codes.

Press Enter on a row to open it.</source>
        <translation>Selecciona una reservación para ver su historial, códigos y QR.

Presiona Enter en una fila para abrirla.</translation>
    </message>
    <message>
        <source>Select a reservation to see its history, tokens and QR codes.

Press Enter on a row to open it, Ctrl+N to create a reservation.</source>
        <translation>Selecciona una reservación para ver su historial, códigos y QR.

Presiona Enter en una fila para abrirla y Ctrl+N para crear una reservación.</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>Cargando {0}…</translation>
    </message>
    <message>
        <source>Notice: {0}</source>
        <translation>Aviso: {0}</translation>
    </message>
    <message>
        <source>Shipping label: {0}</source>
        <translation>Guía de envío: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Shipment id: {0}</source>
        <translation>ID de envío: {0}</translation>
    </message>
    <message>
        <source>Reservation {0}</source>
        <translation>Reservación {0}</translation>
    </message>
    <message>
        <source>Confirmation code {0}</source>
        <translation>Código de confirmación {0}</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} a las {1}</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Delivery due</source>
        <translation>Depósito a más tardar</translation>
    </message>
    <message>
        <source>Pick-up due</source>
        <translation>Recolección a más tardar</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Medidas</translation>
    </message>
    <message>
        <source>Width × height × length of the package</source>
        <translation>Ancho × alto × largo del paquete</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Pick-up token e-mailed</source>
        <translation>Código de recolección enviado por correo</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Apagado</translation>
    </message>
    <message>
        <source>Box size</source>
        <translation>Tamaño de compartimento</translation>
    </message>
    <message>
        <source>Box id</source>
        <translation>ID del compartimento</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Lok public network</source>
        <translation>Red pública de Lok</translation>
    </message>
    <message>
        <source>Private locker</source>
        <translation>Casillero privado</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Paquetería</translation>
    </message>
    <message>
        <source>Tracking id</source>
        <translation>Número de rastreo</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Tarifa</translation>
    </message>
</context>
<context>
    <name>ReservationTableModel</name>
    <message>
        <source>Shipment</source>
        <extracomment>The reservation id of the row (any column). The raw status string of the row (the status chip delegate paints from it).</extracomment>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Compartimento</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Delivery due</source>
        <translation>Depósito a más tardar</translation>
    </message>
    <message>
        <source>Pick-up due</source>
        <translation>Recolección a más tardar</translation>
    </message>
    <message>
        <source>In the local time of the reservation&apos;s location</source>
        <translation>En la hora local de la ubicación de la reservación</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Pick-up overdue since {0}</source>
        <translation>Recolección vencida desde {0}</translation>
    </message>
    <message>
        <source>Delivery overdue since {0}</source>
        <translation>Depósito vencido desde {0}</translation>
    </message>
    <message>
        <source>Reservation {0}</source>
        <translation>Reservación {0}</translation>
    </message>
    <message>
        <source>Times in this row are local to {0} ({1})</source>
        <translation>Las horas de esta fila son locales de {0} ({1})</translation>
    </message>
</context>
<context>
    <name>ReservationsPane</name>
    <message>
        <source>This package has already been picked up, so there is nothing left to cancel.</source>
        <translation>Este paquete ya se recolectó, así que no queda nada que cancelar.</translation>
    </message>
    <message>
        <source>This reservation is already cancelled.</source>
        <translation>Esta reservación ya está cancelada.</translation>
    </message>
    <message>
        <source>Lok no longer allows cancelling this reservation. Refresh it to see its current state.</source>
        <translation>Lok ya no permite cancelar esta reservación. Actualízala para ver su estado actual.</translation>
    </message>
    <message>
        <source>Reservations</source>
        <extracomment>How often overdue marks are checked against the server&apos;s clock (a deadline passes with no change). A reservation&apos;s detail (#15) was shown (tests and the main window wait on it). A slip went to the printer or a PDF: (the TokensView it came from, its SlipKind value).</extracomment>
        <translation>Reservaciones</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <source>Reservations still in progress</source>
        <translation>Reservaciones todavía en curso</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminadas</translation>
    </message>
    <message>
        <source>Picked up or cancelled</source>
        <translation>Recolectadas o canceladas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Active and finished</source>
        <translation>Activas y terminadas</translation>
    </message>
    <message>
        <source>Every reservation</source>
        <translation>Todas las reservaciones</translation>
    </message>
    <message>
        <source>Pre-reservations</source>
        <translation>Prerreservaciones</translation>
    </message>
    <message>
        <source>Only pre-reservations (made ahead for a courier or customer)</source>
        <translation>Solo prerreservaciones (hechas por adelantado para una paquetería o un cliente)</translation>
    </message>
    <message>
        <source>With shipment</source>
        <translation>Con envío</translation>
    </message>
    <message>
        <source>Only reservations with a courier shipment</source>
        <translation>Solo reservaciones con envío por paquetería</translation>
    </message>
    <message>
        <source>Filter by shipment id, recipient or reservation id</source>
        <translation>Filtrar por ID de envío, destinatario o ID de reservación</translation>
    </message>
    <message>
        <source>Filter reservations</source>
        <translation>Filtrar reservaciones</translation>
    </message>
    <message>
        <source>Reservations table</source>
        <translation>Tabla de reservaciones</translation>
    </message>
    <message>
        <source>The reservations could not be loaded.
{0}</source>
        <translation>No se pudieron cargar las reservaciones.
{0}</translation>
    </message>
    <message>
        <source>Reservations list status</source>
        <extracomment>Ids whose change this pane itself announced (reservation_changed): not read again. When the snapshot shown at start was saved (None: no snapshot was shown).</extracomment>
        <translation>Estado de la lista de reservaciones</translation>
    </message>
    <message>
        <source>The saved list on this computer was damaged; it was set aside as {0} and the list loads from Lok.</source>
        <translation>La lista guardada en esta computadora estaba dañada; se apartó como {0} y la lista se carga desde Lok.</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progreso de la carga</translation>
    </message>
    <message>
        <source>Loading progress bar</source>
        <translation>Barra de progreso de la carga</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Cancelar la carga</translation>
    </message>
    <message>
        <source>Stop loading more pages (the rows loaded so far stay)</source>
        <translation>Dejar de cargar más páginas (las filas ya cargadas se quedan)</translation>
    </message>
    <message>
        <source>Rows shown</source>
        <translation>Filas mostradas</translation>
    </message>
    <message>
        <source>Saved list as of {0}; bringing it up to date…</source>
        <translation>Lista guardada de las {0}; actualizándola…</translation>
    </message>
    <message>
        <source>{0} more that Lok sent could not be read (details in the log)</source>
        <translation>{0} más que envió Lok no se pudieron leer (detalles en el registro)</translation>
    </message>
    <message>
        <source>Offline: shown as last known, without its codes. It is read again when the connection is back.</source>
        <translation>Sin conexión: se muestra como se conocía por última vez, sin sus códigos. Se vuelve a leer cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Offline: shown as known at {0}, without its codes. It is read again when the connection is back.</source>
        <translation>Sin conexión: se muestra como se conocía a las {0}, sin sus códigos. Se vuelve a leer cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Cancelled meanwhile (at the locker, on another desk or by another program). Its tokens no longer open a box.</source>
        <translation>Se canceló mientras tanto (en el casillero, en otro escritorio o desde otro programa). Sus códigos ya no abren ningún compartimento.</translation>
    </message>
    <message>
        <source>Picked up meanwhile: the recipient has the package.</source>
        <translation>Se recolectó mientras tanto: el destinatario ya tiene el paquete.</translation>
    </message>
    <message>
        <source>Delivered meanwhile: the package is in the locker.</source>
        <translation>Se depositó mientras tanto: el paquete está en el casillero.</translation>
    </message>
    <message>
        <source>Reopened meanwhile at the locker.</source>
        <translation>Se reabrió mientras tanto en el casillero.</translation>
    </message>
    <message>
        <source>Changed meanwhile: this is its current state.</source>
        <translation>Cambió mientras tanto: este es su estado actual.</translation>
    </message>
    <message>
        <source>This package is already in the locker, so the reservation can no longer be cancelled. It stays there until the recipient types the pick-up token.</source>
        <translation>Este paquete ya está en el casillero, así que la reservación ya no se puede cancelar. Se queda ahí hasta que el destinatario teclee el código de recolección.</translation>
    </message>
    <message>
        <source>loading reservations</source>
        <translation>cargar las reservaciones</translation>
    </message>
    <message>
        <source>Loaded {0} of {1}</source>
        <translation>Cargadas {0} de {1}</translation>
    </message>
    <message>
        <source>Loaded {0}</source>
        <translation>Cargadas {0}</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} — press F5 to load everything</source>
        <translation>Se detuvo en {0} de {1}; presiona F5 para cargar todo</translation>
    </message>
    <message>
        <source>{0} reservations</source>
        <translation>{0} reservaciones</translation>
    </message>
    <message>
        <source>1 reservation</source>
        <translation>1 reservación</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>Se muestran {0} de {1}</translation>
    </message>
    <message>
        <source>Loading reservations…</source>
        <translation>Cargando reservaciones…</translation>
    </message>
    <message>
        <source>No loaded reservation matches “{0}”.
Clear the filter to see all {1}.</source>
        <translation>Ninguna reservación cargada coincide con “{0}”.
Borra el filtro para ver las {1}.</translation>
    </message>
    <message>
        <source> at {0}</source>
        <translation> en {0}</translation>
    </message>
    <message>
        <source>reservations</source>
        <translation>reservaciones</translation>
    </message>
    <message>
        <source>pre-reservations</source>
        <translation>prerreservaciones</translation>
    </message>
    <message>
        <source>reservations with a courier shipment</source>
        <translation>reservaciones con envío por paquetería</translation>
    </message>
    <message>
        <source>active </source>
        <translation> activas</translation>
    </message>
    <message>
        <source>finished </source>
        <translation> terminadas</translation>
    </message>
    <message>
        <source>No {0}{1}{2}.</source>
        <translation>No hay {1}{0}{2}.</translation>
    </message>
    <message>
        <source>Press Ctrl+N or “New reservation…” to create one.</source>
        <translation>Presiona Ctrl+N o “Nueva reservación…” para crear una.</translation>
    </message>
    <message>
        <source>Choose “All” to include finished ones.</source>
        <translation>Elige “Todas” para incluir las terminadas.</translation>
    </message>
    <message>
        <source>This reservation could not be loaded.
{0}</source>
        <translation>No se pudo cargar esta reservación.
{0}</translation>
    </message>
    <message>
        <source>loading the reservation</source>
        <translation>cargar la reservación</translation>
    </message>
    <message>
        <source>opening a reservation</source>
        <translation>abrir una reservación</translation>
    </message>
    <message>
        <source>Searched the tokens and confirmation codes of {0} reservations and the shipment and reservation ids of {1} known to this desk.</source>
        <translation>Se buscó en los códigos y códigos de confirmación de {0} reservaciones y en los id de envío y de reservación de {1} conocidas en este escritorio.</translation>
    </message>
    <message>
        <source>Searched the shipment and reservation ids of {0} reservations known to this desk (your role does not see box-opening tokens, so they cannot be searched).</source>
        <translation>Se buscó en los id de envío y de reservación de {0} reservaciones conocidas en este escritorio (tu rol no ve los códigos que abren compartimentos, así que no se pueden buscar).</translation>
    </message>
    <message>
        <source>They include every reservation of the last {0} days, read from Lok; older ones were not searched. What you typed was not sent to Lok.</source>
        <translation>Entre ellas están todas las reservaciones de los últimos {0} días, leídas de Lok; no se buscó en las más antiguas. Lo que escribiste no se envió a Lok.</translation>
    </message>
    <message>
        <source>Cancel this reservation (Delete)</source>
        <translation>Cancelar esta reservación (Supr)</translation>
    </message>
    <message>
        <source>Only a pre-reservation that is not yet confirmed can be changed or shipped.</source>
        <translation>Solo se puede cambiar o enviar una prerreservación que todavía no esté confirmada.</translation>
    </message>
    <message>
        <source>Change the delivery date, package or people</source>
        <translation>Cambiar la fecha de depósito, el paquete o las personas</translation>
    </message>
    <message>
        <source>Ask a courier to bring this package (quotation first)</source>
        <translation>Pedir que una paquetería traiga este paquete (primero la cotización)</translation>
    </message>
    <message>
        <source>No tokens to print.</source>
        <translation>No hay códigos que imprimir.</translation>
    </message>
    <message>
        <source>Print a slip: courier, recipient or staff sheet (Ctrl+P prints the one that fits)</source>
        <translation>Imprime un comprobante: paquetería, destinatario u hoja del personal (Ctrl+P imprime el que corresponde)</translation>
    </message>
    <message>
        <source>{0} sent to the printer.</source>
        <translation>{0}: enviado a la impresora.</translation>
    </message>
    <message>
        <source>Show, save or print the courier&apos;s shipping label</source>
        <translation>Mostrar, guardar o imprimir la guía de envío de la paquetería</translation>
    </message>
    <message>
        <source>searching reservations</source>
        <translation>buscar reservaciones</translation>
    </message>
    <message>
        <source>No reservation found for “{0}”.</source>
        <translation>No se encontró una reservación para “{0}”.</translation>
    </message>
    <message>
        <source>Reservation {0} created.</source>
        <translation>Reservación {0} creada.</translation>
    </message>
    <message>
        <source>Select a reservation to cancel.</source>
        <translation>Selecciona una reservación para cancelar.</translation>
    </message>
    <message>
        <source>Cancel reservation {0} at {1}? The box is released and the tokens stop working.</source>
        <translation>¿Cancelar la reservación {0} en {1}? Se libera el compartimento y los códigos dejan de funcionar.</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Cancelar reservación</translation>
    </message>
    <message>
        <source>Keep reservation</source>
        <translation>Conservar la reservación</translation>
    </message>
    <message>
        <source>cancelling {0}</source>
        <translation>cancelar {0}</translation>
    </message>
    <message>
        <source>Reservation {0} cancelled.</source>
        <translation>Reservación {0} cancelada.</translation>
    </message>
    <message>
        <source>Select a reservation to print.</source>
        <translation>Selecciona una reservación para imprimir.</translation>
    </message>
    <message>
        <source>This reservation has no shipping label (labels exist for courier shipments)</source>
        <translation>Esta reservación no tiene guía de envío (solo los envíos por paquetería tienen guía)</translation>
    </message>
    <message>
        <source>fetching the shipping label</source>
        <translation>obtener la guía de envío</translation>
    </message>
    <message>
        <source>Label available: “Shipping label…” shows it.</source>
        <translation>Guía disponible: “Guía de envío…” la muestra.</translation>
    </message>
    <message>
        <source>Save shipping label</source>
        <translation>Guardar la guía de envío</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propietario</translation>
    </message>
    <message>
        <source>seller</source>
        <translation>vendedor</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>empleado</translation>
    </message>
    <message>
        <source>reporter</source>
        <translation>consultor</translation>
    </message>
</context>
<context>
    <name>SandboxWatch</name>
    <message>
        <source>The practice server on this computer stopped and could not be kept running. Quit Lok Desk and start it again with --sandbox.</source>
        <translation>El servidor de prácticas de este ordenador se detuvo y no se pudo mantener en marcha. Cierra Lok Desk y vuelve a iniciarlo con --sandbox.</translation>
    </message>
    <message>
        <source>The practice server stopped; starting it again (attempt {0} of {1})…</source>
        <translation>El servidor de prácticas se detuvo; se está iniciando de nuevo (intento {0} de {1})…</translation>
    </message>
    <message>
        <source>The practice server was started again.</source>
        <translation>El servidor de prácticas se inició de nuevo.</translation>
    </message>
    <message>
        <source>The practice server started again on another port. Quit Lok Desk and start it again with --sandbox.</source>
        <translation>El servidor de prácticas se inició de nuevo en otro puerto. Cierra Lok Desk y vuelve a iniciarlo con --sandbox.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Creates and cancels reservations at every location; edits company settings.</source>
        <translation>Crea y cancela reservaciones en todas las ubicaciones; edita la configuración de la empresa.</translation>
    </message>
    <message>
        <source>Works with reservations at one location only (the first demo location).</source>
        <translation>Trabaja con reservaciones de una sola ubicación (la primera ubicación de demostración).</translation>
    </message>
    <message>
        <source>Reads every location and reservation of the company; changes nothing.</source>
        <translation>Consulta todas las ubicaciones y reservaciones de la empresa; no cambia nada.</translation>
    </message>
    <message>
        <source>Like an owner, plus pre-reservations in the Lok public network.</source>
        <translation>Como un propietario, más prerreservaciones en la red pública de Lok.</translation>
    </message>
    <message>
        <source>Lok administrator: reads every company&apos;s data; changes nothing.</source>
        <translation>Administrador de Lok: consulta los datos de todas las empresas; no cambia nada.</translation>
    </message>
    <message>
        <source>Sign in — Lok Desk</source>
        <translation>Iniciar sesión — Lok Desk</translation>
    </message>
    <message>
        <source>Sign in to Lok Desk</source>
        <translation>Iniciar sesión en Lok Desk</translation>
    </message>
    <message>
        <source>Choose the Lok server, then sign in with your company&apos;s API client.</source>
        <translation>Elige el servidor Lok y luego inicia sesión con el cliente de API de tu empresa.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Custom server address</source>
        <translation>Dirección del servidor personalizado</translation>
    </message>
    <message>
        <source>Try a demo role (sandbox data on this computer)</source>
        <translation>Prueba un rol de demostración (datos del sandbox en esta computadora)</translation>
    </message>
    <message>
        <source>Sign in as {role}</source>
        <translation>Entrar como {role}</translation>
    </message>
    <message>
        <source>Sign in as demo {role}</source>
        <translation>Entrar como {role} de demostración</translation>
    </message>
    <message>
        <source>Sign in with client credentials</source>
        <translation>Iniciar sesión con credenciales de cliente</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>as issued by Lok</source>
        <translation>tal como lo emite Lok</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>&amp;ID de cliente:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secreto de cliente:</translation>
    </message>
    <message>
        <source>Remember the secret in this computer&apos;s keyring</source>
        <translation>Recordar el secreto en el llavero de esta computadora</translation>
    </message>
    <message>
        <source>Remember the secret</source>
        <translation>Recordar el secreto</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring ({0}) would keep the client secret in a plain file, so Lok Desk does not use it. The secret stays in memory only while you are signed in; you will type it again at each sign-in.</source>
        <translation>El llavero de esta computadora ({0}) guardaría el secreto de cliente en un archivo sin cifrar, así que Lok Desk no lo usa. El secreto se queda solo en memoria mientras tienes la sesión iniciada; lo escribirás de nuevo en cada inicio de sesión.</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so Lok Desk will not store the client secret. You will type it again at each sign-in.</source>
        <translation>Esta computadora no tiene llavero del sistema, así que Lok Desk no guardará el secreto de cliente. Lo escribirás de nuevo en cada inicio de sesión.</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Iniciando sesión</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rvidor:</translation>
    </message>
    <message>
        <source>Type the address of your Lok server.</source>
        <translation>Escribe la dirección de tu servidor Lok.</translation>
    </message>
    <message>
        <source>For example https://lok.example.com/api/v2.</source>
        <translation>Por ejemplo https://lok.example.com/api/v2.</translation>
    </message>
    <message>
        <source>Type both the client id and the client secret.</source>
        <translation>Escribe el ID de cliente y el secreto de cliente.</translation>
    </message>
    <message>
        <source>Your company&apos;s Lok contact issues them.</source>
        <translation>Los emite tu contacto de Lok en la empresa.</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <source>Save slip as PDF</source>
        <translation>Guardar comprobante como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Imprimir comprobante</translation>
    </message>
    <message>
        <source>Not printable in this reservation&apos;s state</source>
        <translation>No se puede imprimir en el estado de esta reservación</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Papel</translation>
    </message>
    <message>
        <source>Slip status</source>
        <translation>Estado del comprobante</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>{0} page(s)</source>
        <translation>{0} página(s)</translation>
    </message>
    <message>
        <source>saving the slip</source>
        <translation>guardar el comprobante</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Guardado en {0}</translation>
    </message>
</context>
<context>
    <name>SlipOffer</name>
    <message>
        <source>No courier slip: this pre-reservation is not confirmed yet, so its delivery token opens no box. Request a courier shipment first; the slip can be printed then.</source>
        <translation>Sin comprobante para la paquetería: esta prerreservación aún no está confirmada, así que su código de depósito no abre ningún compartimento. Solicita primero un envío; después se puede imprimir el comprobante.</translation>
    </message>
    <message>
        <source>This reservation is finished: its tokens are void. They open no box and are not printed.</source>
        <translation>Esta reservación terminó: sus códigos están anulados. No abren ningún compartimento y no se imprimen.</translation>
    </message>
</context>
<context>
    <name>Slips</name>
    <message>
        <source>Courier slip</source>
        <translation>Comprobante para la paquetería</translation>
    </message>
    <message>
        <source>Recipient slip</source>
        <translation>Comprobante para el destinatario</translation>
    </message>
    <message>
        <source>Staff sheet (all tokens)</source>
        <translation>Hoja del personal (todos los códigos)</translation>
    </message>
    <message>
        <source>not given by Lok</source>
        <translation>Lok no lo indica</translation>
    </message>
    <message>
        <source>closed every day</source>
        <translation>cerrado todos los días</translation>
    </message>
    <message>
        <source>3 days after the parcel is delivered</source>
        <translation>3 días después de que se deposite el paquete</translation>
    </message>
    <message>
        <source>Deliver to</source>
        <translation>Depositar en</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Box size</source>
        <translation>Tamaño de compartimento</translation>
    </message>
    <message>
        <source>Deliver by (locker time)</source>
        <translation>Depositar a más tardar (hora del casillero)</translation>
    </message>
    <message>
        <source>At the locker: scan the QR code or type the delivery token; the box opens. Close the door after putting the parcel in.</source>
        <translation>En el casillero: escanea el código QR o teclea el código de depósito; el compartimento se abre. Cierra la puerta después de meter el paquete.</translation>
    </message>
    <message>
        <source>Pick up at</source>
        <translation>Recoger en</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Pick up by (locker time)</source>
        <translation>Recoger a más tardar (hora del casillero)</translation>
    </message>
    <message>
        <source>At the locker: scan the QR code or type the pick-up token. Keep this slip private: the token opens your box.</source>
        <translation>En el casillero: escanea el código QR o teclea el código de recolección. No compartas este comprobante: el código abre tu compartimento.</translation>
    </message>
    <message>
        <source>Your parcel at the locker</source>
        <translation>Tu paquete en el casillero</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Reservation id</source>
        <translation>ID de reservación</translation>
    </message>
    <message>
        <source>Keep this sheet at the desk. Shred it when the reservation is finished.</source>
        <translation>Guarda esta hoja en el mostrador. Destrúyela cuando la reservación termine.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
</context>
<context>
    <name>TodayBoard</name>
    <message>
        <source>Arriving today</source>
        <extracomment>How long a reservation that left the attention buckets stays under &quot;resolved&quot; (core.today.RESOLVED_FOR). The lists whose recipients the desk may remind (parcels waiting past pick-up, or never delivered).</extracomment>
        <translation>Llegan hoy</translation>
    </message>
    <message>
        <source>Overdue for delivery</source>
        <translation>Depósito vencido</translation>
    </message>
    <message>
        <source>Waiting past pick-up</source>
        <translation>Recolección vencida</translation>
    </message>
    <message>
        <source>Pre-reservations expiring</source>
        <translation>Prerreservaciones por vencer</translation>
    </message>
    <message>
        <source>Delivered today</source>
        <translation>Depositadas hoy</translation>
    </message>
    <message>
        <source>Picked up today</source>
        <translation>Recogidas hoy</translation>
    </message>
    <message>
        <source>Resolved (30 days)</source>
        <translation>Resueltas (30 días)</translation>
    </message>
    <message>
        <source>Delivery due</source>
        <translation>Depósito a más tardar</translation>
    </message>
    <message>
        <source>Delivery was due</source>
        <translation>Depósito vencía</translation>
    </message>
    <message>
        <source>Pick-up was due</source>
        <translation>Recolección vencía</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Depositada</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Recogida</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>Opens the mail client for a reminder (a test hands in its own).</extracomment>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Today summary</source>
        <translation>Resumen de hoy</translation>
    </message>
    <message>
        <source>Late by location</source>
        <translation>Atrasos por ubicación</translation>
    </message>
    <message>
        <source>Cancel selected…</source>
        <translation>Cancelar las seleccionadas…</translation>
    </message>
    <message>
        <source>Cancel selected overdue reservations</source>
        <translation>Cancelar las reservaciones vencidas seleccionadas</translation>
    </message>
    <message>
        <source>Export shown…</source>
        <translation>Exportar lo mostrado…</translation>
    </message>
    <message>
        <source>Export the shown rows as CSV</source>
        <translation>Exportar las filas mostradas como CSV</translation>
    </message>
    <message>
        <source>Remind recipient…</source>
        <translation>Recordar al destinatario…</translation>
    </message>
    <message>
        <source>Copies or e-mails a reminder to the chosen row&apos;s recipient (never a code)</source>
        <translation>Copia o envía por correo un recordatorio al destinatario de la fila elegida (nunca un código)</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (for Excel)</source>
        <translation>UTF-8 con BOM (para Excel)</translation>
    </message>
    <message>
        <source>Board status</source>
        <translation>Estado del tablero</translation>
    </message>
    <message>
        <source>&amp;Today ({0})</source>
        <translation>&amp;Hoy ({0})</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Nothing here now.</source>
        <translation>Nada por ahora.</translation>
    </message>
    <message>
        <source>{0} arriving today · {1} overdue for delivery · {2} waiting past their pick-up date</source>
        <translation>{0} llegan hoy · {1} con depósito vencido · {2} esperando tras su fecha de recolección</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>{0}: {1} overdue · {2} past pick-up</source>
        <translation>{0}: {1} con depósito atrasado · {2} con recolección vencida</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n: {0}.</source>
        <translation>
            <numerusform>Se canceló %n: {0}.</numerusform>
            <numerusform>Se cancelaron %n: {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused %n: {0}; the reason is in its Result column.</source>
        <translation>
            <numerusform>Se rechazó %n: {0}; el motivo está en su columna Resultado.</numerusform>
            <numerusform>Se rechazaron %n: {0}; los motivos están en su columna Resultado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} and %n more</source>
        <translation>
            <numerusform>{0} y %n más</numerusform>
            <numerusform>{0} y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel 1 reservation that was never delivered ({0})? Its box is released and its tokens stop working.</source>
        <translation>¿Cancelar 1 reservación que nunca se depositó ({0})? Su compartimento se libera y sus códigos dejan de funcionar.</translation>
    </message>
    <message>
        <source>Cancel {0} reservations that were never delivered ({1})? Their boxes are released and their tokens stop working.</source>
        <translation>¿Cancelar {0} reservaciones que nunca se depositaron ({1})? Sus compartimentos se liberan y sus códigos dejan de funcionar.</translation>
    </message>
    <message>
        <source>exporting the board</source>
        <translation>exportar el tablero</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to {0}</source>
        <translation>
            <numerusform>Se exportó %n fila a {0}</numerusform>
            <numerusform>Se exportaron %n filas a {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>loading the board</source>
        <translation>cargar el tablero</translation>
    </message>
    <message>
        <source>Re&amp;mind recipient…</source>
        <translation>Recor&amp;dar al destinatario…</translation>
    </message>
    <message>
        <source>Select reservations under “Overdue for delivery”</source>
        <translation>Selecciona reservaciones en “Depósito vencido”</translation>
    </message>
    <message>
        <source>Cancel the selected reservations that were never delivered</source>
        <translation>Cancela las reservaciones seleccionadas que nunca se depositaron</translation>
    </message>
    <message>
        <source>Cancel 1 reservation</source>
        <translation>Cancelar 1 reservación</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <source>Cancel {0} reservations</source>
        <translation>Cancelar {0} reservaciones</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Conservarlas</translation>
    </message>
    <message>
        <source>Cancel reservations</source>
        <translation>Cancelar reservaciones</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Rechazada: {0}</translation>
    </message>
    <message>
        <source>cancelling the reservation</source>
        <translation>cancelar la reservación</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Export the board</source>
        <translation>Exportar el tablero</translation>
    </message>
</context>
<context>
    <name>TokenCard</name>
    <message>
        <source>VOID</source>
        <translation>ANULADO</translation>
    </message>
    <message>
        <source>Void: the {0} no longer opens the box</source>
        <translation>Anulado: el {0} ya no abre el compartimento</translation>
    </message>
    <message>
        <source>Click to enlarge</source>
        <translation>Haz clic para ampliar</translation>
    </message>
    <message>
        <source>QR code of the {0}; click to enlarge</source>
        <translation>Código QR del {0}; haz clic para ampliar</translation>
    </message>
    <message>
        <source>no QR</source>
        <translation>sin QR</translation>
    </message>
    <message>
        <source> — void</source>
        <translation> — anulado</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy {0} {1}</source>
        <translation>Copiar {0} {1}</translation>
    </message>
    <message>
        <source>Copy the token text to the clipboard</source>
        <translation>Copiar el texto del código al portapapeles</translation>
    </message>
    <message>
        <source>Copy QR</source>
        <translation>Copiar QR</translation>
    </message>
    <message>
        <source>Copy QR image of the {0}</source>
        <translation>Copiar la imagen QR del {0}</translation>
    </message>
</context>
<context>
    <name>TokensView</name>
    <message>
        <source>Delivery token</source>
        <translation>Código de depósito</translation>
    </message>
    <message>
        <source>Pick-up token</source>
        <translation>Código de recolección</translation>
    </message>
    <message>
        <source>Reopen token 1</source>
        <translation>Código de reapertura 1</translation>
    </message>
    <message>
        <source>Reopen token 2</source>
        <translation>Código de reapertura 2</translation>
    </message>
    <message>
        <source>Cancel token</source>
        <translation>Código de cancelación</translation>
    </message>
    <message>
        <source>No tokens to show.</source>
        <extracomment>A slip went to the printer (its SlipKind value): the desk history records it. What the slips are built from (set_reservation); without it only the staff sheet is made. Where the remembered paper lives; tests point it at their temp dir. Cards per row: one beside the table, two in the roomier create dialog.</extracomment>
        <translation>No hay códigos que mostrar.</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Reservation {0}</source>
        <translation>Reservación {0}</translation>
    </message>
    <message>
        <source>Reservation id {0}</source>
        <translation>ID de reservación {0}</translation>
    </message>
    <message>
        <source>Lok returned no tokens for this reservation.</source>
        <translation>Lok no devolvió códigos para esta reservación.</translation>
    </message>
    <message>
        <source>This reservation is finished: its tokens are void. They open no box and are not printed.</source>
        <translation>Esta reservación terminó: sus códigos están anulados. No abren ningún compartimento y no se imprimen.</translation>
    </message>
    <message>
        <source>printing the slip</source>
        <translation>imprimir el comprobante</translation>
    </message>
</context>
<context>
    <name>UpdatePreReservationDialog</name>
    <message>
        <source>Update pre-reservation {0}</source>
        <translation>Actualizar la prerreservación {0}</translation>
    </message>
    <message>
        <source>Changes apply until the pre-reservation is confirmed (by a courier shipment).</source>
        <translation>Los cambios valen hasta que se confirma la prerreservación (con un envío por paquetería).</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>Fecha de depósito</translation>
    </message>
    <message>
        <source>Delivery date (local)</source>
        <translation>Fecha de depósito (local)</translation>
    </message>
    <message>
        <source>Value (MXN)</source>
        <translation>Valor (MXN)</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Peso (kg)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Nombre del contacto</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>Correo electrónico del contacto</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Teléfono del contacto</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>Nombre del destinatario</translation>
    </message>
    <message>
        <source>Recipient e-mail</source>
        <translation>Correo electrónico del destinatario</translation>
    </message>
    <message>
        <source>Recipient phone</source>
        <translation>Teléfono del destinatario</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Pick a delivery date in the future.</source>
        <translation>Elige una fecha de depósito futura.</translation>
    </message>
    <message>
        <source>This pre-reservation is confirmed or expired and can no longer be changed.</source>
        <translation>Esta prerreservación está confirmada o vencida y ya no se puede cambiar.</translation>
    </message>
    <message>
        <source>No box can hold this package (25 kg at most).</source>
        <translation>Ningún compartimento puede guardar este paquete (25 kg como máximo).</translation>
    </message>
    <message>
        <source>Pre-reservation updated.</source>
        <translation>Prerreservación actualizada.</translation>
    </message>
</context>
<context>
    <name>WebhookWorkbenchPane</name>
    <message>
        <source>Paste the value of the Lok-Signature header.</source>
        <translation>Pega el valor del encabezado Lok-Signature.</translation>
    </message>
    <message>
        <source>Enter the webhook secret (Notifications → Webhook → Secret → Copy).</source>
        <translation>Escribe el secreto del webhook (Notificaciones → Webhook → Secreto → Copiar).</translation>
    </message>
    <message>
        <source>Header is not valid base64: it may be cut off, or it has extra characters (quotes, the header name, spaces inside).</source>
        <translation>El encabezado no es base64 válido: puede estar cortado o tener caracteres de más (comillas, el nombre del encabezado, espacios).</translation>
    </message>
    <message>
        <source>Header decodes to {n} bytes, but an HMAC-SHA256 signature has 32: it is probably cut off or not a Lok-Signature.</source>
        <translation>El encabezado decodifica a {n} bytes, pero una firma HMAC-SHA256 tiene 32: probablemente está cortado o no es un Lok-Signature.</translation>
    </message>
    <message>
        <source>Valid: Lok signed exactly this body with this secret.</source>
        <translation>Válida: Lok firmó exactamente este cuerpo con este secreto.</translation>
    </message>
    <message>
        <source>without the whitespace at its start or end</source>
        <translation>sin los espacios al inicio o al final</translation>
    </message>
    <message>
        <source>with Unix line endings</source>
        <translation>con saltos de línea de Unix</translation>
    </message>
    <message>
        <source>with Windows line endings</source>
        <translation>con saltos de línea de Windows</translation>
    </message>
    <message>
        <source>Signature does not match this body, but it matches the body {what}: your copy changed the bytes — verify the raw body exactly as received.</source>
        <translation>La firma no coincide con este cuerpo, pero sí con el cuerpo {what}: tu copia cambió los bytes; verifica el cuerpo sin modificar, tal como se recibió.</translation>
    </message>
    <message>
        <source>Signature does not match: the body may have been changed — even whitespace counts — or the secret is not this webhook&apos;s current secret.</source>
        <translation>La firma no coincide: puede que el cuerpo haya cambiado (hasta los espacios cuentan) o que el secreto no sea el secreto actual de este webhook.</translation>
    </message>
    <message>
        <source>◌ Waiting</source>
        <translation>◌ En espera</translation>
    </message>
    <message>
        <source>✓ Delivered</source>
        <translation>✓ Entregada</translation>
    </message>
    <message>
        <source>↻ Failed, will retry</source>
        <translation>↻ Falló, se reintentará</translation>
    </message>
    <message>
        <source>✕ Given up</source>
        <translation>✕ Abandonada</translation>
    </message>
    <message>
        <source>Webhook workbench</source>
        <translation>Banco de pruebas del webhook</translation>
    </message>
    <message>
        <source>Workbench sections</source>
        <translation>Secciones del banco de pruebas</translation>
    </message>
    <message>
        <source>Listen locally</source>
        <translation>Escuchar en esta computadora</translation>
    </message>
    <message>
        <source>Check a signature</source>
        <translation>Verificar una firma</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Registro de entregas</translation>
    </message>
    <message>
        <source>Try the webhook without a server of your own: Lok Desk listens on this computer (127.0.0.1), checks each notification&apos;s signature with the current secret and lists it here as it arrives. Only programs on this computer can reach it — use it with the sandbox or a Lok server on this machine.</source>
        <translation>Prueba el webhook sin un servidor propio: Lok Desk escucha en esta computadora (127.0.0.1), verifica la firma de cada notificación con el secreto actual y la muestra aquí en cuanto llega. Solo los programas de esta computadora pueden alcanzarlo; úsalo con el sandbox o con un servidor Lok en esta máquina.</translation>
    </message>
    <message>
        <source>Start listening</source>
        <translation>Empezar a escuchar</translation>
    </message>
    <message>
        <source>Start or stop listening</source>
        <translation>Empezar o dejar de escuchar</translation>
    </message>
    <message>
        <source>Local receiver address</source>
        <translation>Dirección del receptor local</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Sin escuchar</translation>
    </message>
    <message>
        <source>Point the webhook here</source>
        <translation>Apuntar el webhook aquí</translation>
    </message>
    <message>
        <source>Receiver status</source>
        <translation>Estado del receptor</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservación</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ válida</translation>
    </message>
    <message>
        <source>✗ invalid</source>
        <translation>✗ no válida</translation>
    </message>
    <message>
        <source>Received notifications</source>
        <translation>Notificaciones recibidas</translation>
    </message>
    <message>
        <source>Double-click a notification to open it in “Check a signature”.</source>
        <translation>Haz doble clic en una notificación para abrirla en “Verificar una firma”.</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Vaciar la lista</translation>
    </message>
    <message>
        <source>Clear received notifications</source>
        <translation>Borrar las notificaciones recibidas</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>Dejar de escuchar</translation>
    </message>
    <message>
        <source>Start listening first.</source>
        <translation>Primero empieza a escuchar.</translation>
    </message>
    <message>
        <source>The webhook already points here.</source>
        <translation>El webhook ya apunta aquí.</translation>
    </message>
    <message>
        <source>Save this address as the company&apos;s webhook (the events chosen stay).</source>
        <translation>Guarda esta dirección como el webhook de la empresa (los eventos elegidos se conservan).</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>Sin escuchar.</translation>
    </message>
    <message>
        <source>Listening, and the webhook points here: new notifications appear below ({count} so far).</source>
        <translation>Escuchando, y el webhook apunta aquí: las notificaciones nuevas aparecen abajo ({count} hasta ahora).</translation>
    </message>
    <message>
        <source>Listening and the webhook points here, but the webhook is OFF: turn it on in Notifications to receive anything.</source>
        <translation>Escuchando y el webhook apunta aquí, pero el webhook está APAGADO: enciéndelo en Notificaciones para recibir algo.</translation>
    </message>
    <message>
        <source>Listening ({count} received). The webhook points elsewhere ({url}); press “Point the webhook here” to receive Lok&apos;s notifications.</source>
        <translation>Escuchando ({count} recibidas). El webhook apunta a otro lado ({url}); presiona “Apuntar el webhook aquí” para recibir las notificaciones de Lok.</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <source>reading the webhook secret</source>
        <translation>leer el secreto del webhook</translation>
    </message>
    <message>
        <source>Point the webhook here?</source>
        <translation>¿Apuntar el webhook aquí?</translation>
    </message>
    <message>
        <source>The webhook now sends to {url}. Pointing it at this computer stops notifications to that address until you change it back.</source>
        <translation>El webhook ahora envía a {url}. Si lo apuntas a esta computadora, esa dirección deja de recibir notificaciones hasta que lo regreses.</translation>
    </message>
    <message>
        <source>Point it here</source>
        <translation>Apuntarlo aquí</translation>
    </message>
    <message>
        <source>Leave it as it is</source>
        <translation>Dejarlo como está</translation>
    </message>
    <message>
        <source>pointing the webhook here</source>
        <translation>apuntar el webhook aquí</translation>
    </message>
    <message>
        <source>The webhook now points at this computer.</source>
        <translation>El webhook ahora apunta a esta computadora.</translation>
    </message>
    <message>
        <source>Paste what your server received to see whether Lok sent it. The signature is Base64(HMAC-SHA256(secret, body)) over the exact bytes of the body.</source>
        <translation>Pega lo que recibió tu servidor para ver si lo envió Lok. La firma es Base64(HMAC-SHA256(secreto, cuerpo)) sobre los bytes exactos del cuerpo.</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Cuerpo de la solicitud</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Cuerpo:</translation>
    </message>
    <message>
        <source>Lok-Signature header value</source>
        <translation>Valor del encabezado Lok-Signature</translation>
    </message>
    <message>
        <source>value of the Lok-Signature header</source>
        <translation>valor del encabezado Lok-Signature</translation>
    </message>
    <message>
        <source>&amp;Lok-Signature:</source>
        <translation>&amp;Lok-Signature:</translation>
    </message>
    <message>
        <source>Secret to check with</source>
        <translation>Secreto para verificar</translation>
    </message>
    <message>
        <source>whsec_…</source>
        <translation>whsec_…</translation>
    </message>
    <message>
        <source>Use current secret</source>
        <translation>Usar el secreto actual</translation>
    </message>
    <message>
        <source>Use the webhook&apos;s current secret</source>
        <translation>Usar el secreto actual del webhook</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secreto:</translation>
    </message>
    <message>
        <source>Check signature</source>
        <translation>Verificar firma</translation>
    </message>
    <message>
        <source>Signature check result</source>
        <translation>Resultado de la verificación de firma</translation>
    </message>
    <message>
        <source>The delivery log is kept by the Lok sandbox only; the live Lok service does not publish it. Sign in to the sandbox to watch deliveries and retries.</source>
        <translation>El registro de entregas solo lo guarda el sandbox de Lok; el servicio Lok real no lo publica. Inicia sesión en el sandbox para ver las entregas y los reintentos.</translation>
    </message>
    <message>
        <source>What the sandbox tried to deliver to the webhook: each attempt, the answer it got and when it tries again (the interval doubles after each failure).</source>
        <translation>Lo que el sandbox intentó entregar al webhook: cada intento, la respuesta que obtuvo y cuándo vuelve a intentar (el intervalo se duplica después de cada falla).</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Última respuesta</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Siguiente intento</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Depositado</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Webhook deliveries</source>
        <translation>Entregas del webhook</translation>
    </message>
    <message>
        <source>Delivery log status</source>
        <translation>Estado del registro de entregas</translation>
    </message>
    <message>
        <source>Refresh log</source>
        <translation>Actualizar registro</translation>
    </message>
    <message>
        <source>Refresh delivery log</source>
        <translation>Actualizar el registro de entregas</translation>
    </message>
    <message>
        <source>Only the sandbox keeps a delivery log.</source>
        <translation>Solo el sandbox guarda un registro de entregas.</translation>
    </message>
    <message>
        <source>reading the delivery log</source>
        <translation>leer el registro de entregas</translation>
    </message>
    <message>
        <source>{total} deliveries, {waiting} still to go · read at {time}</source>
        <translation>{total} entregas, {waiting} pendientes · leído a las {time}</translation>
    </message>
    <message>
        <source>loading the webhook</source>
        <translation>cargar el webhook</translation>
    </message>
</context>
<context>
    <name>_Section</name>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>csv_dialog</name>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>The raw, comparable value of a cell (epoch seconds, numbers, plain strings): the one sort role of every desk table, so a proxy sorts times and counts as values, not as their display text.</extracomment>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>explain_error</name>
    <message>
        <source> at {server}</source>
        <translation> en {server}</translation>
    </message>
    <message>
        <source>Lok asked us to wait {seconds} s while {doing}.</source>
        <translation>Lok nos pidió esperar {seconds} s al {doing}.</translation>
    </message>
    <message>
        <source>Lok is busy. Wait that long, then try again.</source>
        <translation>Lok está saturado. Espera ese tiempo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The status bar says when the connection is back; then press the same button again.</source>
        <translation>La barra de estado avisa cuando vuelve la conexión; entonces presiona el mismo botón otra vez.</translation>
    </message>
    <message>
        <source>The Lok server{where} took too long to answer while {doing}.</source>
        <translation>El servidor de Lok{where} tardó demasiado en responder al {doing}.</translation>
    </message>
    <message>
        <source>Lok Desk keeps trying and carries on by itself when the server answers. Check this computer&apos;s network connection if it lasts.</source>
        <translation>Lok Desk sigue intentando y continúa solo cuando el servidor responda. Si esto dura, revisa la conexión de red de esta computadora.</translation>
    </message>
    <message>
        <source>Lok Desk cannot reach the Lok server{where} while {doing}.</source>
        <translation>Lok Desk no puede comunicarse con el servidor de Lok{where} al {doing}.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection. Lok Desk keeps trying and carries on by itself when the server answers again.</source>
        <translation>Revisa la conexión de red de esta computadora. Lok Desk sigue intentando y continúa solo cuando el servidor vuelva a responder.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate could not be checked, so Lok Desk did not send anything.</source>
        <translation>No se pudo verificar el certificado de seguridad del servidor, así que Lok Desk no envió nada.</translation>
    </message>
    <message>
        <source>Do not continue on this network. Ask your IT contact to check the connection or proxy.</source>
        <translation>No continúes en esta red. Pide a tu contacto de TI que revise la conexión o el proxy.</translation>
    </message>
    <message>
        <source>Lok Desk only sends credentials over https:// (plain http:// is allowed only to this computer).</source>
        <translation>Lok Desk solo envía credenciales por https:// (http:// sin cifrar se permite solo hacia esta computadora).</translation>
    </message>
    <message>
        <source>Use an https:// server address.</source>
        <translation>Usa una dirección de servidor https://.</translation>
    </message>
    <message>
        <source>The server{where} sent an answer Lok Desk cannot read while {doing}.</source>
        <translation>El servidor{where} envió una respuesta que Lok Desk no puede leer al {doing}.</translation>
    </message>
    <message>
        <source>Check the server address at sign-in. If it is right, try again in a few minutes.</source>
        <translation>Revisa la dirección del servidor al iniciar sesión. Si es correcta, vuelve a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>This location is not one you may work with.</source>
        <translation>No tienes permiso para trabajar con esta ubicación.</translation>
    </message>
    <message>
        <source>Choose a reservation at your own location, or ask your company&apos;s owner for access.</source>
        <translation>Elige una reservación de tu propia ubicación, o pide acceso al propietario de tu empresa.</translation>
    </message>
    <message>
        <source>Your role does not allow {doing}.</source>
        <translation>Tu rol no permite {doing}.</translation>
    </message>
    <message>
        <source>Ask your company&apos;s owner for a role that can do this.</source>
        <translation>Pide al propietario de tu empresa un rol que pueda hacerlo.</translation>
    </message>
    <message>
        <source>The server did not accept this client id and secret.</source>
        <translation>El servidor no aceptó este ID de cliente y secreto.</translation>
    </message>
    <message>
        <source>Check both for typing mistakes (they are case-sensitive) or ask your Lok contact for new ones.</source>
        <translation>Revisa que ambos no tengan errores de escritura (distinguen mayúsculas y minúsculas) o pide unos nuevos a tu contacto en Lok.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid and could not be renewed.</source>
        <translation>Tu sesión ya no es válida y no se pudo renovar.</translation>
    </message>
    <message>
        <source>Sign out (Ctrl+Shift+Q) and sign in again.</source>
        <translation>Cierra sesión (Ctrl+Shift+Q) y vuelve a iniciarla.</translation>
    </message>
    <message>
        <source>This is a problem on the Lok server. Try again in a few minutes.</source>
        <translation>Es un problema del servidor de Lok. Vuelve a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>Check what you entered and try again.</source>
        <translation>Revisa lo que escribiste y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Something went wrong inside Lok Desk while {doing}.</source>
        <translation>Algo salió mal dentro de Lok Desk al {doing}.</translation>
    </message>
    <message>
        <source>Nothing was lost on the server. Try again; if it happens again, restart Lok Desk and tell support what you were doing.</source>
        <translation>No se perdió nada en el servidor. Vuelve a intentarlo; si pasa de nuevo, reinicia Lok Desk y cuéntale a soporte qué estabas haciendo.</translation>
    </message>
    <message>
        <source>Lok could not find what was asked for while {doing}; it may have been removed.</source>
        <translation>Lok no encontró lo que se pidió al {doing}; puede que lo hayan eliminado.</translation>
    </message>
    <message>
        <source>Lok Desk could not read or write a file on this computer while {doing}.</source>
        <translation>Lok Desk no pudo leer ni escribir un archivo en esta computadora al {doing}.</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk is not full, then try again.</source>
        <translation>Revisa que la carpeta exista, que tengas permiso para escribir en ella y que el disco no esté lleno; luego vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Nothing was sent: Lok Desk cannot reach the Lok server{where} right now.</source>
        <translation>No se envió nada: Lok Desk no puede comunicarse con el servidor de Lok{where} en este momento.</translation>
    </message>
    <message>
        <source>Lok Desk cannot reach the Lok server{where} through the proxy this computer is set to use (HTTPS_PROXY or ALL_PROXY) while {doing}.</source>
        <translation>Lok Desk no puede comunicarse con el servidor de Lok{where} a través del proxy que esta computadora tiene configurado (HTTPS_PROXY o ALL_PROXY) al {doing}.</translation>
    </message>
    <message>
        <source>Ask your IT contact to check the proxy setting. Lok Desk keeps trying and carries on by itself when the proxy lets it through.</source>
        <translation>Pide a tu contacto de informática que revise la configuración del proxy. Lok Desk sigue intentándolo y continúa por sí solo cuando el proxy le deja pasar.</translation>
    </message>
    <message>
        <source>Refresh the list (F5) and try again.</source>
        <translation>Actualiza la lista (F5) e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Lok did not accept some of the data sent while {doing}.</source>
        <translation>Lok no aceptó algunos de los datos enviados al {doing}.</translation>
    </message>
    <message>
        <source>Correct the highlighted fields and try again; what you typed is kept.</source>
        <translation>Corrige los campos marcados e inténtalo de nuevo; lo que escribiste se conserva.</translation>
    </message>
    <message>
        <source>Some of what you entered cannot be used.</source>
        <translation>Algo de lo que escribiste no se puede usar.</translation>
    </message>
    <message>
        <source>This cannot be done to the reservation in its current state.</source>
        <translation>Esto no se puede hacer con la reservación en su estado actual.</translation>
    </message>
    <message>
        <source>Refresh it (F5) to see its current status.</source>
        <translation>Actualízala (F5) para ver su estado actual.</translation>
    </message>
    <message>
        <source>That shipment id is already used by another reservation.</source>
        <translation>Ese id de envío ya lo usa otra reservación.</translation>
    </message>
    <message>
        <source>Choose another shipment id.</source>
        <translation>Elige otro id de envío.</translation>
    </message>
    <message>
        <source>No box is big enough for this package.</source>
        <translation>Ningún compartimento es lo bastante grande para este paquete.</translation>
    </message>
    <message>
        <source>Check its size and weight (at most 60 × 45 × 60 cm and 25 kg).</source>
        <translation>Revisa sus medidas y su peso (máximo 60 × 45 × 60 cm y 25 kg).</translation>
    </message>
    <message>
        <source>No box of that size is free at this location now.</source>
        <translation>Ahora no hay compartimentos libres de ese tamaño en esta ubicación.</translation>
    </message>
    <message>
        <source>Try another size or another location.</source>
        <translation>Prueba otro tamaño u otra ubicación.</translation>
    </message>
    <message>
        <source>This location is temporarily locked.</source>
        <translation>Esta ubicación está bloqueada por el momento.</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>Inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The delivery date is not valid.</source>
        <translation>La fecha de depósito no es válida.</translation>
    </message>
    <message>
        <source>Pick a date in the future.</source>
        <translation>Elige una fecha futura.</translation>
    </message>
    <message>
        <source>Lok could not use that address.</source>
        <translation>Lok no pudo usar esa dirección.</translation>
    </message>
    <message>
        <source>Make it more precise and try again.</source>
        <translation>Hazla más precisa e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The offer for that locker is no longer valid.</source>
        <translation>La oferta de ese casillero ya no es válida.</translation>
    </message>
    <message>
        <source>Search for available lockers again.</source>
        <translation>Busca de nuevo casilleros disponibles.</translation>
    </message>
    <message>
        <source>Lok could not reach the locker in time.</source>
        <translation>Lok no logró comunicarse con el casillero a tiempo.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>Inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The carrier could not create the shipping order.</source>
        <translation>La paquetería no pudo crear la orden de envío.</translation>
    </message>
    <message>
        <source>This computer has no safe place to keep the client secret.</source>
        <translation>Esta computadora no tiene un lugar seguro para guardar el secreto del cliente.</translation>
    </message>
    <message>
        <source>Lok Desk will ask for it at each sign-in.</source>
        <translation>Lok Desk lo pedirá en cada inicio de sesión.</translation>
    </message>
    <message>
        <source>The printer could not be started while {doing}.</source>
        <translation>No se pudo iniciar la impresora al {doing}.</translation>
    </message>
    <message>
        <source>Check that it is switched on and connected, or choose another printer (or save the slip as PDF).</source>
        <translation>Revisa que esté encendida y conectada, o elige otra impresora (o guarda el comprobante como PDF).</translation>
    </message>
    <message>
        <source>The Lok server{where} had a problem while {doing}.</source>
        <translation>El servidor de Lok{where} tuvo un problema al {doing}.</translation>
    </message>
    <message>
        <source>The Lok server{where} refused the request while {doing}.</source>
        <translation>El servidor de Lok{where} rechazó la solicitud al {doing}.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters are allowed.</source>
        <translation>
            <numerusform>Se permite como máximo %n carácter.</numerusform>
            <numerusform>Se permiten como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters are needed.</source>
        <translation>
            <numerusform>Se necesita al menos %n carácter.</numerusform>
            <numerusform>Se necesitan al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n entries are allowed.</source>
        <translation>
            <numerusform>Se permite como máximo %n elemento.</numerusform>
            <numerusform>Se permiten como máximo %n elementos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The largest value allowed is {limit}.</source>
        <translation>El valor más alto permitido es {limit}.</translation>
    </message>
    <message>
        <source>The smallest value allowed is {limit}.</source>
        <translation>El valor más bajo permitido es {limit}.</translation>
    </message>
    <message>
        <source>This cannot be left empty.</source>
        <translation>Esto no puede quedar vacío.</translation>
    </message>
    <message>
        <source>This must be a number.</source>
        <translation>Esto debe ser un número.</translation>
    </message>
    <message>
        <source>This is not a valid e-mail address.</source>
        <translation>Esta no es una dirección de correo electrónico válida.</translation>
    </message>
    <message>
        <source>Use one of: {value}.</source>
        <translation>Usa uno de estos valores: {value}.</translation>
    </message>
    <message>
        <source>This is not written the way Lok expects.</source>
        <translation>Esto no está escrito como Lok lo espera.</translation>
    </message>
    <message>
        <source>This is already in use.</source>
        <translation>Esto ya está en uso.</translation>
    </message>
    <message>
        <source>There is a NUL character (an invisible control character) in it.</source>
        <translation>Contiene un carácter NUL (un carácter de control invisible).</translation>
    </message>
    <message>
        <source>It ends with a lone carriage return; save the file with ordinary line ends.</source>
        <translation>Termina con un retorno de carro suelto; guarda el archivo con saltos de línea normales.</translation>
    </message>
    <message>
        <source>It holds bytes that are not UTF-8 text; save the file as UTF-8.</source>
        <translation>Contiene bytes que no son texto UTF-8; guarda el archivo como UTF-8.</translation>
    </message>
    <message>
        <source>It cannot be read as CSV (check the quotes).</source>
        <translation>No se puede leer como CSV (revisa las comillas).</translation>
    </message>
    <message numerus="yes">
        <source>A cell is longer than %n characters.</source>
        <translation>
            <numerusform>Una celda tiene más de %n carácter.</numerusform>
            <numerusform>Una celda tiene más de %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A file may hold at most %n contacts.</source>
        <translation>
            <numerusform>Un archivo puede tener como máximo %n contacto.</numerusform>
            <numerusform>Un archivo puede tener como máximo %n contactos.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is not a valid contact.</source>
        <translation>No es un contacto válido.</translation>
    </message>
    <message>
        <source>The file needs a first row naming the columns, with at least name and last_name.</source>
        <translation>El archivo necesita una primera fila con los nombres de las columnas, al menos name y last_name.</translation>
    </message>
    <message>
        <source>Lok did not accept this value; check it and try again.</source>
        <translation>Lok no aceptó este valor; revísalo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>Línea {line}: {reason}</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: {reason}</source>
        <translation>Línea {line}, columna {column}: {reason}</translation>
    </message>
    <message>
        <source>working</source>
        <translation>trabajar</translation>
    </message>
    <message>
        <source>loading recent activity</source>
        <translation>cargar la actividad reciente</translation>
    </message>
    <message>
        <source>loading the action log</source>
        <translation>cargar la bitácora de acciones</translation>
    </message>
    <message>
        <source>requesting the report</source>
        <translation>solicitar el reporte</translation>
    </message>
    <message>
        <source>loading the directories</source>
        <translation>cargar los directorios</translation>
    </message>
    <message>
        <source>opening the directory</source>
        <translation>abrir el directorio</translation>
    </message>
    <message>
        <source>creating the directory</source>
        <translation>crear el directorio</translation>
    </message>
    <message>
        <source>saving the directory</source>
        <translation>guardar el directorio</translation>
    </message>
    <message>
        <source>saving the contacts</source>
        <translation>guardar los contactos</translation>
    </message>
    <message>
        <source>importing the contacts</source>
        <translation>importar los contactos</translation>
    </message>
    <message>
        <source>loading the notification settings</source>
        <translation>cargar la configuración de notificaciones</translation>
    </message>
    <message>
        <source>saving the webhook</source>
        <translation>guardar el webhook</translation>
    </message>
    <message>
        <source>turning the webhook on or off</source>
        <translation>encender o apagar el webhook</translation>
    </message>
    <message>
        <source>saving the e-mails</source>
        <translation>guardar los correos</translation>
    </message>
    <message>
        <source>deleting the saved list after signing out</source>
        <translation>eliminar la lista guardada después de cerrar la sesión</translation>
    </message>
    <message>
        <source>signing in</source>
        <translation>iniciar sesión</translation>
    </message>
    <message>
        <source>searching lockers</source>
        <translation>buscar casilleros</translation>
    </message>
    <message>
        <source>creating the pre-reservation</source>
        <translation>crear la prerreservación</translation>
    </message>
</context>
<context>
    <name>owner_panes</name>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Webhook workbench</source>
        <translation>Banco de pruebas del webhook</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Directorios</translation>
    </message>
    <message>
        <source>Pre-reservations</source>
        <translation>Prerreservaciones</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Label 62 mm (continuous)</source>
        <translation>Etiqueta de 62 mm (continua)</translation>
    </message>
    <message>
        <source>Label 4 × 6 in</source>
        <translation>Etiqueta de 4 × 6 in</translation>
    </message>
    <message>
        <source>CONFIDENTIAL — staff only. These codes open the box.</source>
        <translation>CONFIDENCIAL — solo personal. Estos códigos abren el compartimento.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>In locker</source>
        <translation>En casillero</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierto</translation>
    </message>
    <message>
        <source>Reopened twice</source>
        <translation>Reabierto dos veces</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>Recolectado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>webhook_url</name>
    <message>
        <source>Enter the address where Lok should send notifications.</source>
        <translation>Escribe la dirección a la que Lok debe enviar las notificaciones.</translation>
    </message>
    <message>
        <source>This is not a valid web address (like https://example.com/lok-webhook).</source>
        <translation>Esta no es una dirección web válida (como https://example.com/lok-webhook).</translation>
    </message>
    <message>
        <source>This is not a web address: it must start with https:// (like https://example.com/lok-webhook).</source>
        <translation>Esta no es una dirección web: debe empezar con https:// (como https://example.com/lok-webhook).</translation>
    </message>
    <message>
        <source>Use https:// — plain http:// is allowed only for this computer (localhost or 127.0.0.1), because notifications carry your customers&apos; data.</source>
        <translation>Usa https://; http:// sin cifrar solo se permite para esta computadora (localhost o 127.0.0.1), porque las notificaciones llevan datos de tus clientes.</translation>
    </message>
    <message>
        <source>Lok takes addresses of at most {limit} characters; this one has {length}.</source>
        <translation>Lok acepta direcciones de como máximo {limit} caracteres; esta tiene {length}.</translation>
    </message>
</context>
</TS>
