package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * README's configuration table is the code's: every setting the deployed modules read (a {@code @ConfigProperty}
 * on a field or parameter, or a key handed to MicroProfile Config directly) is in the table with the default the
 * code declares (a default the code works out, such as a path under the data dir, is the README's to describe),
 * and the table names no setting nothing reads. Read from the compiled classes, so it cannot drift.
 * {@code bin/parley-server --help} prints the same table.
 */
class ConfigurationTableTest {

    private static final Path ROOT = Path.of(System.getProperty("it.project.root", ".."));
    private static final List<String> MODULES = List.of("ivr-ejb", "camel-routes", "ivr-web");
    private static final String CONFIG_PROPERTY = "Lorg/eclipse/microprofile/config/inject/ConfigProperty;";

    /** A setting as the code declares it: where, and its default (empty: none; null: given in code, not declared). */
    record Declared(String where, String defaultValue) {
    }

    static Map<String, List<Declared>> declaredSettings() throws IOException {
        Map<String, List<Declared>> settings = new TreeMap<>();
        for (String module : MODULES) {
            Path classes = ROOT.resolve(module).resolve("target/classes");
            assertThat(classes).as("compiled classes of " + module + " (the reactor builds them first)").isDirectory();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        read(new ClassReader(in), settings);
                    }
                }
            }
        }
        return settings;
    }

    private static void read(ClassReader reader, Map<String, List<Declared>> settings) {
        String className = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            private AnnotationVisitor configProperty(String where) {
                String[] found = new String[2];
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        if (name.equals("name")) {
                            found[0] = (String) value;
                        } else if (name.equals("defaultValue")) {
                            found[1] = (String) value;
                        }
                    }

                    @Override
                    public void visitEnd() {
                        settings.computeIfAbsent(found[0], k -> new ArrayList<>())
                                .add(new Declared(where, found[1] == null ? "" : found[1]));
                    }
                };
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                String where = className + "." + name;
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        return annotation.equals(CONFIG_PROPERTY) ? configProperty(where) : null;
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                String where = className + "." + name + "()";
                return new MethodVisitor(Opcodes.ASM9) {
                    private String lastString;

                    @Override
                    public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                        return annotation.equals(CONFIG_PROPERTY) ? configProperty(where) : null;
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        // the key is the last string constant before the call (a type constant such as Integer.class may follow it)
                        if (value instanceof String s) {
                            lastString = s;
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if (owner.equals("org/eclipse/microprofile/config/Config") && method.matches("get(Optional)?Value")) {
                            if (lastString != null && lastString.startsWith("parley.")) {
                                settings.computeIfAbsent(lastString, k -> new ArrayList<>()).add(new Declared(where, null));
                            }
                            lastString = null;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
    }

    /** The README's configuration table: each key (relative ones, {@code .suffix}, completed) with its default cell. */
    static Map<String, String> documentedSettings() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("README has a Configuration section").isPositive();
        int end = readme.indexOf("\n## ", start + 5);
        Map<String, String> documented = new TreeMap<>();
        Pattern code = Pattern.compile("`([^`]+)`");
        for (String line : readme.substring(start, end == -1 ? readme.length() : end).lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].strip().startsWith("`parley.")) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            Matcher m = code.matcher(cells[1]);
            while (m.find()) {
                String key = m.group(1);
                keys.add(key.startsWith(".") ? keys.get(0).substring(0, keys.get(0).lastIndexOf('.')) + key : key);
            }
            String[] defaults = cells[2].split(" / ");
            for (int i = 0; i < keys.size(); i++) {
                documented.put(keys.get(i), (defaults.length == keys.size() ? defaults[i] : cells[2]).strip());
            }
        }
        return documented;
    }

    @Test
    void everySettingTheCodeReadsIsInTheReadmeWithItsDefaultAndNoOther() throws IOException {
        Map<String, List<Declared>> declared = declaredSettings();
        Map<String, String> documented = documentedSettings();
        List<String> problems = new ArrayList<>();

        declared.forEach((key, where) -> {
            TreeSet<String> defaults = new TreeSet<>(where.stream().map(Declared::defaultValue).filter(d -> d != null).toList());
            if (defaults.size() > 1) {
                problems.add(key + " has different defaults in the code: " + where);
            }
            String cell = documented.get(key);
            if (cell == null) {
                problems.add(key + " (read by " + where.get(0).where() + ") is not in README's configuration table");
                return;
            }
            Optional<String> value = defaults.stream().findFirst();
            if (value.isPresent() && !value.get().isEmpty() && cell.contains("`") && !cell.contains("`" + value.get() + "`")) {
                problems.add(key + ": README says " + cell + ", the code's default is `" + value.get() + "`");
            }
        });
        documented.keySet().stream().filter(key -> !declared.containsKey(key))
                .forEach(key -> problems.add(key + " is in README's configuration table but nothing reads it"));

        assertThat(declared).as("settings found in the classes").hasSizeGreaterThan(50);
        assertThat(problems).isEmpty();
    }
}
