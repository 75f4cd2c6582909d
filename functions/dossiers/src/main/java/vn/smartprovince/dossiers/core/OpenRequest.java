package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is asked of the applicant now ("việc tôi cần làm"), while the dossier waits for them.
 *
 * @param kind         a supplement (form 02) or fees
 * @param items        {@code SUPPLEMENT}: what is missing or wrong, one line each (document keys
 *                     where it is a document, free text otherwise)
 * @param documentKeys {@code SUPPLEMENT}: the procedure documents to send again (may be empty)
 * @param amountVnd    {@code FEES}: the amount (else null)
 * @param message      the officer's explanation: how to supplement, or how to pay
 */
public record OpenRequest(Kind kind, List<String> items, List<String> documentKeys, Long amountVnd, String message,
                          Instant requestedAt, String requestedBy) {
    public enum Kind { SUPPLEMENT, FEES }

    /** Timeline detail of a supplement request: what was asked, one line each. */
    public static final String ITEMS = "items";
    /** Timeline detail of a supplement request: the documents to send again, one key a line. */
    public static final String DOCUMENT_KEYS = "documentKeys";

    public OpenRequest {
        items = items == null ? List.of() : List.copyOf(items);
        documentKeys = documentKeys == null ? List.of() : List.copyOf(documentKeys);
    }

    /**
     * What the REQUEST_SUPPLEMENT timeline entry records of this request ({@link #ITEMS},
     * {@link #DOCUMENT_KEYS}, one per line; items are single-line texts), so that form 02 can be
     * issued again after the request was answered and is gone from the dossier.
     */
    public Map<String, String> askedDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ITEMS, String.join("\n", items));
        if (!documentKeys.isEmpty()) {
            details.put(DOCUMENT_KEYS, String.join("\n", documentKeys));
        }
        return details;
    }

    /** The supplement request a REQUEST_SUPPLEMENT entry recorded ({@link #askedDetails}); its message is the entry's comment. */
    public static OpenRequest askedIn(TimelineEntry entry) {
        return new OpenRequest(Kind.SUPPLEMENT, lines(entry.details().get(ITEMS)),
                lines(entry.details().get(DOCUMENT_KEYS)), null, entry.publicComment(), entry.at(), entry.actorId());
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
