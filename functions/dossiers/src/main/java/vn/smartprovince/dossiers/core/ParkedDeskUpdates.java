package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.util.Optional;

/**
 * Desk updates of the one-stop system that came before one they follow (update k while the dossier's
 * {@code deskSequence} is below k - 1): kept, raw as received, until the gap is filled, then applied
 * in order and deleted. Items {@code DOSSIER#<id> / DESK#<k, 6 digits>}.
 */
public interface ParkedDeskUpdates {

    /** Keeps update {@code deskSequence} of the dossier (a second delivery overwrites it with the same body). */
    void park(String dossierId, int deskSequence, String rawBody, Instant receivedAt);

    /** The raw body of the parked update {@code deskSequence}, read consistently. */
    Optional<String> parked(String dossierId, int deskSequence);

    /** Deletes it (nothing when absent). */
    void remove(String dossierId, int deskSequence);
}
