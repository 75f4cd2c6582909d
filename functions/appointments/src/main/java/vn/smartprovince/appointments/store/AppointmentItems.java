package vn.smartprovince.appointments.store;

import static vn.smartprovince.shared.aws.Attributes.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.CancelledBy;
import vn.smartprovince.appointments.core.SlotKey;

/**
 * The item design of appointments in the main table.
 *
 * <pre>
 * APPT#&lt;id&gt;                         APPT            the booking; GSI1 APPT_USER#&lt;userId&gt; / &lt;date&gt;T&lt;start&gt;#&lt;id&gt;;
 *                                                   GSI2 APPT_DAY#&lt;centreId&gt;#&lt;date&gt; / &lt;start&gt;#&lt;counterId&gt;#&lt;id&gt;
 * APPT_CODE#&lt;code&gt;                  CODE            the code's claim: appointmentId
 * APPT_SLOTS#&lt;centreId&gt;#&lt;date&gt;      &lt;HH:mm&gt;#&lt;counter&gt; taken: places held (ADD, condition taken &lt; capacity)
 * APPT_OPEN#&lt;userId&gt;                OPEN            open: the citizen's open bookings (ADD, condition open &lt; max)
 * APPT_CLOSURE#&lt;centreId&gt;           &lt;date&gt;          a closed day: reason, by, at
 * STATS#APPT_CENTRE#&lt;centreId&gt;      TOTAL | MONTH#yyyy-MM  counters (shared.stats.AppointmentCounterKeys)
 * </pre>
 */
public final class AppointmentItems {
    public static final String APPT = "APPT";
    public static final String CODE = "CODE";
    public static final String OPEN = "OPEN";

    private AppointmentItems() {
    }

    public static String appointmentKey(String id) {
        return "APPT#" + id;
    }

    public static String codeKey(String code) {
        return "APPT_CODE#" + code;
    }

    public static String slotsKey(String centreId, LocalDate date) {
        return "APPT_SLOTS#" + centreId + "#" + date;
    }

    public static String slotSort(LocalTime start, String counterId) {
        return hhmm(start) + "#" + counterId;
    }

    public static String openKey(String userId) {
        return "APPT_OPEN#" + userId;
    }

    public static String closureKey(String centreId) {
        return "APPT_CLOSURE#" + centreId;
    }

    public static String userKey(String userId) {
        return "APPT_USER#" + userId;
    }

    public static String userSort(Appointment a) {
        return a.date() + "T" + hhmm(a.start()) + "#" + a.id();
    }

    public static String dayKey(String centreId, LocalDate date) {
        return "APPT_DAY#" + centreId + "#" + date;
    }

    public static String daySort(Appointment a) {
        return hhmm(a.start()) + "#" + a.counterId() + "#" + a.id();
    }

    static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    static Map<String, AttributeValue> slotKey(SlotKey slot) {
        return key(slotsKey(slot.centreId(), slot.date()), slotSort(slot.start(), slot.counterId()));
    }

    /** Every attribute of the booking's item, nulls dropped. */
    static Map<String, AttributeValue> appointmentItem(Appointment a) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(appointmentKey(a.id()), APPT));
        item.put("itemType", s("APPOINTMENT"));
        item.put("id", s(a.id()));
        item.put("code", s(a.code()));
        item.put("userId", s(a.userId()));
        item.put("centreId", s(a.centreId()));
        item.put("counterId", s(a.counterId()));
        item.put("procedureCode", s(a.procedureCode()));
        item.put("date", s(a.date()));
        item.put("start", s(hhmm(a.start())));
        item.put("end", s(hhmm(a.end())));
        item.put("dossierCode", s(a.dossierCode()));
        item.put("status", s(a.status()));
        item.put("cancelledBy", s(a.cancelledBy()));
        item.put("cancelReason", s(a.cancelReason()));
        item.put("createdAt", s(a.createdAt()));
        item.put("updatedAt", s(a.updatedAt()));
        item.put("checkedInAt", s(a.checkedInAt()));
        item.put("servedAt", s(a.servedAt()));
        item.put("remindedAt", s(a.remindedAt()));
        item.put("version", n(a.version()));
        item.put("gsi1pk", s(userKey(a.userId())));
        item.put("gsi1sk", s(userSort(a)));
        item.put("gsi2pk", s(dayKey(a.centreId(), a.date())));
        item.put("gsi2sk", s(daySort(a)));
        return withoutNulls(item);
    }

    /** The booking of an item (also as projected into GSI1 and GSI2). */
    public static Appointment appointment(Map<String, AttributeValue> item) {
        String cancelledBy = text(item, "cancelledBy");
        return new Appointment(text(item, "id"), text(item, "code"), text(item, "userId"), text(item, "centreId"),
                text(item, "counterId"), text(item, "procedureCode"), date(item, "date"),
                LocalTime.parse(text(item, "start")), LocalTime.parse(text(item, "end")), text(item, "dossierCode"),
                AppointmentStatus.valueOf(text(item, "status")),
                cancelledBy == null ? null : CancelledBy.valueOf(cancelledBy), text(item, "cancelReason"),
                instant(item, "createdAt"), instant(item, "updatedAt"), instant(item, "checkedInAt"),
                instant(item, "servedAt"), instant(item, "remindedAt"), number(item, "version"));
    }
}
