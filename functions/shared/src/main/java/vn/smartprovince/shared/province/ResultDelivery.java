package vn.smartprovince.shared.province;

/** How the result of a dossier is returned to the applicant. */
public enum ResultDelivery {
    /** Collected at the desk (bộ phận một cửa). */
    DESK,
    /** Sent by the public postal service (dịch vụ bưu chính công ích). */
    POST,
    /** An electronic result file the applicant downloads. */
    ONLINE
}
