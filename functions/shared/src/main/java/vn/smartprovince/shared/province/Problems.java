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

    /**
     * A problem at a known place; a problem of the whole document (empty file, too large,
     * unreadable) without a position is put at line 1, column 1, so that every problem has one.
     */
    public void add(ConfigProblem.Kind kind, String path, Integer line, Integer column,
                    String messageEn, String messageVi) {
        boolean known = line != null;
        problems.add(new ConfigProblem(path, kind, known ? line : 1, known && column != null ? column : 1,
                messageEn, messageVi));
    }

    /**
     * Claims {@code code} in {@code seen}; a second use is a {@code DUPLICATE_ID} at the second
     * place, naming the first. Returns whether the claim succeeded.
     */
    public boolean claim(String code, JsonAt at, java.util.Map<String, JsonAt> seen) {
        JsonAt earlier = seen.putIfAbsent(code, at);
        if (earlier != null) {
            add(ConfigProblem.Kind.DUPLICATE_ID, at, "'" + code + "' is already used at " + earlier.path(),
                    "'" + code + "' đã được dùng ở " + earlier.path());
            return false;
        }
        return true;
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
