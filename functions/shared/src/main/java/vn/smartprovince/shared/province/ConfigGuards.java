package vn.smartprovince.shared.province;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes that must not break live data, refused with the reason (docs/province-configuration.md
 * lists them and why):
 * <ul>
 *   <li>changing the province code: every item of the table, report and user is keyed by it;</li>
 *   <li>removing an agency that still holds open reports: nobody could answer them;</li>
 *   <li>removing a report category that open reports use: their deadlines, names and duplicate
 *       search read it;</li>
 *   <li>removing a unit that open reports are in, unless a remaining unit lists it in
 *       {@code formerCodes} (a merger): its reports then route as the successor.</li>
 * </ul>
 */
public final class ConfigGuards {
    private ConfigGuards() {
    }

    /** Why {@code after} may not replace {@code before} (null: nothing in force); empty when it may. */
    public static List<String> refusals(ProvinceConfig before, ProvinceConfig after, OpenReports.Counts open) {
        List<String> refused = new ArrayList<>();
        if (before == null) {
            return refused;
        }
        if (!before.province().code().equals(after.province().code())) {
            refused.add(provinceCode(before.province().code(), after.province().code()));
            return refused;
        }
        for (Agency agency : before.agencies()) {
            int count = open.agency(agency.id());
            if (after.agency(agency.id()).isEmpty() && count > 0) {
                refused.add("Agency " + ConfigDiff.name(agency) + " cannot be removed: it still holds " + reports(count)
                        + ". Have them transferred or answered first, or keep the agency.");
            }
        }
        for (Category category : before.categories()) {
            int count = open.category(category.code());
            if (after.category(category.code()).isEmpty() && count > 0) {
                refused.add("Report category " + ConfigDiff.name(category) + " cannot be removed: " + reports(count)
                        + " use it. Keep it until they are closed (citizens can no longer choose it only when it is gone).");
            }
        }
        for (Area area : before.areas()) {
            int count = open.area(area.code());
            if (after.area(area.code()).isEmpty() && after.areasFormerlyCoded(area.code()).isEmpty() && count > 0) {
                refused.add("Unit " + ConfigDiff.name(area) + " cannot be removed: " + reports(count) + " are in it."
                        + " If it was merged, list " + area.code() + " in formerCodes of the unit that took it over.");
            }
        }
        return refused;
    }

    /** Why a file of another province may not be applied to this table. */
    public static String provinceCode(String inForce, String file) {
        return "The province code cannot change (the table holds " + inForce + ", the file says " + file
                + "): every report, user and configuration item is keyed by it. A different province needs its own stack.";
    }

    private static String reports(int count) {
        return count + (count == 1 ? " open report" : " open reports");
    }
}
