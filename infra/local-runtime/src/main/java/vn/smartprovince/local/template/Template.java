package vn.smartprovince.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAM template read for local use: its parameters, conditions and resources, with SAM's
 * {@code Globals} already merged into each function. Typed views ({@link #functions()},
 * {@link #tables()}, {@link #queues()}, {@link #buckets()}, {@link #httpApis()}) are what the
 * local runtime and the emulator bootstrap work from, so the template is the only list of what
 * exists.
 */
public final class Template {
    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, Resource> resources;
    private final List<NestedStacks.Nested> nested = new ArrayList<>();

    /** One resource as written: logical id, type, properties (intrinsics unresolved), metadata. */
    public record Resource(String logicalId, String type, Map<String, Object> properties,
                           Map<String, Object> metadata, String condition) {
    }

    private Template(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = new LinkedHashMap<>(root);
        Map<String, Resource> map = new LinkedHashMap<>(ownResources(root));
        this.resources = map;
        // Nested stacks with a local Location are read into this template (see NestedStacks):
        // their resources join this one's, with their parameters replaced by what this template
        // passes, so everything that reads the template sees one stack, as it runs locally.
        NestedStacks.flatten(this, map);
    }

    /** The template's own resources, with SAM's Globals merged into functions and APIs. */
    static Map<String, Resource> ownResources(Map<String, Object> root) {
        Map<String, Resource> map = new LinkedHashMap<>();
        Map<String, Object> globals = section(root, "Globals");
        Map<String, Object> functionGlobals = map(globals.get("Function"));
        Map<String, Object> apiGlobals = map(globals.get("HttpApi"));
        section(root, "Resources").forEach((id, raw) -> {
            Map<String, Object> body = map(raw);
            String type = Objects.toString(body.get("Type"), "");
            Map<String, Object> properties = map(body.get("Properties"));
            if (type.equals("AWS::Serverless::Function")) {
                properties = mergeGlobals(functionGlobals, properties);
            } else if (type.equals("AWS::Serverless::HttpApi")) {
                properties = mergeGlobals(apiGlobals, properties);
            }
            map.put(id, new Resource(id, type, properties, map(body.get("Metadata")),
                    body.get("Condition") == null ? null : body.get("Condition").toString()));
        });
        return map;
    }

    /** The raw sections of this template (Conditions, Mappings, Outputs ...), for the nested-stack reader. */
    Map<String, Object> rootSections() {
        return root;
    }

    public static Template load(Path file) {
        try {
            return new Template(file.toAbsolutePath().normalize(), CfnYaml.read(file));
        } catch (IOException e) {
            throw new TemplateException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The template file; relative paths in it (CodeUri) are relative to its folder. */
    public Path file() {
        return file;
    }

    public Path directory() {
        return file.getParent();
    }

    /** Every resource: this template's and those of the nested stacks it names with a local Location. */
    public Map<String, Resource> resources() {
        return Collections.unmodifiableMap(resources);
    }

    /** The nested stacks read into this template (logical id of the application, its template file). */
    public List<NestedStacks.Nested> nestedStacks() {
        return List.copyOf(nested);
    }

    void addNested(NestedStacks.Nested stack) {
        nested.add(stack);
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public List<Resource> resourcesOfType(String... types) {
        List<Resource> list = new ArrayList<>();
        for (Resource resource : resources.values()) {
            for (String type : types) {
                if (resource.type().equals(type)) {
                    list.add(resource);
                }
            }
        }
        return list;
    }

    /** Parameter name -> its declaration (Type, Default, AllowedValues, ...). */
    public Map<String, Map<String, Object>> parameters() {
        Map<String, Map<String, Object>> map = new LinkedHashMap<>();
        section(root, "Parameters").forEach((name, body) -> map.put(name, map(body)));
        return map;
    }

    public Map<String, Object> conditions() {
        return section(root, "Conditions");
    }

    public Map<String, Object> mappings() {
        return section(root, "Mappings");
    }

    /**
     * SAM's rule for Globals: maps merge (the resource wins on conflicts, recursively, e.g.
     * Environment.Variables), lists are concatenated, scalars are replaced.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeGlobals(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> {
            Object global = merged.get(key);
            if (global instanceof Map<?, ?> g && value instanceof Map<?, ?> v && !isIntrinsic(v)) {
                merged.put(key, mergeGlobals((Map<String, Object>) g, (Map<String, Object>) v));
            } else if (global instanceof List<?> g && value instanceof List<?> v) {
                List<Object> list = new ArrayList<>(g);
                list.addAll(v);
                merged.put(key, list);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = map.keySet().iterator().next().toString();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static Map<String, Object> section(Map<String, Object> root, String name) {
        return map(root.get(name));
    }
}
