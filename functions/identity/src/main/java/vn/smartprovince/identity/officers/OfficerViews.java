package vn.smartprovince.identity.officers;

import java.util.List;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.province.PhoneNumbers;

/** What the officer routes answer. */
final class OfficerViews {
    private OfficerViews() {
    }

    /** Another person as an administrator or fellow officer sees them: the phone number masked. */
    record Person(String zaloId, String displayName, String avatarUrl, String phone, List<RoleGrant> roles,
                  long version) {
        static Person of(User user) {
            return new Person(user.zaloId(), user.name(), user.avatarUrl(),
                    user.phone() == null ? null : PhoneNumbers.masked(user.phone()), user.roles(), user.version());
        }
    }

    /** {@code GET /v1/agencies/{agencyId}/officers}. */
    record PersonPage(List<Person> items, String nextCursor) {
    }

}
