package org.parley.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The class loader analysts' rules are compiled and run with: it hands out only the classes rules may
 * be built from (the fact model, the JDK's value types, Drools itself) and answers "not found" for
 * everything else — the JVM's machinery (processes, threads, class loading, reflection, files, the
 * network) and every other library of the deployment. The compiler (ECJ inside WildFly) reads class
 * files through it, so a rule naming a forbidden type does not compile; generated classes link through
 * it, so a forbidden reference that slipped past {@link RuleSandbox}'s check would still fail to load.
 * The check of the compiled code is the control; this loader is the second wall. Written by hand
 * because it is a filter over the deployment's own loader, which no library offers.
 */
final class RuleClassLoader extends ClassLoader {

    /** Packages whose classes (not subpackages) may be loaded. */
    private static final Set<String> PACKAGES = Set.of("java.lang", "java.lang.invoke", "java.lang.annotation", "java.lang.constant", "java.util",
            "java.util.function", "java.util.regex", "java.time", "java.time.format", "java.time.temporal", "java.time.chrono");

    /** Package trees whose classes may be loaded: the fact model, the rules' own package, Drools. */
    private static final List<String> TREES = List.of("org.parley.rules.fact.", "org.parley.rules.routing.", "org.drools.", "org.kie.");

    /**
     * Types of java.io in the signatures of types rules use (the compiler reads a type's whole hierarchy:
     * Throwable's printStackTrace and writeObject, Externalizable's methods). Loading them is harmless; using
     * one is what {@link RuleSandbox} refuses.
     */
    private static final Set<String> IO_TYPES = Set.of("java.io.Serializable", "java.io.Externalizable", "java.io.ObjectInput",
            "java.io.ObjectOutput", "java.io.DataInput", "java.io.DataOutput", "java.io.IOException", "java.io.Closeable",
            "java.io.ObjectOutputStream", "java.io.ObjectInputStream", "java.io.PrintStream", "java.io.PrintWriter",
            "java.io.InvalidObjectException", "java.io.ObjectStreamException", "java.io.OutputStream", "java.io.InputStream",
            "java.io.Writer", "java.io.Flushable", "java.io.FilterOutputStream");

    /** Classes of an allowed package that are still refused: the JVM's machinery. */
    private static final Set<String> REFUSED = Set.of("java.lang.Runtime", "java.lang.Process", "java.lang.ProcessBuilder",
            "java.lang.ProcessHandle", "java.lang.ProcessHandleImpl", "java.lang.Thread", "java.lang.ThreadGroup",
            "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal", "java.lang.ClassLoader", "java.lang.Module",
            "java.lang.ModuleLayer", "java.lang.SecurityManager", "java.lang.StackWalker", "java.lang.ClassValue",
            "java.lang.Shutdown", "java.lang.ApplicationShutdownHooks", "java.lang.invoke.MethodHandleProxies",
            "java.util.ServiceLoader", "java.util.Timer", "java.util.TimerTask", "java.util.Scanner",
            "java.util.ResourceBundle", "java.util.PropertyResourceBundle");

    RuleClassLoader(ClassLoader parent) {
        super("parley-rules", parent);
    }

    /** Whether rules may load the class of this binary name ({@code java.lang.String}, {@code a.b.C$D}). */
    static boolean loadable(String className) {
        String outer = className.indexOf('$') > 0 ? className.substring(0, className.indexOf('$')) : className;
        if (REFUSED.contains(outer)) {
            return false;
        }
        if (IO_TYPES.contains(outer)) {
            return true;
        }
        for (String tree : TREES) {
            if (outer.startsWith(tree)) {
                return true;
            }
        }
        int dot = outer.lastIndexOf('.');
        return dot > 0 && PACKAGES.contains(outer.substring(0, dot));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!loadable(name)) {
            throw new ClassNotFoundException(name + " (rules may not use this class)");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return allowedResource(name) ? super.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return allowedResource(name) ? super.getResources(name) : Collections.emptyEnumeration();
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return allowedResource(name) ? super.getResourceAsStream(name) : null;
    }

    /** Class files only for loadable classes (the compiler reads types this way); other resources are not code. */
    private static boolean allowedResource(String name) {
        if (!name.endsWith(".class")) {
            return true;
        }
        String className = name.substring(name.startsWith("/") ? 1 : 0, name.length() - ".class".length()).replace('/', '.');
        return loadable(className);
    }
}
