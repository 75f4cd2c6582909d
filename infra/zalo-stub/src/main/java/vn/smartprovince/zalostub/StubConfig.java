package vn.smartprovince.zalostub;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * What the stub is configured with: the one Zalo App and Official Account it plays, their
 * secrets, the OA's first access/refresh token pair, the ZNS templates, and the limits.
 * {@link #of} takes the six values that must match the backend's configuration and uses Zalo's
 * figures for the rest; the {@code with...} methods change one.
 *
 * @param appId               the Zalo App id (the template's {@code ZaloAppId})
 * @param appSecret           the app's secret key (appsecret_proof, /me/info's secret_key, OAuth's secret_key)
 * @param oaId                the Official Account id (in webhook events)
 * @param oaSecretKey         the OA's secret key (webhook signatures)
 * @param oaAccessToken       the OA access token valid at start (ZNS and OA messages)
 * @param oaRefreshToken      the refresh token valid at start (single use)
 * @param templates           ZNS templates known at start
 * @param dailyZnsQuota       ZNS messages per Vietnam day (new OAs: 20,000 from Jan 2026)
 * @param userTokenTtl        lifetime of a mini app user access token
 * @param codeTokenTtl        lifetime of a phone-number or location token
 * @param oaAccessTokenTtl    lifetime of an OA access token ({@code expires_in} 90000 s)
 * @param oaRefreshTokenTtl   lifetime of an unused refresh token (about 3 months)
 * @param interactionWindow   how recently a follower must have interacted for a cs message
 * @param sendingHoursStart   start of the Vietnam-time window for tag 2 and 3 templates
 * @param sendingHoursEnd     end of that window (exclusive)
 */
public record StubConfig(String appId, String appSecret, String oaId, String oaSecretKey, String oaAccessToken,
                         String oaRefreshToken, List<ZnsTemplate> templates, long dailyZnsQuota, Duration userTokenTtl,
                         Duration codeTokenTtl, Duration oaAccessTokenTtl, Duration oaRefreshTokenTtl,
                         Duration interactionWindow, LocalTime sendingHoursStart, LocalTime sendingHoursEnd) {

    public static final long DEFAULT_DAILY_ZNS_QUOTA = 20_000;
    public static final Duration DEFAULT_USER_TOKEN_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_CODE_TOKEN_TTL = Duration.ofMinutes(10);
    public static final Duration OA_ACCESS_TOKEN_TTL = Duration.ofSeconds(90_000);
    public static final Duration OA_REFRESH_TOKEN_TTL = Duration.ofDays(90);
    public static final Duration INTERACTION_WINDOW = Duration.ofDays(7);

    public StubConfig {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(oaId, "oaId");
        Objects.requireNonNull(oaSecretKey, "oaSecretKey");
        Objects.requireNonNull(oaAccessToken, "oaAccessToken");
        Objects.requireNonNull(oaRefreshToken, "oaRefreshToken");
        if (oaAccessToken.equals(oaRefreshToken)) {
            throw new IllegalArgumentException("the OA access and refresh tokens must differ");
        }
        templates = List.copyOf(templates);
        Objects.requireNonNull(userTokenTtl, "userTokenTtl");
        Objects.requireNonNull(codeTokenTtl, "codeTokenTtl");
        Objects.requireNonNull(oaAccessTokenTtl, "oaAccessTokenTtl");
        Objects.requireNonNull(oaRefreshTokenTtl, "oaRefreshTokenTtl");
        Objects.requireNonNull(interactionWindow, "interactionWindow");
        Objects.requireNonNull(sendingHoursStart, "sendingHoursStart");
        Objects.requireNonNull(sendingHoursEnd, "sendingHoursEnd");
    }

    /** Zalo's figures for everything but the ids, secrets and first OA tokens; no templates. */
    public static StubConfig of(String appId, String appSecret, String oaId, String oaSecretKey, String oaAccessToken,
                                String oaRefreshToken) {
        return new StubConfig(appId, appSecret, oaId, oaSecretKey, oaAccessToken, oaRefreshToken, List.of(),
                DEFAULT_DAILY_ZNS_QUOTA, DEFAULT_USER_TOKEN_TTL, DEFAULT_CODE_TOKEN_TTL, OA_ACCESS_TOKEN_TTL,
                OA_REFRESH_TOKEN_TTL, INTERACTION_WINDOW, LocalTime.of(7, 0), LocalTime.of(22, 0));
    }

    public StubConfig withTemplates(List<ZnsTemplate> newTemplates) {
        return new StubConfig(appId, appSecret, oaId, oaSecretKey, oaAccessToken, oaRefreshToken, newTemplates,
                dailyZnsQuota, userTokenTtl, codeTokenTtl, oaAccessTokenTtl, oaRefreshTokenTtl, interactionWindow,
                sendingHoursStart, sendingHoursEnd);
    }

    public StubConfig withDailyZnsQuota(long quota) {
        return new StubConfig(appId, appSecret, oaId, oaSecretKey, oaAccessToken, oaRefreshToken, templates, quota,
                userTokenTtl, codeTokenTtl, oaAccessTokenTtl, oaRefreshTokenTtl, interactionWindow, sendingHoursStart,
                sendingHoursEnd);
    }

    public StubConfig withTokenLifetimes(Duration user, Duration code, Duration oaAccess, Duration oaRefresh) {
        return new StubConfig(appId, appSecret, oaId, oaSecretKey, oaAccessToken, oaRefreshToken, templates,
                dailyZnsQuota, user, code, oaAccess, oaRefresh, interactionWindow, sendingHoursStart, sendingHoursEnd);
    }

    /** Secrets are never printed, not even the stub's fake ones. */
    @Override
    public String toString() {
        return "StubConfig[appId=" + appId + ", oaId=" + oaId + ", templates=" + templates.size() + ", dailyZnsQuota="
                + dailyZnsQuota + "]";
    }
}
