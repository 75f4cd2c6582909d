package vn.smartprovince.dossiers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Counter field names come from shared.stats.DossierCounterKeys, the one place of the key scheme. */
class CounterKeysTest {
    private static final Pattern COUNTING = Pattern.compile("DossierCounters\\.add|\\bcount(Agency)?\\(effects");

    @Test
    void noCounterIsNamedByAStringLiteral() throws IOException {
        List<String> literal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (COUNTING.matcher(lines.get(i)).find() && lines.get(i).contains("\"")) {
                        literal.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), literal);
    }
}
