package io.liaison.gateway.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes a compiled class refers to, read from its constant pool (JVMS §4.4): class entries and
 * the types named in descriptors and signatures. String constants are left out, so a class named only
 * as a string (app.DemoOnly's way of loading demo code) is not a reference. No library needed.
 */
public final class ClassReferences {
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

    private ClassReferences() {}

    /** Every .class file under {@code root}, by its internal name (io/liaison/gateway/app/Main). */
    public static List<Path> classFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Internal names (slashes) of the classes this class file refers to, itself excluded. */
    public static Set<String> of(Path classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(classFile)))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException(classFile + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            Map<Integer, Integer> classEntries = new HashMap<>(); // entry -> its name
            Set<Integer> stringIndexes = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classEntries.put(i, in.readUnsignedShort());
                    case 8 -> stringIndexes.add(in.readUnsignedShort());
                    case 16, 19, 20 -> in.readUnsignedShort(); // MethodType, Module, Package
                    case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); } // MethodHandle
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, refs, NameAndType, dynamic
                    case 5, 6 -> { in.readLong(); i++; } // Long and Double take two slots
                    default -> throw new IllegalArgumentException(classFile + ": constant pool tag " + tag + " at " + i);
                }
            }
            in.readUnsignedShort(); // access flags
            int thisClass = in.readUnsignedShort();
            Set<String> refs = new TreeSet<>();
            for (int i : classEntries.values()) {
                String name = utf8[i];
                // an array class is written as a descriptor: [Lio/…/X;
                if (name.startsWith("[")) {
                    addDescriptorTypes(name, refs);
                } else {
                    refs.add(name);
                }
            }
            for (int i = 1; i < count; i++) {
                if (utf8[i] != null && !stringIndexes.contains(i) && !classEntries.containsValue(i)) {
                    addDescriptorTypes(utf8[i], refs);
                }
            }
            // the class itself is in its own pool
            refs.remove(utf8[classEntries.get(thisClass)]);
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addDescriptorTypes(String text, Set<String> refs) {
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(text);
        while (m.find()) {
            refs.add(m.group(1));
        }
    }
}
