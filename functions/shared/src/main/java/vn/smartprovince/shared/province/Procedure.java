package vn.smartprovince.shared.province;

import java.util.List;
import java.util.Optional;

/**
 * A public-service procedure (thủ tục hành chính) citizens can submit a dossier for, as the
 * province's configuration describes it (format: infra/demo/README.md, "procedures").
 *
 * @param code                  the national procedures database's code, e.g. {@code 1.001193.000.00.00.H56}
 * @param field                 its field (lĩnh vực), e.g. "Hộ tịch"
 * @param processingWorkingDays the legal time limit, in working days from the valid receipt (0: the same day)
 * @param documents             the papers to attach, in the order the mini app shows them
 * @param form                  the typed form the applicant fills in, in display order
 * @param resultDeliveries      how the result may be returned; the applicant chooses one
 * @param description           optional (null): what the procedure is for, who may apply
 */
public record Procedure(String code, String name, String field, Competence competence, OnlineLevel onlineLevel,
                        int processingWorkingDays, Fee fee, List<DocumentRequirement> documents, List<FormField> form,
                        List<ResultDelivery> resultDeliveries, String description) {
    public Procedure {
        documents = List.copyOf(documents);
        form = List.copyOf(form);
        resultDeliveries = List.copyOf(resultDeliveries);
    }

    public Optional<FormField> formField(String key) {
        return form.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    public Optional<DocumentRequirement> document(String key) {
        return documents.stream().filter(document -> document.key().equals(key)).findFirst();
    }
}
