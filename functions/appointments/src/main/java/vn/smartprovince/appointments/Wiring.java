package vn.smartprovince.appointments;

import java.time.Clock;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.appointments.store.DynamoDbAppointmentStore;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.wiring.DomainWiring;

/**
 * Builds the appointment functions' adapters from a function's {@link Env}, by hand, once per
 * function instance (in the handler's constructor, so SnapStart snapshots them). Each adapter is
 * built on first use and then reused.
 *
 * <table>
 *   <caption>Variables read here</caption>
 *   <tr><td>{@code MAIN_TABLE}</td><td>the main table (bookings, slot counters, closures, the province configuration)</td></tr>
 *   <tr><td>{@code PROVINCE_CODE}, {@code PROVINCE_CONFIG_REFRESH_SECONDS}</td><td>see the province configuration source</td></tr>
 * </table>
 */
public final class Wiring extends DomainWiring {
    private AppointmentStore appointments;

    private Wiring(Env env, Clock clock) {
        super(env, clock);
    }

    public static Wiring of(Env env) {
        return new Wiring(env, Clock.systemUTC());
    }

    /** A wiring on another clock (tests). */
    public static Wiring of(Env env, Clock clock) {
        return new Wiring(env, clock);
    }

    /** Who a dossier belongs to (the dossiers' items in the main table). */
    public vn.smartprovince.appointments.core.DossierOwners dossierOwners() {
        return new vn.smartprovince.appointments.store.DynamoDbDossierOwners(dynamoDb(), table());
    }

    /** THE appointment store (main table). */
    public synchronized AppointmentStore appointments() {
        if (appointments == null) {
            appointments = new DynamoDbAppointmentStore(dynamoDb(), table(), clock());
        }
        return appointments;
    }
}
