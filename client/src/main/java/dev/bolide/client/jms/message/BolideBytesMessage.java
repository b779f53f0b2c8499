package dev.bolide.client.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;

/**
 * A bytes message; the RocketMQ body is the bytes as they are, which is what a native RocketMQ
 * producer sends. The primitive reads and writes are those of {@link java.io.DataInput}.
 */
public class BolideBytesMessage extends BolideMessage implements BytesMessage {
    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(written);
    private byte[] body = new byte[0];
    private DataInputStream in;

    public static BolideBytesMessage fromBody(byte[] body) {
        BolideBytesMessage message = new BolideBytesMessage();
        message.written.writeBytes(body == null ? new byte[0] : body);
        return message;
    }

    @Override
    public BodyType bodyType() {
        return BodyType.BYTES;
    }

    @Override
    public byte[] encodeBody() {
        return isBodyReadOnly() ? body.clone() : written.toByteArray();
    }

    @Override
    public void markReceived() throws JMSException {
        reset();
        super.markReceived();
    }

    @Override
    protected void clearBodyContent() {
        written = new ByteArrayOutputStream();
        out = new DataOutputStream(written);
        body = new byte[0];
        in = null;
    }

    /** The asked type is checked before the mode: a BytesMessage's body is never anything but a byte[]. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (!c.isAssignableFrom(byte[].class)) {
            throw new MessageFormatException("the body of a BytesMessage is a byte[], not a " + c.getName());
        }
        return super.getBody(c);
    }

    @Override
    protected Object bodyValue() throws JMSException {
        checkReadable();
        return body.length == 0 ? null : body.clone();
    }

    @Override
    public long getBodyLength() throws JMSException {
        checkReadable();
        return body.length;
    }

    /** Puts the body in read-only mode at its start; what was written becomes the body. */
    @Override
    public void reset() {
        if (!isBodyReadOnly()) {
            body = written.toByteArray();
        }
        setBodyReadOnly(true);
        in = new DataInputStream(new ByteArrayInputStream(body));
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException("the body is in write-only mode: call reset()");
        }
    }

    private interface Read<T> {
        T from(DataInputStream in) throws IOException;
    }

    private <T> T read(Read<T> read) throws JMSException {
        checkReadable();
        try {
            return read.from(in);
        } catch (EOFException e) {
            throw new MessageEOFException("the end of the body is reached");
        } catch (UTFDataFormatException e) {
            throw new MessageFormatException("the body does not hold modified UTF-8 here");
        } catch (IOException e) {
            throw new MessageFormatException("the body cannot be read: " + e);
        }
    }

    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private void write(Write write) throws JMSException {
        checkBodyWritable();
        try {
            write.to(out);
        } catch (IOException e) {
            throw new MessageFormatException("the value cannot be written: " + e);
        }
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(DataInputStream::readBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(DataInputStream::readByte);
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return read(DataInputStream::readUnsignedByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(DataInputStream::readShort);
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return read(DataInputStream::readUnsignedShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(DataInputStream::readChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(DataInputStream::readInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(DataInputStream::readLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(DataInputStream::readFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(DataInputStream::readDouble);
    }

    @Override
    public String readUTF() throws JMSException {
        return read(data -> data.readUTF());
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /** Returns -1 at the end of the body, as {@link java.io.InputStream#read} does. */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " for a " + value.length + " array");
        }
        return read(data -> data.read(value, 0, length));
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(data -> data.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(data -> data.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(data -> data.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(data -> data.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(data -> data.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(data -> data.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(data -> data.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(data -> data.writeDouble(value));
    }

    @Override
    public void writeUTF(String value) throws JMSException {
        write(data -> data.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(data -> data.write(value));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(data -> data.write(value, offset, length));
    }

    /** Writes a boxed primitive, a String or a byte[]; anything else is a format error. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("a bytes message cannot hold null");
        }
        if (value instanceof byte[] bytes) {
            writeBytes(bytes);
        } else if (value instanceof String text) {
            writeUTF(text);
        } else if (value instanceof Character c) {
            writeChar(c);
        } else {
            writeNumberOrBoolean(value);
        }
    }

    private void writeNumberOrBoolean(Object value) throws JMSException {
        if (value instanceof Boolean b) {
            writeBoolean(b);
        } else if (value instanceof Byte b) {
            writeByte(b);
        } else if (value instanceof Short s) {
            writeShort(s);
        } else if (value instanceof Integer i) {
            writeInt(i);
        } else if (value instanceof Long l) {
            writeLong(l);
        } else if (value instanceof Float f) {
            writeFloat(f);
        } else if (value instanceof Double d) {
            writeDouble(d);
        } else {
            throw new MessageFormatException("a bytes message cannot hold a " + value.getClass().getName());
        }
    }
}
