package vn.smartprovince.dossiers.core;

/**
 * A dossier's status, with the national portal's code (TrangThaiHoSo 1-10) that the one-stop
 * synchronisation sends. {@link #open()} statuses still await the agency or the applicant.
 */
public enum DossierStatus {
    /** 1: submitted online, not yet received by the intake desk. */
    REGISTERED(1, "Mới đăng ký", true),
    /** 2: received as valid (form 01); the legal clock runs from here. */
    RECEIVED(2, "Đã tiếp nhận", true),
    /** 3: not received, with the reasons (form 03). */
    NOT_RECEIVED(3, "Từ chối tiếp nhận", false),
    /** 4: being processed by the competent agency (or the next one in a chain). */
    PROCESSING(4, "Đang xử lý", true),
    /** 5: the applicant must supplement the dossier (form 02); a running clock pauses. */
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung", true),
    /** 6: fees or other financial obligations to pay. */
    FEES_REQUESTED(6, "Chờ thực hiện nghĩa vụ tài chính", true),
    /** 7: withdrawn by the applicant. */
    WITHDRAWN(7, "Đã rút hồ sơ", false),
    /** 8: processing stopped, with the reasons (form 05). */
    STOPPED(8, "Dừng xử lý", false),
    /** 9: processed; the result is ready. */
    FINISHED(9, "Đã có kết quả", true),
    /** 10: the result was returned to the applicant. */
    RETURNED(10, "Đã trả kết quả", false);

    private final int code;
    private final String vietnameseName;
    private final boolean open;

    DossierStatus(int code, String vietnameseName, boolean open) {
        this.code = code;
        this.vietnameseName = vietnameseName;
        this.open = open;
    }

    /** The national portal's code, 1-10. */
    public int code() {
        return code;
    }

    /** How the status reads to a citizen. */
    public String vietnameseName() {
        return vietnameseName;
    }

    /** Still awaits someone (the agency or the applicant); false once refused, withdrawn, stopped or returned. */
    public boolean open() {
        return open;
    }

    /** The status with this national code. */
    public static DossierStatus ofCode(int code) {
        for (DossierStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no dossier status " + code);
    }
}
