package vn.smartprovince.dossiers.core;

import java.util.List;

/**
 * Port: an agency's officers (user ids, at most {@code limit}), for the notices officers get
 * (the due-soon reminders, a supplement answered). Adapter: {@code shared.auth.AgencyOfficers}.
 */
@FunctionalInterface
public interface Officers {
    List<String> of(String agencyId, int limit);
}
