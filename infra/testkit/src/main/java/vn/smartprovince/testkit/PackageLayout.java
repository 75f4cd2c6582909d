package vn.smartprovince.testkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a domain module's package layout (the rules of the project's notes) on its compiled
 * classes, so a wrong import fails the build naming the edge. Under the module's package
 * {@code vn.smartprovince.<d>}:
 * <ul>
 *   <li>the root package holds only {@code Wiring} (and package-info), and never uses a feature;</li>
 *   <li>{@code <d>.core} uses nothing else of the module;</li>
 *   <li>{@code <d>.store} uses {@code core} only;</li>
 *   <li>a feature ({@code <d>.<feature>} and its sub-packages) never uses another feature;</li>
 *   <li>no package cycles.</li>
 * </ul>
 * Dependencies are read from the class files' constant pools (class references and type
 * descriptors), as the JVM sees them; no tool or library beyond the JDK.
 *
 * <p>Use: {@code PackageLayout.assertLayout("vn.smartprovince.identity")} in a test of the module
 * (Surefire runs in the module's folder, so {@code target/classes} is its compiled code).
 */
public final class PackageLayout {
    /** The root package's one class. */
    public static final String WIRING = "Wiring";

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

    private PackageLayout() {
    }

    /** Fails listing every violation in {@code target/classes} of the current module. */
    public static void assertLayout(String basePackage) {
        assertLayout(Path.of("target", "classes"), basePackage);
    }

    public static void assertLayout(Path classes, String basePackage) {
        List<String> violations = violations(classes, basePackage);
        if (!violations.isEmpty()) {
            throw new AssertionError("package layout of " + basePackage + " (" + violations.size() + " problem(s)):\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** Every violation, one line each naming the class edge (empty when the layout is right). */
    public static List<String> violations(Path classes, String basePackage) {
        Map<String, Set<String>> dependencies = dependencies(classes, basePackage);
        if (dependencies.isEmpty()) {
            throw new IllegalArgumentException("no classes of " + basePackage + " in " + classes.toAbsolutePath());
        }
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, String>> packageEdges = new TreeMap<>();
        for (var entry : dependencies.entrySet()) {
            String from = entry.getKey();
            String fromPackage = packageOf(from);
            if (fromPackage.equals(basePackage) && !isWiring(from)) {
                violations.add(from + ": the root package holds only " + WIRING + " (move it to core, store or a feature)");
            }
            for (String to : entry.getValue()) {
                String toPackage = packageOf(to);
                if (toPackage.equals(fromPackage)) {
                    continue;
                }
                packageEdges.computeIfAbsent(fromPackage, k -> new TreeMap<>()).putIfAbsent(toPackage, from + " -> " + to);
                String rule = broken(part(fromPackage, basePackage), part(toPackage, basePackage));
                if (rule != null) {
                    violations.add(from + " -> " + to + ": " + rule);
                }
            }
        }
        violations.addAll(cycles(packageEdges));
        return violations;
    }

    private static boolean isWiring(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.equals(WIRING) || simple.startsWith(WIRING + "$") || simple.equals("package-info");
    }

    /** "root", "core", "store" or "feature:<name>". */
    private static String part(String packageName, String basePackage) {
        if (packageName.equals(basePackage)) {
            return "root";
        }
        String rest = packageName.substring(basePackage.length() + 1);
        String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return first.equals("core") || first.equals("store") ? first : "feature:" + first;
    }

    private static String broken(String from, String to) {
        if (from.equals(to)) {
            return null;   // within one part (e.g. a feature's sub-packages): only cycles matter
        }
        if (from.equals("core")) {
            return "core uses nothing else of the module";
        }
        if (from.equals("store") && !to.equals("core")) {
            return "store uses core only";
        }
        if (from.equals("root") && to.startsWith("feature:")) {
            return "the root package (Wiring) never uses a feature";
        }
        if (from.startsWith("feature:") && to.startsWith("feature:")) {
            return "feature " + from.substring(8) + " uses feature " + to.substring(8) + " (features are independent)";
        }
        return null;
    }

    /** One line per strongly connected group of packages: a cycle through it, with a class edge per step. */
    private static List<String> cycles(Map<String, Map<String, String>> edges) {
        List<String> found = new ArrayList<>();
        for (Set<String> component : stronglyConnected(edges)) {
            if (component.size() < 2) {
                continue;
            }
            List<String> cycle = cycleWithin(component, edges);
            StringBuilder line = new StringBuilder("package cycle: ");
            line.append(String.join(" -> ", cycle));
            line.append(" (");
            for (int i = 0; i + 1 < cycle.size(); i++) {
                line.append(i == 0 ? "" : "; ").append(edges.get(cycle.get(i)).get(cycle.get(i + 1)));
            }
            found.add(line.append(")").toString());
        }
        return found;
    }

    private static List<String> cycleWithin(Set<String> component, Map<String, Map<String, String>> edges) {
        String start = component.iterator().next();
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String step = at; !step.equals(start); step = previous.get(step)) {
                        path.add(1, step);
                    }
                    path.add(start);
                    return path;
                }
                if (!previous.containsKey(next)) {
                    previous.put(next, at);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Tarjan's algorithm. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> edges) {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(targets -> nodes.addAll(targets.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Map<String, String>> edges, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, components, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    /** Each class of the module (binary name) and the module's classes it refers to. */
    static Map<String, Set<String>> dependencies(Path classes, String basePackage) {
        Path folder = classes.resolve(basePackage.replace('.', '/'));
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return dependencies;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassRefs refs = read(Files.readAllBytes(file));
                Set<String> inModule = new TreeSet<>();
                for (String name : refs.referenced()) {
                    if (inModule(name, basePackage) && !name.equals(refs.name())) {
                        inModule.add(name);
                    }
                }
                dependencies.put(refs.name(), inModule);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dependencies;
    }

    private static boolean inModule(String className, String basePackage) {
        return className.startsWith(basePackage + ".");
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    record ClassRefs(String name, Set<String> referenced) {
    }

    /** The class's name and every class its constant pool names (class entries and type descriptors). */
    static ClassRefs read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classEntries = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classEntries[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort();   // access flags
        String self = binaryName(utf8[classEntries[in.readUnsignedShort()]]);
        Set<String> referenced = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classEntries[i] != 0) {
                String name = utf8[classEntries[i]];
                if (name.startsWith("[")) {
                    descriptorClasses(name, referenced);
                } else {
                    referenced.add(binaryName(name));
                }
            } else if (utf8[i] != null) {
                descriptorClasses(utf8[i], referenced);
            }
        }
        return new ClassRefs(self, referenced);
    }

    private static void descriptorClasses(String text, Set<String> into) {
        Matcher matcher = DESCRIPTOR_CLASS.matcher(text);
        while (matcher.find()) {
            into.add(binaryName(matcher.group(1)));
        }
    }

    /** {@code a/b/C$D} -> {@code a.b.C$D} (nested classes keep their {@code $}: they live in C's package). */
    private static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }
}
