package vn.smartprovince.dossiers.core;

import java.util.List;

/**
 * How far each dossier's events reached the one-stop system: item {@code DOSSIER#<id>} /
 * {@code ONESTOP#OUT}, attribute {@code sent} = the last sequence the one-stop acknowledged.
 */
public interface OneStopCursors {

    /** The last sequence acknowledged, 0 when none; read consistently. */
    int sent(String dossierId);

    /**
     * Moves the cursor from {@code previous} (0: no item yet) to {@code next}, only if it is still at
     * {@code previous}: false when another consumer moved it (nothing written).
     */
    boolean advance(String dossierId, int previous, int next);

    /** The dossier's timeline entries with versions {@code >= fromVersion}, oldest first. */
    List<TimelineEntry> timelineFrom(String dossierId, int fromVersion);
}
