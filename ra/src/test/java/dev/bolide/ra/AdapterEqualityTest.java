package dev.bolide.ra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Connectors 2.1, 5.3.1: adapters compare by their configuration properties. */
class AdapterEqualityTest {
    @Test
    void adaptersWithTheSamePropertiesAreEqual() {
        BolideResourceAdapter first = remote("10.0.0.1:9876");
        BolideResourceAdapter second = remote("10.0.0.1:9876");

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void adaptersDifferingInOnePropertyAreNotEqual() {
        BolideResourceAdapter first = remote("10.0.0.1:9876");
        BolideResourceAdapter second = remote("10.0.0.1:9876");
        second.setPassword("other");

        assertThat(first).isNotEqualTo(second);
    }

    private static BolideResourceAdapter remote(String namesrvAddr) {
        BolideResourceAdapter adapter = new BolideResourceAdapter();
        adapter.setMode("REMOTE");
        adapter.setNamesrvAddr(namesrvAddr);
        adapter.setUserName("shop");
        adapter.setPassword("secret");
        return adapter;
    }
}
