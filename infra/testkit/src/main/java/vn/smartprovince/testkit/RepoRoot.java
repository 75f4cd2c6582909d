package vn.smartprovince.testkit;

import java.nio.file.Path;

/** The repository's root: the nearest folder at or above {@code user.dir} that holds {@code template.yaml}. */
public final class RepoRoot {
    private static volatile Path cached;

    private RepoRoot() {
    }

    public static Path get() {
        Path root = cached;
        if (root == null) {
            root = find(Path.of(System.getProperty("user.dir")));
            cached = root;
        }
        return root;
    }

    /** The repository's {@code template.yaml}. */
    public static Path template() {
        return get().resolve("template.yaml");
    }

    static Path find(Path start) {
        try {
            return vn.smartprovince.local.LocalParameters.repoRoot(start);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage()
                    + "; run the tests inside the repository, or give the kit a template path", e);
        }
    }
}
