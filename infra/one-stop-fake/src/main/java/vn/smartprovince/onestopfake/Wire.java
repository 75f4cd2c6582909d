package vn.smartprovince.onestopfake;

import vn.smartprovince.shared.onestop.OneStopFields;

/**
 * The wire's default (national style) field names, as the fake reads events and writes desk
 * updates: {@link OneStopFields#DEFAULTS}, the one list the connector and the inbound parser use. A
 * province that renames fields ({@code oneStop.fieldNames}) is not played by the fake (it speaks
 * the defaults).
 */
final class Wire {
    static final String EVENT_ID = name(OneStopFields.EVENT_ID);
    static final String DOSSIER_ID = name(OneStopFields.DOSSIER_ID);
    static final String SEQUENCE = name(OneStopFields.SEQUENCE);
    static final String EVENT_TYPE = name(OneStopFields.EVENT_TYPE);
    static final String DOSSIER_CODE = name(OneStopFields.DOSSIER_CODE);
    static final String AGENCY_CODE = name(OneStopFields.AGENCY_CODE);
    static final String STATUS = name(OneStopFields.STATUS);
    static final String DUE_AT = name(OneStopFields.DUE_AT);
    static final String EVENT_AT = name(OneStopFields.EVENT_AT);
    static final String DESK_SEQUENCE = name(OneStopFields.DESK_SEQUENCE);
    static final String UPDATE_ID = name(OneStopFields.UPDATE_ID);
    /** A desk update's officer: the events' actor field. */
    static final String OFFICER = name(OneStopFields.ACTOR);
    static final String COMMENT = name(OneStopFields.COMMENT);
    static final String AMOUNT = name(OneStopFields.AMOUNT);
    static final String ITEMS = name(OneStopFields.ITEMS);
    static final String DELIVERY = name(OneStopFields.DELIVERY);

    private Wire() {
    }

    private static String name(String canonical) {
        return OneStopFields.DEFAULTS.get(canonical);
    }
}
