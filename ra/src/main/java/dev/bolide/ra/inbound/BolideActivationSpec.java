package dev.bolide.ra.inbound;

import dev.bolide.ra.AdapterActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;

/**
 * The activation properties of a {@code jakarta.jms.MessageListener} endpoint (a message-driven
 * bean): those of Jakarta Messaging 3.1, chapter 13, and Bolide's own. A JavaBean, as the server
 * sets it from {@code @ActivationConfigProperty}; {@link ActivationSettings#check} reads and checks it.
 */
public class BolideActivationSpec extends AdapterActivationSpec {
    private String destinationLookup;
    private String destination;
    private String destinationType;
    private String messageSelector;
    private String acknowledgeMode;
    private String subscriptionDurability;
    private String subscriptionName;
    private String clientId;
    private String connectionFactoryLookup;
    private Boolean shareSubscriptions;
    private Integer maxSession;
    private Boolean consumeOrderly;
    private Integer maxRedeliveries;
    private String consumeFromWhere;
    private String tagExpression;
    private String namesrvAddr;

    /** Checks what can be checked without the server's naming context (lookups are resolved at activation). */
    @Override
    public void validate() throws InvalidPropertyException {
        ActivationSettings.check(this, null);
    }

    public String getDestinationLookup() {
        return destinationLookup;
    }

    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getConnectionFactoryLookup() {
        return connectionFactoryLookup;
    }

    public void setConnectionFactoryLookup(String connectionFactoryLookup) {
        this.connectionFactoryLookup = connectionFactoryLookup;
    }

    public Boolean getShareSubscriptions() {
        return shareSubscriptions;
    }

    public void setShareSubscriptions(Boolean shareSubscriptions) {
        this.shareSubscriptions = shareSubscriptions;
    }

    public Integer getMaxSession() {
        return maxSession;
    }

    public void setMaxSession(Integer maxSession) {
        this.maxSession = maxSession;
    }

    public Boolean getConsumeOrderly() {
        return consumeOrderly;
    }

    public void setConsumeOrderly(Boolean consumeOrderly) {
        this.consumeOrderly = consumeOrderly;
    }

    public Integer getMaxRedeliveries() {
        return maxRedeliveries;
    }

    public void setMaxRedeliveries(Integer maxRedeliveries) {
        this.maxRedeliveries = maxRedeliveries;
    }

    public String getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(String consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getTagExpression() {
        return tagExpression;
    }

    public void setTagExpression(String tagExpression) {
        this.tagExpression = tagExpression;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }
}
