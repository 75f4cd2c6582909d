package vn.smartprovince.shared.priming;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.smartprovince.shared.log.JsonLog;

/**
 * SnapStart priming of a function instance.
 *
 * <p>On Lambda, a version published with SnapStart is initialised once (the handler constructed),
 * then the {@code beforeCheckpoint} of every registered {@code org.crac} resource runs, then the
 * memory is snapshotted; every cold start of that version restores the snapshot. Whatever ran
 * before it (classes loaded and compiled, the first JSON parse, an SDK client's first call, a
 * secret read) a restored instance does not pay again. So handlers register primers when they are
 * constructed, and the one resource registered here runs them all before the snapshot.
 *
 * <p>While a primer runs, {@link #active()} is true and guards refuse every call that would write,
 * send a message or call out, with {@link PrimingRefusedException}: the AWS clients' interceptor
 * lets only reads through ({@code shared.aws.PrimingGuard}), the Zalo client and the one-stop
 * gateway refuse everything, and {@code JsonLog} demotes the lines written meanwhile so that a
 * priming pass trips no log-based alarm. Each primer writes one line instead: {@code primed} (info;
 * also when a refusal stopped it, which is what priming expects) or {@code priming failed} (a
 * warning: anything else went wrong). A failing primer never fails the snapshot.
 *
 * <p>Registering costs a list entry (and, the first time, loading org.crac's few classes); the
 * primers only run in {@link #primeAll()}.
 */
public final class Priming {
    /** A primer of an object only its users keep alive (a handler, a client); the registry holds it weakly. */
    @FunctionalInterface
    public interface OwnedPrimer<T> {
        /** @return what the pass found, for its log line (e.g. {@code HTTP 401}), or null */
        String prime(T owner) throws Exception;
    }

    private static final Object LOCK = new Object();
    private static final List<Entry> ENTRIES = new ArrayList<>();   // guarded by LOCK
    /** Run after a restore from the snapshot: state that must not outlive it (owners held weakly). */
    private static final List<Entry> ON_RESTORE = new ArrayList<>(); // guarded by LOCK
    private static int pruneAt = 64;                                 // guarded by LOCK
    /** primeAll passes under way: entries are not pruned meanwhile (it walks them by index). */
    private static int passes;                                       // guarded by LOCK
    /** What the guards refused during the primer running now (operation names), for its log line. */
    private static final List<String> REFUSED = new ArrayList<>();   // guarded by LOCK
    /** Strong: org.crac's global context holds its resources weakly. */
    private static Object hook;                                      // guarded by LOCK
    private static volatile boolean active;

    private Priming() {
    }

    /** Registers a primer, held for the life of the process. */
    public static void register(String name, Primer primer) {
        add(new Entry(name, null, owner -> {
            primer.prime();
            return null;
        }));
    }

    /**
     * Registers a primer of {@code owner}, held weakly: an owner nobody holds any more is neither
     * kept alive nor primed (tests construct thousands of handlers; Lambda's runtime holds its one).
     */
    @SuppressWarnings("unchecked")
    public static <T> void register(String name, T owner, OwnedPrimer<? super T> primer) {
        add(new Entry(name, new WeakReference<>(owner), (OwnedPrimer<Object>) primer));
    }

    /**
     * Registers a handler of Lambda's raw events (a queue's, a stream's, a schedule's): priming hands
     * it the event {@code event} builds from it (then, not now; e.g. with {@link PrimingEvents}) and
     * logs the start of its answer. {@code event} gets the handler as its argument so that it need
     * not capture it: the handler stays weakly held.
     */
    public static <H extends RequestStreamHandler> void register(H handler, Function<? super H, byte[]> event) {
        register(handler.getClass().getName(), handler, owner -> {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            owner.handleRequest(new ByteArrayInputStream(event.apply(owner)), answer, null);
            String text = answer.toString(StandardCharsets.UTF_8);
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        });
    }

    /**
     * Runs {@code action} on {@code owner} after every restore from a snapshot, for state that must
     * not outlive it: e.g. a cache timed by {@link System#nanoTime()}, which need not count the days a
     * snapshot waited, so a value read while priming would pass for fresh. {@code owner} is held
     * weakly, as by {@link #register(String, Object, OwnedPrimer)}.
     */
    @SuppressWarnings("unchecked")
    public static <T> void onRestore(T owner, Consumer<? super T> action) {
        Consumer<Object> untyped = (Consumer<Object>) action;
        synchronized (LOCK) {
            hook();
            ON_RESTORE.removeIf(Entry::gone);
            ON_RESTORE.add(new Entry(owner.getClass().getName(), new WeakReference<>(owner), o -> {
                untyped.accept(o);
                return null;
            }));
        }
    }

