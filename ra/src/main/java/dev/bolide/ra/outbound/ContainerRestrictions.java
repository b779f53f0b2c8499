package dev.bolide.ra.outbound;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * A producer or consumer as the container hands it out (Jakarta Messaging 3.1, 12.2): the same
 * object, except that {@code setMessageListener} and sends with a {@code CompletionListener} throw
 * an {@link IllegalStateException}. A proxy, because every other method passes through unchanged.
 */
final class ContainerRestrictions implements InvocationHandler {
    private final Object target;

    private ContainerRestrictions(Object target) {
        this.target = target;
    }

    /**
     * {@code target} behind a proxy of those of {@code interfaces} it implements.
     *
     * @param type what the caller gets back, one of {@code interfaces}
     */
    static <T> T restrict(T target, Class<T> type, Class<?>... interfaces) {
        Class<?>[] implemented = Arrays.stream(interfaces).filter(i -> i.isInstance(target)).toArray(Class<?>[]::new);
        return type.cast(Proxy.newProxyInstance(ContainerRestrictions.class.getClassLoader(), implemented,
                new ContainerRestrictions(target)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0];
        }
        if (method.getName().equals("setMessageListener")) {
            throw new IllegalStateException("setMessageListener is not allowed in a Jakarta EE web or EJB "
                    + "container: use a message-driven bean");
        }
        if (method.getName().equals("send") && isAsynchronous(method)) {
            throw new IllegalStateException("asynchronous sends (with a CompletionListener) are not allowed in a "
                    + "Jakarta EE web or EJB container");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isAsynchronous(Method send) {
        Class<?>[] types = send.getParameterTypes();
        return types.length > 0 && types[types.length - 1] == CompletionListener.class;
    }
}
