package vn.smartprovince.dossiers.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.Procedure;

/**
 * The files a request cites for a procedure's documents ({@code documents: [{documentKey, fileKey}]},
 * at submission and in a supplement): parsed with every problem named ({@code documents[i].documentKey}
 * {@code UNKNOWN_DOCUMENT}, {@code documents[i].fileKey} {@code DUPLICATE}), then verified as the
 * caller's uploads, checked against the document's accepted types ({@code WRONG_TYPE}) and copied
 * under the dossier.
 */
public final class DocumentCitations {
    private DocumentCitations() {
    }

    /** One cited file; {@code index} is its place in the request's array. */
    public record Cited(int index, String documentKey, String fileKey) {
    }

    public static List<Cited> parse(JsonNode node, Procedure procedure, int maxItems, BodyFields problems) {
        List<Cited> cited = new ArrayList<>();
        if (node == null || node.isNull()) {
            return cited;
        }
        if (!node.isArray()) {
            problems.error("documents", "INVALID_TYPE", "Phải là một danh sách.", "Must be an array.");
            return cited;
        }
        if (node.size() > maxItems) {
            problems.error("documents", "TOO_MANY_FILES", "Tối đa " + maxItems + " tệp.", "At most " + maxItems + " files.");
            return cited;
        }
        Set<String> fileKeys = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "documents[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                problems.error(field, "INVALID_TYPE", "Phải là {documentKey, fileKey}.", "Must be {documentKey, fileKey}.");
                continue;
            }
            problems.onlyFields(item, field + ".", Set.of("documentKey", "fileKey"));
            String documentKey = problems.text(item, "documentKey", field + ".documentKey", true, 100, false);
            String fileKey = problems.text(item, "fileKey", field + ".fileKey", true, 300, false);
            if (documentKey != null && (procedure == null || procedure.document(documentKey).isEmpty())) {
                problems.error(field + ".documentKey", "UNKNOWN_DOCUMENT", "Thủ tục không có thành phần hồ sơ này.",
                        "The procedure has no such document.");
                continue;
            }
            if (fileKey != null && !fileKeys.add(fileKey)) {
                problems.error(field + ".fileKey", "DUPLICATE", "Tệp này đã được đính kèm.", "This file is cited twice.");
                continue;
            }
            if (documentKey != null && fileKey != null) {
                cited.add(new Cited(i, documentKey, fileKey));
            }
        }
        return cited;
    }

    /** How many of {@code cited} are for {@code documentKey}. */
    public static long count(List<Cited> cited, String documentKey) {
        return cited.stream().filter(c -> c.documentKey().equals(documentKey)).count();
    }

    /**
     * Verifies the uploads ({@code ownerId}'s, there, of an accepted type) and copies them under the
     * dossier: the documents to attach, in order.
     */
    public static List<AttachedDocument> attach(DocumentStore documents, String ownerId, String dossierId,
                                                Procedure procedure, List<Cited> cited, Instant at, boolean supplement) {
        if (cited.isEmpty()) {
            return List.of();
        }
        List<DocumentStore.Uploaded> uploaded = documents.verify(ownerId, cited.stream().map(Cited::fileKey).toList(),
                "documents");
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            DocumentRequirement requirement = procedure.document(cited.get(i).documentKey()).orElseThrow();
            if (!requirement.acceptedTypes().contains(uploaded.get(i).type())) {
                problems.add(new FieldError("documents[" + cited.get(i).index() + "].fileKey", "WRONG_TYPE",
                        requirement.name() + " chỉ nhận " + requirement.acceptedTypes() + ".",
                        requirement.name() + " accepts only " + requirement.acceptedTypes() + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<String> keys = documents.attach(dossierId, uploaded);
        List<AttachedDocument> attached = new ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            attached.add(new AttachedDocument(cited.get(i).documentKey(), keys.get(i), uploaded.get(i).type(),
                    uploaded.get(i).bytes(), at, supplement));
        }
        return attached;
    }
}
