package vn.smartprovince.identity.signin;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.Sessions;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.core.ZaloIdentity;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.PhoneNumbers;
import vn.smartprovince.shared.province.TextRules;

/**
 * {@code POST /v1/auth/zalo}: the mini app's Zalo access token (and phone-number token, when the
 * citizen granted it) in, a session out. Zalo says who the citizen is; there is nothing to register.
 * The user item is created at the first sign-in and refreshed at every later one (name, avatar,
 * phone when granted again, last seen). The Zalo user id in {@code FIRST_ADMIN_ZALO_ID} becomes
 * province administrator at sign-in, to bootstrap role management.
 */
final class SignIn {
    static final int MAX_NAME_CHARS = 100;
    static final int MAX_URL_CHARS = 2048;
    private static final Pattern ZALO_ID = Pattern.compile("[0-9]{1,32}");
    private static final int ATTEMPTS = 4;

    record Result(Sessions.Issued session, User user, boolean firstSignIn) {
    }

    private final ZaloIdentity zalo;
    private final Users users;
    private final Sessions sessions;
    private final Clock clock;
    private final String firstAdminZaloId;

    /** @param firstAdminZaloId null when not configured */
    SignIn(ZaloIdentity zalo, Users users, Sessions sessions, Clock clock, String firstAdminZaloId) {
        this.zalo = zalo;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.firstAdminZaloId = firstAdminZaloId;
    }

    Result signIn(String accessToken, String phoneToken) {
        ZaloIdentity.ZaloUser zaloUser;
        try {
            zaloUser = zalo.me(accessToken);
        } catch (ZaloIdentity.TokenRejected e) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "ZALO_TOKEN_REJECTED", List.of(new FieldError("accessToken",
                    "ZALO_TOKEN_REJECTED", "Zalo không chấp nhận mã truy cập này: hãy mở lại mini app.",
                    "Zalo did not accept this access token: reopen the mini app.")), java.util.Map.of(), null);
        }
        if (zaloUser.id() == null || !ZALO_ID.matcher(zaloUser.id()).matches()) {
            throw new ZaloIdentity.Unavailable("zalo: unexpected user id", null);
        }
        String phone = phoneToken == null ? null : phone(accessToken, phoneToken);
        String name = name(zaloUser.name());
        String avatar = avatar(zaloUser.avatarUrl());

        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<User> existing = users.find(zaloUser.id());
            if (existing.isEmpty()) {
                List<RoleGrant> roles = isFirstAdmin(zaloUser.id())
                        ? List.of(RoleGrant.citizen(), RoleGrant.provinceAdmin()) : List.of(RoleGrant.citizen());
                User created = new User(zaloUser.id(), name, null, avatar, phone, null, NotificationPreference.DEFAULT,
                        roles, now, now, now, now, 1, now.toEpochMilli());
                if (users.create(created)) {
                    users.markActive(created.zaloId(), now);
                    return new Result(sessions.start(created), created, true);
                }
                continue; // signed in twice at once: the other request created it; update it instead
            }
            User user = existing.get();
            List<RoleGrant> roles = user.roles();
            if (!user.has(Role.CITIZEN)) {
                roles = User.rolesWith(roles, RoleGrant.citizen());
            }
            if (isFirstAdmin(user.zaloId()) && !user.has(Role.PROVINCE_ADMIN)) {
                roles = User.rolesWith(roles, RoleGrant.provinceAdmin());
            }
            User updated = user.signedIn(name, avatar, phone != null ? phone : user.phone(), roles, now);
            try {
                users.update(user, updated);
                users.markActive(updated.zaloId(), now);
                return new Result(sessions.start(updated), updated, user.firstSeenAt() == null);
            } catch (Users.VersionConflict e) {
                // changed meanwhile (a profile edit, a role grant): read again and redo
            }
        }
        throw new ApiException(ErrorCode.CONFLICT, "sign-in kept racing with other changes");
    }

    private boolean isFirstAdmin(String zaloId) {
        return firstAdminZaloId != null && firstAdminZaloId.equals(zaloId);
    }

    private String phone(String accessToken, String phoneToken) {
        String raw;
        try {
            raw = zalo.phoneNumber(accessToken, phoneToken);
        } catch (ZaloIdentity.TokenRejected e) {
            throw ApiException.invalid(new FieldError("phoneToken", "ZALO_TOKEN_REJECTED",
                    "Zalo không chấp nhận mã số điện thoại này (có thể đã hết hạn): hãy cho phép lại.",
                    "Zalo did not accept this phone-number token (it may have expired): ask for it again."));
        }
        return PhoneNumbers.mobile(raw == null ? "" : raw)
                .orElseThrow(() -> new ZaloIdentity.Unavailable("zalo: phone number in an unexpected format", null));
    }

    /** Zalo's name, NFC, without control characters, at most 100 characters. */
    static String name(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        TextRules.normalise(raw).codePoints()
                .filter(cp -> Character.getType(cp) != Character.CONTROL)
                .limit(MAX_NAME_CHARS)
                .forEach(clean::appendCodePoint);
        return clean.toString();
    }

    /** An https URL Zalo gave for the avatar, or null (anything else is not shown to other users). */
    static String avatar(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_URL_CHARS) {
            return null;
        }
        try {
            URI uri = URI.create(raw.trim());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
