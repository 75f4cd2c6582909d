package vn.smartprovince.ops;

/** What every ops tool's argument parsing shares. */
public final class CommandLine {
    private CommandLine() {
    }

    /** The value after an option, e.g. {@code --stack NAME}; a usage error naming the option when missing. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
