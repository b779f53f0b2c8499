package dev.bolide.client.jms.message;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The classes an {@code ObjectMessage} may deserialize: Java deserialization of untrusted bytes
 * runs code, so only named packages (exactly, not their sub-packages) and named classes pass.
 * Arrays pass when their element type does; primitives always pass.
 */
public final class ObjectAllowList {
    public static final ObjectAllowList DEFAULT =
            new ObjectAllowList(List.of("java.lang", "java.util", "java.time", "java.math"), List.of());

    private static final int MAX_DEPTH = 64;

    private final Set<String> packages;
    private final Set<String> classes;

    public ObjectAllowList(List<String> packages, List<String> classes) {
        this.packages = Set.copyOf(packages);
        this.classes = Set.copyOf(classes);
    }

    /** This list with more packages and classes allowed. */
    public ObjectAllowList with(List<String> morePackages, List<String> moreClasses) {
        List<String> allPackages = new ArrayList<>(packages);
        allPackages.addAll(morePackages);
        List<String> allClasses = new ArrayList<>(classes);
        allClasses.addAll(moreClasses);
        return new ObjectAllowList(allPackages, allClasses);
    }

    public boolean allows(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || classes.contains(element.getName())
                || packages.contains(element.getPackageName());
    }

    /**
     * A filter for one stream of {@code bodyLength} bytes: no array can have more elements than the
     * stream has bytes, which keeps a hostile length from allocating gigabytes.
     */
    RecordingFilter filterFor(int bodyLength) {
        return new RecordingFilter(bodyLength);
    }

    /** Remembers the first refused class, so the error can name it. */
    final class RecordingFilter implements ObjectInputFilter {
        private final int bodyLength;
        private String refused;

        private RecordingFilter(int bodyLength) {
            this.bodyLength = bodyLength;
        }

        String refused() {
            return refused;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH || info.arrayLength() > bodyLength) {
                refused = refused == null ? "a structure too deep or too large" : refused;
                return Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type != null && !allows(type)) {
                refused = refused == null ? "class " + type.getName() : refused;
                return Status.REJECTED;
            }
            return Status.UNDECIDED;
        }
    }
}
