package dev.bolide.client.jms.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/** The body of an {@code ObjectMessage}: Java serialization, read back through an allow-list. */
public final class ObjectBodyCodec {
    private ObjectBodyCodec() {
    }

    public static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw formatError("cannot serialize " + object.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    public static Serializable deserialize(byte[] body, ObjectAllowList allowList)
            throws MessageFormatException {
        ObjectAllowList.RecordingFilter filter = allowList.filterFor(body.length);
        try (ObjectInputStream in = new ContextClassLoaderInput(body)) {
            in.setObjectInputFilter(filter);
            Object object = in.readObject();
            if (!(object instanceof Serializable serializable)) {
                throw new MessageFormatException("the body is not a Serializable object");
            }
            return serializable;
        } catch (InvalidClassException e) {
            throw formatError(refusal(filter, e), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw formatError("the body cannot be deserialized: " + e, e);
        }
    }

    private static String refusal(ObjectAllowList.RecordingFilter filter, InvalidClassException e) {
        return filter.refused() == null ? "the body cannot be deserialized: " + e
                : filter.refused() + " is not allowed by the ObjectMessage allow-list";
    }

    private static MessageFormatException formatError(String message, Exception cause) {
        MessageFormatException error = new MessageFormatException(message);
        error.setLinkedException(cause);
        error.initCause(cause);
        return error;
    }

    /** Application classes live in the caller's class loader (an EJB module, say), not in ours. */
    private static final class ContextClassLoaderInput extends ObjectInputStream {
        ContextClassLoaderInput(byte[] body) throws IOException {
            super(new ByteArrayInputStream(body));
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
