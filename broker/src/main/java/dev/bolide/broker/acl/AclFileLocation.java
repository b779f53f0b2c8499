package dev.bolide.broker.acl;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the {@code plain_acl.yml} is: {@code aclConfigFile} when set; otherwise where RocketMQ 4.9
 * reads it, {@code conf/plain_acl.yml} (or the path of {@code -Drocketmq.acl.plain.file}) under the
 * RocketMQ home, {@code -Drocketmq.home.dir} or else {@code $ROCKETMQ_HOME}. RocketMQ starts with no
 * rules when it finds no home; Bolide refuses to guess.
 */
public final class AclFileLocation {
    static final String HOME_PROPERTY = "rocketmq.home.dir";
    static final String HOME_ENVIRONMENT = "ROCKETMQ_HOME";
    static final String FILE_PROPERTY = "rocketmq.acl.plain.file";
    private static final String DEFAULT_FILE = "conf/plain_acl.yml";

    private AclFileLocation() {
    }

    /** @param configured {@code aclConfigFile}, or null */
    public static Path of(Path configured) throws AclFileException {
        return of(configured, System::getProperty, System::getenv);
    }

    static Path of(Path configured, UnaryOperator<String> systemProperties, UnaryOperator<String> environment)
            throws AclFileException {
        if (configured != null) {
            return configured;
        }
        String home = systemProperties.apply(HOME_PROPERTY);
        if (home == null) {
            home = environment.apply(HOME_ENVIRONMENT);
        }
        String file = systemProperties.apply(FILE_PROPERTY);
        Path relative = Path.of(file == null ? DEFAULT_FILE : file);
        if (home == null && !relative.isAbsolute()) {
            throw new AclFileException(relative, "no RocketMQ home to find it in: set aclConfigFile, or "
                    + HOME_ENVIRONMENT + " or -D" + HOME_PROPERTY, null);
        }
        return home == null ? relative : Path.of(home).resolve(relative);
    }
}
