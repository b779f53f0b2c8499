package dev.bolide.broker.filter;

import dev.bolide.broker.client.Subscription;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.selector.Selector;
import dev.bolide.protocol.selector.SelectorSyntaxException;
import dev.bolide.store.MessageFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a subscription into the store filter that applies it: TAG expressions on the ConsumeQueue's
 * tag hash, SQL92 expressions on the message properties (only when {@code enablePropertyFilter} is
 * on). Compiled selectors are kept, since every pull of a group repeats the same expression.
 */
public final class SubscriptionFilters {
    public static final String SQL92 = "SQL92";
    /** Enough for every live subscription of a large broker; beyond it the cache starts over. */
    private static final int MAX_CACHED = 4096;

    private final boolean propertyFilterEnabled;
    private final Map<String, Selector> compiled = new ConcurrentHashMap<>();

    public SubscriptionFilters(boolean propertyFilterEnabled) {
        this.propertyFilterEnabled = propertyFilterEnabled;
    }

    /** The filter for a subscription, or why there is none. */
    public MessageFilter filterFor(Subscription subscription) throws FilterRefusedException {
        if (isTagType(subscription.expressionType())) {
            return TagFilter.of(subscription.expression());
        }
        return new PropertyFilter(compile(subscription.expressionType(), subscription.expression()));
    }

    /** Checks that a subscription can be served (CHECK_CLIENT_CONFIG, at consumer start). */
    public void check(String expressionType, String expression) throws FilterRefusedException {
        if (!isTagType(expressionType)) {
            compile(expressionType, expression);
        }
    }

    private Selector compile(String expressionType, String expression) throws FilterRefusedException {
        if (!SQL92.equals(expressionType) || !propertyFilterEnabled) {
            throw new FilterRefusedException(ResponseCode.SYSTEM_ERROR,
                    "The broker does not support consumer to filter message by " + expressionType
                            + (SQL92.equals(expressionType) ? " (enablePropertyFilter=false)" : ""));
        }
        Selector selector = compiled.get(expression);
        if (selector != null) {
            return selector;
        }
        try {
            selector = Selector.compileSql92(expression);
        } catch (SelectorSyntaxException e) {
            throw new FilterRefusedException(ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                    "the SQL92 expression [" + expression + "] does not compile: " + e.getMessage());
        }
        if (compiled.size() >= MAX_CACHED) {
            compiled.clear();
        }
        compiled.put(expression, selector);
        return selector;
    }

    private static boolean isTagType(String expressionType) {
        return expressionType == null || expressionType.isEmpty() || expressionType.equals(Subscription.TAG);
    }
}
