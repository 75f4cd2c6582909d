package vn.smartprovince.shared.zalo;

import java.time.Duration;
import java.util.Objects;

/**
 * A new OA token pair ({@code POST /v4/oa/access_token}). The refresh token is single use: store
 * the pair (conditional write) before forgetting the old one.
 *
 * @param expiresIn the access token's lifetime ({@code expires_in}, a string of seconds in Zalo's answer)
 */
public record OaTokens(String accessToken, String refreshToken, Duration expiresIn) {

    public OaTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    /** Never the tokens themselves. */
    @Override
    public String toString() {
        return "OaTokens[accessToken=***, refreshToken=***, expiresIn=" + expiresIn + "]";
    }
}
