package dev.bolide.ra.inbound;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Resolves the JNDI names of {@code destinationLookup} and {@code connectionFactoryLookup}. */
@FunctionalInterface
public interface Lookup {
    /** The server's naming context, as an endpoint sees it at activation. */
    Lookup JNDI = InitialContext::doLookup;

    Object lookup(String name) throws NamingException;
}
