package vn.smartprovince.dossiers.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.catalogue.ProcedureCatalogue.FieldCount;
import vn.smartprovince.dossiers.catalogue.ProcedureCatalogue.Page;
import vn.smartprovince.dossiers.catalogue.ProcedureCatalogue.Query;
import vn.smartprovince.dossiers.catalogue.ProcedureViews.Detail;
import vn.smartprovince.dossiers.catalogue.ProcedureViews.Summary;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceSnapshot;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The catalogue's rules on the demo province, without AWS: search, filters, paging, views. */
class ProcedureCatalogueTest {
    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    static final String BIRTH = "1.001193.000.00.00.H56";
    static final String PERMIT = "1.009994.000.00.00.H56";
    static final String ROAD_WORKS = "1.009817.000.00.00.H56";
    static final String COPY = "2.000815.000.00.00.H56";

    final ProcedureCatalogue catalogue = new ProcedureCatalogue(
            () -> new ProvinceSnapshot("DEMO-TNH", 4, "0123456789abcdef0123", "2026-12-06T00:00:00Z", DEMO));

    Page list(String q, String field, String agencyId, String cursor, int limit) {
        return (Page) catalogue.list(new Query(q, field, agencyId, cursor, limit), null).body();
    }

    static List<String> codes(Page page) {
        return page.items().stream().map(Summary::code).toList();
    }

    @Test
    void searchIgnoresDiacriticsCaseAndWordOrder() {
        assertEquals(List.of(BIRTH), codes(list("dang ky khai sinh", null, null, null, 20)));
        assertEquals(List.of(BIRTH), codes(list("  ĐĂNG KÝ   khai SINH ", null, null, null, 20)));
        assertEquals(List.of(BIRTH), codes(list("khai sinh dang ky", null, null, null, 20)));
        assertEquals(List.of(PERMIT), codes(list("giay phep nha o", null, null, null, 20)));
        // The field and the code are searched too.
        assertEquals(List.of(COPY), codes(list("chung thuc", null, null, null, 20)));
        assertEquals(List.of(BIRTH), codes(list("1.001193", null, null, null, 20)));
        assertEquals(List.of(), codes(list("ly hon", null, null, null, 20)), "a word begins a word: 'hon' is not in 'thông'");
        // "Đăng ký" begins two names and one field.
        assertEquals(3, list("dang ky", null, null, null, 20).items().size());
    }

    @Test
    void everythingSortedByNameWithTheFieldsToFilterBy() {
        Page all = list(null, null, null, null, 20);
        assertEquals(6, all.items().size());
        List<String> names = all.items().stream().map(Summary::name).toList();
        assertEquals("Cấp giấy phép thi công công trình trên đường bộ đang khai thác", names.get(0));
        assertEquals("Xác nhận thông tin về cư trú", names.get(5));
        assertNull(all.nextCursor());
        assertEquals(6, all.fields().size());
        assertTrue(all.fields().contains(new FieldCount("Hộ tịch", 1)), all.fields().toString());
        assertEquals("DEMO-TNH", all.provinceCode());
        assertEquals(4, all.configVersion());
    }

    @Test
    void filtersByFieldAndByCompetentAgency() {
        assertEquals(List.of(BIRTH), codes(list(null, "ho tich", null, null, 20)));
        assertEquals(List.of(ROAD_WORKS), codes(list(null, null, "so-xay-dung", null, 20)));
        // A commune's committee is a candidate of every commune-based procedure.
        Page commune = list(null, null, "ubnd-tan-ninh", null, 20);
        assertEquals(4, commune.items().size());
        assertTrue(commune.items().stream().allMatch(s -> s.competence().basis() != Competence.Basis.FIXED));
        // The field counts ignore the field filter, so the other fields stay offered.
        Page oneField = list(null, "Hộ tịch", "ubnd-tan-ninh", null, 20);
        assertEquals(List.of(BIRTH), codes(oneField));
        assertEquals(4, oneField.fields().size());
        ApiException unknown = assertThrows(ApiException.class, () -> list(null, null, "nobody", null, 20));
        assertEquals("agencyId", unknown.details().get(0).field());
    }

