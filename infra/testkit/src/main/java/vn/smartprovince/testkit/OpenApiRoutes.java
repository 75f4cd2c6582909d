package vn.smartprovince.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes functions/openapi.yaml describes, as {@code METHOD path}: what tests that must walk
 * every route of a kind (strangers' access) read, so that a new route fails them until walked.
 */
public final class OpenApiRoutes {
    private OpenApiRoutes() {
    }

    /**
     * {@code METHOD path} of every operation whose method matches {@code methodPattern} (lower
     * case, e.g. {@code get|post}) on a path matching {@code pathPattern}, in file order.
     */
    public static List<String> matching(String pathPattern, String methodPattern) throws IOException {
        List<String> lines = Files.readAllLines(AwsEmulatorExtension.repoRoot().resolve("functions/openapi.yaml"));
        Pattern path = Pattern.compile("^  (" + pathPattern + "):\\s*$");
        Pattern operation = Pattern.compile("^    (" + methodPattern + "):\\s*$");
        List<String> routes = new ArrayList<>();
        String current = null;
        for (String line : lines) {
            Matcher p = path.matcher(line);
            if (p.matches()) {
                current = p.group(1);
                continue;
            }
            if (line.startsWith("  /") || !line.startsWith(" ") && !line.isBlank()) {
                current = null;
                continue;
            }
            Matcher o = operation.matcher(line);
            if (current != null && o.matches()) {
                routes.add(o.group(1).toUpperCase() + " " + current);
            }
        }
        return routes;
    }
}
