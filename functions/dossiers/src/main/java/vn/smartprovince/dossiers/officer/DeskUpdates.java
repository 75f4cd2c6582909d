package vn.smartprovince.dossiers.officer;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.DeskUpdate;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.ParkedDeskUpdates;

/**
 * The desk updates of the one-stop system, once and in order per dossier (the consumer of
 * {@code OneStopInboundQueue}). For update k of a dossier whose {@code deskSequence} is d:
 * <ul>
 *   <li>k &lt;= d: a duplicate (a second delivery), nothing written;</li>
 *   <li>k == d + 1: applied ({@link OfficerActions#applyDesk}: the conflict rule, exactly once by the
 *       dossier's version condition), then any parked k + 1, k + 2… in turn;</li>
 *   <li>k &gt; d + 1: parked ({@code DESK#<k>}), then the dossier is read again and drained, since
 *       the gap may have been filled while it was parked (the other consumer then missed it).</li>
 * </ul>
 * A body that cannot be read (not JSON, a missing or invalid field, an unknown status) or names no
 * dossier of ours is a dead letter with its reason: never retried, never blocking the others.
 */
public final class DeskUpdates {
    /** What became of one message. */
    public enum Outcome { APPLIED, REFUSED, DUPLICATE, PARKED, DEAD_LETTER }

    /** The outcome; {@code reason} for a dead letter (e.g. {@code MISSING_FIELD deskSequence}). */
    public record Result(Outcome outcome, String reason, String dossierId) {
    }

    private final DossierStore store;
    private final ParkedDeskUpdates parked;
    private final OfficerActions actions;
    private final Supplier<Map<String, String>> fieldNames;
    private final Clock clock;

    /**
     * @param fieldNames the province's renames of the one-stop field names (its {@code oneStop.fieldNames})
     */
    public DeskUpdates(DossierStore store, ParkedDeskUpdates parked, OfficerActions actions,
                       Supplier<Map<String, String>> fieldNames, Clock clock) {
        this.store = store;
        this.parked = parked;
        this.actions = actions;
        this.fieldNames = fieldNames;
        this.clock = clock;
    }

    public Result process(String rawBody) {
        DeskUpdate.Parsed parsed = DeskUpdate.parse(rawBody, fieldNames.get());
        if (!parsed.ok()) {
            return new Result(Outcome.DEAD_LETTER, parsed.reason(), null);
        }
        DeskUpdate update = parsed.update();
        String id = update.dossierId();
        Optional<Dossier> dossier = store.find(id);
        if (dossier.isEmpty()) {
            return new Result(Outcome.DEAD_LETTER, "UNKNOWN_DOSSIER dossierId", id);
        }
        int applied = dossier.get().deskSequence();
        int k = update.deskSequence();
        Outcome outcome;
        if (k <= applied) {
            outcome = Outcome.DUPLICATE;
        } else if (k == applied + 1) {
            outcome = apply(update);
            parked.remove(id, k);       // a copy parked by an earlier, early delivery of the same update
        } else {
            parked.park(id, k, rawBody, clock.instant());
            outcome = Outcome.PARKED;
        }
        drain(id);
        return new Result(outcome, null, id);
    }

    private Outcome apply(DeskUpdate update) {
        return switch (actions.applyDesk(update)) {
            case APPLIED -> Outcome.APPLIED;
            case REFUSED -> Outcome.REFUSED;
            case DUPLICATE -> Outcome.DUPLICATE;
        };
    }

    /** Applies the parked updates that are now next, in order, deleting each once applied. */
    void drain(String dossierId) {
        while (true) {
            int next = store.find(dossierId).map(Dossier::deskSequence).orElse(0) + 1;
            Optional<String> raw = parked.parked(dossierId, next);
            if (raw.isEmpty()) {
                return;
            }
            DeskUpdate.Parsed parsed = DeskUpdate.parse(raw.get(), fieldNames.get());
            if (parsed.ok() && parsed.update().deskSequence() == next) {
                apply(parsed.update());
            }
            parked.remove(dossierId, next);
            if (!parsed.ok() || parsed.update().deskSequence() != next) {
                return;     // cannot happen (only readable updates are parked, under their own k): do not spin
            }
        }
    }
}
