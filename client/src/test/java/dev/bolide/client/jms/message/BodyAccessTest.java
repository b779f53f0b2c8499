package dev.bolide.client.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Read-only and write-only modes, clearBody, reset and getBody of every message type. */
class BodyAccessTest {
    @Test
    void aReceivedMessageHasReadOnlyBodyAndProperties() throws JMSException {
        BolideTextMessage message = new BolideTextMessage("hello");
        message.markReceived();
        assertThatThrownBy(() -> message.setText("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.setIntProperty("p", 1))
                .isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void clearBodyEmptiesAndMakesTheBodyWritable() throws JMSException {
        BolideMapMessage message = new BolideMapMessage();
        message.setInt("a", 1);
        message.markReceived();
        message.clearBody();
        assertThat(message.itemExists("a")).isFalse();
        message.setInt("b", 2);
        assertThat(message.getInt("b")).isEqualTo(2);
    }

    @Test
    void aBytesMessageIsWriteOnlyUntilReset() throws JMSException {
        BolideBytesMessage message = new BolideBytesMessage();
        message.writeInt(42);
        message.writeUTF("é");
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(message::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThatThrownBy(() -> message.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.getBodyLength()).isEqualTo(8);
        assertThat(message.readInt()).isEqualTo(42);
        assertThat(message.readUTF()).isEqualTo("é");
        assertThatThrownBy(message::readByte).isInstanceOf(MessageEOFException.class);
        assertThat(message.readBytes(new byte[4])).isEqualTo(-1);
        message.reset();
        assertThat(message.readInt()).as("reset rewinds").isEqualTo(42);
    }

    @Test
    void aBytesMessageWritesBoxedValuesAndRefusesOthers() throws JMSException {
        BolideBytesMessage message = new BolideBytesMessage();
        message.writeObject(1L);
        message.writeObject(new byte[] {1, 2});
        assertThatThrownBy(() -> message.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.writeObject(null)).isInstanceOf(NullPointerException.class);
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(10);
    }

    @Test
    void aStreamByteArrayFieldIsReadInPieces() throws JMSException {
        BolideStreamMessage message = new BolideStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4});
        message.writeBytes(new byte[0]);
        message.writeObject(null);
        message.writeInt(9);
        message.reset();
        byte[] buffer = new byte[2];
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThatThrownBy(message::readInt).as("the field is partly read")
                .isInstanceOf(MessageFormatException.class);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(3, 4);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        assertThat(message.readBytes(buffer)).as("an empty field").isEqualTo(0);
        assertThat(message.readBytes(buffer)).as("a null field").isEqualTo(-1);
        assertThat(message.readInt()).isEqualTo(9);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aStreamIsWriteOnlyUntilReset() throws JMSException {
        BolideStreamMessage message = new BolideStreamMessage();
        message.writeInt(1);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThatThrownBy(() -> message.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        message.clearBody();
        message.writeInt(3);
        message.reset();
        assertThat(message.readInt()).isEqualTo(3);
    }

    @Test
    void aNullStreamValueReadsAsValueOfNull() throws JMSException {
        BolideStreamMessage message = new BolideStreamMessage();
        message.writeString(null);
        message.reset();
        assertThatThrownBy(message::readChar).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(message::readInt).isInstanceOf(NumberFormatException.class);
        assertThat(message.readString()).isNull();
    }

    @Test
    void getBodyReturnsTheBodyAsItsOwnType() throws JMSException {
        BolideMapMessage map = new BolideMapMessage();
        map.setString("k", "v");
        assertThat(map.getBody(Map.class).get("k")).isEqualTo("v");
        assertThat(map.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> map.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        assertThat(new BolideTextMessage("t").getBody(String.class)).isEqualTo("t");
        assertThat(new BolideTextMessage("t").isBodyAssignableTo(Object.class)).isTrue();
    }

    @Test
    void aBytesBodyAskedAsAnotherTypeIsAFormatErrorEvenWhileWritten() throws JMSException {
        BolideBytesMessage message = new BolideBytesMessage();
        message.writeInt(7);
        assertThatThrownBy(() -> message.getBody(StringBuffer.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.getBody(byte[].class)).isInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThat(message.getBody(byte[].class)).containsExactly(0, 0, 0, 7);
    }

    @Test
    void aMessageWithoutBodyGivesNullForAnyType() throws JMSException {
        assertThat(new BolideMessage().getBody(Integer.class)).isNull();
        assertThat(new BolideTextMessage().isBodyAssignableTo(Integer.class)).isTrue();
        assertThat((Object) new BolideMapMessage().getBody(Map.class)).isNull();
    }

    @Test
    void aBytesBodyIsReturnedAfterReset() throws JMSException {
        BolideBytesMessage message = new BolideBytesMessage();
        message.writeByte((byte) 5);
        assertThatThrownBy(() -> message.getBody(byte[].class)).isInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThat(message.getBody(byte[].class)).containsExactly(5);
    }

    @Test
    void aStreamBodyIsNeverReturned() throws JMSException {
        BolideStreamMessage message = new BolideStreamMessage();
        assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }
}
