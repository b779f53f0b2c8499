package dev.bolide.ra.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.client.jms.destination.DestinationNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class AdministeredDestinationTest {
    @Test
    void aQueueBeanIsTheQueueOfItsNameToTheClient() throws Exception {
        AdministeredQueue queue = new AdministeredQueue();
        queue.setName("Orders");

        assertThat(queue.getQueueName()).isEqualTo("Orders");
        assertThat(DestinationNames.format(queue)).isEqualTo("queue:Orders");
        assertThat(queue).hasToString("queue:Orders");
    }

    @Test
    void aTopicBeanIsTheTopicOfItsNameToTheClient() throws Exception {
        AdministeredTopic topic = new AdministeredTopic();
        topic.setName("Prices");

        assertThat(topic.getTopicName()).isEqualTo("Prices");
        assertThat(DestinationNames.format(topic)).isEqualTo("topic:Prices");
    }

    @Test
    void aQueueAndATopicOfTheSameNameDiffer() {
        AdministeredQueue queue = new AdministeredQueue();
        queue.setName("Orders");
        AdministeredTopic topic = new AdministeredTopic();
        topic.setName("Orders");

        assertThat(queue).isNotEqualTo(topic);
    }

    @Test
    void aQueueSurvivesSerialization() throws Exception {
        AdministeredQueue queue = new AdministeredQueue();
        queue.setName("Orders");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(queue);
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(queue);
        }
    }
}
