package vn.smartprovince.shared.province;

import java.util.List;

/**
 * A paper the applicant attaches to a dossier (thành phần hồ sơ).
 *
 * @param key           stable id within the procedure ({@code lower_snake_case}), what a dossier's
 *                      documents cite
 * @param acceptedTypes the file types accepted (photos of the paper, a PDF scan)
 * @param maxFiles      at most this many files (the pages of one paper), 1-20
 */
public record DocumentRequirement(String key, String name, boolean required, List<DocumentType> acceptedTypes,
                                  int maxFiles) {
    public DocumentRequirement {
        acceptedTypes = List.copyOf(acceptedTypes);
    }
}
