package vn.smartprovince.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions the way a deployment would, with the local
 * stack's parameter values and the physical names and attributes of the resources the emulator
 * bootstrap created. Unsupported functions fail with a message naming them.
 */
public final class Intrinsics {

    /** What {@code Ref} and {@code Fn::GetAtt} mean for a resource once it exists. */
    public interface Resources {
        /** The value of {@code !Ref logicalId} (a table name, queue URL, bucket name, function name ...). */
        Object ref(String logicalId);

        /** The value of {@code !GetAtt logicalId.attribute} (Arn, QueueUrl, StreamArn ...). */
        Object getAtt(String logicalId, String attribute);
    }

    /** Marker for {@code AWS::NoValue}: the property is removed. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private final Template template;
    private final Map<String, Object> parameters;
    private final Map<String, String> pseudo;
    private final Resources resources;

    /**
     * @param overrides parameter values given for this stack (others take their Default)
     */
    public Intrinsics(Template template, Map<String, String> overrides, String stackName, String region,
                      String accountId, Resources resources) {
        this.template = template;
        this.resources = resources;
        this.pseudo = Map.of(
                "AWS::StackName", stackName,
                "AWS::Region", region,
                "AWS::AccountId", accountId,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local");
        this.parameters = new LinkedHashMap<>();
        template.parameters().forEach((name, declaration) -> {
            Object value = overrides.containsKey(name) ? overrides.get(name) : declaration.get("Default");
            if (value == null) {
                throw new TemplateException("parameter " + name + " has no Default and no value was given"
                        + " (pass it as a parameter override)");
            }
            String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                    : value.toString();
            Object allowed = declaration.get("AllowedValues");
            if (allowed instanceof List<?> values && !values.stream().map(String::valueOf).toList().contains(text)) {
                throw new TemplateException("parameter " + name + " = '" + text + "' is not one of " + values);
            }
            String type = Objects.toString(declaration.get("Type"), "String");
            parameters.put(name, type.equals("CommaDelimitedList") || type.startsWith("List<")
                    ? List.of(text.split("\\s*,\\s*")) : text);
        });
    }

    public Map<String, Object> parameterValues() {
        return parameters;
    }

    public String pseudo(String name) {
        return pseudo.get(name);
    }

    /** Resolves every intrinsic inside a value; {@code AWS::NoValue} entries are dropped. */
    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (Template.isIntrinsic(map)) {
                var entry = map.entrySet().iterator().next();
                return function(entry.getKey().toString(), entry.getValue());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, item) -> {
                Object resolved = resolve(item);
                if (resolved != NO_VALUE) {
                    out.put(key, resolved);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object resolved = resolve(item);
                if (resolved != NO_VALUE) {
                    out.add(resolved);
                }
            }
            return out;
        }
        return value;
    }

    public String resolveString(Object value) {
        Object resolved = resolve(value);
        return resolved == null || resolved == NO_VALUE ? null : stringOf(resolved);
    }

    /** Evaluates a named condition of the template's Conditions section. */
    public boolean condition(String name) {
        Object body = template.conditions().get(name);
        if (body == null) {
            throw new TemplateException("condition " + name + " is not declared");
        }
        return truthy(resolve(body));
    }

