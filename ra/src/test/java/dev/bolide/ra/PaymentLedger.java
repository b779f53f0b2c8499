package dev.bolide.ra;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A payment written to a database and announced on a Bolide queue in one container transaction: the
 * row through the in-container tests' XA datasource on WildFly's H2 (src/it/wildfly/configure.cli),
 * the message through {@link PoolSender} and the script's XA pool. Narayana runs both branches to
 * the same end.
 */
@Stateless
public class PaymentLedger {
    public static final String DATASOURCE = "java:jboss/datasources/BolideItLedger";

    @Resource(lookup = DATASOURCE)
    private DataSource ledger;
    @EJB
    private PoolSender sender;

    /** Creates the table unless it exists; outside any transaction (H2 commits DDL at once). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void createTable() throws SQLException {
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS payments (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    /** Records the payment and sends its id to {@code queue}, in the caller's transaction or a new one, marked for rollback if asked. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void pay(String id, String queue, boolean rollback) throws SQLException {
        try (Connection connection = ledger.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO payments (id) VALUES (?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
        sender.send(queue, id, rollback);
    }

    /** Whether the payment's row is there, read in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recorded(String id) throws SQLException {
        try (Connection connection = ledger.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM payments WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet count = select.executeQuery()) {
                return count.next() && count.getInt(1) == 1;
            }
        }
    }
}
