package vn.smartprovince.shared.province;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file, so that one run reports them all. */
public final class Problems {
    private static final Comparator<ConfigProblem> BY_POSITION = Comparator
            .comparing(ConfigProblem::line, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ConfigProblem::column, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<ConfigProblem> problems = new ArrayList<>();

    public void add(ConfigProblem.Kind kind, JsonAt at, String messageEn, String messageVi) {
        problems.add(new ConfigProblem(at.path(), kind, at.line(), at.column(), messageEn, messageVi));
    }

    public void add(ConfigProblem.Kind kind, String path, Integer line, Integer column,
                    String messageEn, String messageVi) {
        problems.add(new ConfigProblem(path, kind, line, column, messageEn, messageVi));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In file order (problems without a position last). */
    public List<ConfigProblem> all() {
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(BY_POSITION);
        return sorted;
    }

    public void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(source, all());
        }
    }
}
