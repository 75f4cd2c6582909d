package vn.smartprovince.reports.core;

import java.util.List;

/** Who works for an agency (the identity design's GSI1 {@code AGENCY#<id>#OFFICERS}). */
@FunctionalInterface
public interface OfficerDirectory {
    /** At most this many of an agency's officers hear of one report (urgent on arrival, information provided). */
    int MAX_NOTIFIED = 50;

    /** User ids of the agency's officers, at most {@code limit}. */
    List<String> officersOf(String agencyId, int limit);
}
