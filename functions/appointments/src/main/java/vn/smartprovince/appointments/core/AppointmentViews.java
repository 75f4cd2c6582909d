package vn.smartprovince.appointments.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.AppointmentRules;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.qr.QrSvg;

/** What the API shows of a booking (and the time text of its notifications). */
public final class AppointmentViews {
    /** {@code appointment_time} of the notifications: {@code HH:mm dd/MM/yyyy}. */
    public static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    static final int QR_MM = 30;

    private AppointmentViews() {
    }

    /** The slot's start as an instant. */
    public static Instant startsAt(Appointment a) {
        return LocalDateTime.of(a.date(), a.start()).atZone(WorkingDays.ZONE).toInstant();
    }

    /** Until when the citizen may cancel or reschedule. */
    public static Instant cancellableUntil(Appointment a, AppointmentRules rules) {
        return startsAt(a).minusSeconds(60L * rules.cancelCutoffMinutes());
    }

    public static String noticeTime(Appointment a) {
        return LocalDateTime.of(a.date(), a.start()).format(NOTICE_TIME);
    }

    /** The full view: the booking, its centre, counter and procedure by name, and its code as an inline-SVG QR. */
    public static ObjectNode view(Appointment a, ProvinceConfig config) {
        ObjectNode node = Json.object();
        node.put("id", a.id());
        node.put("code", a.code());
        node.put("status", a.status().name());
        ObjectNode centre = node.putObject("centre");
        centre.put("id", a.centreId());
        ServiceCentre c = config.serviceCentre(a.centreId()).orElse(null);
        if (c != null) {
            centre.put("name", c.name());
            centre.put("address", c.address());
        }
        ObjectNode counter = node.putObject("counter");
        counter.put("id", a.counterId());
        if (c != null) {
            c.counter(a.counterId()).ifPresent(k -> counter.put("name", k.name()));
        }
        ObjectNode procedure = node.putObject("procedure");
        procedure.put("code", a.procedureCode());
        config.procedure(a.procedureCode()).ifPresent(p -> procedure.put("name", p.name()));
        node.put("date", a.date().toString());
        node.put("start", a.start().toString());
        node.put("end", a.end().toString());
        if (a.dossierCode() != null) {
            node.put("dossierCode", a.dossierCode());
        }
        if (a.cancelledBy() != null) {
            node.put("cancelledBy", a.cancelledBy().name());
        }
        if (a.cancelReason() != null) {
            node.put("cancelReason", a.cancelReason());
        }
        if (a.status() == AppointmentStatus.BOOKED) {
            node.put("cancellableUntil", cancellableUntil(a, config.appointments()).toString());
        }
        node.put("createdAt", a.createdAt().toString());
        node.put("updatedAt", a.updatedAt().toString());
        if (a.checkedInAt() != null) {
            node.put("checkedInAt", a.checkedInAt().toString());
        }
        if (a.servedAt() != null) {
            node.put("servedAt", a.servedAt().toString());
        }
        node.put("version", a.version());
        node.put("qrSvg", QrSvg.of(a.code(), QR_MM));
        return node;
    }
}
