package vn.smartprovince.reports;

import java.util.List;

/** Who works for an agency (the identity design's GSI1 {@code AGENCY#<id>#OFFICERS}). */
@FunctionalInterface
public interface OfficerDirectory {
    /** User ids of the agency's officers, at most {@code limit}. */
    List<String> officersOf(String agencyId, int limit);
}
