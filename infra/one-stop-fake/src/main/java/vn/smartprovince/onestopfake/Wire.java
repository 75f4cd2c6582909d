package vn.smartprovince.onestopfake;

/**
 * The wire's default (national style) field names, as the fake reads events and writes desk
 * updates. A province that renames fields ({@code oneStop.fieldNames}) is played by a fake whose
 * names are changed here; the local stack uses the defaults.
 */
final class Wire {
    // Events (ours -> one-stop) and the read API.
    static final String EVENT_ID = "MaSuKien";
    static final String DOSSIER_ID = "IdHoSoNguon";
    static final String SEQUENCE = "SoThuTu";
    static final String EVENT_TYPE = "LoaiSuKien";
    static final String DOSSIER_CODE = "MaHoSo";
    static final String AGENCY_CODE = "MaDonVi";
    static final String STATUS = "TrangThaiHoSo";
    static final String DUE_AT = "NgayHenTra";
    static final String EVENT_AT = "ThoiGian";
    static final String ORIGIN = "NguonThayDoi";
    static final String DESK_SEQUENCE = "SoThuTuCapNhat";
    // Desk updates (one-stop -> ours).
    static final String UPDATE_ID = "MaCapNhat";
    static final String OFFICER = "CanBoXuLy";
    static final String COMMENT = "NoiDung";
    static final String AMOUNT = "SoTien";
    static final String ITEMS = "DanhSachYeuCau";
    static final String DELIVERY = "HinhThucTra";

    private Wire() {
    }
}
