package vn.smartprovince.dossiers.core;

import static vn.smartprovince.dossiers.core.DeskUpdateFields.AMOUNT;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.COMMENT;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.DELIVERY;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.DESK_SEQUENCE;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.DOSSIER_ID;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.EVENT_AT;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.ITEMS;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.KNOWN_SEQUENCE;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.OFFICER_NAME;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.STATUS;
import static vn.smartprovince.dossiers.core.DeskUpdateFields.UPDATE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ResultDelivery;

/**
 * A change an officer made at the desk of the province's one-stop system, as that system pushes it
 * to {@code POST /v1/one-stop/updates} (the wire format: functions/dossiers/README.md, "One-stop
 * sync"). Field names are canonical here; on the wire they are the national defaults of
 * {@link DeskUpdateFields} or the province's renames.
 *
 * @param updateId      the one-stop's id of the update (unique per update)
 * @param dossierId     our dossier id ({@code IdHoSoNguon})
 * @param deskSequence  the one-stop's own sequence of desk updates for this dossier: 1, 2, 3… no gaps
 * @param knownSequence the last of our event sequences the one-stop had applied when it made it (null if not sent)
 * @param status        the status the desk moved it to
 * @param action        the officer action that leads there ({@link #actionFor})
 * @param eventAt       when the desk made it
 * @param officerName   who made it at the desk
 * @param comment       the reason or message (required for 3, 5, 8); null when none
 * @param amountVnd     the fees asked (status 6); null otherwise
 * @param items         what is missing (status 5); empty when not sent
 * @param delivery      how the result is returned (status 10); null for the applicant's choice
 */
