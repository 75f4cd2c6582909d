package vn.smartprovince.shared.onestop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * THE list of the one-stop wire format's fields: our canonical name and the field name the national
 * style uses by default (what a vendor receives unless the province file's {@code oneStop.fieldNames}
 * renames it). One place for the configuration reader (which refuses an unknown canonical name), the
 * outbound mapping, the inbound parser, the one-stop fake and reconciliation.
 *
 * <p>Inbound updates and the vendor's read API share names with the outbound events: an update's
 * {@code knownSequence} travels as {@link #SEQUENCE}, its {@code officerName} as {@link #ACTOR}.
 * Every default name is distinct, and {@link #of} keeps the effective names distinct too.
 */
public final class OneStopFields {
    // ---- outbound events (POST {base}/dossier-events), also the read API's fields
    public static final String EVENT_ID = "eventId";
    public static final String DOSSIER_ID = "dossierId";
    public static final String SEQUENCE = "sequence";
    public static final String EVENT_TYPE = "eventType";
    public static final String DOSSIER_CODE = "dossierCode";
    public static final String PROCEDURE_CODE = "procedureCode";
    public static final String PROCEDURE_NAME = "procedureName";
    public static final String AGENCY_CODE = "agencyCode";
    public static final String CHANNEL = "channel";
    public static final String APPLICANT_TYPE = "applicantType";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
    public static final String APPLICANT_PHONE = "applicantPhone";
    public static final String STATUS = "status";
    public static final String PREVIOUS_STATUS = "previousStatus";
    public static final String EVENT_AT = "eventAt";
    public static final String SUBMITTED_AT = "submittedAt";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String DUE_AT = "dueAt";
    public static final String FINISHED_AT = "finishedAt";
    public static final String RETURNED_AT = "returnedAt";
    public static final String ACTION = "action";
    public static final String ACTOR = "actor";
    public static final String ORIGIN = "origin";
    public static final String COMMENT = "comment";
    public static final String FORM = "form";
    public static final String DETAILS = "details";
    public static final String DOCUMENTS = "documents";
    public static final String DESK_SEQUENCE = "deskSequence";
    // ---- inbound desk updates only (POST /v1/one-stop/updates)
    public static final String UPDATE_ID = "updateId";
    public static final String AMOUNT = "amount";
    public static final String ITEMS = "items";
    public static final String DELIVERY = "delivery";

    /** Canonical name -> the national default field name, in wire order. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(EVENT_ID, "MaSuKien");
        m.put(DOSSIER_ID, "IdHoSoNguon");
        m.put(SEQUENCE, "SoThuTu");
        m.put(EVENT_TYPE, "LoaiSuKien");
        m.put(DOSSIER_CODE, "MaHoSo");
        m.put(PROCEDURE_CODE, "MaTTHC");
        m.put(PROCEDURE_NAME, "TenTTHC");
        m.put(AGENCY_CODE, "MaDonVi");
        m.put(CHANNEL, "KenhThucHien");
        m.put(APPLICANT_TYPE, "LoaiDoiTuong");
        m.put(APPLICANT_NAME, "ChuHoSo");
        m.put(APPLICANT_ID_NUMBER, "SoGiayToChuHoSo");
        m.put(APPLICANT_PHONE, "SoDienThoai");
        m.put(STATUS, "TrangThaiHoSo");
        m.put(PREVIOUS_STATUS, "TrangThaiTruoc");
        m.put(EVENT_AT, "ThoiGian");
        m.put(SUBMITTED_AT, "NgayNopHoSo");
        m.put(RECEIVED_AT, "NgayTiepNhan");
        m.put(DUE_AT, "NgayHenTra");
        m.put(FINISHED_AT, "NgayKetThucXuLy");
        m.put(RETURNED_AT, "NgayTra");
        m.put(ACTION, "HanhDong");
        m.put(ACTOR, "CanBoXuLy");
        m.put(ORIGIN, "NguonThayDoi");
        m.put(COMMENT, "NoiDung");
        m.put(FORM, "MauPhieu");
        m.put(DETAILS, "ChiTiet");
        m.put(DOCUMENTS, "TaiLieuNop");
        m.put(DESK_SEQUENCE, "SoThuTuCapNhat");
        m.put(UPDATE_ID, "MaCapNhat");
        m.put(AMOUNT, "SoTien");
        m.put(ITEMS, "DanhSachYeuCau");
        m.put(DELIVERY, "HinhThucTra");
        DEFAULTS = Collections.unmodifiableMap(m);
    }

    /** The national default names. */
    public static final OneStopFields NATIONAL = new OneStopFields(DEFAULTS);

    private final Map<String, String> names;

    private OneStopFields(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /**
     * The effective names: the defaults with {@code renamed} applied (canonical name -> vendor name).
     *
     * @throws IllegalArgumentException an unknown canonical name, or two fields sharing a name (the
     *                                  province configuration's reader reports both before this)
     */
    public static OneStopFields of(Map<String, String> renamed) {
        if (renamed == null || renamed.isEmpty()) {
            return NATIONAL;
        }
        Map<String, String> names = new LinkedHashMap<>(DEFAULTS);
        renamed.forEach((canonical, vendor) -> {
            if (!DEFAULTS.containsKey(canonical)) {
                throw new IllegalArgumentException("no one-stop field " + canonical);
            }
            names.put(canonical, vendor);
        });
        if (names.values().stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("two one-stop fields share a name: " + names);
        }
        return new OneStopFields(names);
    }

    public static boolean isCanonical(String name) {
        return DEFAULTS.containsKey(name);
    }

    /** The vendor's field name for a canonical name. */
    public String name(String canonical) {
        String name = names.get(canonical);
        if (name == null) {
            throw new IllegalArgumentException("no one-stop field " + canonical);
        }
        return name;
    }

    /** Canonical name -> vendor name, every field, in wire order. */
    public Map<String, String> names() {
        return names;
    }
}
