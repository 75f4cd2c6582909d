package vn.smartprovince.ops.province;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ConfigDiff;
import vn.smartprovince.shared.province.ConfigGuards;
import vn.smartprovince.shared.province.ConfigProblem;
import vn.smartprovince.shared.province.InvalidConfigException;
import vn.smartprovince.shared.province.OpenReports;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.province.ProvinceConfigStore.Applied;
import vn.smartprovince.shared.province.ProvinceConfigStore.RefusedChangeException;
import vn.smartprovince.shared.province.ProvinceConfigStore.StaleBaseException;
import vn.smartprovince.shared.province.ProvinceConfigStore.Version;
import vn.smartprovince.ops.AwsAccess;
import vn.smartprovince.ops.CommandLine;

/**
 * {@code infra/bin/province}: the province configuration of a deployed stack or a local emulator:
 * check a file, see what it would change, apply it as a new version, see what is in force and
 * its history, roll back, export. Manual: docs/province-configuration.md.
 */
public final class ProvinceMain {
    static final String USAGE = """
            usage: infra/bin/province COMMAND [ARG] [--stack NAME --region R | --endpoint URL | --table NAME] [options]

              validate FILE            check a file: every problem with line and column (no AWS)
              diff FILE [--base N]     what applying FILE would change, in words; what would be refused
              apply FILE [--base N] [--by NAME] [--note TEXT]
                                       make FILE the configuration in force, as a new version
              show                     the version in force: who applied it, when, hash, contents
              history                  every version, newest first: who, when, note
              rollback VERSION [--base N] [--by NAME] [--note TEXT]
                                       make an earlier version's content current again, as a new version
              export [--version N] [--out FILE]
                                       the JSON of the version in force (or N); apply(export) changes nothing
              secrets [...]            create the secrets a first deploy needs (infra/bin/secrets --help)

            --stack NAME    a deployed stack: its output MainTableName (credentials: the default AWS chain)
            --region R      default: AWS_REGION, the profile's region, else ap-southeast-1
            --endpoint URL  an emulator (start-local: http://127.0.0.1:4566); table <stack>-MainTable,
                            stack smartprovince-local unless --stack says otherwise
            --table NAME    the main table's name, found no other way
            --province CODE show/history/rollback/export: which province (default: the only one in the table)
            --base N        refuse unless version N is still in force (the one your diff was against);
                            default: the version in force when the command starts
            --by NAME       who applies (default: the AWS caller identity on AWS, else $USER)

            exit: 0 done (or nothing to change); 1 the file has problems or the change is refused;
                  2 wrong usage; 3 someone applied in between: diff again; 4 AWS refused or unreachable""";

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE_ERROR = 2;
    static final int STALE = 3;
    static final int AWS_FAILED = 4;

    private ProvinceMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** The parsed command line. */
    record Options(String command, String argument, String stack, String region, String endpoint, String table,
                   String province, Integer base, String by, String note, Integer version, String out) {
    }

