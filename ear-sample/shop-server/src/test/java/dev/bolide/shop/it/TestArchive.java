package dev.bolide.shop.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * An archive that a test deploys beside the shop (an EJB jar, a WAR), written from classes on the
 * test's class path: this module's test classes or a fixture jar of another module's tests.
 */
final class TestArchive {

    private TestArchive() {
    }

    /** An EJB jar of {@code classes}, written to {@code jar}. */
    static Path ejbJar(Path jar, List<Class<?>> classes) throws IOException {
        return write(jar, "", classes);
    }

    /** A WAR of {@code classes} (under {@code WEB-INF/classes}), written to {@code war}. */
    static Path war(Path war, List<Class<?>> classes) throws IOException {
        return write(war, "WEB-INF/classes/", classes);
    }

    private static Path write(Path archive, String classesRoot, List<Class<?>> classes) throws IOException {
        try (OutputStream file = Files.newOutputStream(archive); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : classes) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(classesRoot + name));
                try (InputStream compiled = type.getClassLoader().getResourceAsStream(name)) {
                    compiled.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return archive;
    }
}
