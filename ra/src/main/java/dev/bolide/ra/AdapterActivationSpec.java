package dev.bolide.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;

/** What every activation spec of this adapter holds: the adapter the server associates it with. */
public abstract class AdapterActivationSpec implements ActivationSpec {
    private ResourceAdapter resourceAdapter;

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }
}
