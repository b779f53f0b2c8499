package dev.bolide.ra.checkback;

import dev.bolide.ra.AdapterActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;

/**
 * The activation properties of a {@link dev.bolide.ra.TransactionCheckListener} endpoint: the
 * producer group whose check-backs it answers, and optionally other name servers than the adapter's.
 */
public class CheckBackActivationSpec extends AdapterActivationSpec {
    private String producerGroup;
    private String namesrvAddr;

    @Override
    public void validate() throws InvalidPropertyException {
        CheckBackSettings.check(this);
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }
}
