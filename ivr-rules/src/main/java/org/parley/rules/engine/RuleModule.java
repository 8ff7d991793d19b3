package org.parley.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.runtime.KieContainer;
import org.parley.rules.fact.Action;
import org.parley.rules.fact.Call;
import org.parley.rules.fact.Caller;
import org.parley.rules.fact.CustomerProfile;
import org.parley.rules.fact.Decision;
import org.parley.rules.fact.DialogState;
import org.parley.rules.fact.Entity;
import org.parley.rules.fact.IntentMatch;
import org.parley.rules.fact.OpenQueue;
import org.parley.rules.fact.QueueChoice;
import org.parley.rules.fact.QueueStatus;
import org.parley.rules.fact.Recognition;
import org.parley.rules.fact.Schedule;
import org.parley.rules.fact.Sentiment;
import org.parley.rules.fact.Utterance;

/**
 * A compiled rule set as bytes (the executable model's kjar: the generated classes and Drools' module
 * descriptor), so that a version compiled once — when it is published — can be served by every node and
 * after every restart without compiling it again: loading takes a few hundred milliseconds where the
 * compile takes seconds. The bytes are never trusted: {@link #load} runs {@link RuleSandbox#checkCompiled}
 * over every class file in them, exactly as after a compile, accepts only an executable-model module (never
 * one Drools would compile from DRL on the way), and links them through {@link RuleClassLoader}.
 * <p>
 * Generated code is only valid for the Drools that generated it and the fact model it was compiled
 * against: {@link #compiler()} names both (Drools' version and a digest of the fact classes' bytecode), and a
 * module stored under another name is compiled again from its sources.
 */
public final class RuleModule {

    /** The fact model's classes (their nested classes are included through {@link Class#getNestMembers()}). */
    static final List<Class<?>> FACT_TYPES = List.of(Action.class, Call.class, Caller.class, CustomerProfile.class, Decision.class,
            DialogState.class, Entity.class, IntentMatch.class, OpenQueue.class, QueueChoice.class, QueueStatus.class, Recognition.class,
            Schedule.class, Sentiment.class, Utterance.class);

    /** Bounds on stored bytes (the shipped 71 rules make about 330 KB in 300 entries). */
    static final int MAX_ENTRIES = 20_000;
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Loading registers the module in Drools' process-wide repository for a moment; one load at a time. */
    private static final Object REPOSITORY = new Object();

    private static volatile String compiler;

    private RuleModule() {
    }

    /**
     * Names what generated code depends on: "drools-10.2.0/" and the first 16 bytes (hex) of a SHA-256 over
     * the fact model's bytecode. Two nodes of the same release agree; a new release with another fact model or
     * Drools does not.
     */
    public static String compiler() {
        String name = compiler;
        if (name == null) {
            name = "drools-" + droolsVersion() + "/" + factModelDigest();
            compiler = name;
        }
        return name;
    }

    private static String droolsVersion() {
        try (InputStream in = KieServices.class.getClassLoader().getResourceAsStream("drools.versions.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("drools.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Drools' version", e);
        }
    }

    private static String factModelDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : FACT_TYPES) {
                for (Class<?> member : type.getNestMembers()) {
                    String resource = member.getName().replace('.', '/') + ".class";
                    sha.update(resource.getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = member.getClassLoader().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("the fact class " + member.getName() + " has no class file to digest");
                        }
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fact model's class files", e);
        }
    }

    /**
     * Every class file in a module's bytes, by path.
     *
     * @throws IllegalArgumentException when the bytes are not a module within the bounds
     */
    static Map<String, byte[]> classFiles(byte[] module) {
        Map<String, byte[]> classes = new TreeMap<>();
        int entries = 0;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IllegalArgumentException("more than " + MAX_ENTRIES + " entries");
                }
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw new IllegalArgumentException("more than " + MAX_BYTES + " bytes unpacked");
                }
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), bytes);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable module: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new IllegalArgumentException("not a module: no entries");
        }
        return classes;
    }

    /**
     * Loads stored module bytes as a knowledge base after checking them as a fresh compile is checked.
     *
     * @throws RuleCompilationException when the bytes break the sandbox's rules or are not a loadable
     *                                  executable-model module (the caller compiles from the sources instead)
     */
    static KieBase load(String version, byte[] module, ClassLoader classLoader) throws RuleCompilationException {
        Map<String, byte[]> classes;
        try {
            classes = classFiles(module);
        } catch (IllegalArgumentException e) {
            throw refused(version, "the stored compiled form is " + e.getMessage());
        }
        List<RuleProblem> breaches = RuleSandbox.checkCompiled(classes, Map.of());
        if (!breaches.isEmpty()) {
            throw new RuleCompilationException(version, breaches);
        }
        ClassLoader sandbox = new RuleClassLoader(classLoader);
        KieServices ks = KieServices.Factory.get();
        KieBase kieBase;
        synchronized (REPOSITORY) {
            KieModule loaded;
            try {
                loaded = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(module));
            } catch (RuntimeException e) {
                throw refused(version, "the stored compiled form does not load: " + e);
            }
            try {
                // Only the executable model: any other kind of module would be compiled by Drools from what it holds.
                if (!"org.drools.modelcompiler.CanonicalKieModule".equals(loaded.getClass().getName())) {
                    throw refused(version, "the stored compiled form is a " + loaded.getClass().getSimpleName()
                            + ", not an executable-model module");
                }
                KieContainer container = ks.newKieContainer(loaded.getReleaseId(), sandbox);
                kieBase = container.getKieBase();
                RuleSet.preload(container.getClassLoader(), classes.keySet());
            } catch (RuntimeException | LinkageError e) {
                throw refused(version, "the stored compiled form does not load: " + e);
            } finally {
                ks.getRepository().removeKieModule(loaded.getReleaseId());
            }
        }
        return kieBase;
    }

    private static RuleCompilationException refused(String version, String why) {
        return new RuleCompilationException(version, List.of(new RuleProblem("(compiled form)", 0, 0, why)));
    }
}
