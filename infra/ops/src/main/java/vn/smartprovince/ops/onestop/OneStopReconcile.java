package vn.smartprovince.ops.onestop;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the mini app's dossiers with the one-stop system's copies and lists every difference.
 * Pure: {@link OneStopSides} reads both sides. In a quiet, converged sync there is none:
 * <ul>
 * <li>each of our dossiers has a copy there ({@code MISSING_THERE} otherwise), and each copy there a
 *     dossier here ({@code ONLY_THERE}, when their side can be listed);</li>
 * <li>the copy has our status (national code), code, agency unit code and due date (yyyyMMdd170000);</li>
 * <li>the copy applied our last event ({@code SEQUENCE}: their lastSequence = our version);</li>
 * <li>we applied (or refused) every desk update they made ({@code DESK_SEQUENCE}: our deskSequence =
 *     theirs), and none waits parked for a missing one ({@code PARKED_UPDATE}: a DESK# item);</li>
 * <li>their copy holds no event of ours waiting for an earlier one ({@code BUFFERED_THERE}).</li>
 * </ul>
 */
public final class OneStopReconcile {
    static final DateTimeFormatter WIRE_DUE = DateTimeFormatter.ofPattern("yyyyMMdd'170000'");

    /** Our dossier, as it bears on the sync. {@code dueDate} null before receipt. */
    public record Ours(String dossierId, String code, int status, String agencyCode, LocalDate dueDate, int version,
                       int deskSequence) {
        /** The due date as the wire carries it: that day at 17:00:00. */
        String dueAt() {
            return dueDate == null ? null : WIRE_DUE.format(dueDate);
        }
    }

    /** Their copy. */
    public record Theirs(String dossierId, String code, Integer status, String agencyCode, String dueAt,
                         int lastSequence, int deskSequence, int buffered) {
    }

    /** A desk update waiting on our side for an earlier one ({@code pk DOSSIER#id, sk DESK#k}). */
    public record Parked(String dossierId, int deskSequence) {
    }

    /** One difference: what it is about and each side's value ({@code null}: none). */
    public record Difference(String dossierId, Kind kind, String ours, String theirs) {
        @Override
        public String toString() {
            return dossierId + "  " + kind + "  ours=" + ours + "  theirs=" + theirs;
        }
    }

    public enum Kind {
        MISSING_THERE, ONLY_THERE, STATUS, CODE, AGENCY, DUE_DATE, SEQUENCE, DESK_SEQUENCE, PARKED_UPDATE,
        BUFFERED_THERE
    }

    private OneStopReconcile() {
    }

    /**
     * Every difference, ordered by dossier id then kind.
     *
     * @param theirs      their copies by dossier id (those found)
     * @param theirsListed whether {@code theirs} is all they hold (a listing), so that copies we do
     *                    not have can be reported; false when each was read by our ids
     */
    public static List<Difference> compare(Collection<Ours> ours, Map<String, Theirs> theirs, boolean theirsListed,
                                           Collection<Parked> parked) {
        List<Difference> differences = new ArrayList<>();
        Map<String, Ours> byId = new LinkedHashMap<>();
        ours.forEach(o -> byId.put(o.dossierId(), o));
        for (Ours o : ours) {
            Theirs t = theirs.get(o.dossierId());
            if (t == null) {
                differences.add(new Difference(o.dossierId(), Kind.MISSING_THERE, "version " + o.version(), null));
                continue;
            }
            check(differences, o.dossierId(), Kind.STATUS, Integer.toString(o.status()),
                    t.status() == null ? null : t.status().toString());
            check(differences, o.dossierId(), Kind.CODE, o.code(), t.code());
            check(differences, o.dossierId(), Kind.AGENCY, o.agencyCode(), t.agencyCode());
            check(differences, o.dossierId(), Kind.DUE_DATE, o.dueAt(), t.dueAt());
            check(differences, o.dossierId(), Kind.SEQUENCE, Integer.toString(o.version()),
                    Integer.toString(t.lastSequence()));
            check(differences, o.dossierId(), Kind.DESK_SEQUENCE, Integer.toString(o.deskSequence()),
                    Integer.toString(t.deskSequence()));
            if (t.buffered() > 0) {
                differences.add(new Difference(o.dossierId(), Kind.BUFFERED_THERE, null, t.buffered() + " event(s)"));
            }
        }
        if (theirsListed) {
            Set<String> only = new TreeSet<>(theirs.keySet());
            only.removeAll(byId.keySet());
            for (String id : only) {
                differences.add(new Difference(id, Kind.ONLY_THERE, null, "lastSequence " + theirs.get(id).lastSequence()));
            }
        }
        for (Parked p : parked) {
            differences.add(new Difference(p.dossierId(), Kind.PARKED_UPDATE, "DESK#" + p.deskSequence() + " parked",
                    null));
        }
        differences.sort(Comparator.comparing(Difference::dossierId).thenComparing(Difference::kind));
        return differences;
    }

    private static void check(List<Difference> into, String id, Kind kind, String ours, String theirs) {
        if (!Objects.equals(ours, theirs)) {
            into.add(new Difference(id, kind, ours, theirs));
        }
    }
}
