package dev.bolide.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;

/**
 * What every activation spec of this adapter holds: the adapter the server associates it with, and
 * the broker account the activation signs with.
 */
public abstract class AdapterActivationSpec implements ActivationSpec {
    private ResourceAdapter resourceAdapter;
    private String userName;
    private String password;

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    /** The broker account (access key) the activation's requests are signed with; none: the adapter's. */
    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    /** The secret key of {@link #getUserName()}. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
