package vn.smartprovince.province.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV for Excel: BOM, quoting, formula guard. */
class StatsCsvTest {

    @Test
    void startsWithTheByteOrderMarkAndQuotesWhatNeedsIt() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("received", 3L);
        String csv = StatsCsv.write(List.of(new StatsCsv.Row("public", "COMMUNE", "P1", "Phường \"Tân\", Ninh", "2026-12", values),
                new StatsCsv.Row("public", "CATEGORY", "X", "=HYPERLINK(1)", "TOTAL", Map.of())));
        assertTrue(csv.startsWith("\uFEFFsection,dimension,key,name,period,received,"));
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("public,COMMUNE,P1,\"Phường \"\"Tân\"\", Ninh\",2026-12,3,"), lines[1]);
        assertTrue(lines[2].startsWith("public,CATEGORY,X,'=HYPERLINK(1),TOTAL,,"), lines[2]);
        assertEquals(StatsCsv.FIXED.size() + StatsCsv.METRICS.size() - 1, lines[2].chars().filter(c -> c == ',').count());
    }

    @Test
    void negativeNumbersAreNotMistakenForFormulas() {
        assertEquals("-3", StatsCsv.cell("-3"));
        assertEquals("'-x", StatsCsv.cell("-x"));
    }
}
