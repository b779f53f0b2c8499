package dev.bolide.bench.jms;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.XADataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The XA line's second resource: an H2 database in a file, one table that each transaction inserts a row into. */
final class XaDatabase {
    static final String INSERT = "INSERT INTO sent(sequence) VALUES (?)";

    private XaDatabase() {
    }

    /** A new database under {@code directory}, its table created. */
    static XADataSource create(Path directory) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + directory.resolve("xa").toAbsolutePath());
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sent(id BIGINT AUTO_INCREMENT PRIMARY KEY, sequence BIGINT NOT NULL)");
        }
        return source;
    }
}
