package vn.smartprovince.shared.zalo;

import java.util.List;

/**
 * A ZNS template's status and parameters ({@code GET /template/info/v2}).
 *
 * @param status  {@code ENABLE} once approved; also e.g. {@code PENDING_REVIEW}, {@code REJECT}, {@code DISABLE}
 * @param tag     {@code templateTag} as Zalo sends it (e.g. {@code TRANSACTION}, {@code CUSTOMER_CARE},
 *                {@code PROMOTION}, or a number); null if absent
 */
public record ZnsTemplate(String templateId, String name, String status, String tag, List<Param> params) {

    public ZnsTemplate {
        params = List.copyOf(params);
    }

    /** Approved and usable. */
    public boolean enabled() {
        return "ENABLE".equalsIgnoreCase(status);
    }

    /** One of the template's parameters ({@code listParams}); {@code maxLength} null when absent. */
    public record Param(String name, boolean required, String type, Integer maxLength) {
    }
}
