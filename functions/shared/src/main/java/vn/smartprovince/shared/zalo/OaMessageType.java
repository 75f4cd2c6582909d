package vn.smartprovince.shared.zalo;

/** The OA message endpoints: {@code /v3.0/oa/message/cs} and {@code /v3.0/oa/message/transaction}. */
public enum OaMessageType {
    /** Consultation: only inside Zalo's interaction window after the user's last message. */
    CS("cs", ZaloEndpoint.OA_MESSAGE_CS),
    /** Transaction: {@code attachment.type="template"}, {@code payload.template_type="transaction_order"}. */
    TRANSACTION("transaction", ZaloEndpoint.OA_MESSAGE_TRANSACTION);

    final String path;
    final ZaloEndpoint endpoint;

    OaMessageType(String path, ZaloEndpoint endpoint) {
        this.path = path;
        this.endpoint = endpoint;
    }
}
