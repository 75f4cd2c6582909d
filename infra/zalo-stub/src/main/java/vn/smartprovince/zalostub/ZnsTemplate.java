package vn.smartprovince.zalostub;

import java.util.List;
import java.util.Objects;

/**
 * A ZNS template the stub knows. Sending to an unknown template id answers -109.
 *
 * @param id     the template id (digits)
 * @param tag    1 transaction, 2 customer care, 3 promotion; tags 2 and 3 are sent only
 *               07:00-22:00 Vietnam time
 * @param params the template's parameters, all required
 * @param status {@code ENABLE} when approved (others: {@code PENDING_REVIEW}, {@code REJECT},
 *               {@code DISABLE}); sending a template that is not ENABLE answers -131
 * @param byUserId  the template may be sent by user id (ZBS, approved from 10 December 2025); sending
 *                  it by user id otherwise answers -135
 */
public record ZnsTemplate(String id, String name, int tag, List<String> params, String status, boolean byUserId) {
    public static final String ENABLE = "ENABLE";

    /** A template that may be sent by user id too (the usual case for templates approved since December 2025). */
    public ZnsTemplate(String id, String name, int tag, List<String> params, String status) {
        this(id, name, tag, params, status, true);
    }

    public ZnsTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (tag < 1 || tag > 3) {
            throw new IllegalArgumentException("template tag must be 1, 2 or 3, got " + tag);
        }
        params = List.copyOf(params);
        status = status == null ? ENABLE : status;
    }

    /** An approved template. */
    public static ZnsTemplate enabled(String id, String name, int tag, List<String> params) {
        return new ZnsTemplate(id, name, tag, params, ENABLE);
    }

    /** This template, sendable by user id or by phone only. */
    public ZnsTemplate withByUserId(boolean allowed) {
        return new ZnsTemplate(id, name, tag, params, status, allowed);
    }

    /** The {@code templateTag} name the template info endpoint answers. */
    public String tagName() {
        return switch (tag) {
            case 1 -> "TRANSACTION";
            case 2 -> "CUSTOMER_CARE";
            default -> "PROMOTION";
        };
    }
}
