/** Synchronisation with the province's one-stop system: the signed door of its desk updates ({@code POST /v1/one-stop/updates}, verified and queued; applied by {@code officer.OneStopInboundHandler}). */
package vn.smartprovince.dossiers.onestop;
