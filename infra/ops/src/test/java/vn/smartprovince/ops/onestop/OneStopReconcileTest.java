package vn.smartprovince.ops.onestop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.ops.onestop.OneStopReconcile.Difference;
import vn.smartprovince.ops.onestop.OneStopReconcile.Kind;
import vn.smartprovince.ops.onestop.OneStopReconcile.Ours;
import vn.smartprovince.ops.onestop.OneStopReconcile.Parked;
import vn.smartprovince.ops.onestop.OneStopReconcile.Theirs;

class OneStopReconcileTest {
    static final Ours RECEIVED = new Ours("d1", "H56.1-260301-0001", 2, "000.00.00.H56", LocalDate.of(2026, 3, 10), 2, 1);

    static Theirs same() {
        return new Theirs("d1", "H56.1-260301-0001", 2, "000.00.00.H56", "20260310170000", 2, 1, 0);
    }

    @Test
    void convergedSidesHaveNoDifference() {
        assertTrue(OneStopReconcile.compare(List.of(RECEIVED), Map.of("d1", same()), true, List.of()).isEmpty());
        Ours submitted = new Ours("d2", null, 1, "000.00.00.H56", null, 1, 0);
        Theirs copy = new Theirs("d2", null, 1, "000.00.00.H56", null, 1, 0, 0);
        assertTrue(OneStopReconcile.compare(List.of(submitted), Map.of("d2", copy), true, List.of()).isEmpty());
    }

    @Test
    void namesEachFieldThatDiffers() {
        Theirs off = new Theirs("d1", "OTHER", 4, "000.00.01.H56", "20260311170000", 1, 2, 0);
        List<Difference> differences = OneStopReconcile.compare(List.of(RECEIVED), Map.of("d1", off), true, List.of());
        assertEquals(List.of(Kind.STATUS, Kind.CODE, Kind.AGENCY, Kind.DUE_DATE, Kind.SEQUENCE, Kind.DESK_SEQUENCE),
                differences.stream().map(Difference::kind).toList());
        Difference status = differences.get(0);
        assertEquals("2", status.ours());
        assertEquals("4", status.theirs());
    }

    @Test
    void copiesOnOneSideOnlyParkedUpdatesAndHeldEventsAreDifferences() {
        Theirs stray = new Theirs("d9", null, 1, null, null, 1, 0, 0);
        Theirs holding = new Theirs("d1", "H56.1-260301-0001", 2, "000.00.00.H56", "20260310170000", 2, 1, 1);
        Ours missing = new Ours("d5", null, 1, null, null, 1, 0);
        List<Difference> differences = OneStopReconcile.compare(List.of(RECEIVED, missing),
                Map.of("d1", holding, "d9", stray), true, List.of(new Parked("d1", 3)));
        assertEquals(List.of("d1 PARKED_UPDATE", "d1 BUFFERED_THERE", "d5 MISSING_THERE", "d9 ONLY_THERE"),
                differences.stream().map(d -> d.dossierId() + " " + d.kind()).toList());
    }

    @Test
    void copiesOnlyThereAreNotClaimedWhenTheirSideCouldNotBeListed() {
        Theirs stray = new Theirs("d9", null, 1, null, null, 1, 0, 0);
        assertTrue(OneStopReconcile.compare(List.of(RECEIVED), Map.of("d1", same(), "d9", stray), false, List.of())
                .isEmpty());
    }

    @Test
    void theDueDateIsComparedAsTheWireCarriesItAt1700() {
        assertEquals("20260310170000", RECEIVED.dueAt());
    }
}
