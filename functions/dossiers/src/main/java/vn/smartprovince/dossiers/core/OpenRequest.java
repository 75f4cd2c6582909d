package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.util.List;

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

    public OpenRequest {
        items = items == null ? List.of() : List.copyOf(items);
        documentKeys = documentKeys == null ? List.of() : List.copyOf(documentKeys);
    }
}
