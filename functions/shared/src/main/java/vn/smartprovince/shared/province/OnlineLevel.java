package vn.smartprovince.shared.province;

/** How far a procedure can be done online (Decree 42/2022). */
public enum OnlineLevel {
    /** Toàn trình: submitted, processed and paid online; the result returned online or by post. */
    FULL,
    /** Một phần: submitted online, but something (the original papers, the result) at the desk. */
    PARTIAL
}
