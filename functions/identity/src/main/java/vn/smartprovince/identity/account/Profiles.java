package vn.smartprovince.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.core.Views;
import vn.smartprovince.identity.core.ZaloIdentity;
import vn.smartprovince.shared.auth.AuthFailure;
import vn.smartprovince.shared.auth.Authentication;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.PhoneNumbers;

/** The signed-in person's own profile: read, change, erase; and ending every session. */
final class Profiles {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Users users;
    private final ZaloIdentity zalo;
    private final Clock clock;

    Profiles(Users users, ZaloIdentity zalo, Clock clock) {
        this.users = users;
        this.zalo = zalo;
        this.clock = clock;
    }

    User get(Caller caller) {
        // The authorizer saw the user a moment ago; gone since means erased: the session is over.
        return users.find(caller.userId()).orElseThrow(() -> Authentication.unauthorized(AuthFailure.SESSION_REVOKED));
    }

    Year currentYear() {
        return Year.now(clock.withZone(VIETNAM));
    }

    User update(Caller caller, ProfileChange change) {
        User user = get(caller);
        if (user.version() != change.expectedVersion()) {
            throw conflict(user);
        }
        String phone = user.phone();
        if (change.removePhone()) {
            phone = null;
        } else if (change.phoneGrant() != null) {
            phone = verifiedPhone(caller, change.phoneGrant());
        }
        String displayName = change.displayName().present() ? change.displayName().value() : user.displayName();
        Integer birthYear = change.birthYear().present() ? change.birthYear().value() : user.birthYear();
        NotificationPreference preference = change.notificationPreference().present()
                ? change.notificationPreference().value() : user.notificationPreference();
        if (preference == NotificationPreference.ZNS && phone == null) {
            throw ApiException.invalid(change.removePhone()
                    ? new FieldError("phone", "NEEDED_FOR_ZNS", "Cần số điện thoại để nhận tin ZNS: hãy đổi cách nhận thông báo trước.",
                            "ZNS messages need the phone number: change notificationPreference first.")
                    : new FieldError("notificationPreference", "PHONE_REQUIRED", "Cần số điện thoại (qua Zalo) để nhận tin ZNS.",
                            "ZNS messages need a phone number (granted through Zalo)."));
        }
        if (Objects.equals(displayName, user.displayName()) && Objects.equals(birthYear, user.birthYear())
                && preference == user.notificationPreference() && Objects.equals(phone, user.phone())) {
            return user;
        }
        User updated = user.withProfile(displayName, phone, birthYear, preference, clock.instant());
        try {
            users.update(user, updated);
        } catch (Users.VersionConflict e) {
            throw conflict(get(caller));
        }
        return updated;
    }

    /**
     * Erases the profile and contact data: the user item goes, which also ends every session (the
     * authorizer no longer finds the user; a new account created later starts a new session
     * version). What the citizen reported stays, anonymised by the reports' own function, which
     * follows the deletion of the profile item on the table's stream
     * ({@code ForgetErasedCitizensFunction}): identity need not know which domains keep what.
     */
    void erase(Caller caller) {
        users.delete(caller.userId());
    }

    /** Ends every session of the caller (all devices): the session version moves on. */
    void signOutEverywhere(Caller caller) {
        for (int attempt = 0; attempt < 4; attempt++) {
            User user = get(caller);
            Instant now = clock.instant();
            long next = Math.max(user.sessionVersion() + 1, now.toEpochMilli());
            try {
                users.update(user.withSessionVersion(next, now), user.version());
                return;
            } catch (Users.VersionConflict e) {
                // changed meanwhile: read again
            }
        }
        throw new ApiException(ErrorCode.CONFLICT, "sign-out kept racing with other changes");
    }

    private String verifiedPhone(Caller caller, ProfileChange.PhoneGrant grant) {
        try {
            ZaloIdentity.ZaloUser holder = zalo.me(grant.zaloAccessToken());
            if (!caller.userId().equals(holder.id())) {
                throw ApiException.invalid(new FieldError("zaloAccessToken", "ANOTHER_USERS_TOKEN",
                        "Mã truy cập Zalo này thuộc về người khác.", "This Zalo access token belongs to someone else."));
            }
            String raw = zalo.phoneNumber(grant.zaloAccessToken(), grant.phoneToken());
            return PhoneNumbers.mobile(raw == null ? "" : raw)
                    .orElseThrow(() -> new ZaloIdentity.Unavailable("zalo: phone number in an unexpected format", null));
        } catch (ZaloIdentity.TokenRejected e) {
            throw ApiException.invalid(new FieldError("phoneToken", "ZALO_TOKEN_REJECTED",
                    "Zalo không chấp nhận mã này (có thể đã hết hạn): hãy cho phép lại.",
                    "Zalo did not accept the tokens (they may have expired): ask for them again."));
        }
    }

    private static ApiException conflict(User current) {
        return new ApiException(ErrorCode.CONFLICT, "profile version moved on", List.of(),
                Map.of("ETag", etag(current)), Views.Me.of(current));
    }

    static String etag(User user) {
        return "\"" + user.version() + "\"";
    }
}
