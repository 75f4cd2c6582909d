package vn.smartprovince.dossiers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.province.ResultDelivery;

/** The desk update's wire format: what reads, and the reason of what does not. */
class DeskUpdateTest {
    static final String VALID = """
            {"MaCapNhat": "MC-1", "IdHoSoNguon": "d1", "SoThuTuCapNhat": 3, "SoThuTu": 2, "TrangThaiHoSo": 2,
             "ThoiGian": "20261201093000", "CanBoXuLy": "Nguyễn Văn Bình", "NoiDung": "Đủ giấy tờ"}""";

    @Test
    void readsTheNationalNames() {
        DeskUpdate.Parsed parsed = DeskUpdate.parse(VALID);
        assertTrue(parsed.ok(), parsed.problems().toString());
        DeskUpdate u = parsed.update();
        assertEquals("MC-1", u.updateId());
        assertEquals("d1", u.dossierId());
        assertEquals(3, u.deskSequence());
        assertEquals(2, u.knownSequence());
        assertEquals(DossierStatus.RECEIVED, u.status());
        assertEquals(DossierAction.RECEIVE, u.action());
        assertEquals(Instant.parse("2026-12-01T02:30:00Z"), u.eventAt(), "Vietnam time");
        assertEquals("one-stop:Nguyễn Văn Bình", u.actorId());
    }

    @Test
    void eachStatusTheDeskMaySetIsAnOfficerAction() {
        Map<Integer, DossierAction> expected = Map.of(2, DossierAction.RECEIVE, 3, DossierAction.REFUSE,
                4, DossierAction.START, 5, DossierAction.REQUEST_SUPPLEMENT, 6, DossierAction.REQUEST_FEES,
                8, DossierAction.STOP, 9, DossierAction.FINISH, 10, DossierAction.RETURN_RESULT);
        expected.forEach((code, action) -> {
            String body = VALID.replace("\"TrangThaiHoSo\": 2", "\"TrangThaiHoSo\": \"" + code + "\"")
                    .replace("\"SoThuTu\": 2", "\"SoTien\": 50000, \"HinhThucTra\": \"post\"");
            DeskUpdate.Parsed parsed = DeskUpdate.parse(body);
            assertTrue(parsed.ok(), code + ": " + parsed.problems());
            assertEquals(action, parsed.update().action());
        });
        DeskUpdate fees = DeskUpdate.parse(VALID.replace("\"TrangThaiHoSo\": 2", "\"TrangThaiHoSo\": 6, \"SoTien\": \"150000\""))
                .update();
        assertEquals(150_000L, fees.amountVnd());
        DeskUpdate returned = DeskUpdate.parse(VALID.replace("\"TrangThaiHoSo\": 2", "\"TrangThaiHoSo\": 10, \"HinhThucTra\": \"POST\""))
                .update();
        assertEquals(ResultDelivery.POST, returned.delivery());
    }

    @Test
    void problemsNameTheCanonicalField() {
        assertEquals("NOT_JSON body", DeskUpdate.parse("{not json").reason());
        assertEquals("NOT_JSON body", DeskUpdate.parse("").reason());
        assertEquals("NOT_OBJECT body", DeskUpdate.parse("[1]").reason());
        assertEquals("MISSING_FIELD deskSequence", DeskUpdate.parse(VALID.replace("\"SoThuTuCapNhat\": 3,", "")).reason());
        assertEquals("INVALID_FIELD deskSequence", DeskUpdate.parse(VALID.replace("\"SoThuTuCapNhat\": 3", "\"SoThuTuCapNhat\": 0")).reason());
        assertEquals("INVALID_FIELD deskSequence", DeskUpdate.parse(VALID.replace("\"SoThuTuCapNhat\": 3", "\"SoThuTuCapNhat\": 1.5")).reason());
        assertEquals("MISSING_FIELD dossierId", DeskUpdate.parse(VALID.replace("\"IdHoSoNguon\": \"d1\",", "")).reason());
        assertEquals("UNKNOWN_STATUS status", DeskUpdate.parse(VALID.replace("\"TrangThaiHoSo\": 2", "\"TrangThaiHoSo\": 7")).reason(),
                "withdrawal is the applicant's");
        assertEquals("UNKNOWN_STATUS status", DeskUpdate.parse(VALID.replace("\"TrangThaiHoSo\": 2", "\"TrangThaiHoSo\": 11")).reason());
        assertEquals("INVALID_FIELD eventAt", DeskUpdate.parse(VALID.replace("20261201093000", "20261301093000")).reason());
        assertEquals("MISSING_FIELD officerName", DeskUpdate.parse(VALID.replace("\"CanBoXuLy\": \"Nguyễn Văn Bình\",", "")).reason());
        assertEquals("MISSING_FIELD comment", DeskUpdate.parse(VALID.replace("\"TrangThaiHoSo\": 2", "\"TrangThaiHoSo\": 3")
                .replace(", \"NoiDung\": \"Đủ giấy tờ\"", "")).reason(), "a refusal says why");
        assertEquals("MISSING_FIELD amount", DeskUpdate.parse(VALID.replace("\"TrangThaiHoSo\": 2", "\"TrangThaiHoSo\": 6")).reason());
        assertEquals("INVALID_FIELD delivery", DeskUpdate.parse(VALID.replace("\"TrangThaiHoSo\": 2",
                "\"TrangThaiHoSo\": 10, \"HinhThucTra\": \"DRONE\"")).reason());
        DeskUpdate.Parsed several = DeskUpdate.parse("{\"MaCapNhat\": 5}");
        assertFalse(several.ok());
        assertTrue(several.problems().containsAll(List.of("INVALID_FIELD updateId", "MISSING_FIELD dossierId",
                "MISSING_FIELD deskSequence", "MISSING_FIELD status")), several.problems().toString());
    }

    @Test
    void aProvinceRenamesFields() {
        String renamed = VALID.replace("SoThuTuCapNhat", "SttCapNhat");
        assertEquals("MISSING_FIELD deskSequence", DeskUpdate.parse(renamed).reason());
        DeskUpdate.Parsed parsed = DeskUpdate.parse(renamed, Map.of("deskSequence", "SttCapNhat", "unknownName", "X"));
        assertTrue(parsed.ok(), parsed.problems().toString());
        assertEquals(3, parsed.update().deskSequence());
    }
}
