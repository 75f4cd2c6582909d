package vn.smartprovince.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the nested stacks a template names with a local file ({@code AWS::Serverless::Application}
 * with {@code Location: functions/x/template.yaml}, or {@code AWS::CloudFormation::Stack} with a
 * local {@code TemplateURL}) into the parent, the way the local runtime runs them: as one stack.
 *
 * <p>Each nested resource joins the parent's resources under its own logical id (two stacks may
 * not use the same id: the local runtime, the test kit and the tools address resources by id).
 * Its intrinsics are rewritten into the parent's terms: {@code !Ref P} of a nested parameter
 * becomes what the parent passes for P (or P's Default), {@code ${P}} in a {@code Fn::Sub}
 * becomes a Sub variable with that value, and the parent's {@code !GetAtt Stack.Outputs.Name}
 * becomes the nested output's value. Relative {@code CodeUri}s are made relative to the nested
 * template's folder. Nested Conditions and Mappings join the parent's.
 */
public final class NestedStacks {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]+)}");

    /** A nested stack read into its parent: the application's logical id and its template file. */
    public record Nested(String logicalId, Path file, Template template) {
    }

    private NestedStacks() {
    }

    /** Adds the resources of every local nested stack of {@code parent} to {@code resources}. */
    static void flatten(Template parent, Map<String, Template.Resource> resources) {
        Map<String, Template.Resource> own = new LinkedHashMap<>(resources);
        Map<String, Map<String, Object>> outputs = new HashMap<>();
        List<String> pending = new ArrayList<>();
        for (Template.Resource resource : own.values()) {
            if (location(resource) != null) {
                pending.add(resource.logicalId());
            }
        }
        // A stack may take another's outputs as parameters (reports takes identity's authorizer
        // id), so stacks are read once what they depend on has been read.
        while (!pending.isEmpty()) {
            String next = pending.stream()
                    .filter(id -> dependencies(own.get(id)).stream().allMatch(d -> !pending.contains(d)))
                    .findFirst()
                    .orElseThrow(() -> new TemplateException("nested stacks depend on each other in a cycle: " + pending));
            pending.remove(next);
            Template.Resource application = own.get(next);
            Path file = parent.directory().resolve(location(application)).normalize();
            if (!file.toFile().isFile()) {
                throw new TemplateException(next + ": nested template " + file + " does not exist");
            }
            Template nested = Template.load(file);
            Map<String, Object> values = parameters(next, nested,
                    Template.map(application.properties().get("Parameters")), outputs);
            for (Template.Resource resource : nested.resources().values()) {
                if (resources.containsKey(resource.logicalId())) {
                    throw new TemplateException(next + " (" + parent.directory().relativize(file) + ") declares "
                            + resource.logicalId() + ", which another stack of the application declares too:"
                            + " logical ids must be unique across stacks");
                }
                Map<String, Object> properties = Template.map(rewrite(resource.properties(), values));
                if (isFunction(resource.type()) && properties.get("CodeUri") instanceof String codeUri
                        && !codeUri.startsWith("s3://")) {
                    properties = new LinkedHashMap<>(properties);
                    properties.put("CodeUri", file.getParent().resolve(codeUri).normalize().toString());
                }
                resources.put(resource.logicalId(), new Template.Resource(resource.logicalId(), resource.type(),
                        properties, resource.metadata(), resource.condition()));
            }
            mergeSection(parent, nested, "Conditions", values, next);
            mergeSection(parent, nested, "Mappings", values, next);
            Map<String, Object> declared = new LinkedHashMap<>();
            Template.section(nested.rootSections(), "Outputs").forEach((name, body) ->
                    declared.put(name, rewrite(Template.map(body).get("Value"), values)));
            outputs.put(next, declared);
            parent.addNested(new Nested(next, file, nested));
        }
    }

    /** The local template file a nested-stack resource names, or null (none, or an S3/HTTPS address). */
    static String location(Template.Resource resource) {
        Object location = switch (resource.type()) {
            case "AWS::Serverless::Application" -> resource.properties().get("Location");
            case "AWS::CloudFormation::Stack" -> resource.properties().get("TemplateURL");
            default -> null;
        };
        return location instanceof String text && !text.startsWith("s3://") && !text.startsWith("http")
                ? text : null;
    }

    private static boolean isFunction(String type) {
        return type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function");
    }

    /** The stacks whose outputs this one's parameters use. */
    private static List<String> dependencies(Template.Resource application) {
        List<String> stacks = new ArrayList<>();
        collectOutputReferences(application.properties().get("Parameters"), stacks);
        return stacks;
    }

    private static void collectOutputReferences(Object value, List<String> stacks) {
        if (value instanceof Map<?, ?> map) {
            String[] target = outputReference(map);
            if (target != null) {
                stacks.add(target[0]);
                return;
            }
            map.values().forEach(v -> collectOutputReferences(v, stacks));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectOutputReferences(v, stacks));
        }
    }

    /** [stack, output name] for {@code !GetAtt Stack.Outputs.Name}, else null. */
    private static String[] outputReference(Map<?, ?> map) {
        if (map.size() != 1 || !map.containsKey("Fn::GetAtt")) {
            return null;
        }
        Object argument = map.get("Fn::GetAtt");
        List<String> parts = argument instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(argument.toString().split("\\.", 2));
        if (parts.size() == 2 && parts.get(1).startsWith("Outputs.")) {
            return new String[] {parts.get(0), parts.get(1).substring("Outputs.".length())};
        }
        return null;
    }

    /** The value of each parameter of the nested template: what the parent passes, or its Default. */
    private static Map<String, Object> parameters(String stack, Template nested, Map<String, Object> passed,
                                                  Map<String, Map<String, Object>> outputs) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Map<String, Object>> declared = nested.parameters();
        for (String name : passed.keySet()) {
            if (!declared.containsKey(name)) {
                throw new TemplateException(stack + " passes parameter " + name + ", which "
                        + nested.file().getFileName() + " does not declare (CloudFormation refuses that)");
            }
        }
        declared.forEach((name, declaration) -> {
            if (passed.containsKey(name)) {
                values.put(name, withOutputs(passed.get(name), outputs, stack));
            } else if (declaration.containsKey("Default")) {
                values.put(name, declaration.get("Default"));
            } else {
                throw new TemplateException(stack + " does not pass parameter " + name + ", which has no Default");
            }
        });
        return values;
    }

    private static Object withOutputs(Object value, Map<String, Map<String, Object>> outputs, String stack) {
        if (value instanceof Map<?, ?> map) {
            String[] target = outputReference(map);
            if (target != null) {
                Map<String, Object> of = outputs.get(target[0]);
                if (of == null || !of.containsKey(target[1])) {
                    throw new TemplateException(stack + " uses " + target[0] + ".Outputs." + target[1]
                            + ", which is not an output of a nested stack");
                }
                return of.get(target[1]);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), withOutputs(v, outputs, stack)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> withOutputs(v, outputs, stack)).toList();
        }
        return value;
    }

    /** The value with the nested template's parameters replaced by their values in the parent's terms. */
    static Object rewrite(Object value, Map<String, Object> parameters) {
        if (value instanceof Map<?, ?> map) {
            if (Template.isIntrinsic(map)) {
                var entry = map.entrySet().iterator().next();
                String function = entry.getKey().toString();
                Object argument = entry.getValue();
                if (function.equals("Ref") && parameters.containsKey(String.valueOf(argument))) {
                    return parameters.get(String.valueOf(argument));
                }
                if (function.equals("Fn::Sub")) {
                    return sub(argument, parameters);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(function, rewrite(argument, parameters));
                return out;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), rewrite(v, parameters)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(rewrite(v, parameters)));
            return out;
        }
        return value;
    }

    /** {@code ${P}} of a nested parameter becomes a Sub variable holding P's value. */
    private static Object sub(Object argument, Map<String, Object> parameters) {
        String text;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> list && !list.isEmpty()) {
            text = String.valueOf(list.get(0));
            if (list.size() > 1) {
                Template.map(list.get(1)).forEach((k, v) -> variables.put(k, rewrite(v, parameters)));
            }
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(2).trim();
            if (matcher.group(1).isEmpty() && !variables.containsKey(name) && parameters.containsKey(name)) {
                variables.put(name, parameters.get(name));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Fn::Sub", variables.isEmpty() ? text : List.of(text, variables));
        return out;
    }

    private static void mergeSection(Template parent, Template nested, String section, Map<String, Object> values,
                                     String stack) {
        Map<String, Object> from = Template.section(nested.rootSections(), section);
        if (from.isEmpty()) {
            return;
        }
        Map<String, Object> into = new LinkedHashMap<>(Template.section(parent.rootSections(), section));
        from.forEach((name, body) -> {
            Object rewritten = rewrite(body, values);
            Object existing = into.putIfAbsent(name, rewritten);
            if (existing != null && !Objects.equals(existing, rewritten)) {
                throw new TemplateException(stack + " declares " + section + " " + name
                        + " differently from another stack of the application: names must be unique");
            }
        });
        parent.rootSections().put(section, into);
    }
}
