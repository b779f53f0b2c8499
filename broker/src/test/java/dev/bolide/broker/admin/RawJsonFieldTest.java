package dev.bolide.broker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawJsonFieldTest {
    private static final String BODY = "{\"consumerTable\":{\"x\":\"messageQueueTable\"},\"messageQueueTable\":"
            + "{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T}\"}:5,{\"brokerName\":\"b\",\"queueId\":1,"
            + "\"topic\":\"T}\"}:7},\"n\":12}";

    @Test
    void aValueWithObjectKeysIsCutAtItsOwnClosingBrace() {
        assertThat(RawJsonField.value(BODY, "messageQueueTable")).contains("{{\"brokerName\":\"b\",\"queueId\":0,"
                + "\"topic\":\"T}\"}:5,{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T}\"}:7}");
    }

    @Test
    void nestedFieldsAndStringsOfTheSameNameAreNotTopLevelFields() {
        assertThat(RawJsonField.value("{\"a\":{\"n\":1},\"b\":\"n\"}", "n")).isEmpty();
        assertThat(RawJsonField.value(BODY, "n")).contains("12");
    }
}
