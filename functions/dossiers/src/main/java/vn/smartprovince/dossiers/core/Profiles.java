package vn.smartprovince.dossiers.core;

import java.util.Optional;

/** What the caller's profile (the identity module's user item) offers to prefill an applicant. */
public interface Profiles {

    /** @param fullName the name the user chose, else their Zalo name (null when none); @param phone {@code 84…} or null */
    record Profile(String fullName, String phone) {
    }

    Optional<Profile> of(String userId);
}