public record DeskUpdate(String updateId, String dossierId, int deskSequence, Integer knownSequence,
                         DossierStatus status, DossierAction action, Instant eventAt, String officerName,
                         String comment, Long amountVnd, List<String> items, ResultDelivery delivery) {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    static final int MAX_ID = 200;

    public DeskUpdate {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The actor id of its timeline entry: {@code one-stop:<officer name>}. */
    public String actorId() {
        return "one-stop:" + officerName;
    }

    /** The officer action a desk update's target status stands for; empty for a status the desk cannot set. */
    public static Optional<DossierAction> actionFor(DossierStatus status) {
        return Optional.ofNullable(switch (status) {
            case RECEIVED -> DossierAction.RECEIVE;
            case NOT_RECEIVED -> DossierAction.REFUSE;
            case PROCESSING -> DossierAction.START;
            case SUPPLEMENT_REQUESTED -> DossierAction.REQUEST_SUPPLEMENT;
            case FEES_REQUESTED -> DossierAction.REQUEST_FEES;
            case STOPPED -> DossierAction.STOP;
            case FINISHED -> DossierAction.FINISH;
            case RETURNED -> DossierAction.RETURN_RESULT;
            default -> null;
        });
    }

    /**
     * What a raw body reads as: the update, or the problems that keep it from being applied (each
     * {@code CODE canonicalName}, e.g. {@code MISSING_FIELD deskSequence}); {@link #reason} is the first.
     */
    public record Parsed(DeskUpdate update, List<String> problems) {
        public boolean ok() {
            return update != null;
        }

        /** The first problem: what the dead-letter message's {@code reason} says. */
        public String reason() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    /** Parses with the national default field names. */
    public static Parsed parse(String raw) {
        return parse(raw, Map.of());
    }

    /**
     * Reads {@code raw} (a JSON object) with the field names of {@link DeskUpdateFields#names}
     * ({@code renames} from the province's {@code oneStop.fieldNames}). Pure: no I/O.
     */
    public static Parsed parse(String raw, Map<String, String> renames) {
        JsonNode json;
        try {
            json = raw == null || raw.isBlank() ? null : Json.read(raw);
        } catch (RuntimeException e) {
            return failed("NOT_JSON body");
        }
        if (json == null) {
            return failed("NOT_JSON body");
        }
        if (!json.isObject()) {
            return failed("NOT_OBJECT body");
        }
        Reader in = new Reader(json, DeskUpdateFields.names(renames));
        String updateId = in.id(UPDATE_ID);
        String dossierId = in.id(DOSSIER_ID);
        Long deskSequence = in.integer(DESK_SEQUENCE, true, 1);
        Long known = in.integer(KNOWN_SEQUENCE, false, 0);
        DossierStatus status = null;
        DossierAction action = null;
        Long code = in.integer(STATUS, true, 0);
        if (code != null) {
            status = code < 1 || code > 10 ? null : DossierStatus.ofCode((int) (long) code);
            action = status == null ? null : actionFor(status).orElse(null);
            if (action == null) {
                in.problems.add("UNKNOWN_STATUS " + STATUS);
            }
        }
        Instant eventAt = in.time(EVENT_AT);
        String officer = in.text(OFFICER_NAME, true);
        boolean needsComment = status == DossierStatus.NOT_RECEIVED || status == DossierStatus.SUPPLEMENT_REQUESTED
                || status == DossierStatus.STOPPED;
        String comment = in.text(COMMENT, needsComment);
        Long amount = in.integer(AMOUNT, status == DossierStatus.FEES_REQUESTED, 1);
        List<String> items = in.texts(ITEMS);
        ResultDelivery delivery = in.delivery(DELIVERY);
        if (!in.problems.isEmpty()) {
            return new Parsed(null, List.copyOf(in.problems));
        }
        return new Parsed(new DeskUpdate(updateId, dossierId, (int) (long) deskSequence,
                known == null ? null : (int) (long) known, status, action, eventAt, officer, comment,
                status == DossierStatus.FEES_REQUESTED ? amount : null, items, delivery), List.of());
    }

    private static Parsed failed(String problem) {
        return new Parsed(null, List.of(problem));
    }

    /** Reads fields by canonical name, collecting problems. */
    private static final class Reader {
        final JsonNode json;
        final Map<String, String> names;
        final List<String> problems = new ArrayList<>();

        Reader(JsonNode json, Map<String, String> names) {
            this.json = json;
            this.names = names;
        }

        JsonNode node(String canonical) {
            JsonNode node = json.get(names.get(canonical));
            return node == null || node.isNull() ? null : node;
        }

        String id(String canonical) {
            String value = text(canonical, true);
            if (value != null && value.length() > MAX_ID) {
                problems.add("INVALID_FIELD " + canonical);
                return null;
            }
            return value;
        }

        String text(String canonical, boolean required) {
            JsonNode node = node(canonical);
            if (node == null || (node.isTextual() && node.textValue().isBlank())) {
                if (required) {
                    problems.add("MISSING_FIELD " + canonical);
                }
                return null;
            }
            if (!node.isTextual()) {
                problems.add("INVALID_FIELD " + canonical);
                return null;
            }
            return node.textValue().strip();
        }

        /** A whole number, also as a string of digits (some systems quote numbers), at least {@code min}. */
        Long integer(String canonical, boolean required, long min) {
            JsonNode node = node(canonical);
            if (node == null) {
                if (required) {
                    problems.add("MISSING_FIELD " + canonical);
                }
                return null;
            }
            Long value = null;
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                value = node.longValue();
            } else if (node.isTextual() && node.textValue().strip().matches("[0-9]{1,15}")) {
                value = Long.parseLong(node.textValue().strip());
            }
            if (value == null || value < min || value > Integer.MAX_VALUE && !AMOUNT.equals(canonical)) {
                problems.add("INVALID_FIELD " + canonical);
                return null;
            }
            return value;
        }

        Instant time(String canonical) {
            String text = text(canonical, true);
            if (text == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(text, WIRE_TIME).atZone(VIETNAM).toInstant();
            } catch (DateTimeParseException e) {
                problems.add("INVALID_FIELD " + canonical);
                return null;
            }
        }

        List<String> texts(String canonical) {
            JsonNode node = node(canonical);
            if (node == null) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            if (!node.isArray()) {
                problems.add("INVALID_FIELD " + canonical);
                return values;
            }
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    problems.add("INVALID_FIELD " + canonical);
                    return List.of();
                }
                if (!item.textValue().isBlank()) {
                    values.add(item.textValue().strip());
                }
            }
            return values;
        }

        ResultDelivery delivery(String canonical) {
            String text = text(canonical, false);
            if (text == null) {
                return null;
            }
            for (ResultDelivery value : ResultDelivery.values()) {
                if (value.name().equalsIgnoreCase(text)) {
                    return value;
                }
            }
            problems.add("INVALID_FIELD " + canonical);
            return null;
        }
    }
}
