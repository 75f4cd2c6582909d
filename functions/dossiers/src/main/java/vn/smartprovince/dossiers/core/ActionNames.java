package vn.smartprovince.dossiers.core;

/** How each step of a dossier's history, and each way of returning its result, reads to a citizen (forms, the public lookup). */
public final class ActionNames {
    private ActionNames() {
    }

    public static String vietnamese(DossierAction action) {
        return switch (action) {
            case SUBMIT -> "Nộp hồ sơ";
            case RECEIVE -> "Tiếp nhận hồ sơ";
            case REFUSE -> "Từ chối tiếp nhận";
            case REQUEST_SUPPLEMENT -> "Yêu cầu bổ sung hồ sơ";
            case ANSWER_SUPPLEMENT -> "Nhận hồ sơ bổ sung";
            case START -> "Bắt đầu xử lý";
            case TRANSFER -> "Chuyển xử lý (liên thông)";
            case REQUEST_FEES -> "Yêu cầu thực hiện nghĩa vụ tài chính";
            case WITHDRAW -> "Rút hồ sơ";
            case STOP -> "Dừng xử lý";
            case FINISH -> "Có kết quả giải quyết";
            case RETURN_RESULT -> "Trả kết quả";
            case EXTEND -> "Xin lỗi và hẹn lại ngày trả kết quả";
            case FLAG_OVERDUE -> "Quá hạn xử lý";
            case DESK_UPDATE_REFUSED -> "Cập nhật từ hệ thống một cửa không được áp dụng";
        };
    }

    /** How the result is returned, in Vietnamese. */
    public static String resultDelivery(vn.smartprovince.shared.province.ResultDelivery delivery) {
        return switch (delivery) {
            case DESK -> "Nhận trực tiếp tại Bộ phận Một cửa";
            case POST -> "Qua dịch vụ bưu chính công ích";
            case ONLINE -> "Trực tuyến (tệp kết quả điện tử)";
        };
    }
}
