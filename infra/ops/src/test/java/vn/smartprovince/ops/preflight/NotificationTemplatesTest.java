package vn.smartprovince.ops.preflight;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * {@link NotificationTemplates#KEYS} must name every template key the functions send. The keys
 * are found in the functions' sources: string constants named {@code *_TEMPLATE} (how the
 * producers declare them) and literal keys handed to {@code NotificationJob.create}.
 */
class NotificationTemplatesTest {
    private static final Pattern CONSTANT = Pattern.compile("static final String [A-Z_]*TEMPLATE\\s*=\\s*\"([A-Z0-9_]+)\"");
    private static final Pattern CREATE = Pattern.compile(
            "NotificationJob\\.create\\(\\s*[^,]+,\\s*[^,]+,\\s*\"([A-Z0-9_]+)\"");

    @Test
    void everyKeyTheFunctionsSendIsInTheList() throws IOException {
        Set<String> found = new TreeSet<>();
        Path functions = AwsEmulatorExtension.repoRoot().resolve("functions");
        try (Stream<Path> files = Files.walk(functions)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")).toList()) {
                String text = Files.readString(file);
                for (Pattern pattern : new Pattern[] {CONSTANT, CREATE}) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        // The dossiers' keys are "DOSSIER_" + a notice kind (one template per kind): read the kinds.
        Matcher kinds = Pattern.compile("enum Kind \\{([^;}]*)[;}]").matcher(Files.readString(functions.resolve(
                "dossiers/src/main/java/vn/smartprovince/dossiers/core/Notices.java")));
        assertTrue(kinds.find(), "dossiers' Notices.Kind not found: the pattern is out of date");
        for (String kind : kinds.group(1).split(",")) {
            found.add("DOSSIER_" + kind.strip());
        }
        assertTrue(found.containsAll(Set.of("REPORT_RECEIVED", "DOSSIER_RECEIVED", "APPOINTMENT_CONFIRMED",
                "APPOINTMENT_REMINDER")), "the patterns are out of date: " + found);
        for (String key : found) {
            assertTrue(NotificationTemplates.KEYS.contains(key), key + " is sent by a function but missing from"
                    + " NotificationTemplates.KEYS, so the preflight would not check the province has a template for it");
        }
    }
}
