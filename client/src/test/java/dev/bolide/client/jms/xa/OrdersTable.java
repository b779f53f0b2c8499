package dev.bolide.client.jms.xa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.XAConnection;
import org.h2.jdbcx.JdbcDataSource;

/** The H2 side of the XA tests: table {@code orders} of one column, written inside transactions. */
public final class OrdersTable {
    private final JdbcDataSource database = new JdbcDataSource();

    /** Creates the table in the H2 database at {@code url}. */
    public OrdersTable(String url) throws SQLException {
        database.setURL(url);
        try (Connection connection = database.getConnection()) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS orders (id VARCHAR(40) PRIMARY KEY)");
        }
    }

    public XAConnection xaConnection() throws SQLException {
        return database.getXAConnection();
    }

    /** Inserts {@code order} through {@code connection}, in the transaction it is enlisted in. */
    public static void insert(XAConnection connection, String order) throws SQLException {
        try (PreparedStatement insert = connection.getConnection().prepareStatement("INSERT INTO orders VALUES (?)")) {
            insert.setString(1, order);
            insert.executeUpdate();
        }
    }

    /** Whether {@code order} is committed. */
    public boolean contains(String order) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM orders WHERE id = ?")) {
            select.setString(1, order);
            try (ResultSet found = select.executeQuery()) {
                return found.next();
            }
        }
    }
}
