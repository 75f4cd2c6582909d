package vn.smartprovince.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Where a function's code is (its CodeUri, relative to the template's folder) and the class
 * path it gives, in Lambda's layout: classes at the root and jars under {@code lib/}.
 *
 * <ul>
 *   <li>a {@code .zip} (our {@code functions/<module>/target/<module>-lambda.zip}) is extracted
 *       to {@code <template dir>/.local/functions/<LogicalId>/}, and extracted again when the
 *       zip's size or modification time changes;</li>
 *   <li>a {@code .jar} is the class path by itself;</li>
 *   <li>a directory is used in place.</li>
 * </ul>
 */
public final class FunctionCode {

    enum Kind { ZIP, JAR, DIRECTORY }

    /** A prepared code version: the task root (LAMBDA_TASK_ROOT), class path and what it was made from. */
    record Prepared(Path taskRoot, List<URL> classPath, String stamp) {
    }

    private final String functionId;
    private final String codeUri;
    private final Path artifact;
    private final Path templateDirectory;
    private final Kind kind;

    private FunctionCode(String functionId, String codeUri, Path artifact, Path templateDirectory) {
        this.functionId = functionId;
        this.codeUri = codeUri;
        this.artifact = artifact;
        this.templateDirectory = templateDirectory;
        String name = artifact.getFileName() == null ? "" : artifact.getFileName().toString().toLowerCase(Locale.ROOT);
        this.kind = name.endsWith(".zip") ? Kind.ZIP : name.endsWith(".jar") ? Kind.JAR : Kind.DIRECTORY;
    }

    public static FunctionCode of(String functionId, String codeUri, Path templateDirectory) {
        if (codeUri == null || codeUri.isBlank()) {
            throw new IllegalArgumentException(functionId + " has no CodeUri (an S3 location or inline code "
                    + "cannot run locally)");
        }
        Path directory = templateDirectory.toAbsolutePath().normalize();
        return new FunctionCode(functionId, codeUri, directory.resolve(codeUri).normalize(), directory);
    }

    public Path artifact() {
        return artifact;
    }

    public boolean exists() {
        return kind == Kind.DIRECTORY ? Files.isDirectory(artifact) : Files.isRegularFile(artifact);
    }

    /** What a missing artifact means and how to make it. */
    public String missingMessage() {
        StringBuilder message = new StringBuilder()
                .append("Code of function ").append(functionId).append(" not found: ").append(artifact)
                .append(" (CodeUri ").append(codeUri).append("). Build it first: ");
        Path target = findAncestor(artifact, "target");
        if (target != null && target.getParent() != null && target.getParent().startsWith(templateDirectory)) {
            String module = templateDirectory.relativize(target.getParent()).toString();
            message.append("mvn -q package -DskipTests -pl ").append(module).append(" -am");
        } else {
            message.append("mvn -q package -DskipTests");
        }
        return message.append(" (in ").append(templateDirectory).append(')').toString();
    }

    /** Changes when the artifact is rebuilt; a directory is taken as it is (never reloaded). */
    String currentStamp() {
        if (kind == Kind.DIRECTORY) {
            return "directory";
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(artifact, BasicFileAttributes.class);
            return attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    /** Makes the code usable (extracting a zip if it changed) and gives its class path. */
    synchronized Prepared prepare() throws IOException {
        if (!exists()) {
            throw new java.nio.file.NoSuchFileException(missingMessage());
        }
        String stamp = currentStamp();
        return switch (kind) {
            case JAR -> new Prepared(artifact.getParent(), List.of(url(artifact)), stamp);
            case DIRECTORY -> new Prepared(artifact, classPath(artifact), stamp);
            case ZIP -> {
                Path root = extract(stamp);
                yield new Prepared(root, classPath(root), stamp);
            }
        };
    }

    /** Where a zip is extracted: {@code <template dir>/.local/functions/<LogicalId>/}. */
    Path extractionDirectory() {
        return templateDirectory.resolve(".local").resolve("functions").resolve(functionId);
    }

    private Path extract(String stamp) throws IOException {
        Path target = extractionDirectory();
        Path base = target.getParent();
        Path stampFile = base.resolve(functionId + ".source");
        String source = artifact + "\n" + stamp + "\n";
        if (Files.isDirectory(target) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(source)) {
            return target;
        }
        Files.createDirectories(base);
        // A stopped JVM can leave a staging folder behind; this function's are never in use now.
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(base, functionId + ".extracting-*")) {
            for (Path leftover : leftovers) {
                deleteRecursively(leftover);
            }
        }
        // Extract beside the target and swap it in, so a failed or concurrent extraction never
        // leaves a half-written package where the next start would take it as complete.
        Path staging = Files.createTempDirectory(base, functionId + ".extracting-");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(artifact))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException(artifact + ": entry " + entry.getName() + " points outside the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    copy(zip, out);
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteRecursively(staging);
            throw e;
        }
        Files.deleteIfExists(stampFile);
        deleteRecursively(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stampFile, source, StandardCharsets.UTF_8);
        return target;
    }

    private static void copy(InputStream in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Lambda's Java runtime puts the task root and then every {@code lib/*.jar} on the class path. */
    private static List<URL> classPath(Path root) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(root));
        Path lib = root.resolve("lib");
        if (Files.isDirectory(lib)) {
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(lib, "*.jar")) {
                entries.forEach(jars::add);
            }
            jars.sort(Comparator.comparing(Path::toString));
            for (Path jar : jars) {
                urls.add(url(jar));
            }
        }
        return urls;
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }

    private static Path findAncestor(Path path, String name) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(name)) {
                return p;
            }
        }
        return null;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return artifact.toString();
    }
}
