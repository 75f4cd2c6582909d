package vn.smartprovince.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout checker on small modules compiled here (package {@code m}). */
class PackageLayoutTest {
    @TempDir
    Path dir;

    /** Compiles the sources (path -> text) and answers the classes folder. */
    private Path compile(Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "fixture compiles");
        return classes;
    }

    private static final Map<String, String> GOOD = Map.of(
            "m/package-info.java", "/** root */ package m;",
            "m/Wiring.java", "package m; public final class Wiring { public static m.core.Port port() { return new m.store.Adapter(); } }",
            "m/core/Port.java", "package m.core; public interface Port { Record find(String id); }",
            "m/core/Record.java", "package m.core; public record Record(String id) {}",
            "m/store/Adapter.java", "package m.store; public final class Adapter implements m.core.Port {"
                    + " public m.core.Record find(String id) { return new m.core.Record(id); } }",
            "m/orders/OrdersHandler.java", "package m.orders; public final class OrdersHandler {"
                    + " final m.core.Port port = m.Wiring.port(); final m.orders.rules.Rule rule = new m.orders.rules.Rule(); }",
            "m/orders/rules/Rule.java", "package m.orders.rules; public final class Rule {}",
            "m/billing/BillingHandler.java", "package m.billing; public final class BillingHandler { m.core.Port port; }");

    @Test
    void aModuleLaidOutByTheRulesPasses() throws IOException {
        Path classes = compile(GOOD);
        assertEquals(List.of(), PackageLayout.violations(classes, "m"));
        PackageLayout.assertLayout(classes, "m");
    }

    @Test
    void aFeatureUsingAnotherFeatureFailsNamingTheEdge() throws IOException {
        Map<String, String> sources = new java.util.HashMap<>(GOOD);
        sources.put("m/billing/BillingHandler.java", "package m.billing; public final class BillingHandler {"
                + " Object orders() { return new m.orders.OrdersHandler(); } }");
        Path classes = compile(sources);
        assertEquals(List.of("m.billing.BillingHandler -> m.orders.OrdersHandler: feature billing uses feature orders"
                + " (features are independent)"), PackageLayout.violations(classes, "m"));
        AssertionError error = assertThrows(AssertionError.class, () -> PackageLayout.assertLayout(classes, "m"));
        assertTrue(error.getMessage().contains("m.billing.BillingHandler -> m.orders.OrdersHandler"), error.getMessage());
    }

    @Test
    void coreStoreAndRootKeepToTheirOwnRules() throws IOException {
        Map<String, String> sources = new java.util.HashMap<>(GOOD);
        // only a type in a signature: still a dependency
        sources.put("m/core/Port.java", "package m.core; public interface Port { Record find(String id);"
                + " default void audit(m.billing.BillingHandler by) {} }");
        sources.put("m/store/Adapter.java", "package m.store; public final class Adapter implements m.core.Port {"
                + " public m.core.Record find(String id) { new m.orders.rules.Rule(); return new m.core.Record(id); } }");
        sources.put("m/Wiring.java", "package m; public final class Wiring { public static m.core.Port port() {"
                + " new m.orders.OrdersHandler(); return new m.store.Adapter(); } }");
        sources.put("m/Helpers.java", "package m; final class Helpers {}");
        List<String> violations = PackageLayout.violations(compile(sources), "m");
        assertTrue(violations.contains("m.Helpers: the root package holds only Wiring (move it to core, store or a feature)"),
                violations.toString());
        assertTrue(violations.contains("m.core.Port -> m.billing.BillingHandler: core uses nothing else of the module"),
                violations.toString());
        assertTrue(violations.contains("m.store.Adapter -> m.orders.rules.Rule: store uses core only"), violations.toString());
        assertTrue(violations.contains("m.Wiring -> m.orders.OrdersHandler: the root package (Wiring) never uses a feature"),
                violations.toString());
    }

    @Test
    void aPackageCycleFailsNamingEachStep() throws IOException {
        Map<String, String> sources = new java.util.HashMap<>(GOOD);
        sources.put("m/orders/rules/Rule.java", "package m.orders.rules; public final class Rule {"
                + " Object handler() { return new m.orders.OrdersHandler(); } }");
        List<String> violations = PackageLayout.violations(compile(sources), "m");
        assertEquals(1, violations.size(), violations.toString());
        String cycle = violations.get(0);
        assertTrue(cycle.startsWith("package cycle: "), cycle);
        assertTrue(cycle.contains("m.orders.OrdersHandler -> m.orders.rules.Rule"), cycle);
        assertTrue(cycle.contains("m.orders.rules.Rule -> m.orders.OrdersHandler"), cycle);
    }

    @Test
    void aFolderWithoutTheModulesClassesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> PackageLayout.violations(dir, "m"));
    }
}
