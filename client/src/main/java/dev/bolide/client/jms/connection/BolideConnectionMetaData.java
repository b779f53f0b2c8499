package dev.bolide.client.jms.connection;

import jakarta.jms.ConnectionMetaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** Jakarta Messaging 3.1, provider Bolide, and the JMSX properties the provider supports. */
final class BolideConnectionMetaData implements ConnectionMetaData {
    static final String PROVIDER_VERSION = "0.1.0";
    private static final List<String> JMSX = List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return "Bolide";
    }

    @Override
    public String getProviderVersion() {
        return PROVIDER_VERSION;
    }

    @Override
    public int getProviderMajorVersion() {
        return 0;
    }

    @Override
    public int getProviderMinorVersion() {
        return 1;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX);
    }
}
