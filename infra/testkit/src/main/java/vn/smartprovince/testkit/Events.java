package vn.smartprovince.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Sample events from the repository's {@code events/} folder (the same files {@code sam local
 * invoke -e} and the local runtime use), e.g. {@code Events.load("health-get.json")}.
 */
public final class Events {
    private Events() {
    }

    /** The event as UTF-8 text. */
    public static String load(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The event's bytes, as a FunctionInvoker or a RequestStreamHandler takes them. */
    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the event lives; names may include sub-folders of {@code events/}. */
    public static Path path(String name) {
        Path folder = RepoRoot.get().resolve("events");
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder)) {
            throw new IllegalArgumentException("event name leaves the events folder: " + name);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no event " + name + " in " + folder + "; there are: " + list(folder));
        }
        return file;
    }

    private static String list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "(no events folder)";
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList().toString();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
