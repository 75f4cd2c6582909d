package vn.smartprovince.ops.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * infra/bin/province end to end on moto, through its entry point: validate, diff and apply the
 * demo file; rename an agency and apply again; history; rollback 1; a broken file refused with
 * every problem listed and nothing written.
 */
class ProvinceMainTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run province(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("validate")) {
            all.addAll(List.of("--endpoint", aws.endpoint().toString(), "--region", aws.region(),
                    "--stack", AwsEmulatorExtension.DEFAULT_STACK_NAME));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ProvinceMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("USER", "test-operator"));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void ok(Run run) {
        assertEquals(0, run.exit(), run.out() + run.err());
    }

    @Test
    void theWholeLifeOfAProvinceConfiguration() throws IOException {
        Configs.empty(aws.dynamoDb(), aws.tableName("MainTable"));
        String demo = Configs.DEMO.toString();

        // 1. validate, diff, apply the demo file
        Run validate = province("validate", demo);
        ok(validate);
        assertTrue(validate.out().contains(": valid (demo data): province DEMO-TNH \"Tây Ninh\", 23 units, 28 agencies"),
                validate.out());
        Run firstDiff = province("diff", demo);
        ok(firstDiff);
        assertTrue(firstDiff.out().startsWith("Province DEMO-TNH: nothing in force yet."), firstDiff.out());
        Run first = province("apply", demo, "--note", "demo");
        ok(first);
        assertTrue(first.out().endsWith("Applied: version 1 is in force for DEMO-TNH (was version 0; by test-operator).\n"),
                first.out());
        Run same = province("diff", demo);
        ok(same);
        assertTrue(same.out().contains("No changes: " + demo + " is the configuration in force."), same.out());

        // 2. one agency renamed, then applied again on the base the diff showed
        Path renamed = dir.resolve("renamed.json");
        Files.writeString(renamed, Files.readString(Configs.DEMO).replace("\"id\": \"so-xay-dung\", \"name\": \"Sở Xây dựng\"",
                "\"id\": \"so-xay-dung\", \"name\": \"Sở Xây dựng tỉnh Tây Ninh\""));
        Run diff = province("diff", renamed.toString());
        ok(diff);
        assertEquals("Province DEMO-TNH: " + renamed + " compared with version 1 in force (applied by test-operator at "
                + diff.out().split("applied by test-operator at ")[1].split("\\)")[0] + ")\n"
                + "1 change:\n"
                + "  - Agency renamed (so-xay-dung): \"Sở Xây dựng\" -> \"Sở Xây dựng tỉnh Tây Ninh\"\n"
                + "To apply exactly this: infra/bin/province apply " + renamed + " --base 1\n", diff.out());
        ok(province("apply", renamed.toString(), "--base", "1", "--by", "alice", "--note", "full name"));
        Run stale = province("apply", renamed.toString().replace("renamed", "renamed"), "--base", "1");
        assertEquals(3, stale.exit(), stale.out() + stale.err());
        assertTrue(stale.err().contains("Version 2 is in force now (applied by alice") && stale.err().contains("run diff again"),
                stale.err());

        // 3. history shows both
        Run history = province("history");
        ok(history);
        List<String> rows = history.out().lines().toList();
        assertEquals(4, rows.size(), history.out());
        assertTrue(rows.get(1).matches("\\*       2  20[0-9-]{8}T[0-9:]{8}Z  +alice +full name"), rows.get(1));
        assertTrue(rows.get(2).matches("        1  20\\S+Z +test-operator +demo"), rows.get(2));

        // 4. rollback 1: a new version with version 1's content
        Run rollback = province("rollback", "1", "--by", "bob");
        ok(rollback);
        assertTrue(rollback.out().contains("Agency renamed (so-xay-dung): \"Sở Xây dựng tỉnh Tây Ninh\" -> \"Sở Xây dựng\""),
                rollback.out());
        assertTrue(rollback.out().contains("Rolled back: version 3 is in force for DEMO-TNH, with the content of version 1"),
                rollback.out());
        Run current = province("export");
        Run versionOne = province("export", "--version", "1");
        ok(current);
        assertEquals(versionOne.out(), current.out());
        Run show = province("show");
        ok(show);
        assertTrue(show.out().contains("  version      3 (content of version 1)\n  applied by   bob\n"), show.out());
        assertTrue(show.out().contains("  entity items in step"), show.out());

        // export, apply: nothing changes
        Path exported = dir.resolve("exported.json");
        ok(province("export", "--out", exported.toString()));
        Run reapply = province("apply", exported.toString());
        ok(reapply);
        assertTrue(reapply.out().startsWith("No changes: "), reapply.out());

        // 5. a broken file: every problem listed, nothing written
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(Configs.DEMO)
                .replace("\"schemaVersion\": 1,", "\"schemaVersion\": 2,")
                .replace("\"miniAppId\": \"1234567890\"", "\"miniAppId\": \"12ab\", \"appSecret\": \"s\"")
                .replace("\"id\": \"so-xay-dung\", \"name\": \"Sở Xây dựng\"", "\"id\": \"so-xay-dung\", \"name\": \"\""));
        for (String command : List.of("validate", "apply")) {
            Run refused = province(command, broken.toString());
            assertEquals(1, refused.exit(), refused.out() + refused.err());
            List<String> problems = refused.err().lines().filter(line -> line.startsWith("  line ")).toList();
            assertEquals(4, problems.size(), refused.err());
            assertTrue(refused.err().startsWith(broken + ": 4 problems\n"), refused.err());
            assertTrue(problems.get(0).startsWith("  line 2, column 20: schemaVersion: "), problems.get(0));
            assertTrue(problems.get(1).startsWith("  line 10, column 26: zalo.miniAppId: "), problems.get(1));
            assertTrue(problems.get(2).contains("zalo.appSecret: unknown key, and named like a secret"), problems.get(2));
            // The line of the demo file where that agency is (the file grows: found, not hard-coded).
            int agencyLine = 1 + (int) Files.readString(Configs.DEMO).lines()
                    .takeWhile(line -> !line.contains("\"id\": \"so-xay-dung\"")).count();
            assertTrue(problems.get(3).startsWith("  line " + agencyLine + ", column ")
                    && problems.get(3).contains("agencies[1].name"), problems.get(3));
        }
        Run after = province("history");
        assertEquals(5, after.out().lines().count(), "three versions, nothing more: " + after.out());
        assertTrue(province("show").out().contains("  version      3 "));
    }

    @Test
    void usageMistakesAreExitTwoAndNeedNoAws() {
        assertEquals(2, ProvinceMain.run(new String[] {"apply"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of()));
        assertEquals(2, ProvinceMain.run(new String[] {"rollback", "x"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of()));
        assertEquals(2, ProvinceMain.run(new String[] {"secrets"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of()));
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(0, ProvinceMain.run(new String[] {"--help"}, new PrintStream(help, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), Map.of()));
        assertTrue(help.toString(StandardCharsets.UTF_8).contains("rollback VERSION"));
    }
}
