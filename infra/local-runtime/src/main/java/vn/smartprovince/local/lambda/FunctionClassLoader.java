package vn.smartprovince.local.lambda;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The class loader of one function: what the function's deployment package holds, and nothing
 * of the local runtime's own class path, so each function sees its own copies of our shared
 * module, Jackson and the SDK, with their own statics, as on Lambda.
 *
 * <p>Child-first over the package; the parent is the platform class loader (the JDK), which
 * is asked first for the JDK's own packages only. The one exception is Lambda's core API
 * ({@code Context}, {@code RequestHandler}, {@code RequestStreamHandler}, {@code LambdaLogger},
 * ...): those come from the runtime's loader, as on Lambda, where the runtime provides them,
 * so the handler and our {@link LocalContext} agree on the interfaces. Event classes
 * ({@code ...runtime.events}) and serialization ({@code ...runtime.serialization}) belong to
 * the function, as they are in its package.
 *
 * <p>{@link #get()} gives the function's environment variables: {@code Env.current()} of the
 * shared module reads them from its own class loader, which is this one.
 */
public final class FunctionClassLoader extends URLClassLoader implements Supplier<Map<String, String>> {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private static final String LAMBDA_RUNTIME = "com.amazonaws.services.lambda.runtime.";
    private static final ClassLoader RUNTIME_LOADER = FunctionClassLoader.class.getClassLoader();
    /** Packages of the JDK's modules: never taken from a function's jars, whatever they bundle. */
    private static final Set<String> JDK_PACKAGES = jdkPackages();

    private final Map<String, String> environment;

    public FunctionClassLoader(String functionId, List<URL> classPath, Map<String, String> environment) {
        super("function:" + functionId, classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The function's environment variables (what {@code System.getenv()} is on Lambda). */
    @Override
    public Map<String, String> get() {
        return environment;
    }

    static boolean isRuntimeApi(String className) {
        return className.startsWith(LAMBDA_RUNTIME)
                && !className.startsWith(LAMBDA_RUNTIME + "events.")
                && !className.startsWith(LAMBDA_RUNTIME + "serialization.");
    }

    private static boolean isJdk(String className) {
        if (className.startsWith("java.")) {
            return true;
        }
        int dot = className.lastIndexOf('.');
        return dot > 0 && JDK_PACKAGES.contains(className.substring(0, dot));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (isRuntimeApi(name)) {
                    loaded = RUNTIME_LOADER.loadClass(name);
                } else if (isJdk(name)) {
                    loaded = getParent().loadClass(name);
                } else {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInPackage) {
                        loaded = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    private static Set<String> jdkPackages() {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        Set<String> packages = new HashSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            ClassLoader loader = module.getClassLoader();
            if (loader == null || loader == platform) {
                packages.addAll(module.getPackages());
            }
        }
        return Set.copyOf(packages);
    }
}
