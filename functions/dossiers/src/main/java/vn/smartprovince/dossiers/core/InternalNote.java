package vn.smartprovince.dossiers.core;

import java.time.Instant;

/** A note officers keep on a dossier; the applicant never sees it. */
public record InternalNote(String dossierId, String noteId, Instant at, String authorId, String agencyId, String text) {
}
