package vn.smartprovince.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.shared.province.NotificationTemplate;

/**
 * Which channel reaches a recipient, per their preference:
 *
 * <ul>
 *   <li>{@code NONE}: nothing is sent (UNDELIVERABLE, {@code OPTED_OUT}).</li>
 *   <li>{@code ZNS}: a ZNS template to the phone when the phone is known and the template has a ZNS
 *       template id; else an OA message as below.</li>
 *   <li>{@code ZALO_OA} (the default): an OA message when the recipient follows the OA, wrote to it
 *       within Zalo's interaction window (7 days) and the template has an OA text; else ZNS as above.</li>
 * </ul>
 *
 * The other channel is the fallback because the citizen asked to be told, and both land in the
 * same Zalo app; only {@code NONE} says "never". No channel: UNDELIVERABLE, {@code NO_CHANNEL},
 * with why each channel is out. An unknown recipient (erased, never signed in) is UNDELIVERABLE too.
 */
final class ChannelChoice {
    static final Duration DEFAULT_INTERACTION_WINDOW = Duration.ofDays(7);

    private ChannelChoice() {
    }

    sealed interface Choice {
    }

    record Send(Channel channel) implements Choice {
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
        String oa = template.oaText() == null ? "the template has no OA text"
                : recipient.followerId() == null || !recipient.following() ? "not following the OA"
                : recipient.lastInteractionAt() == null || recipient.lastInteractionAt().isBefore(now.minus(interactionWindow))
                ? "no message to the OA in the last " + interactionWindow.toDays() + " days" : null;
        List<Channel> order = recipient.preference() == Recipient.Preference.ZNS ? List.of(Channel.ZNS, Channel.OA)
                : List.of(Channel.OA, Channel.ZNS);
        for (Channel channel : order) {
            if ((channel == Channel.ZNS ? zns : oa) == null) {
                return new Send(channel);
            }
        }
        return new Undeliverable(new Reason(Reason.NO_CHANNEL, "ZNS: " + zns + "; OA: " + oa));
    }
}
