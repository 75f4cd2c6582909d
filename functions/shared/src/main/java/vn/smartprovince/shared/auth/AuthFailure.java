package vn.smartprovince.shared.auth;

/**
 * Why a request has no valid session. The authorizer puts the name in its context
 * ({@code reason}); protected handlers answer 401 {@code UNAUTHORIZED} with it as the detail's code,
 * except {@link #AUTH_UNAVAILABLE}, a 503: the session could not be checked (DynamoDB or the
 * signing key unreachable), which says nothing about the session itself.
 */
public enum AuthFailure {
    TOKEN_MISSING("Chưa có phiên đăng nhập: hãy đăng nhập bằng Zalo.",
            "No session token was sent: sign in with Zalo."),
    TOKEN_INVALID("Phiên đăng nhập không hợp lệ: hãy đăng nhập lại.",
            "The session token is not valid: sign in again."),
    TOKEN_EXPIRED("Phiên đăng nhập đã hết hạn: hãy đăng nhập lại.",
            "The session expired: sign in again (renew before it expires)."),
    WRONG_APP("Phiên đăng nhập được cấp cho ứng dụng khác.",
            "The session token was issued for another app."),
    SESSION_REVOKED("Phiên đăng nhập đã bị thu hồi (đã đăng xuất hoặc đã xoá tài khoản).",
            "The session was revoked (signed out, or the account was erased)."),
    AUTH_UNAVAILABLE("Không kiểm tra được phiên đăng nhập lúc này.",
            "The session could not be checked right now.");

    private final String vietnamese;
    private final String english;

    AuthFailure(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    /** The reason named in a context, or {@link #TOKEN_INVALID} for anything unknown. */
    public static AuthFailure parse(String name) {
        if (name != null) {
            for (AuthFailure failure : values()) {
                if (failure.name().equals(name)) {
                    return failure;
                }
            }
        }
        return TOKEN_INVALID;
    }
}