    @Test
    void pagesWithACursorThatHoldsTheLastKey() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page page = list(null, null, null, cursor, 4);
            seen.addAll(codes(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(2, pages);
        assertEquals(codes(list(null, null, null, null, 20)), seen);

        String next = list(null, null, null, null, 4).nextCursor();
        assertNotNull(next);
        // Only for the search it was made for; tampered or foreign: 400 naming the cursor.
        for (String bad : List.of(next + "x", "bm90LWEtY3Vyc29y", "%%%")) {
            ApiException e = assertThrows(ApiException.class, () -> list(null, null, null, bad, 4));
            assertEquals(ErrorCode.INVALID_CURSOR, e.code());
            assertEquals("cursor", e.details().get(0).field());
        }
        ApiException foreign = assertThrows(ApiException.class, () -> list("giay phep", null, null, next, 4));
        assertEquals(ErrorCode.INVALID_CURSOR, foreign.code());
    }

    @Test
    void aLongOrControlQueryIsA400NamingIt() {
        ApiException tooLong = assertThrows(ApiException.class, () -> list("a".repeat(101), null, null, null, 20));
        assertEquals("q", tooLong.details().get(0).field());
        ApiException control = assertThrows(ApiException.class, () -> list(null, "Hộ\u0007tịch", null, null, 20));
        assertEquals("field", control.details().get(0).field());
        assertEquals(6, list("   ", null, null, null, 20).items().size(), "a blank q is no filter");
    }

    @Test
    void theDetailHasWhatTheMiniAppRenders() {
        Detail birth = (Detail) catalogue.get(BIRTH, null).body();
        assertEquals("Đăng ký khai sinh", birth.name());
        assertEquals("Miễn phí", birth.fee().text());
        assertEquals(Competence.Basis.SUBJECT_AREA, birth.competence().basis());
        assertEquals("residence", birth.competence().subjectAreaField());
        assertTrue(birth.competence().text().contains("Nơi cư trú của trẻ"), birth.competence().text());
        assertEquals(List.of("image/jpeg", "image/png", "application/pdf"), birth.documents().get(0).acceptedTypes());
        assertEquals("Số căn cước công dân: 12 chữ số",
                birth.form().stream().filter(f -> f.key().equals("motherId")).findFirst().orElseThrow().rulesText());
        assertEquals("Không sau ngày hôm nay",
                birth.form().stream().filter(f -> f.key().equals("dateOfBirth")).findFirst().orElseThrow().rulesText());

        Detail permit = (Detail) catalogue.get(PERMIT, null).body();
        assertEquals("75.000 đồng", permit.fee().amountText());
        assertEquals("15 ngày làm việc", permit.processingTimeText());
        assertEquals("Số nguyên từ 1 đến 5.000",
                permit.form().stream().filter(f -> f.key().equals("floorArea")).findFirst().orElseThrow().rulesText());

        Detail copy = (Detail) catalogue.get(COPY, null).body();
        assertEquals("Từ 1.000 đến 200.000 đồng", copy.fee().text());
        assertEquals("2.000 đồng", copy.fee().rows().get(0).amountText());
        assertEquals("Trong ngày làm việc", copy.processingTimeText());

        Detail road = (Detail) catalogue.get(ROAD_WORKS, null).body();
        assertEquals("Sở Xây dựng", road.competence().agency().name());
        assertEquals("Sở Xây dựng giải quyết", road.competence().text());

        ApiException missing = assertThrows(ApiException.class, () -> catalogue.get("9.999999.000.00.00.H56", null));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
    }

    @Test
    void theTagComesFromTheConfigurationAndAnswersNotModified() {
        ProcedureCatalogue.Answer first = catalogue.get(BIRTH, null);
        assertEquals("\"v4-0123456789abcdef-r1\"", first.etag());
        assertTrue(catalogue.get(BIRTH, first.etag()).notModified());
        assertTrue(catalogue.list(new Query(null, null, null, null, 20), "W/" + first.etag()).notModified());
        assertTrue(!catalogue.get(BIRTH, "\"v3-0123456789abcdef-r1\"").notModified());
    }
}
