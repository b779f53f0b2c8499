package dev.bolide.client.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A stream message; the RocketMQ body is the list of values in the {@link TypedBodyCodec} format.
 * A read that fails with a conversion error leaves the position where it was, as the
 * specification asks, so the value can be read again as another type.
 */
public class BolideStreamMessage extends BolideMessage implements StreamMessage {
    private static final Set<Class<?>> VALUE_TYPES = Set.of(Boolean.class, Byte.class, Short.class,
            Character.class, Integer.class, Long.class, Float.class, Double.class, String.class,
            byte[].class);
    /** No partial byte[] read is under way. */
    private static final int NOT_IN_BYTES = -1;

    private final List<Object> values = new ArrayList<>();
    private int position;
    private int bytesOffset = NOT_IN_BYTES;

    public static BolideStreamMessage fromBody(byte[] body) throws MessageFormatException {
        BolideStreamMessage message = new BolideStreamMessage();
        message.values.addAll(TypedBodyCodec.decodeStream(body));
        return message;
    }

    @Override
    public BodyType bodyType() {
        return BodyType.STREAM;
    }

    @Override
    public byte[] encodeBody() {
        return TypedBodyCodec.encodeStream(values);
    }

    @Override
    public void markReceived() throws JMSException {
        super.markReceived();
        reset();
    }

    @Override
    protected void clearBodyContent() {
        values.clear();
        position = 0;
        bytesOffset = NOT_IN_BYTES;
    }

    /** The specification gives a stream body no Java type: getBody always refuses it. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("the body of a StreamMessage cannot be returned");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    @Override
    public void reset() {
        setBodyReadOnly(true);
        position = 0;
        bytesOffset = NOT_IN_BYTES;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        boolean value = ValueConversion.toBoolean(peek());
        position++;
        return value;
    }

    @Override
    public byte readByte() throws JMSException {
        byte value = ValueConversion.toByte(peek());
        position++;
        return value;
    }

    @Override
    public short readShort() throws JMSException {
        short value = ValueConversion.toShort(peek());
        position++;
        return value;
    }

    @Override
    public char readChar() throws JMSException {
        char value = ValueConversion.toChar(peek());
        position++;
        return value;
    }

    @Override
    public int readInt() throws JMSException {
        int value = ValueConversion.toInt(peek());
        position++;
        return value;
    }

    @Override
    public long readLong() throws JMSException {
        long value = ValueConversion.toLong(peek());
        position++;
        return value;
    }

    @Override
    public float readFloat() throws JMSException {
        float value = ValueConversion.toFloat(peek());
        position++;
        return value;
    }

    @Override
    public double readDouble() throws JMSException {
        double value = ValueConversion.toDouble(peek());
        position++;
        return value;
    }

    @Override
    public String readString() throws JMSException {
        String value = ValueConversion.toText(peek());
        position++;
        return value;
    }

    @Override
    public Object readObject() throws JMSException {
        Object value = peek();
        position++;
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    /**
     * Reads a byte[] field in pieces: each call continues where the last stopped; a piece shorter
     * than the target is the last one. A null field reads as -1.
     */
    @Override
    public int readBytes(byte[] target) throws JMSException {
        if (bytesOffset == NOT_IN_BYTES) {
            Object value = peek();
            if (value == null) {
                position++;
                return -1;
            }
            ValueConversion.toBytes(value);
            bytesOffset = 0;
        }
        return readBytesPiece(target, (byte[]) values.get(position));
    }

    /** A piece shorter than the target ends the field; so does -1 after an exactly full piece. */
    private int readBytesPiece(byte[] target, byte[] field) {
        int remaining = field.length - bytesOffset;
        if (remaining == 0 && bytesOffset > 0) {
            finishBytesField();
            return -1;
        }
        int length = Math.min(target.length, remaining);
        System.arraycopy(field, bytesOffset, target, 0, length);
        bytesOffset += length;
        if (length < target.length) {
            finishBytesField();
        }
        return length;
    }

    private void finishBytesField() {
        bytesOffset = NOT_IN_BYTES;
        position++;
    }

    /** The next value without moving; a partly read byte[] field blocks the other reads. */
    private Object peek() throws JMSException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException("the stream is in write-only mode: call reset()");
        }
        if (bytesOffset != NOT_IN_BYTES) {
            throw new MessageFormatException("a byte[] field is partly read: finish it with readBytes");
        }
        if (position >= values.size()) {
            throw new MessageEOFException("the end of the stream is reached");
        }
        return values.get(position);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        append(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        append(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        append(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        append(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        append(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        append(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        append(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        append(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        append(value);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        append(value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        append(copy);
    }

    @Override
    public void writeObject(Object value) throws JMSException {
        if (value != null && !VALUE_TYPES.contains(value.getClass())) {
            throw new MessageFormatException("a stream cannot hold a " + value.getClass().getName());
        }
        append(value instanceof byte[] bytes ? bytes.clone() : value);
    }

    private void append(Object value) throws MessageNotWriteableException {
        checkBodyWritable();
        values.add(value);
    }
}
