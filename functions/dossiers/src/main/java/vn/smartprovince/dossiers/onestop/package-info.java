/**
 * One-stop synchronisation. Outbound: the relay (the main table's stream: each new timeline entry
 * {@code DOSSIER#<id>} / {@code EVENT#<n>} becomes a message {@code {"dossierId","sequence"}} on
 * OneStopOutboundQueue) and the connector (the queue: catch-up by the dossier's cursor, each event
 * sent once and in order to the one-stop system through {@code core.OneStopGateway}). Inbound: the
 * signed door of its desk updates ({@code POST /v1/one-stop/updates}, verified and queued; applied
 * by {@code officer.OneStopInboundHandler}).
 */
package vn.smartprovince.dossiers.onestop;
