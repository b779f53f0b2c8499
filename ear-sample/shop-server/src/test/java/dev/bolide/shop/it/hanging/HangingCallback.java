package dev.bolide.shop.it.hanging;

import dev.bolide.ra.crash.CommitBlockingResource;
import dev.bolide.ra.crash.ServerTransactionManager;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.reflect.InvocationTargetException;
import javax.naming.InitialContext;

/**
 * The shop's payment callback ({@code PaymentService.pay}: the payment row marked paid and the
 * "paid" message sent, in one transaction) run inside a container transaction that first enlists a
 * {@link CommitBlockingResource}: the transaction manager prepares the database, Bolide and the
 * blocking resource, logs its decision, commits the blocking resource first (it was enlisted first)
 * and hangs there, so the shop's branches stay prepared until the test kills the server.
 *
 * <p>The shop's bean is called through its global name, from another application of the same server:
 * a local call, in this transaction. Its class belongs to the shop's class loader, so the call is
 * reflective rather than typed.
 */
@Stateless
public class HangingCallback {
    /** The shop's payment service: application shop, EJB module shop-ejb. */
    static final String PAYMENT_SERVICE = "java:global/shop/shop-ejb/PaymentService";

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void pay(long orderId) throws Exception {
        ServerTransactionManager.lookup().getTransaction().enlistResource(new CommitBlockingResource());
        Object payments = InitialContext.doLookup(PAYMENT_SERVICE);
        try {
            payments.getClass().getMethod("pay", long.class).invoke(payments, orderId);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
