package vn.smartprovince.dossiers.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-stop system's JSON field name of each canonical name a desk update uses, in the national
 * style (functions/dossiers/README.md, "One-stop sync"). A province whose vendor names them
 * differently renames them in its configuration ({@code oneStop.fieldNames}); {@link #names}
 * applies those renames. One holder, so the shared mapping of the outbound events can replace it.
 */
public final class DeskUpdateFields {
    public static final String UPDATE_ID = "updateId";
    public static final String DOSSIER_ID = "dossierId";
    public static final String DESK_SEQUENCE = "deskSequence";
    public static final String KNOWN_SEQUENCE = "knownSequence";
    public static final String STATUS = "status";
    public static final String EVENT_AT = "eventAt";
    public static final String OFFICER_NAME = "officerName";
    public static final String COMMENT = "comment";
    public static final String AMOUNT = "amount";
    public static final String ITEMS = "items";
    public static final String DELIVERY = "delivery";

    /** Canonical name -> the national default field name. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(UPDATE_ID, "MaCapNhat");
        names.put(DOSSIER_ID, "IdHoSoNguon");
        names.put(DESK_SEQUENCE, "SoThuTuCapNhat");
        names.put(KNOWN_SEQUENCE, "SoThuTu");
        names.put(STATUS, "TrangThaiHoSo");
        names.put(EVENT_AT, "ThoiGian");
        names.put(OFFICER_NAME, "CanBoXuLy");
        names.put(COMMENT, "NoiDung");
        names.put(AMOUNT, "SoTien");
        names.put(ITEMS, "DanhSachYeuCau");
        names.put(DELIVERY, "HinhThucTra");
        DEFAULTS = java.util.Collections.unmodifiableMap(names);
    }

    private DeskUpdateFields() {
    }

    /** The wire names: the defaults with the province's renames ({@code canonical -> vendor name}) applied. */
    public static Map<String, String> names(Map<String, String> renames) {
        Map<String, String> names = new LinkedHashMap<>(DEFAULTS);
        if (renames != null) {
            renames.forEach((canonical, name) -> {
                if (names.containsKey(canonical) && name != null && !name.isBlank()) {
                    names.put(canonical, name);
                }
            });
        }
        return names;
    }
}
