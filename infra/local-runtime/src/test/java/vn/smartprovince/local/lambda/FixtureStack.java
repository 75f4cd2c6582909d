package vn.smartprovince.local.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.smartprovince.local.template.Intrinsics;
import vn.smartprovince.local.template.Template;

/**
 * The test stack (src/test/resources/local-fixture/template.yaml) with real deployment packages:
 * {@code target/local-fixture/code/} holds the classes of {@code vn.smartprovince.local.fixture}
 * at its root and the jars they use under {@code lib/} (our shared module, Jackson, Lambda's
 * events and core), and {@code code.zip} is the same in a zip, like our Maven-built
 * {@code <module>-lambda.zip}. Built once per test JVM.
 */
public final class FixtureStack {
    public static final String STACK = "local-test";
    public static final String REGION = "ap-southeast-1";
    public static final String ACCOUNT = "000000000000";
    public static final URI EMULATOR = URI.create("http://127.0.0.1:4566");
    /** What the fake emulator answers for {@code !Ref Api}. */
    public static final String API_ID = "fixture123";

    /** Classes whose jars a real package of ours has under lib/. */
    private static final List<String> LIB_CLASSES = List.of(
            "vn.smartprovince.shared.config.Env",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonFactory",
            "com.fasterxml.jackson.annotation.JsonInclude",
            "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "org.joda.time.DateTime",
            // Bundled as every package bundles it; the runtime must still use its own copy.
            "com.amazonaws.services.lambda.runtime.Context");

    private static Path directory;

    private FixtureStack() {
    }

    /** {@code target/local-fixture}: template.yaml, code/ and code.zip. */
    public static synchronized Path directory() {
        if (directory == null) {
            try {
                directory = assemble();
            } catch (IOException | URISyntaxException | ClassNotFoundException e) {
                throw new IllegalStateException("cannot assemble the fixture package", e);
            }
        }
        return directory;
    }

    public static Template template() {
        return Template.load(directory().resolve("template.yaml"));
    }

    public static Intrinsics intrinsics(Template template) {
        return new Intrinsics(template, Map.of(), STACK, REGION, ACCOUNT, new Intrinsics.Resources() {
            @Override
            public Object ref(String logicalId) {
                return logicalId.equals("Api") ? API_ID : STACK + "-" + logicalId;
            }

            @Override
            public Object getAtt(String logicalId, String attribute) {
                return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + STACK + "-" + logicalId;
            }
        });
    }

    public static LocalFunctions functions(Map<String, Map<String, String>> envOverrides) {
        Template template = template();
        return new LocalFunctions(template, intrinsics(template), EMULATOR, STACK, envOverrides);
    }

    private static Path assemble() throws IOException, URISyntaxException, ClassNotFoundException {
        Path testClasses = Path.of(FixtureStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = testClasses.getParent().resolve("local-fixture");
        FunctionCode.deleteRecursively(root);
        Path code = root.resolve("code");
        Path lib = code.resolve("lib");
        Files.createDirectories(lib);
        Files.copy(testClasses.resolve("local-fixture/template.yaml"), root.resolve("template.yaml"));

        Path handlers = testClasses.resolve("vn/smartprovince/local/fixture");
        try (Stream<Path> files = Files.walk(handlers)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = code.resolve(testClasses.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        for (String className : LIB_CLASSES) {
            Path location = Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                // In a reactor build a sibling module may still be its classes folder.
                zip(location, lib.resolve(location.getParent().getParent().getFileName() + ".jar"));
            } else {
                Files.copy(location, lib.resolve(location.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        zip(code, root.resolve("code.zip"));
        return root;
    }

    /** A zip of the folder's content (entries relative to it), as the Maven assembly makes. */
    public static void zip(Path folder, Path zipFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile);
             ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                try {
                    Files.copy(file, zip);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                zip.closeEntry();
            }
        }
    }
}
