package vn.smartprovince.identity;

import java.time.Instant;
import java.util.List;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.province.PhoneNumbers;

/** What the identity routes answer (JSON through the shared mapper; nulls left out). */
final class Views {
    private Views() {
    }

    /** The owner's own profile: the full phone number, only ever shown to its owner. */
    record Profile(String zaloId, String displayName, String zaloName, String avatarUrl, String phone,
                   Integer birthYear, NotificationPreference notificationPreference, String firstSeenAt,
                   String lastSeenAt, long version) {
        static Profile of(User user) {
            return new Profile(user.zaloId(), user.name(), user.zaloName(), user.avatarUrl(), user.phone(),
                    user.birthYear(), user.preference(), text(user.firstSeenAt()), text(user.lastSeenAt()),
                    user.version());
        }
    }

    /** {@code GET/PATCH /v1/me}: the profile and the roles held now. */
    record Me(Profile profile, List<RoleGrant> roles) {
        static Me of(User user) {
            return new Me(Profile.of(user), user.roles());
        }
    }

    /** {@code POST /v1/auth/zalo}. */
    record SignedIn(String sessionToken, String tokenType, String expiresAt, long expiresIn, Profile profile,
                    List<RoleGrant> roles, boolean firstSignIn) {
        static SignedIn of(SignIn.Result result, Instant now) {
            return new SignedIn(result.session().token(), "Bearer", result.session().expiresAt().toString(),
                    seconds(now, result.session().expiresAt()), Profile.of(result.user()), result.user().roles(),
                    result.firstSignIn());
        }
    }

    /** {@code POST /v1/auth/session/renew}. */
    record Session(String sessionToken, String tokenType, String expiresAt, long expiresIn) {
        static Session of(Sessions.Issued issued, Instant now) {
            return new Session(issued.token(), "Bearer", issued.expiresAt().toString(), seconds(now, issued.expiresAt()));
        }
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

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static long seconds(Instant now, Instant until) {
        return Math.max(0, until.getEpochSecond() - now.getEpochSecond());
    }
}
