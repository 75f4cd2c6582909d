package vn.smartprovince.dossiers.forms;

import java.util.Optional;

/**
 * The forms a dossier's reader can ask for (Circular 03/2025, appendix I), each with its title as
 * printed. 01-05 are issued by a step of the timeline (its {@code form}); 06 travels with the
 * dossier from its receipt, one line per handover.
 */
public enum FormKind {
    RECEIPT("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    SUPPLEMENT("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    REFUSAL("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
    EXTENSION("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
    STOP("05", "THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ"),
    PROCESS_CONTROL("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");

    private final String number;
    private final String title;

    FormKind(String number, String title) {
        this.number = number;
        this.title = title;
    }

    /** {@code 01}..{@code 06}: the path parameter, the timeline's {@code form}. */
    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The form with this number ({@code 01}, also {@code 1}); empty for anything else. */
    public static Optional<FormKind> ofNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String padded = text.strip().length() == 1 ? "0" + text.strip() : text.strip();
        for (FormKind kind : values()) {
            if (kind.number.equals(padded)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
