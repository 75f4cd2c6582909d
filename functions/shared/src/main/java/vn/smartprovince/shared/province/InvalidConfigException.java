package vn.smartprovince.shared.province;

import java.util.List;

/** A configuration file that cannot be used, with every problem found in it (not just the first). */
public class InvalidConfigException extends RuntimeException {
    private final String source;
    private final List<ConfigProblem> problems;

    public InvalidConfigException(String source, List<ConfigProblem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(String source, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder()
                .append(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(source).append(": ").append(problem.describe());
        }
        return text.toString();
    }
}
