package vn.smartprovince.dossiers.core;

/**
 * The one-stop system's copy of a dossier ({@code GET {base}/dossiers/{dossierId}}), what
 * reconciliation compares with ours.
 *
 * @param status        the national status code it holds (null when it sent none)
 * @param dueAt         {@code yyyyMMddHHmmss}, Vietnam time, or null
 * @param lastSequence  the last of our event sequences it applied
 * @param deskSequence  the last of its own desk updates (0 when none)
 */
public record RemoteDossier(String dossierId, String dossierCode, Integer status, String agencyCode, String dueAt,
                            int lastSequence, int deskSequence) {
}
