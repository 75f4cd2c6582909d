package vn.smartprovince.ops.preflight;

import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.appointments.core.AppointmentNotices;
import vn.smartprovince.reports.core.Notices;

/**
 * Every notification template key the code sends (the {@code templateKey} of the notification
 * jobs its producers write): the province configuration in force must have a template for each,
 * or the dispatcher fails those jobs with {@code TEMPLATE_UNKNOWN}. The one list; the keys are the
 * producers' own constants, so a renamed key follows. A new producer adds its key here
 * ({@code NotificationTemplatesTest} fails when a producer's key is missing).
 */
public final class NotificationTemplates {
    public static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(
                Notices.RECEIVED_TEMPLATE,   // reports: the citizen's receipt
                Notices.STATUS_TEMPLATE));   // reports: every later transition, to the citizen or officers
        // dossiers: one template per kind of notice (DOSSIER_RECEIVED … DOSSIER_DUE_SOON)
        for (vn.smartprovince.dossiers.core.Notices.Kind kind : vn.smartprovince.dossiers.core.Notices.Kind.values()) {
            keys.add(kind.templateKey());
        }
        keys.addAll(List.of(AppointmentNotices.CONFIRMED_TEMPLATE,   // appointments: booked or moved
                AppointmentNotices.REMINDER_TEMPLATE,                 // the evening before
                AppointmentNotices.CANCELLED_TEMPLATE));              // the centre closed the day
        keys.add(vn.smartprovince.province.core.Alert.ALERT_TEMPLATE);   // urgent alerts (tag 1: any hour)
        return List.copyOf(keys);
    }

    private NotificationTemplates() {
    }
}
