package dev.bolide.ra.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/**
 * What the server may show of a managed connection: the provider, as its connection's Jakarta
 * Messaging meta data names it, and the user it connects as.
 */
record BolideManagedConnectionMetaData(String productName, String productVersion, String userName)
        implements ManagedConnectionMetaData {
    @Override
    public String getEISProductName() {
        return productName;
    }

    @Override
    public String getEISProductVersion() {
        return productVersion;
    }

    /** 0: the broker sets no limit on connections. */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return userName;
    }
}
