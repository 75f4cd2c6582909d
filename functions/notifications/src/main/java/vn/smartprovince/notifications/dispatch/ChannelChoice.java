package vn.smartprovince.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.shared.province.NotificationTemplate;

/**
 * Which channel reaches a recipient, per their preference. Three paths:
 *
 * <ul>
 *   <li>{@code ZBS_UID}: the template (ZBS Template Message) by the citizen's OA-scoped user id,
 *       when the template allows it ({@code sendByUserId}, with a template id) and the citizen
 *       follows the OA (the webhook recorded the id). Cheaper than by phone and needs no phone
 *       number. Unfollowing is the citizen saying "not from this account": neither this path nor
 *       OA text reaches an unfollower; the phone path, a number they gave us, still may.</li>
 *   <li>{@code ZNS}: the template to the phone, when the phone is known and the template has a
 *       template id.</li>
 *   <li>{@code OA}: an OA text message, when the recipient follows the OA, wrote to it within Zalo's
 *       interaction window (7 days) and the template has an OA text.</li>
 * </ul>
 *
 * <p>The order follows the preference:
 * <ul>
 *   <li>{@code NONE}: nothing is sent (UNDELIVERABLE, {@code OPTED_OUT}).</li>
 *   <li>{@code ZNS} (template messages): ZBS_UID, then ZNS, then OA.</li>
 *   <li>{@code ZALO_OA} (the default): OA inside the interaction window (free), then ZBS_UID, then ZNS.</li>
 * </ul>
 * The first usable path is sent; when it is ZBS_UID and the phone path is usable too, ZNS is the
 * {@link Send#fallback()}: the dispatcher sends by phone at once if Zalo refuses the user id for
 * good (unknown id, user cannot receive, template not allowed by user id). The other channels are
 * fallbacks because the citizen asked to be told, and all land in the same Zalo app; only
 * {@code NONE} says "never". No channel: UNDELIVERABLE, {@code NO_CHANNEL}, with why each path is
 * out. An unknown recipient (erased, never signed in) is UNDELIVERABLE too. Sending hours by
 * template tag apply to both template paths (the dispatcher checks them).
 */
final class ChannelChoice {
    static final Duration DEFAULT_INTERACTION_WINDOW = Duration.ofDays(7);

    private ChannelChoice() {
    }

    sealed interface Choice {
    }

    /** @param fallback the phone path when {@code channel} is ZBS_UID and the phone is usable; else null */
    record Send(Channel channel, Channel fallback) implements Choice {
        Send(Channel channel) {
            this(channel, null);
        }
    }

    record Undeliverable(Reason reason) implements Choice {
    }

    static Choice choose(Recipient recipient, NotificationTemplate template, Instant now, Duration interactionWindow) {
        if (recipient == null) {
            return new Undeliverable(new Reason(Reason.RECIPIENT_UNKNOWN, "no user with this id (erased or never signed in)"));
        }
        if (recipient.preference() == Recipient.Preference.NONE) {
            return new Undeliverable(new Reason(Reason.OPTED_OUT, "the citizen turned notifications off"));
        }
        String zns = template.znsTemplateId() == null ? "the template has no ZNS template"
                : recipient.phone() == null ? "no phone number" : null;
        String uid = template.znsTemplateId() == null ? "the template has no ZNS template"
                : !template.sendByUserId() ? "the template is sent by phone only"
                : recipient.followerId() == null ? "no Zalo user id known for the OA"
                : !recipient.following() ? "unfollowed the OA" : null;
        String oa = template.oaText() == null ? "the template has no OA text"
                : recipient.followerId() == null || !recipient.following() ? "not following the OA"
                : recipient.lastInteractionAt() == null || recipient.lastInteractionAt().isBefore(now.minus(interactionWindow))
                ? "no message to the OA in the last " + interactionWindow.toDays() + " days" : null;
        List<Channel> order = recipient.preference() == Recipient.Preference.ZNS
                ? List.of(Channel.ZBS_UID, Channel.ZNS, Channel.OA)
                : List.of(Channel.OA, Channel.ZBS_UID, Channel.ZNS);
        List<Channel> usable = new ArrayList<>();
        for (Channel channel : order) {
            String why = switch (channel) {
                case ZNS -> zns;
                case ZBS_UID -> uid;
                case OA -> oa;
            };
            if (why == null) {
                usable.add(channel);
            }
        }
        if (usable.isEmpty()) {
            return new Undeliverable(new Reason(Reason.NO_CHANNEL, (template.sendByUserId() ? "ZBS by user id: " + uid
                    + "; " : "") + "ZNS: " + zns + "; OA: " + oa));
        }
        Channel first = usable.get(0);
        return new Send(first, first == Channel.ZBS_UID && usable.contains(Channel.ZNS) ? Channel.ZNS : null);
    }
}