    /**
     * Runs every registered primer now, in registration order (also those registered meanwhile,
     * e.g. by a client built lazily on the first request), exactly as the snapshot's hook does.
     * Never throws: a primer that fails is logged as a warning.
     */
    public static void primeAll() {
        long started = System.nanoTime();
        int primed = 0;
        int failed = 0;
        synchronized (LOCK) {
            passes++;
        }
        for (int i = 0; ; i++) {
            Entry entry;
            synchronized (LOCK) {
                if (i >= ENTRIES.size()) {
                    break;
                }
                entry = ENTRIES.get(i);
            }
            Boolean ok = run(entry);
            if (ok != null) {
                primed++;
                failed += ok ? 0 : 1;
            }
        }
        synchronized (LOCK) {
            if (--passes == 0) {
                ENTRIES.removeIf(Entry::gone);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("primers", primed);
        fields.put("failed", failed);
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        JsonLog.info("priming done", fields);
    }

    /**
     * Runs one primer now, guards on, as {@link #primeAll} runs each, without registering it (tests,
     * tools); logs its line.
     *
     * @return whether it succeeded
     */
    public static boolean prime(String name, Primer primer) {
        return run(new Entry(name, null, owner -> {
            primer.prime();
            return null;
        }));
    }

    /** True while a primer runs: calls that would leave the process are refused. */
    public static boolean active() {
        return active;
    }

    /** The names of the primers registered (and whose owners are alive), in order: what {@link #primeAll} would run. */
    public static List<String> registered() {
        synchronized (LOCK) {
            return ENTRIES.stream().filter(entry -> !entry.gone()).map(entry -> entry.name).toList();
        }
    }

    /** A guard refused {@code call} ({@link PrimingRefusedException}): named in the primer's log line. */
    static void refused(String call) {
        synchronized (LOCK) {
            if (REFUSED.size() < 20) {
                REFUSED.add(call);
            }
        }
    }

    /** Tests: forget every primer and restore action. */
    static void reset() {
        synchronized (LOCK) {
            ENTRIES.clear();
            ON_RESTORE.clear();
        }
    }

    /** @return null when the owner is gone, else whether the primer succeeded */
    private static Boolean run(Entry entry) {
        Object owner = null;
        if (entry.owner != null) {
            owner = entry.owner.get();
            if (owner == null) {
                return null;
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("primer", entry.name);
        synchronized (LOCK) {
            REFUSED.clear();
        }
        long started = System.nanoTime();
        boolean outer = active;
        String outcome = null;
        Throwable failure = null;
        active = true;
        try {
            outcome = entry.primer.prime(owner);
        } catch (Exception | LinkageError e) {
            failure = e;
        } finally {
            active = outer;
        }
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        synchronized (LOCK) {
            if (!REFUSED.isEmpty()) {
                fields.put("refused", List.copyOf(REFUSED));
            }
        }
        if (failure != null && PrimingRefusedException.in(failure) != null) {
            // The pass went as far as the guard lets it: what it was for.
            outcome = "stopped by the guard (" + failure.getClass().getName() + ")";
        } else if (failure != null) {
            JsonLog.write(JsonLog.Level.WARN, "priming failed", fields, failure);
            return false;
        }
        if (outcome != null) {
            fields.put("outcome", outcome);
        }
        JsonLog.info("primed", fields);
        return true;
    }

    /** What the snapshot's restore runs (the hook's {@code afterRestore}; tests). */
    static void restored() {
        List<Entry> actions;
        synchronized (LOCK) {
            actions = List.copyOf(ON_RESTORE);
        }
        for (Entry entry : actions) {
            Object owner = entry.owner.get();
            if (owner == null) {
                continue;
            }
            try {
                entry.primer.prime(owner);
            } catch (Exception | LinkageError e) {
                JsonLog.write(JsonLog.Level.WARN, "after restore failed", Map.of("owner", entry.name), e);
            }
        }
    }

    private static void hook() {    // under LOCK
        if (hook == null) {
            hook = CheckpointHook.register();
        }
    }

    private static void add(Entry entry) {
        synchronized (LOCK) {
            hook();
            if (ENTRIES.size() >= pruneAt && passes == 0) {
                ENTRIES.removeIf(Entry::gone);
                pruneAt = Math.max(64, 2 * ENTRIES.size());
            }
            ENTRIES.add(entry);
        }
    }

    private static final class Entry {
        final String name;
        final WeakReference<Object> owner;
        final OwnedPrimer<Object> primer;

        Entry(String name, WeakReference<Object> owner, OwnedPrimer<Object> primer) {
            this.name = name;
            this.owner = owner;
            this.primer = primer;
        }

        boolean gone() {
            return owner != null && owner.get() == null;
        }
    }

    /** The one org.crac resource: its {@code beforeCheckpoint} is {@link #primeAll()}. */
    private static final class CheckpointHook implements org.crac.Resource {
        static Object register() {
            CheckpointHook hook = new CheckpointHook();
            try {
                org.crac.Core.getGlobalContext().register(hook);
            } catch (RuntimeException | LinkageError e) {
                // Without the hook a restored instance is merely unprimed; the function itself works.
                JsonLog.write(JsonLog.Level.WARN, "priming hook not registered", Map.of(), e);
            }
            return hook;
        }

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
            primeAll();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
            // Priming changed no data; what must not outlive the snapshot registered itself (onRestore).
            restored();
        }
    }
}
