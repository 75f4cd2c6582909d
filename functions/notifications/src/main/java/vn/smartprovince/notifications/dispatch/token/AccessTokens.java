package vn.smartprovince.notifications.dispatch.token;

/** The OA access token as the dispatcher needs it ({@link OaTokenManager}; a fake in unit tests). */
public interface AccessTokens {

    /** A valid access token (refreshed before it expires). */
    String accessToken();

    /** Zalo rejected {@code rejected}: a newer token, refreshing unless someone already did. */
    String renewAfterRejected(String rejected);

    /** Refreshes this instance made so far (for the batch metrics). */
    long refreshes();
}
