package vn.smartprovince.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The template parameter values of the local stack ({@code infra/local-stack.properties}), shared
 * by the local runtime and the test kit so that both run the stack the same way.
 */
public final class LocalParameters {
    public static final Path FILE = Path.of("infra", "local-stack.properties");

    private LocalParameters() {
    }

    /** The values in the repository's file; empty when the file does not exist. */
    public static Map<String, String> of(Path repoRoot) {
        Path file = repoRoot.resolve(FILE);
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }

    /**
     * The repository root: the nearest folder at or above {@code start} holding template.yaml and
     * infra/ (each domain's nested template.yaml beside its code is not the root).
     */
    public static Path repoRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in " + start.toAbsolutePath() + " or any folder above it");
    }
}
