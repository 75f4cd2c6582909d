package vn.smartprovince.notifications.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.shared.province.NotificationTemplate;

/**
 * A job's parameters against the province's template ({@code notificationTemplates}): exactly the
 * template's {@code params}, no more, no fewer. ZNS refuses a template message whose data does not
 * match what Zalo approved, and an OA text with a placeholder left over would go out as it is, so a
 * mismatch is a producer's bug and a permanent failure (named parameters, never their values),
 * not something a retry could fix.
 */
final class TemplateRendering {
    /** As the configuration loader's: {@code {name}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private TemplateRendering() {
    }

    /**
     * @param znsData the ZNS {@code template_data} (the parameters in the template's order)
     * @param oaText  the OA text with its placeholders filled, or null when the template has none
     */
    record Rendered(Map<String, String> znsData, String oaText) {
    }

    sealed interface Result {
    }

    record Ok(Rendered rendered) implements Result {
    }

    record Problem(Reason reason) implements Result {
    }

    static Result render(NotificationTemplate template, Map<String, String> parameters) {
        List<String> missing = new ArrayList<>();
        for (String name : template.params()) {
            if (!parameters.containsKey(name)) {
                missing.add(name);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!template.params().contains(name)) {
                extra.add(name);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add("missing " + missing);
            }
            if (!extra.isEmpty()) {
                parts.add("not in the template " + extra);
            }
            return new Problem(new Reason(Reason.TEMPLATE_PARAMS, "template " + template.key() + " parameters: "
                    + String.join("; ", parts)));
        }
        Map<String, String> data = new LinkedHashMap<>();
        template.params().forEach(name -> data.put(name, parameters.get(name)));
        String text = null;
        if (template.oaText() != null) {
            Matcher matcher = PLACEHOLDER.matcher(template.oaText());
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                // The loader checked that every placeholder is one of params.
                String value = parameters.getOrDefault(matcher.group(1), matcher.group());
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            text = out.toString();
        }
        return new Ok(new Rendered(data, text));
    }
}
