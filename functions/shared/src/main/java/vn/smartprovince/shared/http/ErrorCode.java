package vn.smartprovince.shared.http;

/**
 * The stable error codes of the API (documented in the OpenAPI description), each with its HTTP
 * status and a default message in Vietnamese (the users' language) and English.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Dữ liệu gửi lên không hợp lệ.", "The request is not valid."),
    MALFORMED_JSON(400, "Nội dung yêu cầu không phải JSON hợp lệ.", "The request body is not valid JSON."),
    INVALID_CURSOR(400, "Con trỏ phân trang không hợp lệ.", "The pagination cursor is not valid."),
    UNAUTHORIZED(401, "Bạn cần đăng nhập lại.", "Sign-in is missing, invalid or expired."),
    FORBIDDEN(403, "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."),
    NOT_FOUND(404, "Không tìm thấy.", "Not found."),
    METHOD_NOT_ALLOWED(405, "Phương thức không được hỗ trợ.", "Method not allowed."),
    CONFLICT(409, "Dữ liệu đã thay đổi, vui lòng tải lại.", "The resource changed; reload and try again."),
    IDEMPOTENCY_KEY_REUSED(422, "Khoá Idempotency-Key đã được dùng cho một yêu cầu khác.",
            "The Idempotency-Key was already used for a different request."),
    REQUEST_IN_PROGRESS(409, "Yêu cầu trước đó vẫn đang được xử lý.", "The first request is still being processed."),
    // appointments (functions/appointments)
    SLOT_FULL(409, "Khung giờ này đã hết chỗ, vui lòng chọn khung giờ khác.", "The slot is full; choose another."),
    TOO_MANY_OPEN_BOOKINGS(409, "Bạn đã có quá nhiều lịch hẹn chưa thực hiện.",
            "You already hold the most open appointments allowed."),
    PAYLOAD_TOO_LARGE(413, "Nội dung yêu cầu quá lớn.", "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "Chỉ chấp nhận nội dung JSON.", "Only JSON bodies are accepted."),
    THROTTLED(429, "Bạn thao tác quá nhanh, vui lòng thử lại sau.", "Too many requests; retry later."),
    INTERNAL(500, "Đã có lỗi hệ thống, chúng tôi đang khắc phục.", "An internal error occurred."),
    DEPENDENCY_UNAVAILABLE(503, "Dịch vụ tạm thời gián đoạn, vui lòng thử lại sau.",
            "A service we depend on is unavailable; retry later.");

    private final int status;
    private final String vietnamese;
    private final String english;

    ErrorCode(int status, String vietnamese, String english) {
        this.status = status;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public int status() {
        return status;
    }

    public String message(Language language) {
        return language == Language.EN ? english : vietnamese;
    }
}
