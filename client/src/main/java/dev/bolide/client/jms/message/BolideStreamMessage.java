package dev.bolide.client.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream message; the RocketMQ body is the list of values in the {@link TypedBodyCodec} format.
 * A read that fails with a conversion error leaves the position where it was, as the
 * specification asks, so the value can be read again as another type.
 */
public class BolideStreamMessage extends BolideMessage implements StreamMessage {
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
        return next(ValueConversion::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return next(ValueConversion::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return next(ValueConversion::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return next(ValueConversion::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return next(ValueConversion::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return next(ValueConversion::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return next(ValueConversion::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return next(ValueConversion::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return next(ValueConversion::toText);
    }

    @Override
    public Object readObject() throws JMSException {
        return next(value -> value instanceof byte[] bytes ? bytes.clone() : value);
    }

    private interface Conversion<T> {
        T apply(Object value) throws JMSException;
    }

    /** Converts the next value and only then moves past it. */
    private <T> T next(Conversion<T> conversion) throws JMSException {
        T value = conversion.apply(peek());
        position++;
        return value;
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
        append(TypedBodyCodec.checkedCopy(value));
    }

    private void append(Object value) throws MessageNotWriteableException {
        checkBodyWritable();
        values.add(value);
    }
}
