package vn.smartprovince.province.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.province.core.StatCounters.StatKey;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The public statistics over an in-memory set of counter items and the demo province. */
class PublicStatsTest {
    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    /** Friday 1 January 2027, 00:30 in Vietnam: ISO week 2026-W53, month 2027-01. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-31T17:30:00Z"), ZoneOffset.UTC);

    final Map<StatKey, Map<String, Long>> items = new HashMap<>();
    final StatCounters counters = keys -> {
        Map<StatKey, Map<String, Long>> found = new HashMap<>();
        keys.forEach(key -> {
            if (items.containsKey(key)) {
                found.put(key, items.get(key));
            }
        });
        return found;
    };
    final PublicStats stats = new PublicStats(counters, () -> DEMO, CLOCK);

    @Test
    void aCommuneWeekSeriesHoldsReportsAndDossiersOfItsWeeks() {
        items.put(new StatKey("STATS#AREA#DEMO-P01", "WEEK#2026-W53"),
                Map.of("received", 4L, "answered", 2L, "answeredOnTime", 1L, "ratings", 2L, "ratingStars", 9L));
        items.put(new StatKey("STATS#DOSSIER_COMMUNE#DEMO-P01", "WEEK#2026-W53"),
                Map.of("submitted", 3L, "finishedOnTime", 2L, "finishedLate", 1L));
        items.put(new StatKey("STATS#AREA#DEMO-P01", "TOTAL"), Map.of("received", 40L));

        PublicStats.Series series = (PublicStats.Series) stats.read(new PublicStats.Query("COMMUNE", "DEMO-P01", "WEEK", null));
        assertEquals("Phường Tân Ninh", series.name());
        assertEquals(53, series.points().size());
        StatFigures.Point last = series.points().get(52);
        assertEquals("2026-W53", last.period());
        assertEquals(4, last.reports().received());
        assertEquals(0.5, last.reports().onTimeRate());
        assertEquals(4.5, last.reports().satisfaction());
        assertEquals(3, last.dossiers().submitted());
        assertEquals(0.67, last.dossiers().onTimeRate());
        assertEquals("2026-W01", series.points().get(0).period());
        assertEquals(0, series.points().get(0).reports().received());
        assertNull(series.points().get(0).reports().satisfaction());
        assertEquals(40, series.total().reports().received());
    }

    @Test
    void aCategoryHasNoDossiersAndAProcedureNoReports() {
        PublicStats.Series category = (PublicStats.Series) stats.read(new PublicStats.Query("CATEGORY", "FLOODING", null, null));
        assertEquals(12, category.points().size());
        assertEquals("2027-01", category.points().get(11).period());
        assertNotNull(category.points().get(0).reports());
        assertNull(category.points().get(0).dossiers());
        String procedure = DEMO.procedures().get(0).code();
        PublicStats.Series byProcedure = (PublicStats.Series) stats.read(new PublicStats.Query("PROCEDURE", procedure, "MONTH", null));
        assertNull(byProcedure.points().get(0).reports());
    }

    @Test
    void withoutKeyADimensionIsSummarisedForAMonth() {
        items.put(new StatKey("STATS#AGENCY#so-xay-dung", "MONTH#2026-12"), Map.of("received", 5L));
        PublicStats.Summary summary = (PublicStats.Summary) stats.read(new PublicStats.Query("AGENCY", null, null, "2026-12"));
        assertEquals(DEMO.agencies().size(), summary.items().size());
        PublicStats.SummaryItem item = summary.items().stream().filter(i -> i.key().equals("so-xay-dung")).findFirst().orElseThrow();
        assertEquals("Sở Xây dựng", item.name());
        assertEquals(5, item.reports().received());
    }

    @Test
    void theProvinceIsTheDefault() {
        items.put(new StatKey("STATS#PROVINCE#ALL", "MONTH#2027-01"), Map.of("received", 7L));
        PublicStats.Series series = (PublicStats.Series) stats.read(new PublicStats.Query(null, null, null, null));
        assertEquals("PROVINCE", series.dimension());
        assertNull(series.key());
        assertEquals(7, series.points().get(11).reports().received());
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        assertField("dimension", new PublicStats.Query("DISTRICT", "x", null, null));
        assertField("key", new PublicStats.Query("AGENCY", "no-such-agency", null, null));
        assertField("key", new PublicStats.Query("AGENCY", "<script>", null, null));
        assertField("key", new PublicStats.Query("PROVINCE", "ALL", null, null));
        assertField("period", new PublicStats.Query("AGENCY", "so-xay-dung", "YEAR", null));
        assertField("month", new PublicStats.Query("AGENCY", "so-xay-dung", null, "2026-12"));
        assertField("month", new PublicStats.Query("AGENCY", null, null, "2026-13"));
        assertField("month", new PublicStats.Query("AGENCY", null, null, "2025-12"));
        assertField("month", new PublicStats.Query("AGENCY", null, null, "2027-02"));
        assertField("period", new PublicStats.Query("AGENCY", null, "WEEK", null));
    }

    @Test
    void theSameFiguresKeepTheirEntityTag() {
        PublicStats.Answer first = stats.answer(new PublicStats.Query(null, null, null, null), null);
        PublicStats.Answer again = stats.answer(new PublicStats.Query(null, null, null, null), first.etag());
        assertNull(again.body());
        assertEquals(first.etag(), again.etag());
        items.put(new StatKey("STATS#PROVINCE#ALL", "TOTAL"), Map.of("received", 1L));
        PublicStats.Answer moved = stats.answer(new PublicStats.Query(null, null, null, null), first.etag());
        assertNotNull(moved.body());
    }

    private void assertField(String field, PublicStats.Query query) {
        ApiException e = assertThrows(ApiException.class, () -> stats.read(query));
        assertEquals(400, e.code().status(), e.getMessage());
        assertEquals(List.of(field), e.details().stream().map(d -> d.field()).toList());
    }
}
