package vn.smartprovince.dossiers.officer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.InternalNote;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.idempotency.Idempotency;

/**
 * Officers' internal notes on a dossier ({@code NOTE#<at>#<noteId>} items, oldest first): not a
 * transition (no version, no timeline entry), never in anything the applicant or the public reads.
 * Officers of the current agency or of an earlier one in the chain, and province admins, read and
 * write them ({@link OfficerAccess#toKeepNotes}); the applicant gets 403, anyone else 404.
 */
public final class DossierNotes {
    public static final int MAX_TEXT = 2_000;

    private final DossierStore store;
    private final Clock clock;
    private final OfficerAccess access;

    public DossierNotes(DossierStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.access = new OfficerAccess(store);
    }

    /** Writes a note {@code {"text": …}} (at most {@value #MAX_TEXT} characters); the body is read once the caller's right is known. */
    public OfficerViews.Note add(Caller caller, String dossierId, Supplier<JsonNode> body) {
        Dossier dossier = access.toKeepNotes(caller, dossierId);
        JsonNode json = body.get();
        BodyFields fields = new BodyFields();
        fields.onlyFields(json, Set.of("text"));
        String text = fields.text(json, "text", "text", true, MAX_TEXT, true);
        fields.done();
        Instant at = clock.instant();
        InternalNote note = new InternalNote(dossier.id(), Idempotency.randomId("n"), at, caller.userId(),
                caller.agencyId(), text);
        store.addNote(note);
        return OfficerViews.Note.of(note);
    }

    /** The notes, oldest first. */
    public List<OfficerViews.Note> list(Caller caller, String dossierId) {
        Dossier dossier = access.toKeepNotes(caller, dossierId);
        return store.notes(dossier.id()).stream().map(OfficerViews.Note::of).toList();
    }
}