    private Object function(String name, Object argument) {
        switch (name) {
            case "Ref":
                return ref(argument.toString());
            case "Condition":
                return condition(argument.toString());
            case "Fn::GetAtt": {
                List<?> parts = argument instanceof List<?> list ? list
                        : List.of(argument.toString().split("\\.", 2));
                if (parts.size() != 2) {
                    throw new TemplateException("Fn::GetAtt needs [LogicalId, Attribute]: " + argument);
                }
                return resources.getAtt(stringOf(resolve(parts.get(0))), stringOf(resolve(parts.get(1))));
            }
            case "Fn::Sub":
                return sub(argument);
            case "Fn::Join": {
                List<?> args = list(name, argument, 2);
                List<String> items = new ArrayList<>();
                for (Object item : (List<?>) resolve(args.get(1))) {
                    items.add(stringOf(item));
                }
                return String.join(stringOf(args.get(0)), items);
            }
            case "Fn::Select": {
                List<?> args = list(name, argument, 2);
                int index = Integer.parseInt(stringOf(resolve(args.get(0))));
                List<?> from = (List<?>) resolve(args.get(1));
                if (index < 0 || index >= from.size()) {
                    throw new TemplateException("Fn::Select index " + index + " out of range");
                }
                return from.get(index);
            }
            case "Fn::Split": {
                List<?> args = list(name, argument, 2);
                return List.of(stringOf(resolve(args.get(1))).split(Pattern.quote(stringOf(args.get(0))), -1));
            }
            case "Fn::If": {
                List<?> args = list(name, argument, 3);
                return resolve(condition(stringOf(args.get(0))) ? args.get(1) : args.get(2));
            }
            case "Fn::Equals": {
                List<?> args = list(name, argument, 2);
                return Objects.equals(stringOf(resolve(args.get(0))), stringOf(resolve(args.get(1))));
            }
            case "Fn::Not":
                return !truthy(resolve(list(name, argument, 1).get(0)));
            case "Fn::And": {
                for (Object item : (List<?>) argument) {
                    if (!truthy(resolve(item))) {
                        return false;
                    }
                }
                return true;
            }
            case "Fn::Or": {
                for (Object item : (List<?>) argument) {
                    if (truthy(resolve(item))) {
                        return true;
                    }
                }
                return false;
            }
            case "Fn::FindInMap": {
                List<?> args = list(name, argument, 3);
                Object top = template.mappings().get(stringOf(resolve(args.get(0))));
                Object second = Template.map(top).get(stringOf(resolve(args.get(1))));
                Object value = Template.map(second).get(stringOf(resolve(args.get(2))));
                if (value == null) {
                    throw new TemplateException("Fn::FindInMap found nothing for " + argument);
                }
                return value;
            }
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(stringOf(resolve(argument)).getBytes(StandardCharsets.UTF_8));
            case "Fn::ToJsonString":
                return vn.smartprovince.shared.json.Json.write(resolve(argument));
            default:
                throw new TemplateException(name + " is not supported by the local runtime");
        }
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (template.resources().containsKey(name)) {
            return resources.ref(name);
        }
        throw new TemplateException("Ref to unknown name " + name);
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = stringOf(list.get(0));
            variables = Template.map(list.size() > 1 ? list.get(1) : null);
        } else {
            text = stringOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            String variable = matcher.group(2).trim();
            if (!matcher.group(1).isEmpty()) {
                replacement = "${" + variable + "}";
            } else if (variables.containsKey(variable)) {
                replacement = stringOf(resolve(variables.get(variable)));
            } else if (variable.contains(".") && !pseudo.containsKey(variable)
                    && template.resources().containsKey(variable.substring(0, variable.indexOf('.')))) {
                int dot = variable.indexOf('.');
                replacement = stringOf(resources.getAtt(variable.substring(0, dot), variable.substring(dot + 1)));
            } else {
                replacement = stringOf(ref(variable));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<?> list(String name, Object argument, int size) {
        if (!(argument instanceof List<?> list) || list.size() < size) {
            throw new TemplateException(name + " needs a list of " + size + " arguments: " + argument);
        }
        return list;
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    static String stringOf(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * The logical id a reference points at: {@code !Ref X}, {@code !GetAtt X.Arn} or
     * {@code !Sub ${X.Arn}} all give X; anything else gives null.
     */
    public static String logicalIdOf(Object value) {
        if (value instanceof Map<?, ?> map && Template.isIntrinsic(map)) {
            var entry = map.entrySet().iterator().next();
            Object argument = entry.getValue();
            switch (entry.getKey().toString()) {
                case "Ref":
                    // SAM's !Ref Function.Alias / Function.Version name the function's alias or version.
                    return argument.toString().split("\\.", 2)[0];
                case "Fn::GetAtt":
                    return argument instanceof List<?> list ? list.get(0).toString()
                            : argument.toString().split("\\.", 2)[0];
                case "Fn::Sub": {
                    Matcher matcher = SUB_VARIABLE.matcher(argument instanceof List<?> l ? l.get(0).toString()
                            : argument.toString());
                    return matcher.find() ? matcher.group(2).split("\\.", 2)[0] : null;
                }
                default:
                    return null;
            }
        }
        return null;
    }

    /**
     * Every logical id (or parameter or pseudo parameter) a value refers to, in order: through
     * {@code Ref} (SAM's {@code X.Alias} gives X), {@code Fn::GetAtt} and {@code Fn::Sub} variables.
     */
    public static List<String> referencedNames(Object value) {
        List<String> names = new ArrayList<>();
        collectNames(value, names);
        return names;
    }

    private static void collectNames(Object value, List<String> names) {
        if (value instanceof Map<?, ?> map) {
            if (Template.isIntrinsic(map)) {
                var entry = map.entrySet().iterator().next();
                Object argument = entry.getValue();
                switch (entry.getKey().toString()) {
                    case "Ref" -> names.add(argument.toString().split("\\.", 2)[0]);
                    case "Fn::GetAtt" -> names.add(argument instanceof List<?> list ? list.get(0).toString()
                            : argument.toString().split("\\.", 2)[0]);
                    case "Fn::Sub" -> {
                        List<?> parts = argument instanceof List<?> list ? list : List.of(argument);
                        Matcher matcher = SUB_VARIABLE.matcher(String.valueOf(parts.get(0)));
                        while (matcher.find()) {
                            if (matcher.group(1).isEmpty()) {
                                names.add(matcher.group(2).trim().split("\\.", 2)[0]);
                            }
                        }
                        if (parts.size() > 1) {
                            collectNames(parts.get(1), names);
                        }
                    }
                    default -> collectNames(argument, names);
                }
                return;
            }
            map.values().forEach(v -> collectNames(v, names));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectNames(v, names));
        }
    }
}
