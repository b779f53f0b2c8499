package dev.bolide.ra.crash.defined;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The XA pool the crash archive's payment goes through when the application defines it itself, with
 * {@code @ConnectionFactoryDefinition}: Payara's recovery does not scan such a pool, so its branches
 * are recovered only through a pool it scans (the archive's {@code glassfish-resources.xml}).
 */
@ConnectionFactoryDefinition(name = DefinedFactory.NAME, resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.ConnectionFactory", transactionSupport = TransactionSupportLevel.XATransaction)
@Singleton
public class DefinedFactory {
    public static final String NAME = "java:app/jms/CrashDefinedFactory";
}