    /** @return the exit code (see {@link #USAGE}) */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return USAGE_ERROR;
        }
        if (options == null) {
            out.println(USAGE);
            return OK;
        }
        if (options.command().equals("validate")) {
            return validate(Path.of(options.argument()), out, err);
        }
        ProvinceConfig file = null;
        if (options.command().equals("diff") || options.command().equals("apply")) {
            try {
                file = ProvinceConfigLoader.load(Path.of(options.argument()));
            } catch (InvalidConfigException | UncheckedIOException e) {
                printProblems(e, err);
                err.println("Nothing was written.");
                return INVALID;
            }
        }
        try (DynamoDbClient dynamo = new AwsAccess(options.endpoint(), options.region(), environment)
                .build(DynamoDbClient.builder())) {
            String table = MainTable.resolve(dynamo, options.table(), options.stack(), options.endpoint(),
                    options.region(), environment);
            Commands commands = new Commands(new ProvinceConfigStore(dynamo, table), OpenReports.inTable(dynamo, table),
                    out, err);
            return switch (options.command()) {
                case "diff" -> commands.diff(file, options.argument(), options.base());
                case "apply" -> commands.apply(file, options.argument(), options.base(), by(options, environment),
                        options.note());
                case "show" -> commands.show(options.province());
                case "history" -> commands.history(options.province());
                case "rollback" -> commands.rollback(options.province(), version(options.argument()), options.base(),
                        by(options, environment), options.note());
                case "export" -> commands.export(options.province(), options.version(),
                        options.out() == null ? null : Path.of(options.out()));
                default -> throw new IllegalArgumentException("unknown command " + options.command());
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE_ERROR;
        } catch (SdkException e) {
            err.println("AWS refused or could not be reached: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return AWS_FAILED;
        }
    }

    // ------------------------------------------------------------------ validate (no AWS)

    static int validate(Path path, PrintStream out, PrintStream err) {
        try {
            ProvinceConfig config = ProvinceConfigLoader.load(path);
            out.println(path + ": valid" + (config.demo() ? " (demo data)" : "") + ": province "
                    + config.province().code() + " \"" + config.province().name() + "\", " + ConfigDiff.summary(config));
            return OK;
        } catch (InvalidConfigException | UncheckedIOException e) {
            printProblems(e, err);
            return INVALID;
        }
    }

    /** Every problem, one a line, with line and column. */
    static void printProblems(RuntimeException e, PrintStream err) {
        if (e instanceof InvalidConfigException invalid) {
            List<ConfigProblem> problems = invalid.problems();
            err.println(invalid.source() + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            problems.forEach(problem -> err.println("  " + problem.describe()));
        } else {
            err.println(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        }
    }

    // ------------------------------------------------------------------ the commands on a table

    /** The commands that read or write the table. */
    static final class Commands {
        private final ProvinceConfigStore store;
        private final OpenReports openReports;
        private final PrintStream out;
        private final PrintStream err;

        Commands(ProvinceConfigStore store, OpenReports openReports, PrintStream out, PrintStream err) {
            this.store = store;
            this.openReports = openReports;
            this.out = out;
            this.err = err;
        }

        int diff(ProvinceConfig file, String fileName, Integer base) {
            String code = file.province().code();
            Version current = store.currentVersion(code).orElse(null);
            List<String> others = store.provinceCodes().stream().filter(other -> !other.equals(code)).toList();
            if (current == null && !others.isEmpty()) {
                err.println("Refused: " + ConfigGuards.provinceCode(String.join(", ", others), code));
                return INVALID;
            }
            if (base != null && base != versionOf(current)) {
                err.println("Version " + versionOf(current) + " is in force, not version " + base + ".");
                return STALE;
            }
            if (current == null) {
                out.println("Province " + code + ": nothing in force yet. Applying " + fileName + " would create version 1:");
                out.println("  " + ConfigDiff.summary(file));
                out.println("To apply exactly this: infra/bin/province apply " + fileName + " --base 0");
                return OK;
            }
            ProvinceConfig before = current.config();
            out.println("Province " + code + ": " + fileName + " compared with version " + current.version()
                    + " in force (applied by " + current.appliedBy() + " at " + current.appliedAt() + ")");
            List<ConfigDiff.Change> changes = ConfigDiff.between(before, file);
            if (changes.isEmpty()) {
                out.println("No changes: " + fileName + " is the configuration in force.");
                return OK;
            }
            out.println(changes.size() + (changes.size() == 1 ? " change:" : " changes:"));
            changes.forEach(change -> out.println("  - " + change.text()));
            List<String> refused = ConfigGuards.refusals(before, file,
                    openReports.count(code, before.agencies().stream().map(a -> a.id()).toList()));
            if (!refused.isEmpty()) {
                out.println("Apply would be refused:");
                refused.forEach(reason -> out.println("  - " + reason));
                return INVALID;
            }
            out.println("To apply exactly this: infra/bin/province apply " + fileName + " --base " + current.version());
            return OK;
        }

        int apply(ProvinceConfig file, String fileName, Integer base, String by, String note) {
            return guarded(() -> {
                Applied applied = store.apply(file, base, by, note);
                if (!applied.changed()) {
                    out.println("No changes: " + fileName + " is already in force as version " + applied.version()
                            + "; nothing new written" + repaired(applied) + ".");
                    return OK;
                }
                printApplied(applied);
                out.println("Applied: version " + applied.version() + " is in force for " + applied.provinceCode()
                        + " (was version " + applied.baseVersion() + "; by " + by + ").");
                return OK;
            });
        }

        int rollback(String province, int version, Integer base, String by, String note) {
            String code = province(province);
            return guarded(() -> {
                Applied applied = store.rollback(code, version, base, by, note);
                if (!applied.changed()) {
                    out.println("No changes: version " + version + "'s content is already in force (version "
                            + applied.version() + "); nothing new written" + repaired(applied) + ".");
                    return OK;
                }
                printApplied(applied);
                out.println("Rolled back: version " + applied.version() + " is in force for " + code
                        + ", with the content of version " + version + " (was version " + applied.baseVersion()
                        + "; by " + by + ").");
                return OK;
            });
        }

        int show(String province) {
            String code = province(province);
            Version current = store.currentVersion(code).orElseThrow(() ->
                    new IllegalArgumentException("province " + code + " has no configuration in force"));
            ProvinceConfig config = current.config();
            int drift = store.entityDrift(config);
            out.println("Province " + code + " \"" + config.province().name() + "\"" + (config.demo() ? " (demo data)" : ""));
            out.println("  version      " + current.version() + (current.restoredFrom() == null ? ""
                    : " (content of version " + current.restoredFrom() + ")"));
            out.println("  applied by   " + current.appliedBy());
            out.println("  applied at   " + current.appliedAt());
            if (current.note() != null) {
                out.println("  note         " + current.note());
            }
            out.println("  sha256       " + current.sha256());
            out.println("  contents     " + ConfigDiff.summary(config));
            out.println("  entity items " + (drift == 0 ? "in step" : drift + " out of step: apply the same file"
                    + " again (infra/bin/province export | apply) to repair them"));
            return OK;
        }

        int history(String province) {
            String code = province(province);
            List<Version> versions = store.history(code);
            if (versions.isEmpty()) {
                out.println("Province " + code + ": no versions");
                return OK;
            }
            int current = store.currentVersion(code).map(Version::version).orElse(0);
            out.println(String.format("  %7s  %-20s  %-24s  %s", "version", "applied at (UTC)", "by", "note"));
            for (Version v : versions) {
                String note = v.note() == null ? "" : v.note();
                out.println(String.format("%s %7d  %-20s  %-24s  %s", v.version() == current ? "*" : " ", v.version(),
                        seconds(v.appliedAt()), v.appliedBy(), note).stripTrailing());
            }
            out.println("(* in force)");
            return OK;
        }

        int export(String province, Integer version, Path file) {
            String code = province(province);
            Version chosen = (version == null ? store.currentVersion(code) : store.version(code, version))
                    .orElseThrow(() -> new IllegalArgumentException("province " + code + " has no "
                            + (version == null ? "configuration in force" : "version " + version)));
            String json = pretty(chosen.configJson());
            if (file == null) {
                out.print(json);
                return OK;
            }
            try {
                Files.writeString(file, json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
            }
            err.println("Wrote version " + chosen.version() + " of " + code + " to " + file);
            return OK;
        }

        private interface Write {
            int run();
        }

        private int guarded(Write write) {
            try {
                return write.run();
            } catch (StaleBaseException e) {
                err.println("Refused: " + e.getMessage());
                return STALE;
            } catch (RefusedChangeException e) {
                err.println(e.getMessage());
                return INVALID;
            }
        }

        private void printApplied(Applied applied) {
            out.println(applied.changes().size() + (applied.changes().size() == 1 ? " change:" : " changes:"));
            applied.changes().forEach(change -> out.println("  - " + change.text()));
        }

        private static String repaired(Applied applied) {
            return applied.entityItemsWritten() == 0 ? ""
                    : " (" + applied.entityItemsWritten() + " entity items brought in step)";
        }

        /** The province asked for, or the only one in the table. */
        private String province(String asked) {
            if (asked != null) {
                return asked;
            }
            List<String> codes = store.provinceCodes();
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("no province configuration in this table yet (apply a file first)");
            }
            if (codes.size() > 1) {
                throw new IllegalArgumentException("this table holds several provinces (" + String.join(", ", codes)
                        + "): say which with --province");
            }
            return codes.get(0);
        }

        private static String seconds(String instant) {
            try {
                return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            } catch (java.time.format.DateTimeParseException e) {
                return instant;
            }
        }

        private static int versionOf(Version version) {
            return version == null ? 0 : version.version();
        }
    }

    /** The stored canonical JSON, indented for people; parsing it gives the same configuration. */
    static String pretty(String json) {
        try {
            JsonNode tree = Json.read(json);
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ command line

    /** @return null for --help */
    static Options parse(String[] args) {
        String stack = null;
        String region = null;
        String endpoint = null;
        String table = null;
        String province = null;
        Integer base = null;
        String by = null;
        String note = null;
        Integer version = null;
        String outFile = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--stack" -> stack = CommandLine.value(args, ++i, "--stack");
                case "--region" -> region = CommandLine.value(args, ++i, "--region");
                case "--endpoint" -> endpoint = CommandLine.value(args, ++i, "--endpoint");
                case "--table" -> table = CommandLine.value(args, ++i, "--table");
                case "--province" -> province = CommandLine.value(args, ++i, "--province");
                case "--base" -> base = number(CommandLine.value(args, ++i, "--base"), "--base", 0);
                case "--by" -> by = CommandLine.value(args, ++i, "--by");
                case "--note" -> note = CommandLine.value(args, ++i, "--note");
                case "--version" -> version = number(CommandLine.value(args, ++i, "--version"), "--version", 1);
                case "--out" -> outFile = CommandLine.value(args, ++i, "--out");
                case "--help", "-h" -> {
                    return null;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("a command is required");
        }
        String command = positional.get(0);
        int wanted = switch (command) {
            case "validate", "diff", "apply", "rollback" -> 2;
            case "show", "history", "export" -> 1;
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
        if (positional.size() != wanted) {
            throw new IllegalArgumentException(command + (wanted == 1 ? " takes no argument"
                    : command.equals("rollback") ? " needs a VERSION" : " needs a FILE"));
        }
        if (command.equals("rollback")) {
            version(positional.get(1));
        }
        return new Options(command, wanted == 2 ? positional.get(1) : null, stack, region, endpoint, table, province,
                base, by, note, version, outFile);
    }

    private static int version(String text) {
        return number(text, "VERSION", 1);
    }

    private static int number(String text, String what, int min) {
        try {
            int n = Integer.parseInt(text);
            if (n < min) {
                throw new IllegalArgumentException(what + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not \"" + text + "\"");
        }
    }

    /** {@code --by}, else on AWS the caller identity's ARN, else $USER. */
    private static String by(Options options, Map<String, String> environment) {
        if (options.by() != null && !options.by().isBlank()) {
            return options.by();
        }
        if (options.endpoint() == null) {
            try (StsClient sts = new AwsAccess(null, options.region(), environment).build(StsClient.builder())) {
                return sts.getCallerIdentity().arn();
            } catch (SdkException e) {
                // fall back to the local user
            }
        }
        return environment.getOrDefault("USER", "unknown");
    }
}
