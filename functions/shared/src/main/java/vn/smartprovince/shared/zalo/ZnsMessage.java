package vn.smartprovince.shared.zalo;

import java.util.Map;
import java.util.Objects;
import vn.smartprovince.shared.province.PhoneNumbers;

/**
 * A ZNS template message ({@code POST /message/template}).
 *
 * @param phone        recipient, {@code 84xxxxxxxxx}
 * @param templateId   the approved ZNS template's id
 * @param templateData the template's parameters by name
 * @param trackingId   our own id, echoed in delivery events: the job's deduplication key; null = none
 * @param development  {@code mode: "development"}: delivered only to the app's and OA's admins
 */
public record ZnsMessage(String phone, String templateId, Map<String, String> templateData, String trackingId,
                         boolean development) {

    public ZnsMessage {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(templateId, "templateId");
        templateData = Map.copyOf(templateData);
    }

    /** The phone is masked and the parameters left out: this may end up in a log. */
    @Override
    public String toString() {
        return "ZnsMessage[phone=" + PhoneNumbers.masked(phone) + ", templateId=" + templateId
                + ", parameters=" + templateData.keySet() + ", trackingId=" + trackingId
                + ", development=" + development + "]";
    }
}
