package dev.bolide.ra.mdb;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.MessageListener;

/**
 * A second bean, its own activation, on {@link SharedPricesBean}'s shared subscription: the same
 * activation properties. It names its listener interface itself: a container may look only at the
 * interfaces the bean class declares, not those of its superclass.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = SharedPricesBean.TOPIC),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = SharedPricesBean.SUBSCRIPTION),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecondSharedPricesBean extends SharedPricesBean implements MessageListener {
}
